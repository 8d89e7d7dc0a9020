#include "core/evaluation/PromptSet.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// A prompt set is read whole or not at all: CSV, JSONL and promptfoo-style YAML, and the first
// thing that cannot be read is named FILE:LINE with the field.
class tst_PromptSet : public QObject
{
    Q_OBJECT

private slots:
    void goodFile_readsEveryPrompt_data();
    void goodFile_readsEveryPrompt();
    void badFile_refusedNamingLineAndField_data();
    void badFile_refusedNamingLineAndField();
    void twoGigabyteLine_refusedWithoutReadingIt_data();
    void twoGigabyteLine_refusedWithoutReadingIt();
    void json_roundTrip();

private:
    QString write(const QString& suffix, const QByteArray& content)
    {
        const QString path = m_dir.filePath(QStringLiteral("set%1.%2").arg(++m_files).arg(suffix));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            return {};
        }
        return path;
    }

    QTemporaryDir m_dir;
    int m_files = 0;
};

void tst_PromptSet::goodFile_readsEveryPrompt_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("content");
    // "id|prompt|expected|graders described" per item
    QTest::addColumn<QStringList>("items");

    QTest::newRow("csv with every column, a quoted field over two lines")
        << "csv"
        << QByteArray("id,prompt,expected,grader\r\n"
                      "cap,Capital of France?,Paris,contains\r\n"
                      "sum,\"Add 2 and 2.\nOnly the number.\",4,numeric:0.5\r\n")
        << QStringList { "cap|Capital of France?|Paris|contains", "sum|Add 2 and 2.\nOnly the number.|4|numeric ±0.5" };
    QTest::newRow("csv with prompt only: ids are row numbers")
        << "csv" << QByteArray("prompt\nhello\n\"say \"\"hi\"\"\"\n") << QStringList { "1|hello||", "2|say \"hi\"||" };
    QTest::newRow("csv with two grader columns, one left empty")
        << "csv" << QByteArray("id,prompt,grader,grader2\na,q,json-valid,regex:^\\{\nb,r,,equals:x\n")
        << QStringList { "a|q||json-valid,regex ^\\{", "b|r||equals x" };
    QTest::newRow("jsonl with string and object graders, numeric ids and expected")
        << "jsonl"
        << QByteArray(
               R"({"id": 1, "prompt": "2+2?", "expected": 4, "grader": "numeric"})"
               "\n\n"
               R"({"id": "w", "prompt": "Weather?", "graders": [{"kind": "tool-call", "tool": "get_weather"}, "json-valid"]})"
               "\n")
        << QStringList { "1|2+2?|4|numeric ±1e-06", "w|Weather?||tool-call get_weather,json-valid" };
    QTest::newRow("promptfoo yaml: a template, default and own asserts")
        << "yaml"
        << QByteArray("prompts:\n"
                      "  - 'Answer briefly: {{question}}'\n"
                      "defaultTest:\n"
                      "  assert:\n"
                      "    - type: regex\n"
                      "      value: '\\S'\n"
                      "tests:\n"
                      "  - description: capital\n"
                      "    vars:\n"
                      "      question: Capital of France?\n"
                      "    assert:\n"
                      "      - type: contains\n"
                      "        value: Paris\n"
                      "  - vars: {question: Give JSON}\n"
                      "    assert:\n"
                      "      - type: is-json\n"
                      "      - type: llm-rubric\n"
                      "        value: Is valid JSON\n"
                      "        provider: sandbox/claude-opus\n"
                      "        threshold: 0.8\n")
        << QStringList {
               "capital|Answer briefly: Capital of France?||regex \\S,contains Paris",
               "test 2|Answer briefly: Give JSON||regex \\S,json-valid,llm-judge sandbox/claude-opus (>= 8)"
           };
    QTest::newRow("promptfoo yaml: two prompts make two items per test, is-json with a schema")
        << "yml"
        << QByteArray("prompts: ['A {{x}}', 'B {{ x }}']\n"
                      "tests:\n"
                      "  - description: t\n"
                      "    vars: {x: one, expected: '1'}\n"
                      "    assert: [{type: is-json, value: {type: number}}]\n")
        << QStringList { "t/1|A one|1|json-schema-valid", "t/2|B one|1|json-schema-valid" };
    QTest::newRow("promptfoo yaml: no prompts, vars.prompt is the prompt")
        << "yaml" << QByteArray("tests:\n  - vars: {prompt: hi}\n    assert: [{type: numeric, value: 3}]\n")
        << QStringList { "test 1|hi||numeric ±1e-06" };
}

