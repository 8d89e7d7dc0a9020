#include "core/gateway/AnthropicGatewayFormat.h"
#include "core/gateway/GatewayJson.h"
#include "core/gateway/GatewayRequest.h"
#include "core/gateway/OpenAiGatewayFormat.h"
#include "core/gateway/ResponsesRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// The pure pieces: request bodies in, ChatRequest or 400 out; response bytes out.
class tst_GatewayRequest : public QObject
{
    Q_OBJECT

private slots:
    void openAiBody_data();
    void openAiBody();
    void anthropicBody_data();
    void anthropicBody();
    void openAiBody_readsEverythingRouted();
    void longStrings_readAsTheClientWroteThem();
    void anthropicBody_systemAndParts();
    void offeredTools_asOpenAiFunctions_data();
    void offeredTools_asOpenAiFunctions();
    void offeredTools_sameToolsAgain_sharedAndNeverStale();
    void escaping_matchesQJson_data();
    void escaping_matchesQJson();
    void constantTimeEquals_data();
    void constantTimeEquals();
    void openAiStream_chunksAreJsonWithUsageChunkLast();
    void anthropicStream_eventsInOrder();
};

void tst_GatewayRequest::openAiBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("param"); // empty with "ok" = accepted
    QTest::addColumn<bool>("ok");
    const QByteArray msgs = R"("messages":[{"role":"user","content":"hi"}])";
    QTest::newRow("minimal request is accepted") << R"({"model":"auto",)" + msgs + "}" << QString() << true;
    QTest::newRow("malformed json is refused") << QByteArray(R"({"model":"auto",)") << QString() << false;
    QTest::newRow("array body is refused") << QByteArray("[1,2]") << QString() << false;
    QTest::newRow("invalid utf-8 is refused") << QByteArray("{\"model\":\"\xff\"}") << QString() << false;
    QTest::newRow("missing model names model") << "{" + msgs + "}"
                                               << "model" << false;
    QTest::newRow("numeric model names model") << R"({"model":5,)" + msgs + "}"
                                               << "model" << false;
    QTest::newRow("string stream names stream") << R"({"model":"a","stream":"yes",)" + msgs + "}"
                                                << "stream" << false;
    QTest::newRow("string temperature names it") << R"({"model":"a","temperature":"hot",)" + msgs + "}"
                                                 << "temperature" << false;
    QTest::newRow("negative max_tokens names it") << R"({"model":"a","max_tokens":-3,)" + msgs + "}"
                                                  << "max_tokens" << false;
    QTest::newRow("fractional max_completion_tokens names it")
        << R"({"model":"a","max_completion_tokens":2.5,)" + msgs + "}"
        << "max_completion_tokens" << false;
    QTest::newRow("messages as object names messages")
        << QByteArray(R"({"model":"a","messages":{}})") << "messages" << false;
    QTest::newRow("empty messages names messages")
        << QByteArray(R"({"model":"a","messages":[]})") << "messages" << false;
    QTest::newRow("message not an object names it")
        << QByteArray(R"({"model":"a","messages":["hi"]})") << "messages[0]" << false;
    QTest::newRow("unknown role names the role")
        << QByteArray(R"({"model":"a","messages":[{"role":"function","content":"x"}]})") << "messages[0].role" << false;
    QTest::newRow("numeric content names the content")
        << QByteArray(R"({"model":"a","messages":[{"role":"user","content":1}]})") << "messages[0].content" << false;
    QTest::newRow("image part with a url is accepted") << QByteArray(
        R"({"model":"a","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x.test/a.png"}}]}]})")
                                                       << QString() << true;
    // OpenAI takes images up to 20 MB: base64 of 4/3 the size.
    QTest::newRow("data URL of 19.9 MB is accepted")
        << R"({"model":"a","messages":[{"role":"user","content":[{"type":"text","text":"see"},{"type":"image_url","image_url":{"url":"data:image/png;base64,)"
            + QByteArray(26'532'000, 'A') + R"("}}]}]})"
        << QString() << true;
    QTest::newRow("data URL over 20 MB names its place, not sent")
        << R"({"model":"a","messages":[{"role":"user","content":[{"type":"text","text":"see"},{"type":"image_url","image_url":{"url":"data:image/png;base64,)"
            + QByteArray(26'680'000, 'A') + R"("}}]}]})"
        << "messages[0].content[1].image_url.url" << false;
    // Strings over 16 KiB are judged in the body where they are (LeanJsonDocument), by the same rules.
    QTest::newRow("a long data URL that is not an image names the url")
        << R"({"model":"a","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:text/plain;base64,)"
            + QByteArray(40'000, 'A') + R"("}}]}]})"
        << "messages[0].content[0].image_url.url" << false;
    QTest::newRow("a long http URL is accepted")
        << R"({"model":"a","messages":[{"role":"user","content":[{"type":"image_url","image_url":"https://x.test/?q=)"
            + QByteArray(40'000, 'q') + R"("}]}]})"
        << QString() << true;
    QTest::newRow("a long tool message answering nothing names tool_call_id")
        << R"({"model":"a","messages":[{"role":"tool","tool_call_id":"c9","content":")" + QByteArray(40'000, 'r')
            + R"("}]})"
        << "messages[0].tool_call_id" << false;
    QTest::newRow("image part without a url names the url")
        << QByteArray(R"({"model":"a","messages":[{"role":"user","content":[{"type":"image_url"}]}]})")
        << "messages[0].content[0].image_url.url" << false;
    QTest::newRow("part without a type names the type")
        << QByteArray(R"({"model":"a","messages":[{"role":"user","content":[{"text":"x"}]}]})")
        << "messages[0].content[0].type" << false;
    QTest::newRow("unknown part type passes to the provider")
        << QByteArray(R"({"model":"a","messages":[{"role":"user","content":[{"type":"input_video","v":1}]}]})")
        << QString() << true;
    QTest::newRow("tools with a function are accepted")
        << R"({"model":"a","tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],)"
            + msgs + "}"
        << QString() << true;
    QTest::newRow("tools not an array names tools") << R"({"model":"a","tools":{},)" + msgs + "}"
                                                    << "tools" << false;
    QTest::newRow("tool without a type names the type")
        << R"({"model":"a","tools":[{"function":{"name":"f"}}],)" + msgs + "}"
        << "tools[0].type" << false;
    QTest::newRow("tool name with spaces names it")
        << R"({"model":"a","tools":[{"type":"function","function":{"name":"get weather"}}],)" + msgs + "}"
        << "tools[0].function.name" << false;
    QTest::newRow("tool message answering a call is accepted") << QByteArray(
        R"({"model":"a","messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c1","content":"ok"}]})")
                                                               << QString() << true;
    QTest::newRow("tool message answering nothing names tool_call_id")
        << QByteArray(R"({"model":"a","messages":[{"role":"tool","tool_call_id":"c1","content":"ok"}]})")
        << "messages[0].tool_call_id" << false;
    QTest::newRow("tool call with object arguments names the call") << QByteArray(
        R"({"model":"a","messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":{}}}]}]})")
                                                                    << "messages[0].tool_calls[0]" << false;
    QTest::newRow("response_format without type names it") << R"({"model":"a","response_format":{},)" + msgs + "}"
                                                           << "response_format" << false;
    QTest::newRow("json_schema with a string schema names the schema")
        << R"({"model":"a","response_format":{"type":"json_schema","json_schema":{"name":"n","schema":"{}"}},)" + msgs
            + "}"
        << "response_format.json_schema.schema" << false;
    QTest::newRow("n above one is refused") << R"({"model":"a","n":2,)" + msgs + "}"
                                            << "n" << false;
    QTest::newRow("stream_options not an object") << R"({"model":"a","stream_options":true,)" + msgs + "}"
                                                  << "stream_options" << false;
    QTest::newRow("assistant null content is skipped")
        << QByteArray(R"({"model":"a","messages":[{"role":"assistant","content":null},{"role":"user","content":"x"}]})")
        << QString() << true;
}

