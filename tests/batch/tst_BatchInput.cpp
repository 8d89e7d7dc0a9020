#include "core/batch/BatchInput.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// The input of `switchyard batch submit`: read whole or not at all, the first bad line named as
// FILE:LINE[:COL] with the field at fault.
class tst_BatchInput : public QObject
{
    Q_OBJECT

private slots:
    void goodFile_givesEachLineWithItsIdPromptAndLimit();
    void badFile_refusedNamingLineAndField_data();
    void badFile_refusedNamingLineAndField();
};

void tst_BatchInput::goodFile_givesEachLineWithItsIdPromptAndLimit()
{
    const QByteArray file = "{\"custom_id\":\"q1\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                            "{\"role\":\"user\",\"content\":\"What is 2+2?\"}],\"max_tokens\":50}\n"
                            "\n"
                            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Name a "
                            "colour.\"}]}],\"temperature\":0.2}\r\n";
    QString error;
    const auto items = BatchInput::parse(file, QStringLiteral("in.jsonl"), &error);
    QVERIFY2(items, qPrintable(error));
    QCOMPARE(items->size(), 2);
    QCOMPARE(items->at(0).line, 1);
    QCOMPARE(items->at(0).customId, QStringLiteral("q1"));
    QCOMPARE(items->at(0).prompt, QStringLiteral("What is 2+2?"));
    QCOMPARE(items->at(0).maxTokens, 50);
    // custom_id is ours to send apart; everything else goes to the provider as written.
    const QJsonObject first = QJsonDocument::fromJson(items->at(0).body).object();
    QVERIFY(!first.contains(QLatin1String("custom_id")));
    QCOMPARE(first.value(QLatin1String("max_tokens")).toInt(), 50);
    QCOMPARE(items->at(1).line, 3);
    QCOMPARE(items->at(1).customId, QStringLiteral("request-3"));
    QCOMPARE(items->at(1).prompt, QStringLiteral("Name a colour."));
    QCOMPARE(QJsonDocument::fromJson(items->at(1).body).object().value(QLatin1String("temperature")).toDouble(), 0.2);
}

void tst_BatchInput::badFile_refusedNamingLineAndField_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("error");
    const QByteArray ok = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n";
    QTest::newRow("a line that is not JSON, at the column where the parser stopped") << ok
            + "{\"messages\": [}\n" << QStringLiteral("in.jsonl:2:16: not valid JSON");
    QTest::newRow("a JSON array, not an object") << ok + ok + "[1,2]\n"
                                                 << QStringLiteral("in.jsonl:3: expected a JSON object");
    QTest::newRow("no messages") << QByteArray("{\"max_tokens\":5}\n") << QStringLiteral("in.jsonl:1: \"messages\"");
    QTest::newRow("empty messages") << QByteArray("{\"messages\":[]}\n") << QStringLiteral("in.jsonl:1: \"messages\"");
    QTest::newRow("a message without a role")
        << QByteArray("{\"messages\":[{\"content\":\"x\"}]}\n") << QStringLiteral("in.jsonl:1: \"messages[0]\"");
    QTest::newRow("a model of its own")
        << QByteArray("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}\n")
        << QStringLiteral("in.jsonl:1: \"model\": the model is chosen for the whole batch with --model");
    QTest::newRow("stream true") << QByteArray(
        "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}\n")
                                 << QStringLiteral("in.jsonl:1: \"stream\"");
    QTest::newRow("custom_id with a space")
        << QByteArray("{\"custom_id\":\"q 1\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}\n")
        << QStringLiteral("in.jsonl:1: \"custom_id\": expected 1 to 64 letters");
    QTest::newRow("custom_id used twice")
        << QByteArray("{\"custom_id\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}\n"
                      "{\"custom_id\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"y\"}]}\n")
        << QStringLiteral("in.jsonl:2: \"custom_id\": \"a\" is already used on line 1");
    QTest::newRow("max_tokens zero") << QByteArray(
        "{\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}\n")
                                     << QStringLiteral("in.jsonl:1: \"max_tokens\": expected a whole number");
    QTest::newRow("max_completion_tokens a string")
        << QByteArray("{\"max_completion_tokens\":\"9\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}\n")
        << QStringLiteral("in.jsonl:1: \"max_completion_tokens\"");
    QTest::newRow("no line at all") << QByteArray("\n  \n") << QStringLiteral("in.jsonl: no requests");
}

void tst_BatchInput::badFile_refusedNamingLineAndField()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!BatchInput::parse(file, QStringLiteral("in.jsonl"), &message));
    QVERIFY2(message.startsWith(error), qPrintable(message));
}

QTEST_GUILESS_MAIN(tst_BatchInput)
#include "tst_BatchInput.moc"
