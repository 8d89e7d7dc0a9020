// The gateway keeps out who does not belong (web pages, rebound host names, non-JSON bodies) and
// keeps serving under hostile clients (idle and slow sockets, oversized requests), over real
// loopback sockets; the sandbox upstream counts what reached it.
#include "GatewayFixture.h"
#include "GatewayHttp.h"
#include "RawHttp.h"
#include "core/http/HttpServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {
const QByteArray kChat = QByteArrayLiteral("/v1/chat/completions");
const QByteArray kMessages = QByteArrayLiteral("/v1/messages");
const QByteArray kChatJson
    = QByteArrayLiteral(R"({"model":"chat","messages":[{"role":"user","content":"Say hello"}]})");
const QByteArray kMessagesJson
    = QByteArrayLiteral(R"({"model":"haiku","max_tokens":50,"messages":[{"role":"user","content":"Say hello"}]})");
const QByteArray kAllowedOrigin = QByteArrayLiteral("https://app.example");
const QString kTlsDir = QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/tls");
} // namespace

class tst_GatewayGuard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void hostileRequest_refusedBeforeAnythingIsSent_data();
    void hostileRequest_refusedBeforeAnythingIsSent();
    void refusal_isALineInTheTrafficView();
    void allowedOrigin_preflightAndAnswersCarryCors();
    void allowedHostName_isServed_data();
    void allowedHostName_isServed();
    void slowHeader_timesOutWith408();
    void idleConnection_isClosedAfterItsDeadline();
    void twoThousandIdleSockets_normalRequestsStillAnswered();
    void allConnectionsBusy_newcomerGets503();
    void saturated_answers503WithRetryAfter();
    void largeBodies_cappedBeforeTheyAreParsed();
    void hostileSoak_losesNoValidRequest();
    void beyondLoopback_needsKeyAndTlsOrExplicitPlainHttp_data();
    void beyondLoopback_needsKeyAndTlsOrExplicitPlainHttp();
    void tls_servesHttpsAndRefusesPlainHttp();

private:
    bool startGateway(const GatewayOptions& options);
    void expectServing();

    std::unique_ptr<GatewayFixture> m_fx;
};

void tst_GatewayGuard::initTestCase()
{
    // 2,000 client and 2,000 server sockets live in this one process.
    QVERIFY(HttpServer::raiseOpenFileLimit() >= 4400);
}

void tst_GatewayGuard::init()
{
    m_fx = std::make_unique<GatewayFixture>();
}

void tst_GatewayGuard::cleanup()
{
    m_fx.reset();
}

bool tst_GatewayGuard::startGateway(const GatewayOptions& options)
{
    return m_fx->start(options);
}

// A good request right after gets its answer and reaches the upstream.
void tst_GatewayGuard::expectServing()
{
    const int before = m_fx->sandbox.totalRequests();
    const RawAnswer answer = rawCall(m_fx->gateway->port(), rawPost(kChat, kChatJson));
    QCOMPARE(answer.status, 200);
    QCOMPARE(m_fx->sandbox.totalRequests(), before + 1);
}

