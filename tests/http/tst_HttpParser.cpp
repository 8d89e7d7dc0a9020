#include "core/http/HttpParser.h"

#include <QTest>

// The request parser as a table: bytes in, requests or a failure status out, whether the bytes
// arrive at once or one at a time.
class TestHttpParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void keepAlive_data();
    void keepAlive();
    void expectContinue_askedOnceWhileBodyMissing();
};

namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    int failure = 0;
};

Outcome feed(const QByteArray& bytes, bool byteByByte)
{
    HttpParser parser;
    parser.setMaxBodyBytes(1024);
    Outcome outcome;
    auto drain = [&] {
        for (;;) {
            HttpRequest request;
            const HttpParser::Result result = parser.next(&request);
            if (result == HttpParser::Result::Request) {
                outcome.requests.append(request);
                continue;
            }
            if (result == HttpParser::Result::Error) {
                outcome.failure = parser.failure().status;
            }
            return result;
        }
    };
    if (byteByByte) {
        for (char c : bytes) {
            parser.buffer().append(c);
            if (drain() == HttpParser::Result::Error) {
                break;
            }
        }
    } else {
        parser.buffer().append(bytes);
        drain();
    }
    return outcome;
}

} // namespace

void TestHttpParser::parse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<QByteArray>>("paths"); // requests parsed, in order
    QTest::addColumn<QList<QByteArray>>("bodies");
    QTest::addColumn<int>("failure"); // 0 = none

    const QByteArray get = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
    QTest::newRow("simple get") << get << QList<QByteArray> { "/a" } << QList<QByteArray> { "" } << 0;
    QTest::newRow("post with content-length") << QByteArray("POST /p?q=1 HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody")
                                              << QList<QByteArray> { "/p" } << QList<QByteArray> { "body" } << 0;
    QTest::newRow("two pipelined, blank line between")
        << get + "\r\n" + "POST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi" << QList<QByteArray> { "/a", "/b" }
        << QList<QByteArray> { "", "hi" } << 0;
    QTest::newRow("chunked body with trailer") << QByteArray(
        "POST /c HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n2\r\nab\r\n1;x=y\r\nc\r\n0\r\nT: v\r\n\r\n")
                                               << QList<QByteArray> { "/c" } << QList<QByteArray> { "abc" } << 0;
    QTest::newRow("absolute-form target") << QByteArray("GET http://host:1/v1/models HTTP/1.1\r\n\r\n")
                                          << QList<QByteArray> { "/v1/models" } << QList<QByteArray> { "" } << 0;
    QTest::newRow("incomplete body waits") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\nabc")
                                           << QList<QByteArray> {} << QList<QByteArray> {} << 0;
    QTest::newRow("header without colon: 400")
        << QByteArray("GET / HTTP/1.1\r\nBad\r\n\r\n") << QList<QByteArray> {} << QList<QByteArray> {} << 400;
    QTest::newRow("HTTP/2.0 request line: 505")
        << QByteArray("GET / HTTP/2.0\r\n\r\n") << QList<QByteArray> {} << QList<QByteArray> {} << 505;
    QTest::newRow("body over the limit: 413") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2048\r\n\r\n")
                                              << QList<QByteArray> {} << QList<QByteArray> {} << 413;
    QTest::newRow("head over 64 KiB: 431")
        << QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(HttpParser::kMaxHeadBytes, 'x') + "\r\n\r\n"
        << QList<QByteArray> {} << QList<QByteArray> {} << 431;
    QTest::newRow("bare LF line ends: 400, not a wait forever")
        << QByteArray("GET /health HTTP/1.1\nHost: x\n\n") << QList<QByteArray> {} << QList<QByteArray> {} << 400;
    QTest::newRow("bare LF after a CRLF line: 400")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\n\r\n") << QList<QByteArray> {} << QList<QByteArray> {} << 400;
    QTest::newRow("bare LF in an unfinished head: 400 at once")
        << QByteArray("GET / HTTP/1.1\nHo") << QList<QByteArray> {} << QList<QByteArray> {} << 400;
    QTest::newRow("LF inside a body is fine") << QByteArray("POST /p HTTP/1.1\r\nContent-Length: 3\r\n\r\na\nb")
                                              << QList<QByteArray> { "/p" } << QList<QByteArray> { "a\nb" } << 0;
    QTest::newRow("bare LF in the second pipelined head: first parses, then 400")
        << get + "GET /b HTTP/1.1\nHost: x\n\n"
        << QList<QByteArray> { "/a" } << QList<QByteArray> { "" } << 400;
    QTest::newRow("request before a malformed one still parses")
        << get + "GET / HTTP/1.1\r\nA : b\r\n\r\n"
        << QList<QByteArray> { "/a" } << QList<QByteArray> { "" } << 400;
}

void TestHttpParser::parse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<QByteArray>, paths);
    QFETCH(QList<QByteArray>, bodies);
    QFETCH(int, failure);
    for (bool byteByByte : { false, true }) {
        const Outcome outcome = feed(bytes, byteByByte);
        QCOMPARE(outcome.failure, failure);
        QCOMPARE(outcome.requests.size(), paths.size());
        for (qsizetype i = 0; i < paths.size(); ++i) {
            QCOMPARE(outcome.requests[i].path, paths[i]);
            QCOMPARE(outcome.requests[i].body, bodies[i]);
        }
    }
}

void TestHttpParser::keepAlive_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("HTTP/1.1 default keeps alive") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true;
    QTest::newRow("HTTP/1.1 close") << QByteArray("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n") << false;
    QTest::newRow("HTTP/1.1 close in a list") << QByteArray("GET / HTTP/1.1\r\nConnection: te, close\r\n\r\n") << false;
    QTest::newRow("HTTP/1.0 default closes") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("HTTP/1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
}

void TestHttpParser::keepAlive()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, keepAlive);
    const Outcome outcome = feed(head, false);
    QCOMPARE(outcome.requests.size(), 1);
    QCOMPARE(HttpParser::keepAlive(outcome.requests[0]), keepAlive);
}

void TestHttpParser::expectContinue_askedOnceWhileBodyMissing()
{
    HttpParser parser;
    HttpRequest request;
    parser.buffer() = "POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n";
    QCOMPARE(parser.next(&request), HttpParser::Result::NeedMore);
    QVERIFY(parser.takeContinue());
    QVERIFY(!parser.takeContinue());
    parser.buffer() += "a";
    QCOMPARE(parser.next(&request), HttpParser::Result::NeedMore);
    QVERIFY(!parser.takeContinue());
    parser.buffer() += "bc";
    QCOMPARE(parser.next(&request), HttpParser::Result::Request);
    QCOMPARE(request.body, QByteArray("abc"));
}

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_HttpParser.moc"
