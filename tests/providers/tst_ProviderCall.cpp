#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/sandbox/SandboxServer.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <QTest>
Q_DECLARE_METATYPE(SandboxFault)
Q_DECLARE_METATYPE(Timeouts)
Q_DECLARE_METATYPE(FailureClass)

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// Provider calls over real loopback HTTP against the sandbox: both wire formats, every fault,
// every timeout, cancel, size cap, missing key, concurrency limit - once over each transport,
// since real remote providers use Qt's network stack and local ones the in-thread socket.
class TestProviderCall : public QObject
{
    Q_OBJECT

public:
    explicit TestProviderCall(ProviderClient::Transport transport)
        : m_transport(transport)
    {
        m_client.setTransport(transport);
    }

private slots:
    void initTestCase();
    void init();

    void success_data();
    void success();
    void thinkingModel_firstTokenMetByAnyEvent_data();
    void thinkingModel_firstTokenMetByAnyEvent();
    void fault_mapsToFailureClass_data();
    void fault_mapsToFailureClass();
    void timeout_firesNearItsSetting_data();
    void timeout_firesNearItsSetting();
    void connectTimeout_whenServerNeverAccepts();
    void cancel_midStream_emitsNothingMore();
    void cancel_beforeStart_emitsNothing();
    void missingKey_failsAsAuthWithoutRequest();
    void oversizedResponse_isMalformedNotBloat();
    void providerWithoutUsage_isEstimated();
    void concurrencyLimit_queuesCallsPerProvider();
    void keepAlive_reusesOneConnection();
    void closedIdleConnection_isRetriedOnANewOne();
    void webSearchOptions_billedAsOneSearch_data();
    void webSearchOptions_billedAsOneSearch();
    void unreachableHost_isNetworkError();

private:
    ProviderConfig providerOf(const ModelConfig& model) const;
    ModelConfig model(const QString& name) const;
    ChatRequest request(const QString& prompt, bool stream = true) const;

    ProviderClient::Transport m_transport;
    SandboxServer m_sandbox;
    ProviderClient m_client;
};

void TestProviderCall::initTestCase()
{
    QVERIFY(m_sandbox.start());
}

void TestProviderCall::init()
{
    m_sandbox.clearFaults();
    m_sandbox.setTimeScale(0);
}

ProviderConfig TestProviderCall::providerOf(const ModelConfig& model) const
{
    for (const ProviderConfig& provider : m_sandbox.providers()) {
        if (provider.id == model.providerId) {
            return provider;
        }
    }
    return {};
}

ModelConfig TestProviderCall::model(const QString& name) const
{
    for (const ModelConfig& candidate : m_sandbox.models()) {
        if (candidate.upstreamModel == name) {
            return candidate;
        }
    }
    return {};
}

ChatRequest TestProviderCall::request(const QString& prompt, bool stream) const
{
    ChatRequest chat;
    chat.messages = { { QStringLiteral("system"), QStringLiteral("Be brief.") }, { QStringLiteral("user"), prompt } };
    chat.stream = stream;
    chat.maxTokens = 60;
    return chat;
}

void TestProviderCall::success_data()
{
    QTest::addColumn<QString>("modelName");
    QTest::addColumn<bool>("stream");
    QTest::newRow("openai wire, streamed") << "gpt-4.1-mini" << true;
    QTest::newRow("openai wire, not streamed") << "gpt-4.1-mini" << false;
    QTest::newRow("anthropic wire, streamed") << "claude-haiku-4-5" << true;
    QTest::newRow("anthropic wire, not streamed") << "claude-haiku-4-5" << false;
}

void TestProviderCall::success()
{
    QFETCH(QString, modelName);
    QFETCH(bool, stream);
    const ModelConfig target = model(modelName);
    QVERIFY(!target.id.isEmpty());
    std::unique_ptr<ProviderCall> call(
        m_client.start(providerOf(target), target, request(QStringLiteral("Say hello"), stream)));
    QSignalSpy sent(call.get(), &ProviderCall::requestSent);
    QSignalSpy first(call.get(), &ProviderCall::firstTokenReceived);
    QSignalSpy text(call.get(), &ProviderCall::textReceived);
    QSignalSpy usage(call.get(), &ProviderCall::usageReported);
    QSignalSpy finished(call.get(), &ProviderCall::finished);
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size() + failed.size(), 1, 5000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().value<CallError>().summary()));
    const CallResult result = finished.first().first().value<CallResult>();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(first.size(), 1);
    QVERIFY(stream ? text.size() > 1 : text.size() == 1);
    QString assembled;
    for (const auto& args : std::as_const(text)) {
        assembled += args.first().toString();
    }
    QCOMPARE(assembled, result.text);
    QVERIFY(!result.text.isEmpty());
    QVERIFY(!usage.isEmpty());
    QVERIFY(!result.usage.estimated);
    QVERIFY(result.usage.promptTokens > 0);
    QVERIFY(result.usage.completionTokens > 0);
    QCOMPARE(result.modelId, target.id);
    QVERIFY(result.ttftMs >= 0 && result.ttftMs <= result.latencyMs);
    QVERIFY(!result.finishReason.isEmpty());
}

