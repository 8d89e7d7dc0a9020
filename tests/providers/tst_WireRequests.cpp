#include "core/providers/AnthropicWire.h"
#include "core/providers/OpenAiWire.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// What goes upstream: per-model parameter rules for Switchyard's own requests, and a gateway
// client's body rewritten for its own format or translated / refused for the other.
class tst_WireRequests : public QObject
{
    Q_OBJECT

private slots:
    void ownRequest_followsTheModelsParameterRules_data();
    void ownRequest_followsTheModelsParameterRules();
    void clientBody_sameFormat_onlyModelAndStreamOptionsChange_data();
    void clientBody_sameFormat_onlyModelAndStreamOptionsChange();
    void clientBody_otherFormat_refusalNamesTheField();
};

void tst_WireRequests::ownRequest_followsTheModelsParameterRules_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("limitField");
    QTest::addColumn<bool>("temperatureSent");
    QTest::newRow("gpt-4.1 takes max_tokens and temperature") << "gpt-4.1"
                                                              << "max_tokens" << true;
    QTest::newRow("gpt-5 takes max_completion_tokens, no temperature") << "gpt-5"
                                                                       << "max_completion_tokens" << false;
    QTest::newRow("gpt-5-mini likewise") << "gpt-5-mini"
                                         << "max_completion_tokens" << false;
    QTest::newRow("gpt-5-chat-latest is no reasoning model") << "gpt-5-chat-latest"
                                                             << "max_tokens" << true;
    QTest::newRow("o3-mini under a provider prefix") << "openai/o3-mini"
                                                     << "max_completion_tokens" << false;
    QTest::newRow("o1") << "o1"
                        << "max_completion_tokens" << false;
    QTest::newRow("o4-mini") << "o4-mini"
                             << "max_completion_tokens" << false;
    QTest::newRow("names are matched without regard to case") << "Azure/GPT-5-Mini"
                                                              << "max_completion_tokens" << false;
    QTest::newRow("o3 alone, upper case") << "O3"
                                          << "max_completion_tokens" << false;
    QTest::newRow("o10 is no o1 model") << "o10"
                                        << "max_tokens" << true;
    QTest::newRow("DeepSeek-Reasoner in capitals") << "deepseek/DeepSeek-Reasoner"
                                                   << "max_tokens" << false;
    QTest::newRow("omni-moderation is no o-series model") << "omni-moderation"
                                                          << "max_tokens" << true;
    QTest::newRow("deepseek-reasoner ignores sampling, so none is sent") << "deepseek-reasoner"
                                                                         << "max_tokens" << false;
}

void tst_WireRequests::ownRequest_followsTheModelsParameterRules()
{
    QFETCH(QString, model);
    QFETCH(QString, limitField);
    QFETCH(bool, temperatureSent);
    ChatRequest request;
    request.messages = { { QStringLiteral("user"), QStringLiteral("hi") } };
    request.temperature = 0.3;
    request.maxTokens = 64;
    const QJsonObject body = QJsonDocument::fromJson(OpenAiWire().buildRequestBody(model, request)).object();
    QCOMPARE(body.value(limitField).toInt(), 64);
    QCOMPARE(body.contains(QLatin1String("temperature")), temperatureSent);
    QCOMPARE(body.keys().filter(QStringLiteral("max_")).size(), 1);
}

void tst_WireRequests::clientBody_sameFormat_onlyModelAndStreamOptionsChange_data()
{
    QTest::addColumn<bool>("anthropic");
    QTest::addColumn<QString>("upstream");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("openai whole: model only, gateway tier removed")
        << false << "gpt-4.1" << false << QByteArray(R"({"model":"x","tier":"t","seed":1,"stream":false})")
        << QByteArray(R"({"model":"gpt-4.1","seed":1,"stream":false})");
    QTest::newRow("openai streamed: include_usage added")
        << false << "gpt-4.1" << true << QByteArray(R"({"model":"x","stream":true})")
        << QByteArray(R"({"model":"gpt-4.1","stream":true,"stream_options":{"include_usage":true}})");
    QTest::newRow("openai streamed: the client's stream_options kept, include_usage set")
        << false << "gpt-4.1" << true
        << QByteArray(R"({"model":"x","stream":true,"stream_options":{"include_obfuscation":false}})")
        << QByteArray(
               R"({"model":"gpt-4.1","stream":true,"stream_options":{"include_obfuscation":false,"include_usage":true}})");
    QTest::newRow("openai to a reasoning model: max_tokens renamed")
        << false << "gpt-5" << false << QByteArray(R"({"model":"x","max_tokens":9})")
        << QByteArray(R"({"model":"gpt-5","max_completion_tokens":9})");
    QTest::newRow("anthropic: model only")
        << true << "claude-x" << false << QByteArray(R"({"model":"x","max_tokens":9,"thinking":{"type":"enabled"}})")
        << QByteArray(R"({"model":"claude-x","max_tokens":9,"thinking":{"type":"enabled"}})");
}

void tst_WireRequests::clientBody_sameFormat_onlyModelAndStreamOptionsChange()
{
    QFETCH(bool, anthropic);
    QFETCH(QString, upstream);
    QFETCH(bool, stream);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    ChatRequest request;
    request.stream = stream;
    request.clientBody = body;
    request.clientFormat = anthropic ? ProviderKind::AnthropicMessages : ProviderKind::OpenAiCompatible;
    const auto wire = WireFormat::create(request.clientFormat);
    const RequestBody sent = wire->requestBody(upstream, request);
    QVERIFY(!sent.refusal);
    QCOMPARE(sent.bytes.join(), expected);
}

void tst_WireRequests::clientBody_otherFormat_refusalNamesTheField()
{
    ChatRequest request;
    request.clientBody = R"({"model":"x","messages":[{"role":"user","content":"hi"}],"logprobs":true})";
    request.clientFormat = ProviderKind::OpenAiCompatible;
    const RequestBody sent = AnthropicWire().requestBody(QStringLiteral("claude-x"), request);
    QVERIFY(sent.bytes.isEmpty());
    QVERIFY(sent.refusal);
    QCOMPARE(sent.refusal->failureClass, FailureClass::Unsupported);
    QCOMPARE(sent.refusal->param, QStringLiteral("logprobs"));
    QVERIFY(sent.refusal->message.contains(QLatin1String("logprobs")));
}

QTEST_GUILESS_MAIN(tst_WireRequests)
#include "tst_WireRequests.moc"
