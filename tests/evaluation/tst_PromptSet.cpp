#include "core/evaluation/PromptSet.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
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
    void tools_readInEveryFormat_data();
    void tools_readInEveryFormat();
    void toolsFile_offeredWhereAPromptHasNone();
    void promptfooProviderTools_givenToTheirModel_data();
    void promptfooProviderTools_givenToTheirModel();

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

    QTest::newRow("csv: no prompt column")
        << "csv" << QByteArray("id,question\n1,x\n")
        << "1: unknown column \"question\" (known: id, prompt, system, expected, grader, tools, tool_choice)";
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
        << "1: unknown field \"expceted\" (known: id, prompt, system, expected, grader, graders, tools, tool_choice)";
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
    QTest::newRow("jsonl: tools not a list")
        << "jsonl" << QByteArray("{\"id\": 1, \"prompt\": \"a\", \"tools\": {\"name\": \"f\"}}\n")
        << "1: tools: must be a list";
    QTest::newRow("jsonl: a tool without a name names its place")
        << "jsonl"
        << QByteArray("{\"id\": 1, \"prompt\": \"a\"}\n"
                      "{\"id\": 2, \"prompt\": \"b\", \"tools\": [{\"type\": \"function\", \"function\": {}}]}\n")
        << "2: tools[0].function.name: missing";
    QTest::newRow("jsonl: parameters that are no schema")
        << "jsonl"
        << QByteArray("{\"id\": 1, \"prompt\": \"a\", \"tools\": [{\"type\": \"function\", \"function\": "
                      "{\"name\": \"f\", \"parameters\": {\"type\": \"object\", \"properties\": 3}}}]}\n")
        << "1: tools[0].function.parameters.properties";
    QTest::newRow("jsonl: tool_choice naming no tool")
        << "jsonl"
        << QByteArray(
               "{\"id\": 1, \"prompt\": \"a\", \"tools\": [{\"type\": \"function\", \"function\": "
               "{\"name\": \"f\"}}], \"tool_choice\": {\"type\": \"function\", \"function\": {\"name\": \"g\"}}}\n")
        << "1: tool_choice.function.name: \"g\" is not one of the tools";
    QTest::newRow("jsonl: tool_choice without tools")
        << "jsonl" << QByteArray("{\"id\": 1, \"prompt\": \"a\", \"tool_choice\": \"required\"}\n")
        << "1: tool_choice: there are no tools to choose from";
    QTest::newRow("csv: tools cell that is not JSON")
        << "csv" << QByteArray("id,prompt,tools\na,q,[{\"\"type\"\": }]\n") << "2: tools: invalid JSON at column";
    QTest::newRow("csv: an unknown tool_choice word")
        << "csv"
        << QByteArray("id,prompt,tools,tool_choice\na,q,\"[{\"\"type\"\":\"\"function\"\",\"\"function\"\":{"
                      "\"\"name\"\":\"\"f\"\"}}]\",always\n")
        << "2: tool_choice: \"always\" is not auto, none, required";
    QTest::newRow("yaml: a test's tools name their line and test")
        << "yaml"
        << QByteArray("tests:\n  - vars: {prompt: a}\n  - vars: {prompt: b}\n    tools:\n      - type: function\n"
                      "        function: {description: no name}\n")
        << "5: tests[1]: tools[0].function.name: missing";
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