void TestProviderCall::fault_mapsToFailureClass_data()
{
    QTest::addColumn<QString>("modelName");
    QTest::addColumn<SandboxFault>("fault");
    QTest::addColumn<FailureClass>("expected");
    QTest::addColumn<int>("httpStatus");
    using Kind = SandboxFault::Kind;
    QTest::newRow("500 is a server error")
        << "gpt-4.1-mini" << SandboxFault::httpError(500) << FailureClass::ServerError << 500;
    QTest::newRow("503 is a server error")
        << "gpt-4.1-mini" << SandboxFault::httpError(503) << FailureClass::ServerError << 503;
    QTest::newRow("anthropic 529 overloaded is a server error")
        << "claude-haiku-4-5" << SandboxFault::httpError(529) << FailureClass::ServerError << 529;
    QTest::newRow("429 rate limit") << "gpt-4.1-mini" << SandboxFault::httpError(429, "rate_limit_exceeded", 7)
                                    << FailureClass::RateLimited << 429;
    QTest::newRow("429 insufficient_quota is quota, not rate limit")
        << "gpt-4.1-mini" << SandboxFault::httpError(429, "insufficient_quota") << FailureClass::QuotaExhausted << 429;
    QTest::newRow("401 is auth") << "gpt-4.1-mini" << SandboxFault::httpError(401) << FailureClass::Auth << 401;
    QTest::newRow("anthropic 401 is auth")
        << "claude-haiku-4-5" << SandboxFault::httpError(401) << FailureClass::Auth << 401;
    QTest::newRow("400 is a bad request")
        << "gpt-4.1-mini" << SandboxFault::httpError(400) << FailureClass::BadRequest << 400;
    QTest::newRow("drop mid-stream breaks the stream")
        << "gpt-4.1-mini" << SandboxFault::ofKind(Kind::DropMidStream) << FailureClass::StreamBroken << 200;
    QTest::newRow("anthropic drop mid-stream breaks the stream")
        << "claude-haiku-4-5" << SandboxFault::ofKind(Kind::DropMidStream) << FailureClass::StreamBroken << 200;
    QTest::newRow("malformed JSON in the stream")
        << "gpt-4.1-mini" << SandboxFault::ofKind(Kind::MalformedJson) << FailureClass::MalformedResponse << 200;
    QTest::newRow("anthropic malformed JSON in the stream")
        << "claude-haiku-4-5" << SandboxFault::ofKind(Kind::MalformedJson) << FailureClass::MalformedResponse << 200;
}

void TestProviderCall::fault_mapsToFailureClass()
{
    QFETCH(QString, modelName);
    QFETCH(SandboxFault, fault);
    QFETCH(FailureClass, expected);
    QFETCH(int, httpStatus);
    m_sandbox.setFault(modelName, fault);
    const ModelConfig target = model(modelName);
    std::unique_ptr<ProviderCall> call(
        m_client.start(providerOf(target), target, request(QStringLiteral("Tell me a story"))));
    QSignalSpy finished(call.get(), &ProviderCall::finished);
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QVERIFY(finished.isEmpty());
    const CallError error = failed.first().first().value<CallError>();
    QCOMPARE(FailureClasses::id(error.failureClass), FailureClasses::id(expected));
    QCOMPARE(error.httpStatus, httpStatus);
    QVERIFY(!error.message.isEmpty());
    if (expected == FailureClass::RateLimited) {
        QCOMPARE(error.retryAfterMs, qint64(7000));
    }
}

