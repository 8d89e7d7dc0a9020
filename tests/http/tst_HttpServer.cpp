#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

// A raw client for protocol-level checks QNetworkAccessManager would hide.
class RawClient : public QObject
{
public:
    explicit RawClient(quint16 port)
    {
        connect(&socket, &QTcpSocket::readyRead, this, [this] { received += socket.readAll(); });
        connect(&socket, &QTcpSocket::disconnected, this, [this] { closedByServer = true; });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    void send(const QByteArray& data) { socket.write(data); }
    int count(QByteArrayView needle) const { return received.count(needle); }

    QTcpSocket socket;
    QByteArray received;
    bool closedByServer = false;
};

class TestHttpServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void get_answersWithContentLength();
    void keepAlive_reusesOneConnection();
    void connectionClose_closesAfterResponse();
    void post_bodyDeliveredWhole();
    void headers_lowerCasedAndQuerySplit();
    void pipelinedRequests_answeredInOrder();
    void pipelinedFlood_answeredInOrderWithAsyncHandler();
    void expectContinue_gets100ThenResponse();
    void headRequest_noBody();
    void asyncHandler_answersLater();
    void oversizedBody_gets413AndClose();
    void malformedRequest_gets400_data();
    void malformedRequest_gets400();
    void hugeHeaders_get431();
    void chunkedRequestBody_decoded_data();
    void chunkedRequestBody_decoded();
    void chunkedRequestBody_rejected_data();
    void chunkedRequestBody_rejected();
    void stream_readIncrementallyByClient();
    void clientDisconnectMidStream_firesSignalAndServerKeepsServing();
    void abortConnection_dropsClientWithoutTerminator();
    void connectionBurst_kernelTakesAllBeforeAnyAccept();

private:
    QUrl url(const QByteArray& path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(QString::fromLatin1(path)));
    }

    HttpServer* m_server = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    QList<HttpRequest> m_requests;
};

void TestHttpServer::init()
{
    m_server = new HttpServer(this);
    QVERIFY(m_server->listen());
    m_nam = new QNetworkAccessManager(this);
    m_requests.clear();
    m_server->setHandler([this](const HttpRequest& request, HttpResponder* responder) {
        m_requests.append(request);
        responder->send(200, "text/plain", "hello " + request.path);
    });
}

void TestHttpServer::cleanup()
{
    delete m_nam;
    delete m_server;
}

void TestHttpServer::get_answersWithContentLength()
{
    QNetworkReply* reply = m_nam->get(QNetworkRequest(url("/ping")));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->rawHeader("Content-Length"), QByteArray("11"));
    QCOMPARE(reply->readAll(), QByteArray("hello /ping"));
    reply->deleteLater();
}

void TestHttpServer::keepAlive_reusesOneConnection()
{
    for (int i = 0; i < 5; ++i) {
        QNetworkReply* reply = m_nam->get(QNetworkRequest(url("/n")));
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        reply->deleteLater();
        QCOMPARE(m_server->openConnections(), 1);
    }
    QCOMPARE(m_requests.size(), 5);
}

