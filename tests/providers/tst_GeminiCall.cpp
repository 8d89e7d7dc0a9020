#include "core/common/JsonText.h"
#include "core/providers/GeminiWire.h"
#include "core/providers/HttpExchange.h"
#include "core/providers/ModelListFetcher.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/sandbox/SandboxGemini.h"
#include "core/sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(SandboxFault)
Q_DECLARE_METATYPE(FailureClass)

// Native Gemini calls over real loopback HTTP against the sandbox's generateContent route, over each
// transport: the key in x-goog-api-key checked server-side, streams in Gemini's CRLF framing,
// thoughts, grounding searches, function calls whose thought signature comes back on the next
// turn, images, Google's error envelopes, and the paged model list.
namespace {
const QString kFlash = QStringLiteral("gemini-2.0-flash"); // no thinking: the answer streams from its first event
const QString kPro = QStringLiteral("gemini-2.5-pro");
const QString kThree = QStringLiteral("gemini-3-pro-preview");
const QString kKey = QStringLiteral("AIza-sandbox-test-key");
const QByteArray kKeyVariable = "SWITCHYARD_TEST_GEMINI_KEY";

QByteArray weatherBody(const QString& extraMessages = {})
{
    return (QStringLiteral(R"({"model":"m","stream":true,"messages":[{"role":"user","content":"Weather in Oslo?"})")
            + extraMessages
            + QStringLiteral(R"(],"tools":[{"type":"function","function":{"name":"get_weather","parameters":{)"
                             R"("type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]})"))
        .toUtf8();
}
} // namespace

class TestGeminiCall : public QObject
{
    Q_OBJECT

public:
    explicit TestGeminiCall(ProviderClient::Transport transport) { m_client.setTransport(transport); }

private slots:
    void initTestCase();
    void init();
    void success_keyedAndCounted_data();
    void success_keyedAndCounted();
    void thinking_comesBackAsReasoning();
    void grounding_countsTheSearches_data();
    void grounding_countsTheSearches();
    void toolCall_roundTripsTheThoughtSignature();
    void toolCall_tamperedSignature_isRefused();
    void image_goesInline();
    void fault_mapsToFailureClass_data();
    void fault_mapsToFailureClass();
    void wrongKey_isApiKeyInvalid();
    void unknownField_isInvalidArgumentNamingIt_data();
    void unknownField_isInvalidArgumentNamingIt();
    void modelList_followsThePages();

private:
    ProviderConfig provider() const;
    ModelConfig model(const QString& name) const;
    std::unique_ptr<ProviderCall> run(const QString& model, const ChatRequest& request);
    ChatRequest request(bool stream) const;
    ChatRequest openAi(const QByteArray& body) const;
    CallResult finished() const;

    SandboxServer m_sandbox;
    ProviderClient m_client;
    QList<QVariantList> m_finished;
    QList<QVariantList> m_failed;
};

void TestGeminiCall::initTestCase()
{
    for (const QString& name : { kFlash, kPro, kThree }) {
        SandboxModel model;
        model.name = name;
        model.providerId = QStringLiteral("sandbox-gemini-native");
        model.kind = ProviderKind::Gemini;
        model.inputPrice = 1.25;
        model.outputPrice = 10.0;
        model.contextWindow = 1048576;
        model.firstTokenMs = 50;
        model.tokensPerSecond = 500;
        m_sandbox.addModel(model);
    }
    QVERIFY(m_sandbox.start());
    m_sandbox.setRequiredKey(QStringLiteral("sandbox-gemini-native"), kKey);
    qputenv(kKeyVariable.constData(), kKey.toUtf8());
}

void TestGeminiCall::init()
{
    m_sandbox.clearFaults();
    m_sandbox.setTimeScale(0);
    m_sandbox.resetCounts();
}

ProviderConfig TestGeminiCall::provider() const
{
    for (ProviderConfig provider : m_sandbox.providers()) {
        if (provider.kind == ProviderKind::Gemini) {
            provider.simulated = false; // a real Gemini provider whose endpoint is the sandbox
            provider.keyEnv = QString::fromLatin1(kKeyVariable);
            return provider;
        }
    }
    return {};
}

