#include "core/common/RequestNeeds.h"

#include <QTest>

// What a request needs from a model, read from the client's own body, and the first place that
// asks for each: the router skips a model whose data lacks one, and the client's 400 names it.
class TestRequestNeeds : public QObject
{
    Q_OBJECT

private slots:
    void ofBody_data();
    void ofBody();
    void missingFrom_data();
    void missingFrom();
    void capabilityIds_roundTrip();
};

void TestRequestNeeds::ofBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("format");
    QTest::addColumn<QStringList>("needs"); // "id@field", in the order first met

    const int openAi = int(ProviderKind::OpenAiCompatible);
    const int anthropic = int(ProviderKind::AnthropicMessages);
    QTest::newRow("plain text needs nothing")
        << QByteArray(R"({"messages":[{"role":"user","content":"describe an image_url"}]})") << openAi << QStringList();
    QTest::newRow("openai image part, second message") << QByteArray(
        R"({"messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"what"},{"type":"image_url","image_url":{"url":"https://x/a.png"}}]}]})")
                                                       << openAi
                                                       << QStringList { QStringLiteral(
                                                              "vision@messages[1].content[1]") };
    QTest::newRow("openai tools and a JSON schema answer") << QByteArray(
        R"({"tools":[{"type":"function","function":{"name":"f"}}],"response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{}}},"messages":[{"role":"user","content":"hi"}]})")
                                                           << openAi
                                                           << QStringList { QStringLiteral("tools@tools"),
                                                                            QStringLiteral(
                                                                                "json_schema@response_format") };
    QTest::newRow("openai json_object is not a schema")
        << QByteArray(R"({"response_format":{"type":"json_object"},"messages":[{"role":"user","content":"hi"}]})")
        << openAi << QStringList();
    QTest::newRow("openai empty tools list needs nothing")
        << QByteArray(R"({"tools":[],"messages":[{"role":"user","content":"hi"}]})") << openAi << QStringList();
    QTest::newRow("openai legacy functions")
        << QByteArray(R"({"functions":[{"name":"f"}],"messages":[{"role":"user","content":"hi"}]})") << openAi
        << QStringList { QStringLiteral("tools@functions") };
    QTest::newRow("openai file part (PDF)") << QByteArray(
        R"({"messages":[{"role":"user","content":[{"type":"file","file":{"filename":"a.pdf","file_data":"data:application/pdf;base64,JVBE"}}]}]})")
                                            << openAi << QStringList { QStringLiteral("pdf@messages[0].content[0]") };
    QTest::newRow("openai two images: the first is named once") << QByteArray(
        R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"a"}},{"type":"image_url","image_url":{"url":"b"}}]}]})")
                                                                << openAi
                                                                << QStringList { QStringLiteral(
                                                                       "vision@messages[0].content[0]") };
    QTest::newRow("anthropic image block") << QByteArray(
        R"({"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBO"}}]}]})")
                                           << anthropic
                                           << QStringList { QStringLiteral("vision@messages[0].content[0]") };
    QTest::newRow("anthropic image inside a tool result") << QByteArray(
        R"({"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":[{"type":"image","source":{"type":"url","url":"https://x/a.png"}}]}]}]})")
                                                          << anthropic
                                                          << QStringList { QStringLiteral(
                                                                 "vision@messages[0].content[0].content[0]") };
    QTest::newRow("anthropic PDF document") << QByteArray(
        R"({"messages":[{"role":"user","content":[{"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBE"}}]}]})")
                                            << anthropic
                                            << QStringList { QStringLiteral("pdf@messages[0].content[0]") };
    QTest::newRow("anthropic plain-text document needs nothing") << QByteArray(
        R"({"messages":[{"role":"user","content":[{"type":"document","source":{"type":"text","media_type":"text/plain","data":"hello"}}]}]})")
                                                                 << anthropic << QStringList();
    QTest::newRow("anthropic tools") << QByteArray(
        R"({"tools":[{"name":"get_weather","input_schema":{"type":"object"}}],"messages":[{"role":"user","content":"hi"}]})")
                                     << anthropic << QStringList { QStringLiteral("tools@tools") };
    QTest::newRow("an image_url word in anthropic format is text, not an image")
        << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"a"}}]}]})")
        << anthropic << QStringList();
    QTest::newRow("pretty-printed with spaces, the last key of the body")
        << QByteArray(
               "{\n  \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}],\n  \"response_format\": {\"type\": "
               "\"json_schema\", \"json_schema\": {\"name\": \"a\", \"schema\": {}}},\n  \"tools\": [{\"type\": "
               "\"function\", \"function\": {\"name\": \"f\"}}]\n}")
        << openAi << QStringList { QStringLiteral("tools@tools"), QStringLiteral("json_schema@response_format") };
    QTest::newRow("escaped quotes in text mentioning tools need nothing")
        << QByteArray(R"({"messages":[{"role":"user","content":"say "tools" and "image""}]})") << openAi
        << QStringList();
    QTest::newRow("malformed JSON needs nothing (refused elsewhere)")
        << QByteArray(R"({"tools":[)") << openAi << QStringList();
}

