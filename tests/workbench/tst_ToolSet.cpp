#include "core/workbench/ColumnSpec.h"
#include "core/workbench/ToolCallCheck.h"
#include "core/workbench/ToolSet.h"

#include <QJsonDocument>
#include <QTest>

// The workbench's tools: read from OpenAI's `tools` JSON (bad input named by its place), put on
// every column's request as an OpenAI body, and each call a model makes checked against them.
class TestToolSet : public QObject
{
    Q_OBJECT

private:
    static QByteArray weatherTools()
    {
        return R"([{"type":"function","function":{"name":"get_weather","description":"Weather now",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"},
                   "units":{"enum":["celsius","fahrenheit"]}},"required":["city","units"]},"strict":false}},
                  {"type":"function","function":{"name":"get_time"}}])";
    }

private slots:
    void parse_data();
    void parse();
    void parseThenJson_roundTrip();
    void requestFor_withTools_isOpenAiBody();
    void requestFor_withoutTools_staysPlain();
    void check_data();
    void check();
};

void TestToolSet::parse_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("error"); // empty: parses

    QTest::newRow("an OpenAI tools array") << weatherTools() << QStringList { "get_weather", "get_time" } << QString();
    QTest::newRow("an object with a tools member (a request body)")
        << QByteArray(R"({"model":"gpt-4.1","tools":[{"type":"function","function":{"name":"a"}}]})")
        << QStringList { "a" } << QString();
    QTest::newRow("legacy functions entries")
        << QByteArray(R"([{"name":"lookup","parameters":{"type":"object"}}])") << QStringList { "lookup" } << QString();
    QTest::newRow("an empty list") << QByteArray("[]") << QStringList() << QString();
    QTest::newRow("JSON that does not parse names line and column")
        << QByteArray("[\n  {\"type\": \"function\",\n   \"function\": {\"name\": \"a\",}}\n]") << QStringList()
        << QStringLiteral("line 3, column 29 (offset 53): object is missing after a comma");
    QTest::newRow("neither a list nor an object with tools")
        << QByteArray(R"({"name":"a"})") << QStringList()
        << QStringLiteral("expected a list of tools, or an object with a \"tools\" list");
    QTest::newRow("a tool without a name")
        << QByteArray(
               R"([{"type":"function","function":{"name":"a"}},{"type":"function","function":{"description":"x"}}])")
        << QStringList() << QStringLiteral("tools[1].function.name: missing (every tool needs a name)");
    QTest::newRow("a duplicate name") << QByteArray(
        R"([{"type":"function","function":{"name":"a"}},{"type":"function","function":{"name":"b"}},{"type":"function","function":{"name":"a"}}])")
                                      << QStringList()
                                      << QStringLiteral(
                                             "tools[2].function.name: \"a\" is defined twice (also tools[0])");
    QTest::newRow("a name the APIs refuse")
        << QByteArray(R"([{"type":"function","function":{"name":"get weather"}}])") << QStringList()
        << QStringLiteral(
               "tools[0].function.name: \"get weather\" may hold only letters, digits, _ and - (at most 64)");
    QTest::newRow("parameters that are not valid JSON Schema") << QByteArray(
        R"([{"type":"function","function":{"name":"a","parameters":{"type":"object","properties":{"n":{"type":"int"}}}}}])")
                                                               << QStringList()
                                                               << QStringLiteral(
                                                                      "tools[0].function.parameters.properties.n.type: "
                                                                      "unknown type \"int\" (known: null, boolean, "
                                                                      "object, array, number, integer, string)");
    QTest::newRow("parameters that are not an object schema")
        << QByteArray(R"([{"type":"function","function":{"name":"a","parameters":{"type":"string"}}}])")
        << QStringList()
        << QStringLiteral("tools[0].function.parameters.type: the parameters of a tool are an object schema "
                          "(\"type\": \"object\")");
    QTest::newRow("parameters as text")
        << QByteArray(R"([{"type":"function","function":{"name":"a","parameters":"{}"}}])") << QStringList()
        << QStringLiteral("tools[0].function.parameters: expected a JSON Schema object");
    QTest::newRow("a tool that is not a function")
        << QByteArray(R"([{"type":"web_search_20250305","name":"web_search"}])") << QStringList()
        << QStringLiteral("tools[0].type: only \"function\" tools can be defined here");
    QTest::newRow("strict as text") << QByteArray(R"([{"type":"function","function":{"name":"a","strict":"yes"}}])")
                                    << QStringList()
                                    << QStringLiteral("tools[0].function.strict: expected true or false");
}

void TestToolSet::parse()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, names);
    QFETCH(QString, error);
    QString message;
    const std::optional<ToolSet> tools = ToolSet::parse(json, &message);
    QCOMPARE(message, error);
    QCOMPARE(tools.has_value(), error.isEmpty());
    if (tools) {
        QStringList parsed;
        for (const ToolDefinition& tool : tools->tools) {
            parsed.append(tool.name);
        }
        QCOMPARE(parsed, names);
    }
}