void tst_GatewayGuard::hostileRequest_refusedBeforeAnythingIsSent_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code"); // OpenAI "code", or the Anthropic error type on /v1/messages
    QTest::addColumn<QString>("fragment"); // of the message

    const QByteArray evilOrigin = "Origin: http://evil.example\r\n";
    QTest::newRow("web page posting text/plain to a rebound host name: 403 host")
        << rawPost(kChat, kChatJson, evilOrigin, "text/plain", "evil.example:4000") << 403 << "host_not_allowed"
        << "evil.example";
    QTest::newRow("rebound host name reading the model list: 403 host")
        << QByteArray("GET /v1/models HTTP/1.1\r\nHost: evil.example\r\n\r\n") << 403 << "host_not_allowed"
        << "evil.example";
    QTest::newRow("rebound host name with a JSON body: 403 host")
        << rawPost(kChat, kChatJson, {}, "application/json", "attacker.test") << 403 << "host_not_allowed"
        << "attacker.test";
    QTest::newRow("foreign origin on a loopback host: 403 origin")
        << rawPost(kChat, kChatJson, evilOrigin) << 403 << "origin_not_allowed"
        << "evil.example";
    QTest::newRow("foreign origin via localhost: 403 origin")
        << rawPost(kChat, kChatJson, evilOrigin, "application/json", "localhost:4000") << 403 << "origin_not_allowed"
        << "evil.example";
    QTest::newRow("sandboxed page (Origin null): 403 origin")
        << rawPost(kChat, kChatJson, "Origin: null\r\n") << 403 << "origin_not_allowed"
        << "null";
    QTest::newRow("another local service's page: 403 origin")
        << rawPost(kChat, kChatJson, "Origin: http://127.0.0.1:8080\r\n") << 403 << "origin_not_allowed"
        << "127.0.0.1:8080";
    QTest::newRow("foreign origin on /v1/messages: Anthropic envelope")
        << rawPost(kMessages, kMessagesJson, evilOrigin) << 403 << "permission_error"
        << "evil.example";
    QTest::newRow("preflight from a foreign origin: 403")
        << QByteArray("OPTIONS /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://evil.example\r\n"
                      "Access-Control-Request-Method: POST\r\n\r\n")
        << 403 << "origin_not_allowed"
        << "evil.example";
    QTest::newRow("text/plain body without Origin: 415")
        << rawPost(kChat, kChatJson, {}, "text/plain") << 415 << "unsupported_media_type"
        << "application/json";
    QTest::newRow("form-encoded body: 415")
        << rawPost(kChat, kChatJson, {}, "application/x-www-form-urlencoded") << 415 << "unsupported_media_type"
        << "x-www-form-urlencoded";
    QTest::newRow("body without a Content-Type: 415")
        << rawPost(kChat, kChatJson, {}, {}) << 415 << "unsupported_media_type"
        << "Content-Type";
    QTest::newRow("multipart body on /v1/messages: 415 Anthropic envelope")
        << rawPost(kMessages, kMessagesJson, {}, "multipart/form-data; boundary=x") << 415 << "invalid_request_error"
        << "multipart/form-data";
    QTest::newRow("HTTP/1.1 without Host: 400")
        << rawPost(kChat, kChatJson, {}, "application/json", {}) << 400 << "missing_host"
        << "Host";
    QTest::newRow("bare LF line ends: 400")
        << QByteArray("POST /v1/chat/completions HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\n"
                      "Content-Length: ")
            + QByteArray::number(kChatJson.size()) + "\n\n" + kChatJson
        << 400 << "bad_request"
        << "CRLF";
    QTest::newRow("64 MiB body: 413 from the head alone")
        << QByteArray("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "Content-Length: 67108864\r\n\r\n{\"model\":\"chat\",")
        << 413 << "request_too_large"
        << "too large";
    QTest::newRow("headers over 64 KiB: 431")
        << QByteArray("GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ") + QByteArray(70 * 1024, 'a') + "\r\n\r\n"
        << 431 << "request_header_fields_too_large"
        << "64 KiB";
}

void tst_GatewayGuard::hostileRequest_refusedBeforeAnythingIsSent()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, fragment);
    QVERIFY(startGateway({}));

    const RawAnswer answer = rawCall(m_fx->gateway->port(), request);
    QCOMPARE(answer.status, status);
    QVERIFY(answer.headers.value("content-type").startsWith("application/json"));
    const QJsonObject envelope = answer.json();
    const QJsonObject error = envelope.value(QLatin1String("error")).toObject();
    if (request.contains(" /v1/messages ")) {
        QCOMPARE(envelope.value(QLatin1String("type")).toString(), QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1String("type")).toString(), code);
    } else {
        QCOMPARE(error.value(QLatin1String("code")).toString(), code);
    }
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(fragment), answer.body.constData());
    QVERIFY(answer.headers.value("access-control-allow-origin").isEmpty());

    QCOMPARE(m_fx->sandbox.totalRequests(), 0);
    QVERIFY(m_fx->records.isEmpty());
    expectServing();
}