void tst_GatewayRequest::openAiBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, param);
    QFETCH(bool, ok);
    const GatewayRequest request = GatewayRequest::fromOpenAi(body);
    QCOMPARE(!request.error.has_value(), ok);
    if (!ok) {
        QCOMPARE(request.error->status, 400);
        QCOMPARE(request.error->param, param);
        QVERIFY(!request.error->message.isEmpty());
    }
}

void tst_GatewayRequest::anthropicBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("param");
    QTest::addColumn<bool>("ok");
    const QByteArray msgs = R"("messages":[{"role":"user","content":"hi"}])";
    QTest::newRow("minimal request is accepted")
        << R"({"model":"a","max_tokens":10,)" + msgs + "}" << QString() << true;
    QTest::newRow("missing max_tokens names it") << R"({"model":"a",)" + msgs + "}"
                                                 << "max_tokens" << false;
    QTest::newRow("system role inside messages is refused")
        << QByteArray(R"({"model":"a","max_tokens":5,"messages":[{"role":"system","content":"x"}]})")
        << "messages.0.role" << false;
    QTest::newRow("system as number names system") << R"({"model":"a","max_tokens":5,"system":3,)" + msgs + "}"
                                                   << "system" << false;
    QTest::newRow("tool_use then its tool_result is accepted") << QByteArray(
        R"({"model":"a","max_tokens":5,"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"f","input":{}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"ok"}]}]})")
                                                               << QString() << true;
    QTest::newRow("tool_use in a user message names the block") << QByteArray(
        R"({"model":"a","max_tokens":5,"messages":[{"role":"user","content":[{"type":"tool_use","id":"t1","name":"f","input":{}}]}]})")
                                                                << "messages.0.content.0" << false;
    QTest::newRow("image with an unknown source type names it") << QByteArray(
        R"({"model":"a","max_tokens":5,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"path"}}]}]})")
                                                                << "messages.0.content.0.source.type" << false;
    QTest::newRow("base64 image without media type names the source") << QByteArray(
        R"({"model":"a","max_tokens":5,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","data":"AA=="}}]}]})")
                                                                      << "messages.0.content.0.source" << false;
    QTest::newRow("base64 image over Anthropic's 5 MB names its data") << QByteArray(
        R"({"model":"a","max_tokens":5,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":")"
        + QByteArray(6'700'000, 'A') + R"("}}]}]})") << "messages.0.content.0.source.data"
                                                                       << false;
    QTest::newRow("base64 image of 4.9 MB is accepted") << QByteArray(
        R"({"model":"a","max_tokens":5,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":")"
        + QByteArray(6'532'000, 'A') + R"("}}]}]})") << QString()
                                                        << true;
    QTest::newRow("tool name too long names it") << R"({"model":"a","max_tokens":5,"tools":[{"name":")"
            + QByteArray(65, 'x') + R"(","input_schema":{}}],)" + msgs + "}"
                                                 << "tools.0.name" << false;
}