void TestProviderCall::timeout_firesNearItsSetting_data()
{
    QTest::addColumn<SandboxFault>("fault");
    QTest::addColumn<Timeouts>("timeouts");
    QTest::addColumn<FailureClass>("expected");
    QTest::addColumn<int>("expectedMs");
    using Kind = SandboxFault::Kind;
    SandboxFault slow = SandboxFault::ofKind(Kind::SlowTokens);
    slow.tokenIntervalMs = 2000;
    QTest::newRow("hang before headers -> first token")
        << SandboxFault::ofKind(Kind::HangBeforeHeaders) << Timeouts { 1000, 300, 5000, 10000 }
        << FailureClass::FirstTokenTimeout << 300;
    QTest::newRow("headers then silence -> first token")
        << SandboxFault::ofKind(Kind::HeadersThenSilence) << Timeouts { 1000, 250, 5000, 10000 }
        << FailureClass::FirstTokenTimeout << 250;
    QTest::newRow("slow tokens -> idle gap")
        << slow << Timeouts { 1000, 5000, 200, 10000 } << FailureClass::IdleTimeout << -1;
    QTest::newRow("slow tokens -> total")
        << slow << Timeouts { 1000, 5000, 5000, 400 } << FailureClass::TotalTimeout << 400;
}

void TestProviderCall::timeout_firesNearItsSetting()
{
    QFETCH(SandboxFault, fault);
    QFETCH(Timeouts, timeouts);
    QFETCH(FailureClass, expected);
    QFETCH(int, expectedMs);
    m_sandbox.setTimeScale(1);
    m_sandbox.setFault(QStringLiteral("gpt-4.1-mini"), fault);
    ModelConfig target = model(QStringLiteral("gpt-4.1-mini"));
    target.timeouts = timeouts;
    std::unique_ptr<ProviderCall> call(m_client.start(providerOf(target), target, request(QStringLiteral("hello"))));
    QSignalSpy first(call.get(), &ProviderCall::firstTokenReceived);
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    const CallError error = failed.first().first().value<CallError>();
    QCOMPARE(FailureClasses::id(error.failureClass), FailureClasses::id(expected));
    const CallResult partial = failed.first().at(1).value<CallResult>();
    if (expected == FailureClass::IdleTimeout) {
        QCOMPARE(first.size(), 1); // the gap is measured between tokens
        return;
    }
    // Timers are precise; allow scheduling noise of a loaded 2-core CI machine, not a second timer.
    QVERIFY2(partial.latencyMs >= expectedMs - 2 && partial.latencyMs < expectedMs + 100,
             qPrintable(QStringLiteral("fired after %1 ms").arg(partial.latencyMs)));
}

void TestProviderCall::thinkingModel_firstTokenMetByAnyEvent_data()
{
    QTest::addColumn<QString>("upstreamModel");
    QTest::addColumn<bool>("answers"); // else: first-token timeout

    // The stream's first event (the role chunk) comes at once, the first word 400 ms later; the
    // first-token timeout is 150 ms.
    QTest::newRow("a reasoning model: any event meets its first-token timeout") << "o3-mini" << true;
    QTest::newRow("deepseek-reasoner likewise") << "deepseek-reasoner" << true;
    QTest::newRow("a chat model waits for its first word") << "gpt-4.1-mini" << false;
}

void TestProviderCall::thinkingModel_firstTokenMetByAnyEvent()
{
    QFETCH(QString, upstreamModel);
    QFETCH(bool, answers);
    HttpServer server;
    server.setHandler([](const HttpRequest&, HttpResponder* responder) {
        responder->beginStream(200, "text/event-stream");
        responder->writeChunk(
            R"(data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m",)"
            R"("choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]})"
            "\n\n");
        QPointer<HttpResponder> later(responder);
        QTimer::singleShot(400, [later] {
            if (!later) {
                return;
            }
            later->writeChunk(R"(data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m",)"
                              R"("choices":[{"index":0,"delta":{"content":"Done."},"finish_reason":"stop"}]})"
                              "\n\ndata: [DONE]\n\n");
            later->endStream();
        });
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ProviderConfig provider;
    provider.id = QStringLiteral("thinker");
    provider.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(server.port()));
    ModelConfig target;
    target.id = QStringLiteral("thinker/") + upstreamModel;
    target.providerId = provider.id;
    target.upstreamModel = upstreamModel;
    target.timeouts = { 1000, 150, 2000, 10000 };
    std::unique_ptr<ProviderCall> call(m_client.start(provider, target, request(QStringLiteral("Think"))));
    QSignalSpy finished(call.get(), &ProviderCall::finished);
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size() + failed.size(), 1, 5000);
    if (answers) {
        QCOMPARE(finished.size(), 1);
        const CallResult result = finished.first().first().value<CallResult>();
        QCOMPARE(result.text, QStringLiteral("Done."));
        QVERIFY2(result.ttftMs >= 390, qPrintable(QString::number(result.ttftMs))); // the first word's time
    } else {
        QCOMPARE(failed.size(), 1);
        const CallError error = failed.first().first().value<CallError>();
        QCOMPARE(FailureClasses::id(error.failureClass), FailureClasses::id(FailureClass::FirstTokenTimeout));
    }
}