void tst_GatewayGuard::refusal_isALineInTheTrafficView()
{
    QVERIFY(startGateway({}));
    QSignalSpy finished(m_fx->gateway.get(), &GatewayServer::requestFinished);
    const RawAnswer answer
        = rawCall(m_fx->gateway->port(), rawPost(kChat, kChatJson, "Origin: http://evil.example\r\n"));
    QCOMPARE(answer.status, 403);
    QCOMPARE(finished.size(), 1);
    const auto traffic = finished.at(0).at(0).value<GatewayTraffic>();
    QCOMPARE(traffic.status, 403);
    QVERIFY(traffic.error.contains(QLatin1String("evil.example")));
    QVERIFY(traffic.endpoint.contains(QLatin1String(kChat)));
    QCOMPARE(traffic.client, QStringLiteral("127.0.0.1"));
    QCOMPARE(m_fx->gateway->requestsRefused(), quint64(1));
}

void tst_GatewayGuard::allowedOrigin_preflightAndAnswersCarryCors()
{
    GatewayOptions options;
    options.allowedOrigins = { QString::fromLatin1(kAllowedOrigin) };
    QVERIFY(startGateway(options));
    const quint16 port = m_fx->gateway->port();

    const RawAnswer preflight
        = rawCall(port,
                  "OPTIONS /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nOrigin: " + kAllowedOrigin
                      + "\r\nAccess-Control-Request-Method: POST\r\n"
                        "Access-Control-Request-Headers: authorization, content-type, x-stainless-os\r\n\r\n");
    QCOMPARE(preflight.status, 204);
    QCOMPARE(preflight.headers.value("access-control-allow-origin"), kAllowedOrigin);
    QVERIFY(preflight.headers.value("access-control-allow-methods").contains("POST"));
    QCOMPARE(preflight.headers.value("access-control-allow-headers"),
             QByteArray("authorization, content-type, x-stainless-os"));
    QCOMPARE(preflight.headers.value("vary"), QByteArray("Origin"));
    QCOMPARE(m_fx->sandbox.totalRequests(), 0);

    for (bool stream : { false, true }) {
        const QByteArray body = stream ? chatBody(QStringLiteral("chat"), true) : kChatJson;
        const RawAnswer answer = rawCall(port, rawPost(kChat, body, "Origin: " + kAllowedOrigin + "\r\n"));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.headers.value("access-control-allow-origin"), kAllowedOrigin);
        QCOMPARE(answer.headers.value("vary"), QByteArray("Origin"));
    }
    QCOMPARE(m_fx->sandbox.totalRequests(), 2);

    // Without an Origin (SDKs, curl) no CORS headers; another origin is still refused.
    QVERIFY(rawCall(port, rawPost(kChat, kChatJson)).headers.value("access-control-allow-origin").isEmpty());
    QCOMPARE(rawCall(port, rawPost(kChat, kChatJson, "Origin: https://app.example.evil.test\r\n")).status, 403);
}

void tst_GatewayGuard::allowedHostName_isServed_data()
{
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("status");

    QTest::newRow("loopback address") << QStringList() << QByteArray("127.0.0.1:4000") << 200;
    QTest::newRow("IPv6 loopback") << QStringList() << QByteArray("[::1]:4000") << 200;
    QTest::newRow("localhost, any case, trailing dot") << QStringList() << QByteArray("LocalHost.:4000") << 200;
    QTest::newRow("a name under .localhost") << QStringList() << QByteArray("app.localhost") << 200;
    QTest::newRow("the machine's LAN address") << QStringList() << QByteArray("192.168.1.20:4000") << 200;
    QTest::newRow("a configured name") << QStringList { "gpu-box.lan" } << QByteArray("gpu-box.lan:4000") << 200;
    QTest::newRow("a configured wildcard") << QStringList { "*.corp.example" } << QByteArray("llm.corp.example") << 200;
    QTest::newRow("a lookalike of a configured name")
        << QStringList { "gpu-box.lan" } << QByteArray("gpu-box.lan.evil.test") << 403;
    QTest::newRow("the wildcard's bare parent is not a subdomain")
        << QStringList { "*.corp.example" } << QByteArray("evilcorp.example") << 403;
    QTest::newRow("an unconfigured name") << QStringList() << QByteArray("my-laptop") << 403;
}