void tst_GatewayRequest::anthropicBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, param);
    QFETCH(bool, ok);
    const GatewayRequest request = GatewayRequest::fromAnthropic(body);
    QCOMPARE(!request.error.has_value(), ok);
    if (!ok) {
        QCOMPARE(request.error->param, param);
    }
}

// A pasted file of 40,000 characters, with escapes, is the text rules and the ledger see; a long
// tool call id still pairs with its result.
void tst_GatewayRequest::longStrings_readAsTheClientWroteThem()
{
    const QByteArray file = QByteArray(40'000, 'x') + "\\n\\\"caf\\u00e9\\\" \\ud83d\\ude00 end";
    const QString expected
        = QString(40'000, QLatin1Char('x')) + QString::fromUtf8("\n\"caf\u00e9\" \xf0\x9f\x98\x80 end");
    const QByteArray id = "call_" + QByteArray(20'000, '7');
    const GatewayRequest openAi = GatewayRequest::fromOpenAi(
        R"({"model":"a","messages":[{"role":"user","content":")" + file
        + R"("},{"role":"assistant","content":null,"tool_calls":[{"id":")" + id
        + R"(","type":"function","function":{"name":"read","arguments":"{}"}}]},{"role":"tool","tool_call_id":")" + id
        + R"(","content":[{"type":"text","text":")" + file + R"("}]}]})");
    QVERIFY2(!openAi.error, openAi.error ? qPrintable(openAi.error->message) : "");
    QCOMPARE(openAi.chat.messages.size(), 3);
    QCOMPARE(openAi.chat.messages.at(0).content, expected);
    QCOMPARE(openAi.chat.messages.at(2).content, expected);

    const GatewayRequest anthropic = GatewayRequest::fromAnthropic(
        R"({"model":"a","max_tokens":5,"system":")" + file + R"(","messages":[{"role":"user","content":"hi"}]})");
    QVERIFY(!anthropic.error);
    QCOMPARE(anthropic.chat.messages.at(0).role, QStringLiteral("system"));
    QCOMPARE(anthropic.chat.messages.at(0).content, expected);
}