void TestProviderCall::connectTimeout_whenServerNeverAccepts()
{
    // A listening socket with a full accept queue: the kernel drops further SYNs, so the
    // connection attempt hangs the way it does against a black-holed host.
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(listener >= 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    QCOMPARE(::listen(listener, 0), 0);
    socklen_t length = sizeof address;
    ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
    QList<int> fillers;
    for (int i = 0; i < 4; ++i) {
        const int filler = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        ::connect(filler, reinterpret_cast<sockaddr*>(&address), sizeof address);
        fillers.append(filler);
    }
    QTest::qWait(50);

    ProviderConfig provider;
    provider.id = QStringLiteral("blackhole");
    provider.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(ntohs(address.sin_port)));
    ModelConfig target;
    target.id = QStringLiteral("blackhole/model");
    target.providerId = provider.id;
    target.upstreamModel = QStringLiteral("model");
    target.timeouts = { 300, 5000, 5000, 10000 };
    std::unique_ptr<ProviderCall> call(m_client.start(provider, target, request(QStringLiteral("hi"))));
    QSignalSpy sent(call.get(), &ProviderCall::requestSent);
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    const CallError error = failed.first().first().value<CallError>();
    for (int filler : std::as_const(fillers)) {
        ::close(filler);
    }
    ::close(listener);
    QCOMPARE(FailureClasses::id(error.failureClass), FailureClasses::id(FailureClass::ConnectTimeout));
    QCOMPARE(sent.size(), 0);
    const qint64 latency = failed.first().at(1).value<CallResult>().latencyMs;
    QVERIFY2(latency >= 298 && latency < 400, qPrintable(QString::number(latency)));
}

void TestProviderCall::cancel_midStream_emitsNothingMore()
{
    SandboxFault slow = SandboxFault::ofKind(SandboxFault::Kind::SlowTokens);
    slow.tokenIntervalMs = 20;
    m_sandbox.setTimeScale(1);
    m_sandbox.setFault(QStringLiteral("gpt-4.1-mini"), slow);
    const ModelConfig target = model(QStringLiteral("gpt-4.1-mini"));
    std::unique_ptr<ProviderCall> call(
        m_client.start(providerOf(target), target, request(QStringLiteral("long story"))));
    QSignalSpy text(call.get(), &ProviderCall::textReceived);
    QSignalSpy finished(call.get(), &ProviderCall::finished);
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    QSignalSpy usage(call.get(), &ProviderCall::usageReported);
    QTRY_VERIFY_WITH_TIMEOUT(text.size() >= 2, 5000);
    call->cancel();
    const qsizetype seen = text.size();
    QTest::qWait(200);
    QCOMPARE(text.size(), seen);
    QVERIFY(finished.isEmpty());
    QVERIFY(failed.isEmpty());
    QVERIFY(usage.isEmpty());
    QCOMPARE(call->error().failureClass, FailureClass::Cancelled);
    QCOMPARE(m_client.inFlight(target.providerId), 0);
}

void TestProviderCall::cancel_beforeStart_emitsNothing()
{
    const ModelConfig target = model(QStringLiteral("gpt-4.1-mini"));
    const int before = m_sandbox.totalRequests();
    std::unique_ptr<ProviderCall> call(m_client.start(providerOf(target), target, request(QStringLiteral("hi"))));
    QSignalSpy sent(call.get(), &ProviderCall::requestSent);
    QSignalSpy finished(call.get(), &ProviderCall::finished);
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    call->cancel();
    QTest::qWait(100);
    QVERIFY(sent.isEmpty() && finished.isEmpty() && failed.isEmpty());
    QCOMPARE(m_sandbox.totalRequests(), before);
}