void tst_GatewayGuard::allowedHostName_isServed()
{
    QFETCH(QStringList, allowed);
    QFETCH(QByteArray, host);
    QFETCH(int, status);
    GatewayOptions options;
    options.allowedHosts = allowed;
    QVERIFY(startGateway(options));
    const RawAnswer answer = rawCall(m_fx->gateway->port(), rawPost(kChat, kChatJson, {}, "application/json", host));
    QCOMPARE(answer.status, status);
    QCOMPARE(m_fx->sandbox.totalRequests(), status == 200 ? 1 : 0);
}

void tst_GatewayGuard::slowHeader_timesOutWith408()
{
    GatewayOptions options;
    options.limits.headerTimeoutMs = 300;
    QVERIFY(startGateway(options));
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, m_fx->gateway->port());
    QVERIFY(slow.waitForConnected(5000));
    slow.write("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += slow.readAll()).contains("\r\n\r\n"), 5000);
    QVERIFY2(received.startsWith("HTTP/1.1 408 "), received.constData());
    QVERIFY(received.contains("request_timeout"));
    QTRY_COMPARE_WITH_TIMEOUT(slow.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(m_fx->gateway->requestsRefused(), quint64(0));
    QCOMPARE(m_fx->sandbox.totalRequests(), 0);
    expectServing();
}

void tst_GatewayGuard::idleConnection_isClosedAfterItsDeadline()
{
    GatewayOptions options;
    options.limits.idleTimeoutMs = 300;
    QVERIFY(startGateway(options));
    QTcpSocket idle;
    idle.connectToHost(QHostAddress::LocalHost, m_fx->gateway->port());
    QVERIFY(idle.waitForConnected(5000));
    QTRY_COMPARE_WITH_TIMEOUT(idle.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(idle.readAll(), QByteArray()); // nothing was asked, nothing answered

    // The same deadline between keep-alive requests.
    QTcpSocket keepAlive;
    keepAlive.connectToHost(QHostAddress::LocalHost, m_fx->gateway->port());
    QVERIFY(keepAlive.waitForConnected(5000));
    keepAlive.write(rawPost(kChat, kChatJson));
    QByteArray received;
    RawAnswer answer;
    QTRY_VERIFY_WITH_TIMEOUT(parseRawAnswer(received += keepAlive.readAll(), &answer), 5000);
    QCOMPARE(answer.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(keepAlive.state(), QAbstractSocket::UnconnectedState, 5000);
}

void tst_GatewayGuard::twoThousandIdleSockets_normalRequestsStillAnswered()
{
    QVERIFY(startGateway({}));
    const quint16 port = m_fx->gateway->port();
    // Half never send a byte, half start a request head and stall (slowloris).
    std::vector<std::unique_ptr<QTcpSocket>> hostile;
    hostile.reserve(2000);
    for (int i = 0; i < 2000; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, port);
        if (i % 2) {
            socket->write("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        }
        hostile.push_back(std::move(socket));
        if (i % 100 == 99) {
            QTest::qWait(5); // let the server accept
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(hostile.begin(), hostile.end(),
                                         [](const auto& s) { return s->state() != QAbstractSocket::ConnectingState; }),
                             20000);
    QTest::qWait(200);

    // Normal requests are answered, quickly, while the idle sockets hold their places.
    QList<qint64> times;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer clock;
        clock.start();
        const RawAnswer answer = rawCall(port, rawPost(kChat, kChatJson));
        times.append(clock.elapsed());
        QCOMPARE(answer.status, 200);
    }
    std::sort(times.begin(), times.end());
    qInfo("2,000 hostile sockets: answered in %lld ms (median of 5), %d of them closed to make room", times.at(2),
          m_fx->gateway->httpServer()->evictedConnections());
    QVERIFY2(times.at(2) < 100, qPrintable(QStringLiteral("median %1 ms").arg(times.at(2))));
    QCOMPARE(m_fx->sandbox.totalRequests(), 5);
    QCOMPARE(m_fx->records.size(), 5);
}

void tst_GatewayGuard::allConnectionsBusy_newcomerGets503()
{
    GatewayOptions options;
    options.limits.maxConnections = 20; // the floor the cap may be lowered to is 16
    QVERIFY(startGateway(options));
    m_fx->sandbox.setFault(QStringLiteral("gpt-4.1-mini"), SandboxFault::ofKind(SandboxFault::Kind::HangBeforeHeaders));
    std::vector<std::unique_ptr<QTcpSocket>> busy;
    for (int i = 0; i < 20; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_fx->gateway->port());
        QVERIFY(socket->waitForConnected(5000));
        socket->write(rawPost(kChat, kChatJson));
        busy.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_fx->gateway->inFlight(), 20, 10000);

    const RawAnswer answer = rawCall(m_fx->gateway->port(), rawPost(kChat, kChatJson));
    QCOMPARE(answer.status, 503);
    QCOMPARE(answer.error().value(QLatin1String("code")).toString(), QStringLiteral("server_busy"));
    QVERIFY(answer.closed);
    QCOMPARE(m_fx->gateway->inFlight(), 20); // the busy ones were not disturbed
}

void tst_GatewayGuard::saturated_answers503WithRetryAfter()
{
    GatewayOptions options;
    options.maxInFlight = 3;
    QVERIFY(startGateway(options));
    m_fx->sandbox.setFault(QStringLiteral("gpt-4.1-mini"), SandboxFault::ofKind(SandboxFault::Kind::HangBeforeHeaders));
    std::vector<std::unique_ptr<QTcpSocket>> busy;
    for (int i = 0; i < 3; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_fx->gateway->port());
        QVERIFY(socket->waitForConnected(5000));
        socket->write(rawPost(kChat, kChatJson));
        busy.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_fx->gateway->inFlight(), 3, 10000);
    // Counted once the three have reached the upstream (they are in flight to it before that).
    QTRY_COMPARE_WITH_TIMEOUT(m_fx->sandbox.totalRequests(), 3, 10000);
    const int upstream = m_fx->sandbox.totalRequests();
    const RawAnswer answer = rawCall(m_fx->gateway->port(), rawPost(kMessages, kMessagesJson));
    QCOMPARE(answer.status, 503);
    QCOMPARE(answer.headers.value("retry-after"), QByteArray("1"));
    QCOMPARE(answer.error().value(QLatin1String("type")).toString(), QStringLiteral("overloaded_error"));
    QCOMPARE(m_fx->sandbox.totalRequests(), upstream);
}

// Large bodies multiply while parsed and translated: only so many are taken at a time, the next
// one is told to retry before anything is read into memory or sent, and small requests go on.
void tst_GatewayGuard::largeBodies_cappedBeforeTheyAreParsed()
{
    GatewayOptions options;
    options.largeBodyBytes = 64 * 1024;
    options.maxLargeInFlight = 2;
    QVERIFY(startGateway(options));
    m_fx->sandbox.setFault(QStringLiteral("gpt-4.1-mini"), SandboxFault::ofKind(SandboxFault::Kind::HangBeforeHeaders));
    const QByteArray large = R"({"model":"sandbox/gpt-4.1-mini","messages":[{"role":"user","content":")"
        + QByteArray(100 * 1024, 'a') + R"("}]})";
    std::vector<std::unique_ptr<QTcpSocket>> busy;
    for (int i = 0; i < 2; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_fx->gateway->port());
        QVERIFY(socket->waitForConnected(5000));
        socket->write(rawPost(kChat, large));
        busy.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_fx->sandbox.requestCount(QStringLiteral("gpt-4.1-mini")), 2, 10000);
    const RawAnswer refused = rawCall(m_fx->gateway->port(), rawPost(kChat, large));
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.headers.value("retry-after"), QByteArray("1"));
    QCOMPARE(refused.error().value(QLatin1String("code")).toString(), QStringLiteral("large_requests_busy"));
    QCOMPARE(m_fx->sandbox.requestCount(QStringLiteral("gpt-4.1-mini")), 2);
    // A small request is not held up by them.
    const RawAnswer small = rawCall(m_fx->gateway->port(), rawPost(kMessages, kMessagesJson));
    QCOMPARE(small.status, 200);
    // Once the large ones end (their clients leave), the next is taken.
    busy.clear();
    QTRY_COMPARE_WITH_TIMEOUT(m_fx->gateway->inFlight(), 0, 10000);
    m_fx->sandbox.setFault(QStringLiteral("gpt-4.1-mini"), SandboxFault {});
    const RawAnswer again = rawCall(m_fx->gateway->port(), rawPost(kChat, large));
    QCOMPARE(again.status, 200);
    QCOMPARE(m_fx->sandbox.requestCount(QStringLiteral("gpt-4.1-mini")), 3);
}