ModelConfig TestGeminiCall::model(const QString& name) const
{
    for (const ModelConfig& candidate : m_sandbox.models()) {
        if (candidate.upstreamModel == name && candidate.providerId == QLatin1String("sandbox-gemini-native")) {
            return candidate;
        }
    }
    return {};
}

ChatRequest TestGeminiCall::request(bool stream) const
{
    ChatRequest chat;
    chat.messages = { { QStringLiteral("system"), QStringLiteral("Be brief.") },
                      { QStringLiteral("user"), QStringLiteral("Say hello") } };
    chat.stream = stream;
    chat.maxTokens = 60;
    return chat;
}

ChatRequest TestGeminiCall::openAi(const QByteArray& body) const
{
    ChatRequest chat = request(true);
    chat.maxTokens = 0;
    chat.clientFormat = ProviderKind::OpenAiCompatible;
    chat.clientBody = body;
    return chat;
}

std::unique_ptr<ProviderCall> TestGeminiCall::run(const QString& name, const ChatRequest& request)
{
    std::unique_ptr<ProviderCall> call(m_client.start(provider(), model(name), request));
    QSignalSpy finished(call.get(), &ProviderCall::finished);
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.size() + failed.size(), 1, 5000); }();
    m_finished = finished;
    m_failed = failed;
    return call;
}

CallResult TestGeminiCall::finished() const
{
    return m_finished.isEmpty() ? CallResult() : m_finished.first().first().value<CallResult>();
}

#define VERIFY_SUCCEEDED()                                                                                             \
    QVERIFY2(m_failed.isEmpty(),                                                                                       \
             m_failed.isEmpty() ? "" : qPrintable(m_failed.first().first().value<CallError>().summary()))

void TestGeminiCall::success_keyedAndCounted_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("streamGenerateContent?alt=sse, CRLF events")
        << true << QByteArray("/gemini/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse");
    QTest::newRow("generateContent, one JSON body")
        << false << QByteArray("/gemini/v1beta/models/gemini-2.0-flash:generateContent");
}

void TestGeminiCall::success_keyedAndCounted()
{
    QFETCH(bool, stream);
    QFETCH(QByteArray, target);
    const auto call = run(kFlash, request(stream));
    VERIFY_SUCCEEDED();
    const CallResult result = finished();
    QVERIFY(!result.text.isEmpty());
    QCOMPARE(result.finishReason, QStringLiteral("stop"));
    QVERIFY(!result.usage.estimated);
    QCOMPARE(result.usage.promptTokens, m_sandbox.answered().promptTokens);
    QCOMPARE(result.usage.completionTokens, m_sandbox.answered().completionTokens);
    QCOMPARE(m_sandbox.requestCount(kFlash), 1);
    QCOMPARE(m_sandbox.lastRequestTarget(kFlash), target);
    bool keyed = false;
    for (const auto& [name, value] : m_sandbox.lastRequestHeaders(kFlash)) {
        keyed = keyed || (name == "x-goog-api-key" && value == kKey.toUtf8());
        QVERIFY(name != "authorization");
    }
    QVERIFY(keyed);
    const QJsonObject body = QJsonDocument::fromJson(m_sandbox.lastRequestBody(kFlash)).object();
    QCOMPARE(
        body.value(QLatin1String("systemInstruction")).toObject(),
        QJsonObject({ { QStringLiteral("parts"),
                        QJsonArray { QJsonObject { { QStringLiteral("text"), QStringLiteral("Be brief.") } } } } }));
    QCOMPARE(body.value(QLatin1String("generationConfig")).toObject().value(QLatin1String("maxOutputTokens")).toInt(),
             60);
}

void TestGeminiCall::thinking_comesBackAsReasoning()
{
    const auto call = run(kPro,
                          openAi(R"({"messages":[{"role":"user","content":"Why is the sky blue?"}],)"
                                 R"("reasoning_effort":"low"})"));
    VERIFY_SUCCEEDED();
    const CallResult result = finished();
    QVERIFY(!result.reasoning.isEmpty());
    QVERIFY(!result.text.isEmpty());
    QVERIFY(result.usage.reasoningTokens > 0);
    QCOMPARE(result.usage.completionTokens, m_sandbox.answered().completionTokens);
    const QJsonObject thinking = QJsonDocument::fromJson(m_sandbox.lastRequestBody(kPro))
                                     .object()
                                     .value(QLatin1String("generationConfig"))
                                     .toObject()
                                     .value(QLatin1String("thinkingConfig"))
                                     .toObject();
    QCOMPARE(thinking.value(QLatin1String("thinkingBudget")).toInt(), 1024);
    QCOMPARE(thinking.value(QLatin1String("includeThoughts")).toBool(), true);
}