void tst_GatewayRequest::openAiBody_readsEverythingRouted()
{
    const GatewayRequest request = GatewayRequest::fromOpenAi(
        R"({"model":"chat","stream":true,"stream_options":{"include_usage":true},"temperature":0.5,
            "max_completion_tokens":77,"tier":"coding","messages":[{"role":"developer","content":"sys"},
            {"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}]})");
    QVERIFY(!request.error);
    QCOMPARE(request.model, QStringLiteral("chat"));
    QVERIFY(request.stream && request.chat.stream && request.includeUsage);
    QCOMPARE(request.chat.temperature.value_or(0), 0.5);
    QCOMPARE(request.chat.maxTokens, 77);
    QCOMPARE(request.tier, QStringLiteral("coding"));
    QCOMPARE(request.chat.systemText(), QStringLiteral("sys"));
    QCOMPARE(request.chat.lastUserText(), QStringLiteral("ab"));
    QCOMPARE(request.chat.clientFormat, ProviderKind::OpenAiCompatible);
    QVERIFY(request.chat.clientBody.contains("\"tier\":\"coding\"")); // kept whole, for the wire to rewrite
}

void tst_GatewayRequest::anthropicBody_systemAndParts()
{
    const GatewayRequest request = GatewayRequest::fromAnthropic(
        R"({"model":"m","max_tokens":9,"system":[{"type":"text","text":"be short"}],
            "messages":[{"role":"user","content":"q1"},{"role":"assistant","content":"a1"},
            {"role":"user","content":[{"type":"text","text":"q2"}]}]})");
    QVERIFY(!request.error);
    QCOMPARE(request.chat.messages.size(), 4);
    QCOMPARE(request.chat.systemText(), QStringLiteral("be short"));
    QCOMPARE(request.chat.lastUserText(), QStringLiteral("q2"));
    QCOMPARE(request.chat.maxTokens, 9);
}

// What a ledger row keeps of the tools a client offered, for an evaluation to offer every model:
// OpenAI's function tools as sent, Anthropic's custom tools and the Responses API's function tools
// translated to them; tools that are no functions (server tools) cannot be offered that way.
void tst_GatewayRequest::offeredTools_asOpenAiFunctions_data()
{
    QTest::addColumn<QString>("api"); // "openai", "anthropic", "responses"
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("tools"); // the expected OpenAI tools array ("[]": none)
    QTest::addColumn<QByteArray>("choice"); // the expected tool_choice as JSON ("": none)
    const QByteArray weather = R"([{"type":"function","function":{"name":"get_weather","description":"Weather now",)"
                               R"("parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}])";
    const QByteArray messages = R"("messages":[{"role":"user","content":"Rain in Oslo?"}])";
    QTest::newRow("chat completions: function tools and tool_choice as sent")
        << "openai"
        << R"({"model":"m",)" + messages + R"(,"tools":)" + weather + R"(,"tool_choice":"required"})" << weather
        << QByteArray(R"("required")");
    QTest::newRow("chat completions: a choice of one function kept")
        << "openai"
        << R"({"model":"m",)" + messages + R"(,"tools":)" + weather
            + R"(,"tool_choice":{"type":"function","function":{"name":"get_weather"}}})"
        << weather << QByteArray(R"({"function":{"name":"get_weather"},"type":"function"})");
    QTest::newRow("chat completions: a custom tool is no function, left out") << "openai"
                                                                              << R"({"model":"m",)" + messages
            + R"(,"tools":[{"type":"custom","custom":{"name":"grammar"}},{"type":"function","function":{"name":"get_weather","description":"Weather now","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]})"
                                                                              << weather << QByteArray();
    QTest::newRow("chat completions: no tools, nothing kept")
        << "openai"
        << R"({"model":"m",)" + messages + "}" << QByteArray("[]") << QByteArray();
    QTest::newRow("messages: custom tools translated, cache_control dropped, any -> required")
        << "anthropic"
        << R"({"model":"m","max_tokens":9,)" + messages
            + R"(,"tools":[{"name":"get_weather","description":"Weather now","input_schema":{"type":"object",)"
              R"("properties":{"city":{"type":"string"}}},"cache_control":{"type":"ephemeral"}}],"tool_choice":{"type":"any"}})"
        << weather << QByteArray(R"("required")");
    QTest::newRow("messages: a server tool left out, and a choice of it")
        << "anthropic"
        << R"({"model":"m","max_tokens":9,)" + messages
            + R"(,"tools":[{"type":"web_search_20250305","name":"web_search"},{"type":"custom","name":"get_weather",)"
              R"("description":"Weather now","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],)"
              R"("tool_choice":{"type":"tool","name":"web_search"}})"
        << weather << QByteArray();
    QTest::newRow("messages: only server tools, nothing kept") << "anthropic"
                                                               << R"({"model":"m","max_tokens":9,)" + messages
            + R"(,"tools":[{"type":"web_search_20250305","name":"web_search"}]})"
                                                               << QByteArray("[]") << QByteArray();
    QTest::newRow("responses: function tools as chat completions take them")
        << "responses"
        << QByteArray(R"({"model":"m","input":"Rain in Oslo?","instructions":"Be brief.","tools":[{"type":"function",)"
                      R"("name":"get_weather","description":"Weather now","parameters":{"type":"object",)"
                      R"("properties":{"city":{"type":"string"}}}}],"tool_choice":"auto"})")
        << weather << QByteArray(R"("auto")");
}