// Valid clients mixed with hostile ones (bounded, loopback): every valid request is answered and
// recorded exactly once; nothing hostile reaches the upstream or the ledger.
void tst_GatewayGuard::hostileSoak_losesNoValidRequest()
{
    GatewayOptions options;
    options.limits.headerTimeoutMs = 500;
    QVERIFY(startGateway(options));
    const quint16 port = m_fx->gateway->port();
    const QList<QByteArray> hostileRequests {
        rawPost(kChat, kChatJson, "Origin: http://evil.example\r\n"),
        rawPost(kChat, kChatJson, {}, "text/plain"),
        rawPost(kChat, kChatJson, {}, "application/json", "rebind.evil.test"),
        QByteArray("GET /health HTTP/1.1\nHost: x\n\n"),
        QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11), // a TLS hello to a plain port
        QByteArray("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                   "Content-Length: 999999999\r\n\r\n"),
        QByteArray("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"), // stalls: 408
    };
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    QList<QNetworkReply*> valid;
    QNetworkAccessManager nam;
    for (int round = 0; round < 40; ++round) {
        for (const QByteArray& bytes : hostileRequests) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, port);
            socket->write(bytes);
            sockets.push_back(std::move(socket));
        }
        for (int i = 0; i < 5; ++i) {
            QNetworkRequest request(m_fx->url(QStringLiteral("/v1/chat/completions")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            valid.append(nam.post(request, i % 2 ? chatBody(QStringLiteral("chat"), true) : kChatJson));
        }
        QTest::qWait(5);
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(valid.begin(), valid.end(), [](QNetworkReply* r) { return r->isFinished(); }),
                             60000);
    for (QNetworkReply* reply : std::as_const(valid)) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(!reply->readAll().isEmpty());
    }
    QCOMPARE(m_fx->sandbox.totalRequests(), int(valid.size()));
    QTRY_COMPARE_WITH_TIMEOUT(m_fx->records.size(), valid.size(), 5000);
    qDeleteAll(valid);
}