void TestGeminiCall::grounding_countsTheSearches_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("streamed: grounding with the last event") << true;
    QTest::newRow("whole") << false;
}

void TestGeminiCall::grounding_countsTheSearches()
{
    QFETCH(bool, stream);
    ChatRequest chat = openAi(R"({"messages":[{"role":"user","content":"Who won Euro 2024?"}],)"
                              R"("web_search_options":{}})");
    chat.stream = stream;
    const auto call = run(kThree, chat);
    VERIFY_SUCCEEDED();
    const CallResult result = finished();
    // The sandbox ran two queries for the grounded prompt; the usage says so, and its search
    // results (40 tokens a query) count as input.
    QCOMPARE(result.usage.webSearches, 2);
    QCOMPARE(m_sandbox.answered().webSearches, 2);
    QCOMPARE(result.usage.promptTokens, m_sandbox.answered().promptTokens + 80);
    const QJsonArray tools
        = QJsonDocument::fromJson(m_sandbox.lastRequestBody(kThree)).object().value(QLatin1String("tools")).toArray();
    QCOMPARE(tools, (QJsonArray { QJsonObject { { QStringLiteral("google_search"), QJsonObject() } } }));
}

void TestGeminiCall::toolCall_roundTripsTheThoughtSignature()
{
    const auto first = run(kThree, openAi(weatherBody()));
    VERIFY_SUCCEEDED();
    const CallResult call = finished();
    QCOMPARE(call.finishReason, QStringLiteral("tool_calls"));
    QCOMPARE(call.toolCalls.size(), 1);
    const ToolCall tool = call.toolCalls.first();
    QCOMPARE(tool.name, QStringLiteral("get_weather"));
    QCOMPARE(GeminiWire::thoughtSignatureOf(tool.id), SandboxGemini::thoughtSignature(kThree, tool.name));

    // The client answers the call in the chat form; the signature goes back with the functionCall.
    const QString turn = QStringLiteral(R"(,{"role":"assistant","content":null,"tool_calls":[{"id":"%1","type":)"
                                        R"("function","function":{"name":"get_weather","arguments":%2}}]},)"
                                        R"({"role":"tool","tool_call_id":"%1","content":"-3 C, snow"})")
                             .arg(tool.id, QString::fromUtf8(JsonText::quoted(tool.arguments)));
    const auto second = run(kThree, openAi(weatherBody(turn)));
    VERIFY_SUCCEEDED();
    QVERIFY(!finished().text.isEmpty());
    QCOMPARE(m_sandbox.requestCount(kThree), 2);
    const QJsonArray contents = QJsonDocument::fromJson(m_sandbox.lastRequestBody(kThree))
                                    .object()
                                    .value(QLatin1String("contents"))
                                    .toArray();
    QCOMPARE(contents.size(), 3);
    const QJsonObject callPart = contents.at(1).toObject().value(QLatin1String("parts")).toArray().first().toObject();
    QCOMPARE(callPart.value(QLatin1String("thoughtSignature")).toString(),
             SandboxGemini::thoughtSignature(kThree, QStringLiteral("get_weather")));
    const QJsonObject response = contents.at(2)
                                     .toObject()
                                     .value(QLatin1String("parts"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QLatin1String("functionResponse"))
                                     .toObject();
    QCOMPARE(response.value(QLatin1String("name")).toString(), QStringLiteral("get_weather"));
    QCOMPARE(response.value(QLatin1String("response")).toObject().value(QLatin1String("output")).toString(),
             QStringLiteral("-3 C, snow"));
}

void TestGeminiCall::toolCall_tamperedSignature_isRefused()
{
    const QString forged
        = GeminiWire::toolCallId({}, QStringLiteral("get_weather"), "{}", 0, QStringLiteral("Zm9yZ2Vk"));
    const QString turn = QStringLiteral(R"(,{"role":"assistant","tool_calls":[{"id":"%1","type":"function",)"
                                        R"("function":{"name":"get_weather","arguments":"{}"}}]},)"
                                        R"({"role":"tool","tool_call_id":"%1","content":"sunny"})")
                             .arg(forged);
    const auto call = run(kThree, openAi(weatherBody(turn)));
    QCOMPARE(m_failed.size(), 1);
    const CallError error = m_failed.first().first().value<CallError>();
    QCOMPARE(error.failureClass, FailureClass::BadRequest);
    QCOMPARE(error.httpStatus, 400);
    QVERIFY2(error.message.contains(QLatin1String("Corrupted thought signature")), qPrintable(error.message));
}

void TestGeminiCall::image_goesInline()
{
    const auto call = run(kPro,
                          openAi(R"({"messages":[{"role":"user","content":[{"type":"text","text":)"
                                 R"("What is in this picture?"},{"type":"image_url","image_url":{"url":)"
                                 R"("data:image/png;base64,iVBORw0KGgoAAAANSUhEUg=="}}]}]})"));
    VERIFY_SUCCEEDED();
    QCOMPARE(m_sandbox.answered().images, 1);
    const CallResult result = finished();
    QCOMPARE(result.usage.images, 1);
    QCOMPARE(result.usage.promptTokens, m_sandbox.answered().promptTokens); // the image's 258 tokens included
    QVERIFY(result.usage.promptTokens > 258);
}

void TestGeminiCall::fault_mapsToFailureClass_data()
{
    QTest::addColumn<SandboxFault>("fault");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<FailureClass>("expected");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<bool>("partialAnswer");
    using Kind = SandboxFault::Kind;
    QTest::newRow("429 RESOURCE_EXHAUSTED is a rate limit, its RetryInfo the hint")
        << SandboxFault::httpError(429, {}, 34) << true << FailureClass::RateLimited << qint64(34000) << false;
    QTest::newRow("503 UNAVAILABLE is an outage")
        << SandboxFault::httpError(503) << false << FailureClass::ServerError << qint64(-1) << false;
    QTest::newRow("400 INVALID_ARGUMENT is the request's fault")
        << SandboxFault::httpError(400) << true << FailureClass::BadRequest << qint64(-1) << false;
    SandboxFault midStream = SandboxFault::ofKind(Kind::ErrorMidStream);
    midStream.httpStatus = 503;
    midStream.afterTokens = 3;
    QTest::newRow("an error event after the 200")
        << midStream << true << FailureClass::ServerError << qint64(-1) << true;
    QTest::newRow("a broken event") << SandboxFault::ofKind(Kind::MalformedJson) << true
                                    << FailureClass::MalformedResponse << qint64(-1) << true;
    QTest::newRow("the connection cut before the finishReason")
        << SandboxFault::ofKind(Kind::DropMidStream) << true << FailureClass::StreamBroken << qint64(-1) << true;
    QTest::newRow("SAFETY with nothing else is the content filter, streamed")
        << SandboxFault::ofKind(Kind::FilteredAnswer) << true << FailureClass::ContentFiltered << qint64(-1) << false;
    QTest::newRow("SAFETY with nothing else is the content filter, whole")
        << SandboxFault::ofKind(Kind::FilteredAnswer) << false << FailureClass::ContentFiltered << qint64(-1) << false;
}

void TestGeminiCall::fault_mapsToFailureClass()
{
    QFETCH(SandboxFault, fault);
    QFETCH(bool, stream);
    QFETCH(FailureClass, expected);
    QFETCH(qint64, retryAfterMs);
    QFETCH(bool, partialAnswer);
    m_sandbox.setFault(kFlash, fault);
    const auto call = run(kFlash, request(stream));
    QCOMPARE(m_failed.size(), 1);
    const CallError error = m_failed.first().first().value<CallError>();
    QCOMPARE(error.failureClass, expected);
    QCOMPARE(error.retryAfterMs, retryAfterMs);
    QCOMPARE(!m_failed.first().at(1).value<CallResult>().text.isEmpty(), partialAnswer);
    QCOMPARE(m_sandbox.requestCount(kFlash), 1); // no hidden retries
    if (expected == FailureClass::ContentFiltered) {
        QVERIFY2(error.message.contains(QLatin1String("SAFETY")), qPrintable(error.message));
    }
}

void TestGeminiCall::wrongKey_isApiKeyInvalid()
{
    qputenv(kKeyVariable.constData(), "AIza-not-the-key");
    const auto call = run(kFlash, request(true));
    qputenv(kKeyVariable.constData(), kKey.toUtf8());
    QCOMPARE(m_failed.size(), 1);
    const CallError error = m_failed.first().first().value<CallError>();
    QCOMPARE(error.failureClass, FailureClass::Auth);
    QCOMPARE(error.httpStatus, 400);
    QCOMPARE(m_sandbox.requestCount(kFlash), 0); // refused before anything was answered
    QVERIFY(!error.message.contains(QLatin1String("AIza-not-the-key")));
}

void TestGeminiCall::unknownField_isInvalidArgumentNamingIt_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("top level") << QByteArray(R"({"contents":[{"role":"user","parts":[{"text":"x"}]}],"temperature":1})")
                               << R"(Invalid JSON payload received. Unknown name "temperature": Cannot find field.)";
    QTest::newRow("in generationConfig")
        << QByteArray(R"({"contents":[{"role":"user","parts":[{"text":"x"}]}],"generationConfig":{"max_tokens":5}})")
        << R"(Invalid JSON payload received. Unknown name "max_tokens" at 'generation_config': Cannot find field.)";
    QTest::newRow("both thinking controls")
        << QByteArray(R"({"contents":[{"role":"user","parts":[{"text":"x"}]}],"generationConfig":{"thinkingConfig":)"
                      R"({"thinkingBudget":5,"thinkingLevel":"low"}}})")
        << "You can only set only one of thinking budget and thinking level.";
}

