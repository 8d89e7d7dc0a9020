#include "gateway/AnthropicGatewayFormat.h"
#include "gateway/GatewayJson.h"
#include "gateway/GatewayRequest.h"
#include "gateway/OpenAiGatewayFormat.h"

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
    void anthropicBody_systemAndParts();
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
        << QByteArray(R"({"model":"a","messages":[{"role":"tool","content":"x"}]})") << "messages[0].role" << false;
    QTest::newRow("numeric content names the content")
        << QByteArray(R"({"model":"a","messages":[{"role":"user","content":1}]})") << "messages[0].content" << false;
    QTest::newRow("image part names the part")
        << QByteArray(R"({"model":"a","messages":[{"role":"user","content":[{"type":"image_url"}]}]})")
        << "messages[0].content[0]" << false;
    QTest::newRow("tools are refused, not dropped") << R"({"model":"a","tools":[{"type":"function"}],)" + msgs + "}"
                                                    << "tools" << false;
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

void tst_GatewayRequest::escaping_matchesQJson_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("hello");
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
             QStringList({ "message_start", "content_block_start", "ping", "content_block_delta", "content_block_stop",
                           "message_delta", "message_stop" }));
    QVERIFY(stream.contains("\"stop_reason\":\"max_tokens\""));
    QVERIFY(stream.contains("\"output_tokens\":4"));
}

QTEST_GUILESS_MAIN(tst_GatewayRequest)
#include "tst_GatewayRequest.moc"