void tst_GatewayRequest::offeredTools_asOpenAiFunctions()
{
    QFETCH(QString, api);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, tools);
    QFETCH(QByteArray, choice);
    GatewayRequest request;
    if (api == QLatin1String("responses")) {
        const ResponsesRequest translated = ResponsesRequest::fromJson(body);
        QVERIFY2(!translated.error, translated.error ? qPrintable(translated.error->message) : "");
        request = GatewayRequest::fromOpenAi(translated.chatBody);
    } else {
        request
            = api == QLatin1String("openai") ? GatewayRequest::fromOpenAi(body) : GatewayRequest::fromAnthropic(body);
    }
    QVERIFY2(!request.error, request.error ? qPrintable(request.error->message) : "");
    QCOMPARE(QJsonDocument(request.offeredTools).toJson(QJsonDocument::Compact),
             QJsonDocument::fromJson(tools).toJson(QJsonDocument::Compact));
    const QByteArray got = request.offeredToolChoice.isUndefined()
        ? QByteArray()
        : QJsonDocument(QJsonArray { request.offeredToolChoice }).toJson(QJsonDocument::Compact).chopped(1).mid(1);
    QCOMPARE(got, choice);
}

// An agent's next request with the same tools reuses their translation; changed tools never get
// the last ones'.
void tst_GatewayRequest::offeredTools_sameToolsAgain_sharedAndNeverStale()
{
    auto body = [](const QByteArray& description, const QByteArray& choice) {
        return R"({"model":"m","max_tokens":9,"messages":[{"role":"user","content":"hi"}],"tools":[{"name":"read",)"
               R"("description":")"
            + description + R"(","input_schema":{"type":"object"}}],"tool_choice":{"type":")" + choice + R"("}})";
    };
    const GatewayRequest first = GatewayRequest::fromAnthropic(body("Reads a file", "auto"));
    const GatewayRequest again = GatewayRequest::fromAnthropic(body("Reads a file", "auto"));
    QCOMPARE(again.offeredTools, first.offeredTools);
    const GatewayRequest changed = GatewayRequest::fromAnthropic(body("Reads a whole file", "auto"));
    QCOMPARE(changed.offeredTools.first()
                 .toObject()
                 .value(QLatin1String("function"))
                 .toObject()
                 .value(QLatin1String("description"))
                 .toString(),
             QStringLiteral("Reads a whole file"));
    QCOMPARE(GatewayRequest::fromAnthropic(body("Reads a whole file", "any")).offeredToolChoice,
             QJsonValue(QStringLiteral("required")));
}

void tst_GatewayRequest::escaping_matchesQJson_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("hello");
    QTest::newRow("empty") << QString();
    QTest::newRow("all printable ASCII but quote and backslash")
        << QStringLiteral(" !#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[]^_`abcxyz{|}~") + QChar(0x7f);
    QTest::newRow("quotes and backslashes") << QStringLiteral("say \"hi\" \\ there");
    QTest::newRow("control characters") << QStringLiteral("a\nb\tc\rd") + QChar(0x01) + QChar(0x1f);
    QTest::newRow("non-ascii") << QStringLiteral("héllo ✓ 😀");
}

