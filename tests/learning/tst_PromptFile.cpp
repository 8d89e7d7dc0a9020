#include "core/learning/PromptFile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// A prompt file is read whole or not at all, and the first row it cannot read is named by line.
class TestPromptFile : public QObject
{
    Q_OBJECT

private slots:
    void badRow_refusedNamingTheLine_data();
    void badRow_refusedNamingTheLine();
    void goodFile_readsEveryRow();
    void twoGigabyteLine_refusedWithoutReadingIt();
    void scoreKeys_onlyThoseEveryRowHas();

private:
    QString write(const QByteArray& content)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.jsonl").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            return {};
        }
        return path;
    }

    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestPromptFile::badRow_refusedNamingTheLine_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // after "FILE:"

    const QByteArray good = R"({"id": "a", "prompt": "hello", "scores": {"w": 1, "s": 0}})"
                            "\n";
    QTest::newRow("missing id on line 2") << good + R"({"prompt": "x"})"
                                          << "2: missing field \"id\"";
    QTest::newRow("missing prompt on line 3") << good + good + R"({"id": "c"})" + "\n"
                                              << "3: missing field \"prompt\"";
    QTest::newRow("prompt is a number") << good + R"({"id": "b", "prompt": 7})"
                                        << "2: field \"prompt\" must be a string";
    QTest::newRow("id is an object") << QByteArray(R"({"id": {}, "prompt": "x"})")
                                     << "1: field \"id\" must be a non-empty string or a number";
    QTest::newRow("empty id") << QByteArray(R"({"id": "", "prompt": "x"})")
                              << "1: field \"id\" must be a non-empty string or a number";
    QTest::newRow("scores is a list") << good + R"({"id": "b", "prompt": "x", "scores": [1, 0]})"
                                      << "2: field \"scores\" must be an object of numbers";
    QTest::newRow("a score is text") << good + R"({"id": "b", "prompt": "x", "scores": {"w": "1"}})"
                                     << "2: field \"scores.w\" must be a number";
    QTest::newRow("invalid JSON") << good + R"({"id": "b", "prompt": "x")"
                                  << "2: invalid JSON at column";
    QTest::newRow("an array, not an object") << good + "[1, 2]\n"
                                             << "2: expected a JSON object";
    QTest::newRow("blank lines still count") << good + "\n\n" + R"({"id": "z"})"
                                             << "4: missing field \"prompt\"";
}

void TestPromptFile::badRow_refusedNamingTheLine()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = write(content);
    const PromptFile file = PromptFile::read(path);
    QVERIFY(!file.ok());
    QVERIFY2(file.errorString().startsWith(path + QLatin1Char(':') + expected), qPrintable(file.errorString()));
    QVERIFY(file.rows().isEmpty());
}

void TestPromptFile::goodFile_readsEveryRow()
{
    const QString path = write(R"({"id": "a", "source": "mmlu/x", "prompt": "one", "scores": {"w": 1, "s": 0.5}})"
                               "\n\n"
                               R"({"id": 42, "prompt": "two\nlines"})"); // no final newline
    const PromptFile file = PromptFile::read(path);
    QVERIFY2(file.ok(), qPrintable(file.errorString()));
    QCOMPARE(file.rows().size(), 2);
    QCOMPARE(file.rows().at(0).source, QStringLiteral("mmlu/x"));
    QCOMPARE(file.rows().at(0).scores.value(QStringLiteral("s")), 0.5);
    QCOMPARE(file.rows().at(1).id, QStringLiteral("42"));
    QCOMPARE(file.rows().at(1).prompt, QStringLiteral("two\nlines"));
    QCOMPARE(file.rows().at(1).line, 3);
}

void TestPromptFile::twoGigabyteLine_refusedWithoutReadingIt()
{
    const QString path = m_dir.filePath(QStringLiteral("huge.jsonl"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"id": "a", "prompt": "fine"})"
                   "\n"
                   R"({"id": "b", "prompt": ")");
        // Sparse: 2 GiB of a single line without taking the disk space.
        QVERIFY(file.resize(qint64(2) * 1024 * 1024 * 1024 + 100));
    }
    QElapsedTimer timer;
    timer.start();
    const PromptFile file = PromptFile::read(path);
    QVERIFY(!file.ok());
    QCOMPARE(file.errorString(), path + QStringLiteral(":2: the line is longer than 8 MiB"));
    QVERIFY2(timer.elapsed() < 5000, "the line was read further than the limit");
}

void TestPromptFile::scoreKeys_onlyThoseEveryRowHas()
{
    const QString path = write(R"({"id": "a", "prompt": "x", "scores": {"w": 1, "s": 0, "extra": 1}})"
                               "\n"
                               R"({"id": "b", "prompt": "y", "scores": {"s": 1, "w": 0}})"
                               "\n");
    const PromptFile file = PromptFile::read(path);
    QVERIFY(file.ok());
    QCOMPARE(file.commonScoreKeys(), (QStringList { QStringLiteral("s"), QStringLiteral("w") }));
    QCOMPARE(file.meanScore(QStringLiteral("s")), 0.5);
}

QTEST_GUILESS_MAIN(TestPromptFile)
#include "tst_PromptFile.moc"