void TestGeminiCall::unknownField_isInvalidArgumentNamingIt()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    HttpExchange* exchange
        = m_client.post(provider(), QStringLiteral("models/%1:generateContent").arg(kPro), body, this);
    QByteArray answer;
    connect(exchange, &HttpExchange::readyRead, this, [&] { answer += exchange->readAll(); });
    QSignalSpy done(exchange, &HttpExchange::finished);
    exchange->start();
    QVERIFY(done.wait(5000));
    answer += exchange->readAll();
    QCOMPARE(exchange->status(), 400);
    const QJsonObject error = QJsonDocument::fromJson(answer).object().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("status")).toString(), QStringLiteral("INVALID_ARGUMENT"));
    QCOMPARE(error.value(QLatin1String("code")).toInt(), 400);
    QCOMPARE(error.value(QLatin1String("message")).toString(), message);
    exchange->deleteLater();
}

void TestGeminiCall::modelList_followsThePages()
{
    // Google pages its list 50 models at a time by default: 63 models take two pages.
    for (int i = 0; i < 60; ++i) {
        SandboxModel extra;
        extra.name = QStringLiteral("gemini-test-%1").arg(i, 2, 10, QLatin1Char('0'));
        extra.providerId = QStringLiteral("sandbox-gemini-native");
        extra.kind = ProviderKind::Gemini;
        extra.contextWindow = 1000;
        m_sandbox.addModel(extra);
    }
    ModelListFetcher fetcher(&m_client);
    QSignalSpy fetched(&fetcher, &ModelListFetcher::modelsFetched);
    QSignalSpy failed(&fetcher, &ModelListFetcher::fetchFailed);
    fetcher.fetch(provider(), kKey);
    QTRY_COMPARE_WITH_TIMEOUT(fetched.size() + failed.size(), 1, 5000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const QStringList ids = fetched.first().first().toStringList();
    QCOMPARE(ids.size(), 63);
    QCOMPARE(ids.first(), kFlash); // "models/" taken off, sorted
    QVERIFY(ids.contains(kThree) && ids.contains(QStringLiteral("gemini-test-59")));
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (ProviderClient::Transport transport :
         { ProviderClient::Transport::Direct, ProviderClient::Transport::NetworkAccessManager }) {
        TestGeminiCall test(transport);
        failures += QTest::qExec(&test, argc, argv);
    }
    return failures;
}
#include "tst_GeminiCall.moc"