void TestHttpServer::connectionClose_closesAfterResponse()
{
    RawClient client(m_server->port());
    client.send("GET /bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QTRY_VERIFY(client.closedByServer);
    QVERIFY(client.received.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(client.received.contains("Connection: close\r\n"));
    QVERIFY(client.received.endsWith("hello /bye"));
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void TestHttpServer::post_bodyDeliveredWhole()
{
    const QByteArray body(300 * 1024, 'x');
    QNetworkRequest request(url("/v1/post"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QNetworkReply* reply = m_nam->post(request, body);
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests[0].method, QByteArray("POST"));
    QCOMPARE(m_requests[0].body, body);
    reply->deleteLater();
}

void TestHttpServer::headers_lowerCasedAndQuerySplit()
{
    RawClient client(m_server->port());
    client.send("GET /a/b?x=1&y=2 HTTP/1.1\r\nHost: x\r\nX-Custom-Thing:   spaced value  \r\n\r\n");
    QTRY_COMPARE(m_requests.size(), 1);
    const HttpRequest& request = m_requests[0];
    QCOMPARE(request.path, QByteArray("/a/b"));
    QCOMPARE(request.query, QByteArray("x=1&y=2"));
    QCOMPARE(request.header("x-custom-thing"), QByteArray("spaced value"));
    QCOMPARE(request.header("host"), QByteArray("x"));
    QVERIFY(request.header("missing").isNull());
    QCOMPARE(request.peer, QHostAddress(QHostAddress::LocalHost));
}

void TestHttpServer::pipelinedRequests_answeredInOrder()
{
    // The first answer comes late; the second and third must still come after it.
    m_server->setHandler([this](const HttpRequest& request, HttpResponder* responder) {
        m_requests.append(request);
        if (request.path == "/slow") {
            QTimer::singleShot(30, responder, [responder] { responder->send(200, "text/plain", "first"); });
        } else {
            responder->send(200, "text/plain", request.path == "/b" ? "second" : "third");
        }
    });
    RawClient client(m_server->port());
    client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"
                "POST /c HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
    QTRY_COMPARE(client.count("HTTP/1.1 200"), 3);
    const qsizetype first = client.received.indexOf("first");
    const qsizetype second = client.received.indexOf("second");
    const qsizetype third = client.received.indexOf("third");
    QVERIFY(first > 0 && first < second && second < third);
    QCOMPARE(m_requests.size(), 3);
    QCOMPARE(m_requests[2].body, QByteArray("abc"));
    QVERIFY(!client.closedByServer);
}

void TestHttpServer::pipelinedFlood_answeredInOrderWithAsyncHandler()
{
    m_server->setHandler([](const HttpRequest& request, HttpResponder* responder) {
        QTimer::singleShot(0, responder,
                           [responder, path = request.path] { responder->send(200, "text/plain", path); });
    });
    QByteArray flood;
    for (int i = 0; i < 300; ++i) {
        flood += "GET /" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    }
    RawClient client(m_server->port());
    client.send(flood);
    QTRY_COMPARE(client.count("HTTP/1.1 200"), 300);
    qsizetype at = 0;
    for (int i = 0; i < 300; ++i) {
        at = client.received.indexOf("\r\n\r\n/" + QByteArray::number(i), at);
        QVERIFY2(at >= 0, qPrintable(QString::number(i)));
    }
}

void TestHttpServer::expectContinue_gets100ThenResponse()
{
    RawClient client(m_server->port());
    client.send("POST /up HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    QTRY_COMPARE(client.received, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    client.send("hello");
    QTRY_VERIFY(client.received.endsWith("hello /up"));
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests[0].body, QByteArray("hello"));
}

void TestHttpServer::headRequest_noBody()
{
    RawClient client(m_server->port());
    client.send("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\nGET /g HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY(client.received.endsWith("hello /g"));
    QCOMPARE(client.count("HTTP/1.1 200"), 2);
    QVERIFY(!client.received.contains("hello /h")); // Content-Length told, body not sent
    QVERIFY(client.received.contains("Content-Length: 8\r\n"));
}

void TestHttpServer::asyncHandler_answersLater()
{
    QPointer<HttpResponder> held;
    m_server->setHandler([&held](const HttpRequest&, HttpResponder* responder) { held = responder; });
    QNetworkReply* reply = m_nam->get(QNetworkRequest(url("/later")));
    QTRY_VERIFY(held);
    QVERIFY(!reply->isFinished());
    held->send(201, "application/json", "{}");
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    QTRY_VERIFY(!held); // deleted by the server once ended
    reply->deleteLater();
}

void TestHttpServer::oversizedBody_gets413AndClose()
{
    m_server->setMaxBodyBytes(1024);
    RawClient client(m_server->port());
    client.send("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n" + QByteArray(4096, 'z'));
    QTRY_VERIFY(client.closedByServer);
    QVERIFY2(client.received.startsWith("HTTP/1.1 413 "), client.received.constData());
    QVERIFY(client.received.contains("Connection: close\r\n"));
    QVERIFY(client.received.contains("\"error\":{\"message\":\"Request body too large\""));
    QVERIFY(m_requests.isEmpty());
}

void TestHttpServer::malformedRequest_gets400_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("request line without version") << QByteArray("GET /\r\nHost: x\r\n\r\n");
    QTest::newRow("not http at all") << QByteArray("hello there\r\n\r\n");
    QTest::newRow("two spaces in request line") << QByteArray("GET  / HTTP/1.1\r\n\r\n");
    QTest::newRow("target without leading slash") << QByteArray("GET foo HTTP/1.1\r\n\r\n");
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n");
    QTest::newRow("space before header colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n");
    QTest::newRow("folded header line") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n  c\r\n\r\n");
    QTest::newRow("non-numeric content-length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n");
    QTest::newRow("negative content-length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n");
    QTest::newRow("conflicting content-lengths")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab");
}

void TestHttpServer::malformedRequest_gets400()
{
    QFETCH(QByteArray, request);
    RawClient client(m_server->port());
    client.send(request);
    QTRY_VERIFY(client.closedByServer);
    QVERIFY2(client.received.startsWith("HTTP/1.1 400 Bad Request\r\n"), client.received.constData());
    QVERIFY(m_requests.isEmpty());
}

void TestHttpServer::hugeHeaders_get431()
{
    RawClient client(m_server->port());
    client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(70 * 1024, 'h') + "\r\n\r\n");
    QTRY_VERIFY(client.closedByServer);
    QVERIFY2(client.received.startsWith("HTTP/1.1 431 "), client.received.left(100).constData());
    QVERIFY(m_requests.isEmpty());
}

void TestHttpServer::chunkedRequestBody_decoded_data()
{
    QTest::addColumn<QList<QByteArray>>("writes");
    QTest::addColumn<QByteArray>("body");
    const QByteArray head = "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    QTest::newRow("one chunk") << QList<QByteArray> { head + "5\r\nhello\r\n0\r\n\r\n" } << QByteArray("hello");
    QTest::newRow("several chunks, hex sizes, extension, trailer")
        << QList<QByteArray> { head + "3;name=v\r\nabc\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n" }
        << QByteArray("abc0123456789");
    QTest::newRow("split across writes mid-size and mid-data")
        << QList<QByteArray> { head + "1", "0\r\n0123456", "789abcdef\r\n", "0\r\n", "\r\n" }
        << QByteArray("0123456789abcdef");
    QTest::newRow("empty body") << QList<QByteArray> { head + "0\r\n\r\n" } << QByteArray();
}

void TestHttpServer::chunkedRequestBody_decoded()
{
    QFETCH(QList<QByteArray>, writes);
    QFETCH(QByteArray, body);
    RawClient client(m_server->port());
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    for (const QByteArray& write : writes) {
        client.send(write);
        client.socket.flush(); // loopback delivers at once, so the server reads this piece on its own
        QCoreApplication::processEvents();
    }
    client.send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE(m_requests.size(), 2);
    QCOMPARE(m_requests[0].body, body);
    QCOMPARE(m_requests[1].path, QByteArray("/after"));
    QTRY_VERIFY(client.received.endsWith("hello /after"));
}

void TestHttpServer::chunkedRequestBody_rejected_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::newRow("bad chunk size") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n")
                                    << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("chunk without CRLF after data")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabcd\r\n0\r\n\r\n")
        << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("both content-length and chunked")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
        << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("gzip transfer coding")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") << QByteArray("HTTP/1.1 501 ");
    QTest::newRow("chunks beyond the body limit")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n") + QByteArray(1024, 'a')
            + "\r\n400\r\n"
        << QByteArray("HTTP/1.1 413 ");
}

void TestHttpServer::chunkedRequestBody_rejected()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, statusLine);
    m_server->setMaxBodyBytes(1500);
    RawClient client(m_server->port());
    client.send(request);
    QTRY_VERIFY(client.closedByServer);
    QVERIFY2(client.received.startsWith(statusLine), client.received.constData());
    QVERIFY(m_requests.isEmpty());
}

