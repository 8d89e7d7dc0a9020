#include "core/http/HttpResponder.h"

#include "core/http/HttpConnection.h"

HttpResponder::HttpResponder(HttpConnection* connection, bool keepAlive, bool headOnly)
    : QObject(connection)
    , m_connection(connection)
    , m_keepAlive(keepAlive)
    , m_headOnly(headOnly)
{
}

HttpResponder::~HttpResponder() = default;

QByteArray HttpResponder::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 204:
        return QByteArrayLiteral("No Content");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 402:
        return QByteArrayLiteral("Payment Required");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 411:
        return QByteArrayLiteral("Length Required");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 421:
        return QByteArrayLiteral("Misdirected Request");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    case 505:
        return QByteArrayLiteral("HTTP Version Not Supported");
    case 529:
        return QByteArrayLiteral("Site Overloaded");
    default:
        return QByteArrayLiteral("Status");
    }
}

void HttpResponder::appendHead(QByteArray& out, int status, const QByteArray& contentType,
                               const HttpHeaders& extraHeaders) const
{
    out.append("HTTP/1.1 ");
    out.append(QByteArray::number(status));
    out.append(' ');
    out.append(reasonPhrase(status));
    out.append("\r\n");
    if (!contentType.isEmpty()) {
        out.append("Content-Type: ");
        out.append(contentType);
        out.append("\r\n");
    }
    for (const auto& [name, value] : m_defaultHeaders) {
        out.append(name);
        out.append(": ");
        out.append(value);
        out.append("\r\n");
    }
    for (const auto& [name, value] : extraHeaders) {
        out.append(name);
        out.append(": ");
        out.append(value);
        out.append("\r\n");
    }
    if (!m_keepAlive) {
        out.append("Connection: close\r\n");
    }
}

void HttpResponder::send(int status, const QByteArray& contentType, const QByteArray& body,
                         const HttpHeaders& extraHeaders)
{
    if (m_state != State::Idle) {
        return;
    }
    QByteArray out;
    out.reserve(160 + body.size());
    appendHead(out, status, contentType, extraHeaders);
    out.append("Content-Length: ");
    out.append(QByteArray::number(body.size()));
    out.append("\r\n\r\n");
    if (!m_headOnly) {
        out.append(body);
    }
    m_state = State::Ended;
    m_connection->write(out);
    m_connection->responseEnded(this, m_keepAlive);
    // The answer leaves before the rest of this turn (the caller's bookkeeping, the objects
    // deleted later), not after it.
    m_connection->flushEnded();
}

void HttpResponder::beginStream(int status, const QByteArray& contentType, const HttpHeaders& extraHeaders)
{
    if (m_state != State::Idle) {
        return;
    }
    QByteArray out;
    out.reserve(200);
    appendHead(out, status, contentType, extraHeaders);
    out.append("Transfer-Encoding: chunked\r\n\r\n");
    m_state = State::Streaming;
    m_connection->write(out);
}

void HttpResponder::writeChunk(QByteArrayView data)
{
    if (m_state != State::Streaming || data.isEmpty() || m_headOnly) {
        return; // an empty chunk would end the body
    }
    QByteArray out;
    out.reserve(data.size() + 12);
    out.append(QByteArray::number(data.size(), 16));
    out.append("\r\n");
    out.append(data);
    out.append("\r\n");
    m_connection->write(out);
}

void HttpResponder::endStream()
{
    if (m_state != State::Streaming) {
        return;
    }
    m_state = State::Ended;
    if (!m_headOnly) {
        m_connection->write(QByteArrayLiteral("0\r\n\r\n"));
    }
    m_connection->responseEnded(this, m_keepAlive);
    m_connection->flushEnded();
}

void HttpResponder::abortConnection()
{
    if (!isConnected()) {
        return;
    }
    m_state = State::Ended;
    m_connection->abortFor(this);
}

void HttpResponder::markGone()
{
    if (!isConnected()) {
        return;
    }
    m_state = State::Gone;
    emit clientDisconnected();
}