void tst_PromptSet::tools_readInEveryFormat_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("content");
    // "id|system|tool names|tool_choice as JSON (empty: not sent)" per item
    QTest::addColumn<QStringList>("items");
    const QByteArray weather = "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"parameters\": "
                               "{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}}}";
    QTest::newRow("jsonl: tools and tool_choice on one line, none on the other")
        << "jsonl"
        << QByteArray("{\"id\": \"w\", \"prompt\": \"Weather in Paris?\", \"system\": \"Use tools.\", \"tools\": ["
                      + weather + "], \"tool_choice\": \"required\"}\n{\"id\": \"p\", \"prompt\": \"Hi\"}\n")
        << QStringList { "w|Use tools.|get_weather|\"required\"", "p|||" };
    QTest::newRow("csv: a tools column with JSON, tool_choice as a bare word and as JSON")
        << "csv"
        << QByteArray(
               "id,prompt,system,tools,tool_choice\n"
               "a,q,Be brief.,\"[{\"\"type\"\":\"\"function\"\",\"\"function\"\":{\"\"name\"\":\"\"f\"\"}}]\",none\n"
               "b,r,,\"[{\"\"type\"\":\"\"function\"\",\"\"function\"\":{\"\"name\"\":\"\"f\"\"}}]\","
               "\"{\"\"type\"\":\"\"function\"\",\"\"function\"\":{\"\"name\"\":\"\"f\"\"}}\"\n"
               "c,s,,,\n")
        << QStringList { "a|Be brief.|f|\"none\"", "b||f|{\"function\":{\"name\":\"f\"},\"type\":\"function\"}",
                         "c|||" };
    QTest::newRow("yaml: defaultTest's tools, a test's own instead")
        << "yaml"
        << QByteArray("defaultTest:\n  tools:\n    - type: function\n      function:\n        name: lookup\n"
                      "        parameters: {type: object, properties: {q: {type: string}}}\n"
                      "tests:\n  - description: d\n    vars: {prompt: a}\n"
                      "  - description: own\n    vars: {prompt: b}\n    tools: ["
                      + weather + "]\n    tool_choice: auto\n")
        << QStringList { "d||lookup|", "own||get_weather|\"auto\"" };
}

void tst_PromptSet::tools_readInEveryFormat()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, items);
    const PromptSet set = PromptSet::read(write(suffix, content));
    QVERIFY2(set.ok(), qPrintable(set.errorString()));
    QStringList got;
    for (const PromptItem& item : set.items()) {
        QStringList names;
        for (const ToolDefinition& tool : item.tools.tools.tools) {
            names.append(tool.name);
        }
        const QJsonValue choice = item.tools.choice;
        const QString choiceText = choice.isUndefined()
            ? QString()
            : QString::fromUtf8(QJsonDocument(QJsonArray { choice }).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        got.append(QStringList { item.id, item.system, names.join(u','), choiceText }.join(u'|'));
    }
    QCOMPARE(got, items);
    // What the ledger keeps of the set offers the same tools on a resume.
    QCOMPARE(PromptSet::fromJson(set.toJson()).items(), set.items());
}

void tst_PromptSet::toolsFile_offeredWhereAPromptHasNone()
{
    const PromptSet set = PromptSet::read(write(QStringLiteral("jsonl"),
                                                "{\"id\": \"own\", \"prompt\": \"a\", \"tools\": [{\"type\": "
                                                "\"function\", \"function\": {\"name\": \"mine\"}}]}\n"
                                                "{\"id\": \"bare\", \"prompt\": \"b\"}\n"));
    QVERIFY2(set.ok(), qPrintable(set.errorString()));
    QString error;
    const auto file = PromptTools::parse(
        "{\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"shared\"}}], \"tool_choice\": \"required\"}",
        &error);
    QVERIFY2(file, qPrintable(error));
    const PromptSet offered = set.withTools(*file);
    QCOMPARE(offered.items().at(0).tools.tools.tools.first().name, QStringLiteral("mine"));
    QCOMPARE(offered.items().at(1).tools.tools.tools.first().name, QStringLiteral("shared"));
    QCOMPARE(offered.items().at(1).tools.choice, QJsonValue(QStringLiteral("required")));
    QVERIFY(!PromptTools::parse("{\"tools\": [], \"extra\": 1}", &error));
    QCOMPARE(error, QStringLiteral("unknown field \"extra\" (known: tools, tool_choice)"));
    QVERIFY(!PromptTools::parse("[{\"type\": \"function\",\n \"function\": {\"name\": }}]", &error));
    QVERIFY2(error.startsWith(QStringLiteral("2:23: ")), qPrintable(error));
}