void tst_GatewayGuard::beyondLoopback_needsKeyAndTlsOrExplicitPlainHttp_data()
{
    QTest::addColumn<bool>("key");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("insecureHttp");
    QTest::addColumn<QString>("refusal"); // a fragment of the error; empty: it listens

    QTest::newRow("no key, no TLS: refused for the key") << false << false << false << "key";
    QTest::newRow("no key, with TLS: refused for the key") << false << true << false << "key";
    QTest::newRow("key, plain HTTP not chosen: refused for TLS") << true << false << false << "--insecure-http";
    QTest::newRow("key and --insecure-http: listens") << true << false << true << "";
    QTest::newRow("key and TLS: listens") << true << true << false << "";
}

void tst_GatewayGuard::beyondLoopback_needsKeyAndTlsOrExplicitPlainHttp()
{
    QFETCH(bool, key);
    QFETCH(bool, tls);
    QFETCH(bool, insecureHttp);
    QFETCH(QString, refusal);
    QVERIFY(startGateway({}));
    GatewayServer wide(GatewayDependencies { &m_fx->router, {} });
    GatewayOptions options;
    options.apiKey = key ? QByteArrayLiteral("sk-client-key") : QByteArray();
    if (tls) {
        options.tlsCertificateFile = kTlsDir + QStringLiteral("/gateway-test.crt");
        options.tlsKeyFile = kTlsDir + QStringLiteral("/gateway-test.key");
    }
    options.insecureHttp = insecureHttp;
    wide.setOptions(options);
    const bool listening = wide.listen(QHostAddress::AnyIPv4, 0);
    QCOMPARE(listening, refusal.isEmpty());
    if (!listening) {
        QVERIFY2(wide.errorString().contains(refusal), qPrintable(wide.errorString()));
    }
}