void TestRequestNeeds::ofBody()
{
    QFETCH(QByteArray, body);
    QFETCH(int, format);
    QFETCH(QStringList, needs);

    const RequestNeeds read = RequestNeeds::ofBody(body, ProviderKind(format));
    QStringList got;
    for (const RequestNeeds::Need& need : read.needs) {
        got.append(ModelCapabilities::id(need.capability) + QLatin1Char('@') + need.field);
    }
    QCOMPARE(got, needs);
}

void TestRequestNeeds::missingFrom_data()
{
    QTest::addColumn<QStringList>("supports"); // empty + known=false: unknown
    QTest::addColumn<bool>("known");
    QTest::addColumn<QString>("missing"); // capability id, empty when none

    QTest::newRow("a vision model takes it")
        << QStringList { QStringLiteral("vision"), QStringLiteral("tools") } << true << QString();
    QTest::newRow("a text-only model lacks images first")
        << QStringList { QStringLiteral("tools") } << true << QStringLiteral("vision");
    QTest::newRow("a model with nothing lacks the first need") << QStringList() << true << QStringLiteral("vision");
    QTest::newRow("unknown capabilities are never skipped") << QStringList() << false << QString();
}

void TestRequestNeeds::missingFrom()
{
    QFETCH(QStringList, supports);
    QFETCH(bool, known);
    QFETCH(QString, missing);

    const RequestNeeds needs = RequestNeeds::ofBody(
        R"({"tools":[{"type":"function","function":{"name":"f"}}],"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"a"}}]}]})",
        ProviderKind::OpenAiCompatible);
    QCOMPARE(needs.needs.size(), 2);
    ModelCapabilities capabilities;
    if (known) {
        const auto parsed = ModelCapabilities::fromIds(supports, nullptr);
        QVERIFY(parsed);
        capabilities = *parsed;
    }
    const RequestNeeds::Need* need = needs.missingFrom(capabilities);
    QCOMPARE(need ? ModelCapabilities::id(need->capability) : QString(), missing);
}

void TestRequestNeeds::capabilityIds_roundTrip()
{
    for (ModelCapability capability : ModelCapabilities::kAll) {
        QCOMPARE(ModelCapabilities::fromId(ModelCapabilities::id(capability)), capability);
        QVERIFY(!ModelCapabilities::needName(capability).isEmpty());
    }
    QString error;
    QVERIFY(!ModelCapabilities::fromIds({ QStringLiteral("vision"), QStringLiteral("telepathy") }, &error));
    QVERIFY2(error.contains(QLatin1String("telepathy")), qPrintable(error));
    QCOMPARE(ModelCapabilities::of({ ModelCapability::JsonSchema, ModelCapability::Vision }).ids(),
             (QStringList { QStringLiteral("vision"), QStringLiteral("json_schema") }));
    QVERIFY(ModelCapabilities::of({}).isKnown());
    QVERIFY(!ModelCapabilities().isKnown());
}

QTEST_GUILESS_MAIN(TestRequestNeeds)
#include "tst_RequestNeeds.moc"