namespace {
// "get_weather|"required"": the tools' names and the tool_choice as JSON, empty when none.
QString offered(const PromptTools& tools)
{
    QStringList names;
    for (const ToolDefinition& tool : tools.tools.tools) {
        names.append(tool.name);
    }
    const QString choice = tools.choice.isUndefined()
        ? QString()
        : QString::fromUtf8(QJsonDocument(QJsonArray { tools.choice }).toJson(QJsonDocument::Compact))
              .mid(1)
              .chopped(1);
    return names.join(u',') + u'|' + choice;
}

const QByteArray kTests = "tests:\n  - vars: {prompt: \"Weather in Paris?\"}\n";
} // namespace

void tst_PromptSet::promptfooProviderTools_givenToTheirModel_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("models");
    QTest::addColumn<QStringList>("offeredToEach"); // per model of `models`, for the test's prompt
    QTest::addColumn<QString>("error"); // how the error goes on after "FILE:"; empty: read
    const QStringList sandbox { QStringLiteral("sandbox/gpt-4.1-mini"), QStringLiteral("sandbox/claude-haiku-4-5") };
    QTest::newRow("OpenAI's format, matched by the model of its id; an entry without config offers none")
        << QByteArray("providers:\n"
                      "  - id: openai:chat:gpt-4.1-mini\n"
                      "    config:\n"
                      "      temperature: 0\n"
                      "      tools:\n"
                      "        - type: function\n"
                      "          function:\n"
                      "            name: get_weather\n"
                      "            parameters: {type: object, properties: {city: {type: string}}}\n"
                      "      tool_choice: required\n"
                      "  - anthropic:messages:claude-haiku-4-5\n")
            + kTests
        << sandbox << QStringList { "get_weather|\"required\"", "|" } << QString();
    QTest::newRow("Anthropic's native tools and tool_choice mapped to OpenAI's")
        << QByteArray("providers:\n"
                      "  - id: anthropic:messages:claude-haiku-4-5\n"
                      "    config:\n"
                      "      tools:\n"
                      "        - name: lookup\n"
                      "          description: Look it up\n"
                      "          input_schema: {type: object, properties: {q: {type: string}}}\n"
                      "      tool_choice: {type: any}\n")
            + kTests
        << sandbox << QStringList { "|", "lookup|\"required\"" } << QString();
    QTest::newRow("Bedrock's toolSpec mapped, the entry matched by its label; YAML anchors reuse tools")
        << QByteArray("targets:\n"
                      "  - id: bedrock:converse:anthropic.claude-3-haiku-20240307-v1:0\n"
                      "    label: cheap\n"
                      "    config:\n"
                      "      tools: &tools\n"
                      "        - toolSpec: {name: find, inputSchema: {json: {type: object}}}\n"
                      "      tool_choice: {type: tool, name: find}\n"
                      "  - id: openai:gpt-5\n"
                      "    label: strong\n"
                      "    config: {tools: *tools}\n")
            + kTests
        << QStringList { "cheap", "strong" }
        << QStringList { "find|{\"function\":{\"name\":\"find\"},\"type\":\"function\"}", "find|" } << QString();
    QTest::newRow("a test's own tools are offered to every model instead")
        << QByteArray("providers:\n"
                      "  - id: openai:gpt-4.1-mini\n"
                      "    config: {tools: [{type: function, function: {name: theirs}}]}\n"
                      "tests:\n"
                      "  - vars: {prompt: \"Q?\"}\n"
                      "    tools: [{type: function, function: {name: mine}}]\n")
        << sandbox << QStringList { "mine|", "mine|" } << QString();
    QTest::newRow("tools from a JSON file next to the set") << QByteArray("providers:\n"
                                                                          "  - id: openai:gpt-4.1-mini\n"
                                                                          "    config:\n"
                                                                          "      tools: file://provider-tools.json\n")
            + kTests << sandbox << QStringList { "from_file|", "|" }
                                                            << QString();
    QTest::newRow("an entry whose tools would go to no model")
        << QByteArray("providers:\n"
                      "  - id: openai:gpt-5\n"
                      "    config:\n"
                      "      tools:\n"
                      "        - {type: function, function: {name: f}}\n")
            + kTests
        << sandbox << QStringList {} << "2: providers[0].config.tools: openai:gpt-5 is none of the models evaluated";
    QTest::newRow("two entries naming one model")
        << QByteArray("providers:\n"
                      "  - id: openai:gpt-4.1-mini\n"
                      "    config: {tools: [{type: function, function: {name: a}}]}\n"
                      "  - id: openai:chat:gpt-4.1-mini\n"
                      "    config: {tools: [{type: function, function: {name: b}}]}\n")
            + kTests
        << sandbox << QStringList {}
        << "4: providers[1]: openai:chat:gpt-4.1-mini names the model sandbox/gpt-4.1-mini, as openai:gpt-4.1-mini "
           "does";
    QTest::newRow("Google's functionDeclarations refused")
        << QByteArray("providers:\n"
                      "  - id: google:gemini-2.5-flash\n"
                      "    config:\n"
                      "      tools:\n"
                      "        - functionDeclarations: [{name: f}]\n")
            + kTests
        << sandbox << QStringList {} << "5: providers[0].config.tools[0]: Google's functionDeclarations are not read";
    QTest::newRow("a script of tools is not run")
        << QByteArray("providers:\n"
                      "  - id: openai:gpt-4.1-mini\n"
                      "    config:\n"
                      "      tools: file://tools.py:get_tools\n")
            + kTests
        << sandbox << QStringList {}
        << "4: providers[0].config.tools: file://tools.py:get_tools: only a .json or .yaml file of tools is read";
    QTest::newRow("a tool without a name") << QByteArray("providers:\n"
                                                         "  - id: openai:gpt-4.1-mini\n"
                                                         "    config:\n"
                                                         "      tools:\n"
                                                         "        - type: function\n"
                                                         "          function: {description: no name}\n")
            + kTests << sandbox << QStringList {}
                                           << "5: providers[0].config: tools[0].function.name: missing";
    QTest::newRow("tool_choice without tools")
        << QByteArray("providers:\n"
                      "  - id: openai:gpt-4.1-mini\n"
                      "    config:\n"
                      "      tool_choice: required\n")
            + kTests
        << sandbox << QStringList {} << "4: providers[0].config.tool_choice: there is no config.tools to choose from";
    QTest::newRow("OpenAI's older functions refused")
        << QByteArray("providers:\n"
                      "  - id: openai:gpt-4.1-mini\n"
                      "    config:\n"
                      "      functions: [{name: f}]\n")
            + kTests
        << sandbox << QStringList {} << "4: providers[0].config.functions: OpenAI's older functions are not read";
}