void TestProviderCall::missingKey_failsAsAuthWithoutRequest()
{
    ModelConfig target = model(QStringLiteral("gpt-4.1-mini"));
    ProviderConfig provider = providerOf(target);
    provider.keyEnv = QStringLiteral("SWITCHYARD_TEST_UNSET_KEY_VARIABLE");
    const int before = m_sandbox.totalRequests();
    std::unique_ptr<ProviderCall> call(m_client.start(provider, target, request(QStringLiteral("hi"))));
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    QTRY_COMPARE(failed.size(), 1);
    const CallError error = failed.first().first().value<CallError>();
    QCOMPARE(error.failureClass, FailureClass::Auth);
    QVERIFY(error.message.contains(provider.keyEnv));
    QCOMPARE(m_sandbox.totalRequests(), before);
}

void TestProviderCall::oversizedResponse_isMalformedNotBloat()
{
    ProviderClient client;
    client.setTransport(m_transport);
    client.setMaxResponseBytes(512);
    const ModelConfig target = model(QStringLiteral("gpt-4.1-mini"));
    ChatRequest chat = request(QStringLiteral("write a long essay"));
    chat.maxTokens = 400;
    std::unique_ptr<ProviderCall> call(client.start(providerOf(target), target, chat));
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QCOMPARE(failed.first().first().value<CallError>().failureClass, FailureClass::MalformedResponse);
}

void TestProviderCall::providerWithoutUsage_isEstimated()
{
    m_sandbox.setReportsUsage(QStringLiteral("deepseek-chat"), false);
    const ModelConfig target = model(QStringLiteral("deepseek-chat"));
    std::unique_ptr<ProviderCall> call(
        m_client.start(providerOf(target), target, request(QStringLiteral("hello there"))));
    QSignalSpy finished(call.get(), &ProviderCall::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    m_sandbox.setReportsUsage(QStringLiteral("deepseek-chat"), true);
    const CallResult result = finished.first().first().value<CallResult>();
    QVERIFY(result.usage.estimated);
    QVERIFY(result.usage.promptTokens > 0);
    QCOMPARE(result.usage.completionTokens, estimateTokens(result.text));
}

void TestProviderCall::concurrencyLimit_queuesCallsPerProvider()
{
    m_sandbox.setTimeScale(0.2);
    const ModelConfig target = model(QStringLiteral("gpt-4.1-mini"));
    ProviderConfig provider = providerOf(target);
    provider.maxConcurrent = 1;
    std::vector<std::unique_ptr<ProviderCall>> calls;
    int finishedCount = 0;
    int maxSeen = 0;
    for (int i = 0; i < 3; ++i) {
        calls.emplace_back(m_client.start(provider, target, request(QStringLiteral("hi %1").arg(i))));
        connect(calls.back().get(), &ProviderCall::textReceived, this,
                [&] { maxSeen = qMax(maxSeen, m_client.inFlight(provider.id)); });
        connect(calls.back().get(), &ProviderCall::finished, this, [&] { ++finishedCount; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 3, 10000);
    QCOMPARE(maxSeen, 1);
    QCOMPARE(m_client.inFlight(provider.id), 0);
}

void TestProviderCall::keepAlive_reusesOneConnection()
{
    const ModelConfig target = model(QStringLiteral("gpt-4.1-mini"));
    const int connectionsBefore = m_sandbox.connectionCount();
    for (int i = 0; i < 5; ++i) {
        std::unique_ptr<ProviderCall> call(m_client.start(providerOf(target), target, request(QStringLiteral("hi"))));
        QSignalSpy finished(call.get(), &ProviderCall::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    }
    // Sequential requests ride one keep-alive connection (a fallback must not pay a handshake).
    QVERIFY2(m_sandbox.connectionCount() - connectionsBefore <= 1,
             qPrintable(QString::number(m_sandbox.connectionCount() - connectionsBefore)));
}

void TestProviderCall::closedIdleConnection_isRetriedOnANewOne()
{
    const ModelConfig target = model(QStringLiteral("gpt-4.1-mini"));
    std::unique_ptr<ProviderCall> warm(m_client.start(providerOf(target), target, request(QStringLiteral("hi"))));
    QSignalSpy warmFinished(warm.get(), &ProviderCall::finished);
    QTRY_COMPARE_WITH_TIMEOUT(warmFinished.size(), 1, 5000);
    const int requestsBefore = m_sandbox.totalRequests();
    m_sandbox.closeIdleConnections(); // the server times out the keep-alive connection
    std::unique_ptr<ProviderCall> call(m_client.start(providerOf(target), target, request(QStringLiteral("again"))));
    QSignalSpy finished(call.get(), &ProviderCall::finished);
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size() + failed.size(), 1, 5000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().value<CallError>().summary()));
    QCOMPARE(m_sandbox.totalRequests(), requestsBefore + 1);
}

void TestProviderCall::unreachableHost_isNetworkError()
{
    // Bind then close a port so nothing listens on it: the connection is refused at once.
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    socklen_t length = sizeof address;
    ::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(probe);

    ProviderConfig provider;
    provider.id = QStringLiteral("nobody");
    provider.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(ntohs(address.sin_port)));
    ModelConfig target;
    target.id = QStringLiteral("nobody/model");
    target.providerId = provider.id;
    target.upstreamModel = QStringLiteral("model");
    std::unique_ptr<ProviderCall> call(m_client.start(provider, target, request(QStringLiteral("hi"))));
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    const CallError error = failed.first().first().value<CallError>();
    QCOMPARE(FailureClasses::id(error.failureClass), FailureClasses::id(FailureClass::NetworkError));
    QVERIFY(!error.message.isEmpty());
}

void TestProviderCall::webSearchOptions_billedAsOneSearch_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<qint64>("searches");
    const QByteArray messages = R"("messages":[{"role":"user","content":"Latest Qt release?"}])";
    QTest::newRow("web_search_options, whole")
        << R"({"model":"m",)" + messages + R"(,"web_search_options":{}})" << false << qint64(1);
    QTest::newRow("web_search_options, streamed")
        << R"({"model":"m",)" + messages + R"(,"web_search_options":{"search_context_size":"low"}})" << true
        << qint64(1);
    QTest::newRow("no search asked") << R"({"model":"m",)" + messages + "}" << false << qint64(0);
    QTest::newRow("the words in a message are not a search")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"what is \"web_search_options\"?"}]})")
        << false << qint64(0);
}