void tst_PromptSet::goodFile_readsEveryPrompt()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, items);
    const PromptSet set = PromptSet::read(write(suffix, content));
    QVERIFY2(set.ok(), qPrintable(set.errorString()));
    QStringList got;
    for (const PromptItem& item : set.items()) {
        QStringList graders;
        for (const GraderSpec& grader : item.graders) {
            graders.append(grader.describe());
        }
        got.append(QStringList { item.id, item.prompt, item.expected, graders.join(u',') }.join(u'|'));
    }
    QCOMPARE(got, items);
}

void tst_PromptSet::badFile_refusedNamingLineAndField_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error"); // after "FILE:"

    QTest::newRow("csv: no prompt column") << "csv" << QByteArray("id,question\n1,x\n")
                                           << "1: unknown column \"question\" (known: id, prompt, expected, grader)";
    QTest::newRow("csv: missing prompt column")
        << "csv" << QByteArray("id,expected\n1,x\n") << "1: missing column \"prompt\"";
    QTest::newRow("csv: unterminated quote names the line it started on")
        << "csv" << QByteArray("id,prompt\n1,ok\n2,\"never closed\n3,x\n") << "3: ";
    QTest::newRow("csv: a row with too few fields")
        << "csv" << QByteArray("id,prompt,expected\n1,a,b\n2,c\n") << "3: 2 fields, the header has 3";
    QTest::newRow("csv: an empty prompt")
        << "csv" << QByteArray("id,prompt\n1,a\n2, \n") << "3: field \"prompt\" is empty";
    QTest::newRow("csv: a bad grader names its column")
        << "csv" << QByteArray("id,prompt,grader\n1,a,regex\n") << "2: grader: regex needs a pattern";
    QTest::newRow("csv: the same id twice")
        << "csv" << QByteArray("id,prompt\na,x\na,y\n") << "3: id \"a\" is used again (first on line 2)";
    QTest::newRow("csv: header only") << "csv" << QByteArray("id,prompt\n") << " no prompts";
    QTest::newRow("jsonl: missing prompt")
        << "jsonl" << QByteArray("{\"id\": 1, \"prompt\": \"a\"}\n{\"id\": 2}\n") << "2: missing field \"prompt\"";
    QTest::newRow("jsonl: missing id") << "jsonl" << QByteArray("{\"prompt\": \"a\"}\n") << "1: missing field \"id\"";
    QTest::newRow("jsonl: prompt of the wrong type") << "jsonl" << QByteArray("{\"id\": 1, \"prompt\": [\"a\"]}\n")
                                                     << "1: field \"prompt\" must be a non-empty string";
    QTest::newRow("jsonl: expected of the wrong type")
        << "jsonl" << QByteArray("{\"id\": 1, \"prompt\": \"a\", \"expected\": {}}\n")
        << "1: field \"expected\" must be a string or a number";
    QTest::newRow("jsonl: an unknown field is not dropped")
        << "jsonl" << QByteArray("{\"id\": 1, \"prompt\": \"a\", \"expceted\": \"x\"}\n")
        << "1: unknown field \"expceted\" (known: id, prompt, expected, grader, graders)";
    QTest::newRow("jsonl: a bad grader in a list names its place")
        << "jsonl" << QByteArray("{\"id\": 1, \"prompt\": \"a\", \"graders\": [\"equals\", {\"kind\": \"nope\"}]}\n")
        << "1: graders[1]: unknown grader \"nope\"";
    QTest::newRow("jsonl: invalid JSON") << "jsonl" << QByteArray("{\"id\": 1, \"prompt\": \"a\"\n")
                                         << "1: invalid JSON at column";
    QTest::newRow("yaml: unknown assert type names its line")
        << "yaml"
        << QByteArray("tests:\n  - vars: {prompt: a}\n    assert:\n      - type: javascript\n        value: x\n")
        << "4: tests[0].assert[0].type: \"javascript\" is not supported";
    QTest::newRow("yaml: a missing variable")
        << "yaml" << QByteArray("prompts: ['Q: {{question}}']\ntests:\n  - vars: {q: a}\n")
        << "3: tests[0]: no variable \"question\" for the prompt";
    QTest::newRow("yaml: an assert without type") << "yaml"
                                                  << QByteArray("tests:\n  - vars: {prompt: a}\n    assert:\n"
                                                                "      - value: x\n")
                                                  << "4: tests[0].assert[0].type: missing";
    QTest::newRow("yaml: llm-rubric without a judge") << "yaml"
                                                      << QByteArray("tests:\n  - vars: {prompt: a}\n    assert:\n"
                                                                    "      - type: llm-rubric\n        value: good\n")
                                                      << "4: tests[0].assert[0].provider: missing";
    QTest::newRow("yaml: tests is not a list")
        << "yaml" << QByteArray("tests: 3\n") << "1: tests: must be a non-empty list";
    QTest::newRow("yaml: a syntax error") << "yaml" << QByteArray("tests:\n  - vars: {prompt: a\n") << "3:";
    QTest::newRow("unknown suffix") << "txt" << QByteArray("hello\n")
                                    << " unknown kind of prompt file (expected .csv, .jsonl or .yaml)";
}

