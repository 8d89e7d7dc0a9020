#include "core/sandbox/SandboxText.h"

#include <QTest>

// The reply generator is a pure function: tables in, pieces out.
class TestSandboxText : public QObject
{
    Q_OBJECT

private slots:
    void splitPieces_whitespaceLeadsEachPiece_data();
    void splitPieces_whitespaceLeadsEachPiece();
    void asksForCode_data();
    void asksForCode();
    void generate_sameInputsSamePieces();
    void generate_maxTokensBoundsReasoningAndAnswer_data();
    void generate_maxTokensBoundsReasoningAndAnswer();
    void stableHash_knownValue();
};

void TestSandboxText::splitPieces_whitespaceLeadsEachPiece_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("pieces");
    QTest::newRow("words") << "Hello big world." << QStringList { "Hello", " big", " world." };
    QTest::newRow("newlines stay with the next word") << "a\n\nb" << QStringList { "a", "\n\nb" };
    QTest::newRow("indented code") << "def f():\n    return 1" << QStringList { "def", " f():", "\n    return", " 1" };
    QTest::newRow("trailing whitespace is its own piece") << "x  " << QStringList { "x", "  " };
    QTest::newRow("empty") << "" << QStringList {};
}

void TestSandboxText::splitPieces_whitespaceLeadsEachPiece()
{
    QFETCH(QString, text);
    QFETCH(QStringList, pieces);
    QCOMPARE(SandboxText::splitPieces(text), pieces);
    QCOMPARE(pieces.join(QString()), text);
}

void TestSandboxText::asksForCode_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<bool>("code");
    QTest::newRow("write a function") << "Write a function that adds" << true;
    QTest::newRow("language name") << "How do I do this in Rust?" << true;
    QTest::newRow("implement") << "Implement a queue" << true;
    QTest::newRow("plain question") << "What is the capital of France?" << false;
    QTest::newRow("empty") << "" << false;
}

void TestSandboxText::asksForCode()
{
    QFETCH(QString, prompt);
    QFETCH(bool, code);
    QCOMPARE(SandboxText::asksForCode(prompt), code);
}

void TestSandboxText::generate_sameInputsSamePieces()
{
    const auto a = SandboxText::generate("prompt", "prompt", "gpt-5", 0, true);
    const auto b = SandboxText::generate("prompt", "prompt", "gpt-5", 0, true);
    QCOMPARE(a.pieces, b.pieces);
    QCOMPARE(a.reasoning, b.reasoning);
    QVERIFY(!a.truncated);
    QVERIFY(a.pieces.size() >= 15);
    QCOMPARE(a.tokenCount(), int(a.pieces.size() + a.reasoning.size()));
    QVERIFY(SandboxText::generate("prompt", "prompt", "gpt-4.1", 0, true).pieces != a.pieces);
}

void TestSandboxText::generate_maxTokensBoundsReasoningAndAnswer_data()
{
    QTest::addColumn<int>("maxTokens");
    QTest::addColumn<bool>("reasoning");
    QTest::addColumn<int>("answerPieces");
    QTest::addColumn<int>("reasoningPieces");
    QTest::newRow("answer cut at 7") << 7 << false << 7 << 0;
    QTest::newRow("reasoning eats the whole budget") << 3 << true << 0 << 3;
}

void TestSandboxText::generate_maxTokensBoundsReasoningAndAnswer()
{
    QFETCH(int, maxTokens);
    QFETCH(bool, reasoning);
    QFETCH(int, answerPieces);
    QFETCH(int, reasoningPieces);
    const auto reply = SandboxText::generate("tell me", "tell me", "m", maxTokens, reasoning);
    QVERIFY(reply.truncated);
    QCOMPARE(reply.pieces.size(), answerPieces);
    QCOMPARE(reply.reasoning.size(), reasoningPieces);
    QCOMPARE(reply.tokenCount(), maxTokens);
}

void TestSandboxText::stableHash_knownValue()
{
    QCOMPARE(SandboxText::stableHash(""), 2166136261u); // FNV-1a offset basis
    QCOMPARE(SandboxText::stableHash("a"), 0xe40c292cu);
}

QTEST_GUILESS_MAIN(TestSandboxText)
#include "tst_SandboxText.moc"