void TestHttpServer::stream_readIncrementallyByClient()
{
    QPointer<HttpResponder> held;
    m_server->setHandler([&held](const HttpRequest&, HttpResponder* responder) {
        held = responder;
        responder->beginStream(200, "text/event-stream");
        responder->writeChunk("data: one\n\n");
    });
    QNetworkReply* reply = m_nam->get(QNetworkRequest(url("/stream")));
    QByteArray got;
    connect(reply, &QNetworkReply::readyRead, this, [&] { got += reply->readAll(); });
    QTRY_COMPARE(got, QByteArray("data: one\n\n"));
    QVERIFY(!reply->isFinished());
    held->writeChunk("data: two\n\n");
    held->endStream();
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(got, QByteArray("data: one\n\ndata: two\n\n"));
    QCOMPARE(reply->rawHeader("Transfer-Encoding"), QByteArray("chunked"));
    reply->deleteLater();
}

void TestHttpServer::clientDisconnectMidStream_firesSignalAndServerKeepsServing()
{
    QPointer<HttpResponder> held;
    std::unique_ptr<QSignalSpy> spy;
    m_server->setHandler([&](const HttpRequest& request, HttpResponder* responder) {
        if (request.path == "/stream") {
            held = responder;
            spy = std::make_unique<QSignalSpy>(responder, &HttpResponder::clientDisconnected);
            responder->beginStream(200, "text/event-stream");
            responder->writeChunk("data: x\n\n");
        } else {
            responder->send(200, "text/plain", "still here");
        }
    });
    {
        RawClient client(m_server->port());
        client.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY(client.received.contains("data: x"));
        client.socket.abort();
    }
    QTRY_COMPARE(spy->count(), 1);
    QTRY_VERIFY(!held);
    QTRY_COMPARE(m_server->openConnections(), 0);

    QNetworkReply* reply = m_nam->get(QNetworkRequest(url("/other")));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->readAll(), QByteArray("still here"));
    reply->deleteLater();
}

