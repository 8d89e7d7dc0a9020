#include "core/providers/HttpResponseParser.h"

#include <QRandomGenerator>
#include <QTest>

// The loopback transport's response parser: every framing an upstream may use, fed whole and
// re-chunked at random byte boundaries, must give the same status, headers and body.
class TestHttpResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void closeBeforeEnd_isAnError();
    void garbage_isAnError_data();
    void garbage_isAnError();
};

void TestHttpResponseParser::parses_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("closeEnds");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                  "Content-Length: 11\r\n\r\n{\"ok\":true}")
                                    << 200 << QByteArray("{\"ok\":true}") << false << true;
    QTest::newRow("chunked SSE with extension and trailer")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "6;x=1\r\ndata: \r\n5\r\nhello\r\n2\r\n\n\n\r\n0\r\nX-Trailer: y\r\n\r\n")
        << 200 << QByteArray("data: hello\n\n") << false << true;
    QTest::newRow("connection close is not reused")
        << QByteArray("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 4\r\n\r\nbusy") << 503
        << QByteArray("busy") << false << false;
    QTest::newRow("no length reads until close")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\ndata: x\n\n") << 200
        << QByteArray("data: x\n\n") << true << false;
    QTest::newRow("HTTP/1.0 without keep-alive")
        << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi") << 200 << QByteArray("hi") << false << false;
    QTest::newRow("100 continue before the answer")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\n"
                      "Content-Length: 2\r\n\r\n{}")
        << 429 << QByteArray("{}") << false << true;
    QTest::newRow("bytes after the response end reuse (fuzz crash-bytes-after-response)")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhiXYZ") << 200 << QByteArray("hi") << false << false;
    QTest::newRow("204 has no body") << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n") << 204
                                     << QByteArray() << false << true;
}

void TestHttpResponseParser::parses()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, closeEnds);
    QFETCH(bool, keepAlive);
    QRandomGenerator random(42);
    for (int round = 0; round < 50; ++round) {
        HttpResponseParser parser;
        QByteArray received;
        qsizetype at = 0;
        while (at < wire.size()) {
            const qsizetype piece = round == 0 ? wire.size() : qMin<qsizetype>(1 + random.bounded(7), wire.size() - at);
            parser.feed(QByteArrayView(wire).sliced(at, piece), received);
            at += piece;
        }
        if (closeEnds) {
            QCOMPARE(parser.state(), HttpResponseParser::State::Body);
            parser.finishOnClose();
        }
        QCOMPARE(parser.state(), HttpResponseParser::State::Complete);
        QCOMPARE(parser.status(), status);
        QCOMPARE(received, body);
        QCOMPARE(parser.keepAlive(), keepAlive);
    }
}

void TestHttpResponseParser::closeBeforeEnd_isAnError()
{
    HttpResponseParser parser;
    QByteArray body;
    parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", body);
    QCOMPARE(parser.finishOnClose(), HttpResponseParser::State::Error);
    QCOMPARE(body, QByteArray("abc"));
    QVERIFY(!parser.errorText().isEmpty());
}

void TestHttpResponseParser::garbage_isAnError_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n");
    QTest::newRow("bad status") << QByteArray("HTTP/1.1 abc OK\r\n\r\n");
    QTest::newRow("header without colon") << QByteArray("HTTP/1.1 200 OK\r\nbroken\r\n\r\n");
    QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    QTest::newRow("chunk without CRLF") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                                      "2\r\nabXY");
    QTest::newRow("NUL in a chunk size (fuzz crash-chunk-size-nul)")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\0\0\r\n\r\n", 55);
    QTest::newRow("chunk size line past 1 KiB in one read")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0") + QByteArray(1100, ' ')
            + QByteArray("\r\n\r\n");
    QTest::newRow("endless head") << QByteArray("HTTP/1.1 200 OK\r\nX: ") + QByteArray(70 * 1024, 'a');
}

void TestHttpResponseParser::garbage_isAnError()
{
    QFETCH(QByteArray, wire);
    HttpResponseParser parser;
    QByteArray body;
    QCOMPARE(parser.feed(wire, body), HttpResponseParser::State::Error);
    QVERIFY(!parser.keepAlive());
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_HttpResponseParser.moc"