void tst_GatewayRequest::escaping_matchesQJson()
{
    QFETCH(QString, text);
    const QByteArray json = "{\"t\":" + JsonText::quoted(text) + "}";
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.object().value(QLatin1String("t")).toString(), text);
}

void tst_GatewayRequest::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("given");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same key") << QByteArray("sk-gateway-123") << true;
    QTest::newRow("one character off") << QByteArray("sk-gateway-124") << false;
    QTest::newRow("prefix only") << QByteArray("sk-gateway") << false;
    QTest::newRow("longer") << QByteArray("sk-gateway-1234") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void tst_GatewayRequest::constantTimeEquals()
{
    QFETCH(QByteArray, given);
    QFETCH(bool, equal);
    QCOMPARE(GatewayJson::constantTimeEquals(given, "sk-gateway-123"), equal);
}

void tst_GatewayRequest::openAiStream_chunksAreJsonWithUsageChunkLast()
{
    OpenAiGatewayFormat format(7);
    CallResult result;
    result.finishReason = QStringLiteral("end_turn");
    result.usage = { 12, 5, 2, 0, false };
    QByteArray stream = format.streamStart(QStringLiteral("sandbox/gpt-4.1-mini"), 0);
    stream += format.textDelta(QStringLiteral("He\"llo"));
    stream += format.streamEnd(result, true);
    QList<QByteArray> events = stream.split('\n');
    events.removeAll(QByteArray());
    QCOMPARE(events.size(), 5);
    QCOMPARE(events.last(), QByteArray("data: [DONE]"));
    QList<QJsonObject> objects;
    for (qsizetype i = 0; i < 4; ++i) {
        QVERIFY2(events[i].startsWith("data: "), events[i].constData());
        const QJsonDocument document = QJsonDocument::fromJson(events[i].sliced(6));
        QVERIFY2(document.isObject(), events[i].constData());
        objects.append(document.object());
        QCOMPARE(objects.last().value(QLatin1String("object")).toString(), QStringLiteral("chat.completion.chunk"));
        QCOMPARE(objects.last().value(QLatin1String("id")).toString(), QString::fromLatin1(format.id()));
    }
    auto delta = [&](int i) {
        return objects[i]
            .value(QLatin1String("choices"))
            .toArray()
            .at(0)
            .toObject()
            .value(QLatin1String("delta"))
            .toObject();
    };
    QCOMPARE(delta(0).value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
    QCOMPARE(delta(1).value(QLatin1String("content")).toString(), QStringLiteral("He\"llo"));
    QCOMPARE(
        objects[2].value(QLatin1String("choices")).toArray().at(0).toObject().value(QLatin1String("finish_reason")),
        QJsonValue(QStringLiteral("stop")));
    QVERIFY(objects[3].value(QLatin1String("choices")).toArray().isEmpty());
    const QJsonObject usage = objects[3].value(QLatin1String("usage")).toObject();
    QCOMPARE(usage.value(QLatin1String("total_tokens")).toInt(), 17);
    QCOMPARE(
        usage.value(QLatin1String("prompt_tokens_details")).toObject().value(QLatin1String("cached_tokens")).toInt(),
        2);
}

void tst_GatewayRequest::anthropicStream_eventsInOrder()
{
    AnthropicGatewayFormat format(3);
    CallResult result;
    result.finishReason = QStringLiteral("length");
    result.usage = { 10, 4, 0, 0, false };
    QByteArray stream = format.streamStart(QStringLiteral("m"), 10);
    stream += format.textDelta(QStringLiteral("hi"));
    stream += format.streamEnd(result, false);
    QStringList names;
    for (const QByteArray& line : stream.split('\n')) {
        if (line.startsWith("event: ")) {
            names.append(QString::fromLatin1(line.sliced(7)));
        } else if (line.startsWith("data: ")) {
            QVERIFY2(QJsonDocument::fromJson(line.sliced(6)).isObject(), line.constData());
        }
    }
    QCOMPARE(names,
             QStringList({ "message_start", "ping", "content_block_start", "content_block_delta", "content_block_stop",
                           "message_delta", "message_stop" }));
    QVERIFY(stream.contains("\"stop_reason\":\"max_tokens\""));
    QVERIFY(stream.contains("\"output_tokens\":4"));
}

QTEST_GUILESS_MAIN(tst_GatewayRequest)
#include "tst_GatewayRequest.moc"