void TestToolSet::parseThenJson_roundTrip()
{
    QString error;
    const std::optional<ToolSet> tools = ToolSet::parse(weatherTools(), &error);
    QVERIFY2(tools, qPrintable(error));
    QCOMPARE(tools->tools[0].strict, std::optional<bool>(false));
    QCOMPARE(tools->tools[0].description, QStringLiteral("Weather now"));
    QCOMPARE(tools->tools[1].strict, std::nullopt);
    const std::optional<ToolSet> again
        = ToolSet::parse(QJsonDocument(tools->toJson()).toJson(QJsonDocument::Compact), &error);
    QVERIFY(again);
    QCOMPARE(*again, *tools);
}

void TestToolSet::requestFor_withTools_isOpenAiBody()
{
    QString error;
    PromptSettings prompt;
    prompt.prompt = QStringLiteral("Weather in Oslo?");
    prompt.systemPrompt = QStringLiteral("Be brief.");
    prompt.temperature = 0.2;
    prompt.maxTokens = 300;
    prompt.tools = *ToolSet::parse(weatherTools(), &error);
    ColumnSpec spec { QStringLiteral("sandbox/gpt-4.1") };
    spec.maxTokens = 100; // a column's own value wins, in the body as in the messages
    const ChatRequest request = spec.requestFor(prompt);

    QVERIFY(request.hasClientBody());
    QCOMPARE(request.clientFormat, ProviderKind::OpenAiCompatible);
    const QJsonObject body = QJsonDocument::fromJson(request.clientBody).object();
    const QJsonObject expected = QJsonDocument::fromJson(R"({
        "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Weather in Oslo?"}],
        "temperature": 0.2, "max_tokens": 100, "stream": true})")
                                     .object();
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        QCOMPARE(body.value(it.key()), it.value());
    }
    QCOMPARE(body.value(QStringLiteral("tools")).toArray(), prompt.tools.toJson());
    // The plain fields stay for routing rules, estimates and the ledger.
    QCOMPARE(request.messages.size(), 2);
    QCOMPARE(ToolSet::ofRequestBody(request.clientBody), prompt.tools);
}

void TestToolSet::requestFor_withoutTools_staysPlain()
{
    PromptSettings prompt;
    prompt.prompt = QStringLiteral("Hi");
    const ChatRequest request = ColumnSpec { QStringLiteral("m") }.requestFor(prompt);
    QVERIFY(!request.hasClientBody());
}

void TestToolSet::check_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QString>("summary");

    QTest::newRow("arguments that fit") << QString("get_weather") << QString(R"({"city":"Oslo","units":"celsius"})")
                                        << int(ToolCallCheck::Verdict::Fits)
                                        << QStringLiteral("Arguments fit the schema");
    QTest::newRow("a required argument missing")
        << QString("get_weather") << QString(R"({"city":"Paris"})") << int(ToolCallCheck::Verdict::Violates)
        << QStringLiteral("arguments.units: required");
    QTest::newRow("two problems") << QString("get_weather") << QString(R"({"city":7,"units":"kelvin"})")
                                  << int(ToolCallCheck::Verdict::Violates)
                                  << QStringLiteral("arguments.city: expected string, got number; arguments.units: "
                                                    "not one of [\"celsius\",\"fahrenheit\"]");
    QTest::newRow("a tool that was not offered")
        << QString("get_wether") << QString(R"({"city":"Oslo"})") << int(ToolCallCheck::Verdict::UnknownTool)
        << QStringLiteral("no tool named \"get_wether\" was offered");
    QTest::newRow("arguments that are not JSON")
        << QString("get_weather") << QString(R"({"city": "Oslo")") << int(ToolCallCheck::Verdict::NotJson)
        << QStringLiteral("arguments are not JSON: line 1, column 16 (offset 15): unterminated string");
    QTest::newRow("arguments that are a list")
        << QString("get_weather") << QString("[1]") << int(ToolCallCheck::Verdict::NotJson)
        << QStringLiteral("arguments are not a JSON object");
    QTest::newRow("no arguments for a tool without parameters")
        << QString("get_time") << QString("") << int(ToolCallCheck::Verdict::Fits)
        << QStringLiteral("Arguments fit the schema");
}

void TestToolSet::check()
{
    QFETCH(QString, name);
    QFETCH(QString, arguments);
    QFETCH(int, verdict);
    QFETCH(QString, summary);
    QString error;
    const ToolSet offered = *ToolSet::parse(weatherTools(), &error);
    const ToolCallCheck check = ToolCallCheck::of({ QStringLiteral("call_1"), name, arguments }, offered);
    QCOMPARE(int(check.verdict), verdict);
    QCOMPARE(check.summary(), summary);
}

QTEST_GUILESS_MAIN(TestToolSet)
#include "tst_ToolSet.moc"
