#pragma once

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

// Exact bytes to the server and its answer back, for requests no well-behaved client library
// would send (foreign Host headers, bare LFs, oversized heads, slow or idle sockets).
struct RawAnswer
{
    int status = 0; // 0: no answer
    QHash<QByteArray, QByteArray> headers; // names lower case
    QByteArray body;
    bool closed = false; // the server closed the connection after answering
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject error() const { return json().value(QLatin1String("error")).toObject(); }
};

// Parses one response (Content-Length or chunked) from the front of `data`; false while incomplete.
inline bool parseRawAnswer(const QByteArray& data, RawAnswer* answer)
{
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        return false;
    }
    const QList<QByteArray> lines = data.first(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    answer->status = statusLine.value(1).toInt();
    answer->headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0) {
            answer->headers.insert(lines[i].first(colon).trimmed().toLower(), lines[i].sliced(colon + 1).trimmed());
        }
    }
    const QByteArray rest = data.sliced(headEnd + 4);
    if (answer->headers.value("transfer-encoding").compare("chunked", Qt::CaseInsensitive) == 0) {
        QByteArray body;
        qsizetype at = 0;
        for (;;) {
            const qsizetype lineEnd = rest.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return false;
            }
            bool ok = false;
            const qsizetype size = rest.mid(at, lineEnd - at).toLongLong(&ok, 16);
            if (!ok || rest.size() < lineEnd + 2 + size + 2) {
                return false;
            }
            if (size == 0) {
                answer->body = body;
                return true;
            }
            body.append(rest.mid(lineEnd + 2, size));
            at = lineEnd + 2 + size + 2;
        }
    }
    const qsizetype length = answer->headers.value("content-length", "0").toLongLong();
    if (rest.size() < length) {
        return false;
    }
    answer->body = rest.first(length);
    return true;
}

// Sends `bytes` on a new connection and waits (up to timeoutMs) for one whole response.
inline RawAnswer rawCall(quint16 port, const QByteArray& bytes, int timeoutMs = 10000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    RawAnswer answer;
    if (!socket.waitForConnected(timeoutMs)) {
        return answer;
    }
    socket.write(bytes);
    QByteArray data;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (parseRawAnswer(data, &answer)) {
            break;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0) {
            answer.closed = true;
            break;
        }
        // Serve the event loop (the server runs in this thread) while waiting for bytes.
        QTest::qWait(1);
        data += socket.readAll();
    }
    if (answer.status != 0 && !answer.closed) {
        // Did the server close after answering? Give it a moment.
        QTest::qWait(20);
        answer.closed = socket.state() != QAbstractSocket::ConnectedState;
    }
    return answer;
}

// A request head for the gateway on 127.0.0.1 with a JSON body, plus `extraHeaders` lines.
inline QByteArray rawPost(const QByteArray& path, const QByteArray& body, const QByteArray& extraHeaders = {},
                          const QByteArray& contentType = QByteArrayLiteral("application/json"),
                          const QByteArray& host = QByteArrayLiteral("127.0.0.1"))
{
    QByteArray out = "POST " + path + " HTTP/1.1\r\n";
    if (!host.isEmpty()) {
        out += "Host: " + host + "\r\n";
    }
    if (!contentType.isEmpty()) {
        out += "Content-Type: " + contentType + "\r\n";
    }
    out += extraHeaders;
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return out;
}