// OpenAI's search models search once per Chat Completions request that asks for it and bill it
// per call; no usage field says so, the request does (a minimal upstream answering as OpenAI does,
// with a url_citation annotation).
void TestProviderCall::webSearchOptions_billedAsOneSearch()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, stream);
    QFETCH(qint64, searches);
    int received = 0;
    HttpServer server;
    server.setHandler([&received, stream](const HttpRequest&, HttpResponder* responder) {
        ++received;
        const QByteArray message
            = R"("content":"Qt 6.10.","annotations":[{"type":"url_citation","url_citation":{"url":"https://qt.io","title":"Qt","start_index":0,"end_index":8}}])";
        if (stream) {
            responder->beginStream(200, "text/event-stream");
            responder->writeChunk(
                R"(data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant",)"
                + message + R"(},"finish_reason":"stop"}]})" + "\n\n"
                + R"(data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}})"
                + "\n\ndata: [DONE]\n\n");
            responder->endStream();
            return;
        }
        responder->send(
            200, "application/json",
            R"({"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant",)"
                + message
                + R"(},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}})");
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ProviderConfig provider;
    provider.id = QStringLiteral("search");
    provider.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(server.port()));
    ModelConfig target;
    target.id = QStringLiteral("search/gpt-4o-mini-search-preview");
    target.providerId = provider.id;
    target.upstreamModel = QStringLiteral("gpt-4o-mini-search-preview");
    ChatRequest request = this->request(QStringLiteral("Latest Qt release?"), stream);
    request.clientBody = body;
    std::unique_ptr<ProviderCall> call(m_client.start(provider, target, request));
    QSignalSpy finished(call.get(), &ProviderCall::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    const CallResult result = finished.first().first().value<CallResult>();
    QCOMPARE(received, 1);
    QCOMPARE(result.text, QStringLiteral("Qt 6.10."));
    QCOMPARE(result.usage.completionTokens, qint64(4));
    QCOMPARE(result.usage.webSearches, searches);
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (ProviderClient::Transport transport :
         { ProviderClient::Transport::Direct, ProviderClient::Transport::NetworkAccessManager }) {
        TestProviderCall test(transport);
        failures += QTest::qExec(&test, argc, argv);
    }
    return failures;
}
#include "tst_ProviderCall.moc"