void tst_PromptSet::badFile_refusedNamingLineAndField()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    const QString path = write(suffix, content);
    const PromptSet set = PromptSet::read(path);
    QVERIFY(!set.ok());
    QVERIFY(set.items().isEmpty());
    QVERIFY2(set.errorString().startsWith(path + u':' + error), qPrintable(set.errorString()));
}

void tst_PromptSet::twoGigabyteLine_refusedWithoutReadingIt_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("csv") << "csv";
    QTest::newRow("jsonl") << "jsonl";
    QTest::newRow("yaml") << "yaml";
}

void tst_PromptSet::twoGigabyteLine_refusedWithoutReadingIt()
{
    QFETCH(QString, suffix);
    const QString path = write(suffix, "id,prompt\n");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        // Sparse: 2 GiB of a single line without taking the disk space.
        QVERIFY(file.resize(qint64(2) * 1024 * 1024 * 1024 + 100));
    }
    QElapsedTimer timer;
    timer.start();
    const PromptSet set = PromptSet::read(path);
    QVERIFY(!set.ok());
    QCOMPARE(set.errorString(), path + QStringLiteral(":2: the line is longer than 8 MiB"));
    QVERIFY2(timer.elapsed() < 5000, "the line was read further than the limit");
}

void tst_PromptSet::json_roundTrip()
{
    const PromptSet set = PromptSet::read(write(QStringLiteral("jsonl"),
                                                R"({"id": "a", "prompt": "p", "expected": "e", "grader": "regex:x+"})"
                                                "\n"
                                                R"({"id": "b", "prompt": "q"})"
                                                "\n"));
    QVERIFY2(set.ok(), qPrintable(set.errorString()));
    const PromptSet back = PromptSet::fromJson(set.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back.items(), set.items());
}

QTEST_GUILESS_MAIN(tst_PromptSet)
#include "tst_PromptSet.moc"