void tst_PromptSet::promptfooProviderTools_givenToTheirModel()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, models);
    QFETCH(QStringList, offeredToEach);
    QFETCH(QString, error);
    QFile tools(m_dir.filePath(QStringLiteral("provider-tools.json")));
    QVERIFY(tools.open(QIODevice::WriteOnly));
    tools.write(R"([{"type": "function", "function": {"name": "from_file"}}])");
    tools.close();
    const QString path = write(QStringLiteral("yaml"), yaml);
    const PromptSet set = PromptSet::read(path);
    QString why = set.errorString();
    std::optional<PromptSet> given;
    if (set.ok()) {
        given = set.forModels(models, &why);
    }
    if (!error.isEmpty()) {
        QVERIFY(!given);
        QVERIFY2(why.startsWith(path + u':' + error), qPrintable(why));
        return;
    }
    QVERIFY2(given, qPrintable(why));
    QStringList got;
    for (const QString& model : models) {
        got.append(offered(given->items().first().toolsFor(model)));
    }
    QCOMPARE(got, offeredToEach);
    // Kept with the evaluation as given, so a resume offers each model the same.
    QCOMPARE(PromptSet::fromJson(given->toJson()).items(), given->items());
}

QTEST_GUILESS_MAIN(tst_PromptSet)
#include "tst_PromptSet.moc"