void tst_GatewayGuard::tls_servesHttpsAndRefusesPlainHttp()
{
    if (!QSslSocket::supportsSsl()) {
        QSKIP("Qt has no TLS backend here");
    }
    GatewayOptions options;
    options.tlsCertificateFile = kTlsDir + QStringLiteral("/gateway-test.crt");
    options.tlsKeyFile = kTlsDir + QStringLiteral("/gateway-test.key");
    QVERIFY(startGateway(options));
    QVERIFY(m_fx->gateway->httpServer()->usesTls());

    QFile cert(options.tlsCertificateFile);
    QVERIFY(cert.open(QIODevice::ReadOnly));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromData(cert.readAll(), QSsl::Pem));
    QSslSocket socket;
    socket.setSslConfiguration(config);
    QList<QSslError> sslErrors;
    connect(&socket, &QSslSocket::sslErrors, this, [&](const QList<QSslError>& errors) { sslErrors += errors; });
    socket.connectToHostEncrypted(QStringLiteral("localhost"), m_fx->gateway->port());
    // The server runs in this thread: wait with the event loop turning, not waitForEncrypted().
    QTRY_VERIFY_WITH_TIMEOUT(socket.isEncrypted() || socket.state() == QAbstractSocket::UnconnectedState, 10000);
    QVERIFY2(socket.isEncrypted(), qPrintable(socket.errorString()));
    QVERIFY(sslErrors.isEmpty()); // the certificate verifies for "localhost"
    socket.write(rawPost(kChat, kChatJson, {}, "application/json", "localhost"));
    QByteArray received;
    RawAnswer answer;
    QTRY_VERIFY_WITH_TIMEOUT(parseRawAnswer(received += socket.readAll(), &answer), 10000);
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.contains("chat.completion"));

    // Plain HTTP to the HTTPS port gets no answer in the clear and reaches nothing.
    const RawAnswer plain = rawCall(m_fx->gateway->port(), rawPost(kChat, kChatJson), 3000);
    QCOMPARE(plain.status, 0);
    QCOMPARE(m_fx->sandbox.totalRequests(), 1);

    // A missing or wrong file is named.
    GatewayServer broken(GatewayDependencies { &m_fx->router, {} });
    GatewayOptions wrong = options;
    wrong.tlsKeyFile = kTlsDir + QStringLiteral("/README.md");
    broken.setOptions(wrong);
    QVERIFY(!broken.listen());
    QVERIFY2(broken.errorString().contains(QLatin1String("README.md")), qPrintable(broken.errorString()));
}

QTEST_GUILESS_MAIN(tst_GatewayGuard)
#include "tst_GatewayGuard.moc"