void TestHttpServer::abortConnection_dropsClientWithoutTerminator()
{
    bool sawDisconnectSignal = false;
    m_server->setHandler([&](const HttpRequest&, HttpResponder* responder) {
        connect(responder, &HttpResponder::clientDisconnected, this, [&] { sawDisconnectSignal = true; });
        responder->beginStream(200, "text/event-stream");
        responder->writeChunk("data: partial\n\n");
        responder->abortConnection();
    });
    RawClient client(m_server->port());
    client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY(client.closedByServer);
    QVERIFY(client.received.contains("data: partial"));
    QVERIFY(!client.received.endsWith("0\r\n\r\n"));
    QVERIFY(!sawDisconnectSignal); // our own abort is not the client going away
}

// A burst of new connections while the server accepts none (its event loop does not run here):
// beyond the listen backlog the kernel drops the SYNs and those clients wait for its 1 s retry
// (Qt's default backlog is 50). 200 raw non-blocking connects: every handshake completes well
// before that retry.
void TestHttpServer::connectionBurst_kernelTakesAllBeforeAnyAccept()
{
    constexpr int kBurst = 200;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_server->port());
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::vector<pollfd> sockets;
    for (int i = 0; i < kBurst; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        sockets.push_back({ fd, POLLOUT, 0 });
        const int rc = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
        QVERIFY(rc == 0 || errno == EINPROGRESS);
    }
    int connected = 0;
    QElapsedTimer clock;
    clock.start();
    while (connected < kBurst && clock.elapsed() < 800) {
        ::poll(sockets.data(), sockets.size(), 50);
        connected = 0;
        for (const pollfd& socket : sockets) {
            int error = 0;
            socklen_t length = sizeof error;
            if ((socket.revents & POLLOUT) && ::getsockopt(socket.fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0
                && error == 0) {
                ++connected;
            }
        }
    }
    for (const pollfd& socket : sockets) {
        ::close(socket.fd);
    }
    QCOMPARE(connected, kBurst);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_HttpServer.moc"
