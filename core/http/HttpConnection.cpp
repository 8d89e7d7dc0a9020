#include "HttpConnection.h"

#include "HttpResponder.h"
#include "HttpServer.h"

#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace {

constexpr qsizetype kMaxHeadBytes = 64 * 1024;
constexpr int kLingerMs = 2000;
constexpr qint64 kReadBufferBytes = 1024 * 1024;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (char c : text) {
        if (!isTokenChar(c)) {
            return false;
        }
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) {
        ++begin;
    }
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
        --end;
    }
    return text.sliced(begin, end - begin);
}

// Comma-separated header list contains a token, case-insensitively ("Connection: keep-alive, Close").
bool listHasToken(const QByteArray& value, QByteArrayView token)
{
    const QByteArrayView text(value);
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype comma = text.indexOf(',', start);
        if (comma < 0) {
            comma = text.size();
        }
        if (trimmed(text.sliced(start, comma - start)).compare(token, Qt::CaseInsensitive) == 0) {
            return true;
        }
        start = comma + 1;
    }
    return false;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, HttpServer* server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(kReadBufferBytes);
    m_request.peer = m_socket->peerAddress();
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    if (m_socket->bytesAvailable() > 0) {
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
    }
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::write(const QByteArray& data)
{
    if (!m_gone) {
        m_socket->write(data);
    }
}

void HttpConnection::onReadyRead()
{
    if (m_gone) {
        return;
    }
    if (m_closing) {
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    if (m_active && m_in.size() > kMaxHeadBytes + m_server->maxBodyBytes()) {
        return; // a client pipelining faster than we answer waits in TCP backpressure, not in our memory
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available > 0) {
        const qsizetype oldSize = m_in.size();
        m_in.resize(oldSize + available);
        const qint64 got = m_socket->read(m_in.data() + oldSize, available);
        m_in.resize(oldSize + qMax<qint64>(0, got));
    }
    processBuffer();
}

void HttpConnection::processBuffer()
{
    if (m_processing) {
        return; // the loop below picks up whatever a synchronous handler left behind
    }
    m_processing = true;
    while (!m_active && !m_closing && !m_gone) {
        if (m_bodyLength < 0) {
            const Parse head = parseHead();
            if (head != Parse::Ready) {
                break;
            }
        }
        if (parseBody() != Parse::Ready) {
            break;
        }
        HttpRequest request = std::move(m_request);
        m_request = HttpRequest {};
        m_request.peer = request.peer;
        m_bodyLength = -1;
        m_sentContinue = false;
        m_active = new HttpResponder(this, m_keepAlive, m_headOnly);
        m_server->dispatch(request, m_active);
    }
    m_processing = false;
}

HttpConnection::Parse HttpConnection::parseHead()
{
    // Tolerate blank lines between requests (RFC 9112 2.2).
    qsizetype start = 0;
    while (start + 1 < m_in.size() && m_in[start] == '\r' && m_in[start + 1] == '\n') {
        start += 2;
    }
    if (start > 0) {
        m_in.remove(0, start);
        m_scanFrom = 0;
    }
    const qsizetype headEnd = m_in.indexOf("\r\n\r\n", m_scanFrom);
    if (headEnd < 0) {
        if (m_in.size() > kMaxHeadBytes) {
            failRequest(431, "request_header_fields_too_large", "Request headers exceed 64 KiB");
            return Parse::Failed;
        }
        m_scanFrom = qMax<qsizetype>(0, m_in.size() - 3);
        return Parse::NeedMore;
    }
    if (headEnd + 4 > kMaxHeadBytes) {
        failRequest(431, "request_header_fields_too_large", "Request headers exceed 64 KiB");
        return Parse::Failed;
    }
    m_scanFrom = 0;
    const QByteArrayView head(m_in.constData(), headEnd);
    qsizetype lineEnd = head.indexOf("\r\n");
    if (lineEnd < 0) {
        lineEnd = head.size();
    }

    // Request line: METHOD SP target SP HTTP/1.x
    const QByteArrayView line = head.first(lineEnd);
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
        failRequest(400, "bad_request", "Malformed request line");
        return Parse::Failed;
    }
    const QByteArrayView method = line.first(sp1);
    QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method) || target.isEmpty()) {
        failRequest(400, "bad_request", "Malformed request line");
        return Parse::Failed;
    }
    for (char c : target) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
            failRequest(400, "bad_request", "Malformed request target");
            return Parse::Failed;
        }
    }
    if (version == "HTTP/1.1") {
        m_request.http10 = false;
    } else if (version == "HTTP/1.0") {
        m_request.http10 = true;
    } else if (version.startsWith("HTTP/")) {
        failRequest(505, "http_version_not_supported", "Only HTTP/1.0 and HTTP/1.1 are supported");
        return Parse::Failed;
    } else {
        failRequest(400, "bad_request", "Malformed request line");
        return Parse::Failed;
    }
    if (target.startsWith("http://") || target.startsWith("https://")) { // absolute form
        const qsizetype pathStart = target.indexOf('/', target.indexOf("//") + 2);
        target = pathStart < 0 ? QByteArrayView("/") : target.sliced(pathStart);
    } else if (target[0] != '/' && target != "*") {
        failRequest(400, "bad_request", "Malformed request target");
        return Parse::Failed;
    }
    m_request.method = method.toByteArray();
    const qsizetype queryAt = target.indexOf('?');
    if (queryAt >= 0) {
        m_request.path = target.first(queryAt).toByteArray();
        m_request.query = target.sliced(queryAt + 1).toByteArray();
    } else {
        m_request.path = target.toByteArray();
        m_request.query.clear();
    }

    // Header fields.
    m_request.headers.clear();
    qint64 contentLength = -1;
    bool chunked = false;
    qsizetype pos = lineEnd + 2;
    while (pos < head.size()) {
        qsizetype next = head.indexOf("\r\n", pos);
        if (next < 0) {
            next = head.size();
        }
        const QByteArrayView field = head.sliced(pos, next - pos);
        pos = next + 2;
        const qsizetype colon = field.indexOf(':');
        if (colon <= 0 || !isToken(field.first(colon))) {
            failRequest(400, "bad_request", "Malformed header field");
            return Parse::Failed;
        }
        QByteArray name = field.first(colon).toByteArray().toLower();
        const QByteArrayView value = trimmed(field.sliced(colon + 1));
        if (name == "content-length") {
            bool ok = value.size() > 0 && value.size() <= 18;
            for (char c : value) {
                ok = ok && c >= '0' && c <= '9';
            }
            const qint64 length = ok ? value.toLongLong(&ok) : -1;
            if (!ok || (contentLength >= 0 && contentLength != length)) {
                failRequest(400, "bad_request", "Invalid Content-Length");
                return Parse::Failed;
            }
            contentLength = length;
        } else if (name == "transfer-encoding") {
            if (value.compare("chunked", Qt::CaseInsensitive) != 0) {
                failRequest(501, "not_implemented", "Only the chunked transfer coding is supported");
                return Parse::Failed;
            }
            chunked = true;
        }
        m_request.headers.emplaceBack(std::move(name), value.toByteArray());
    }
    m_in.remove(0, headEnd + 4);

    if (chunked && contentLength >= 0) {
        failRequest(400, "bad_request", "Both Content-Length and Transfer-Encoding"); // request smuggling guard
        return Parse::Failed;
    }
    if (contentLength > m_server->maxBodyBytes()) {
        failRequest(413, "request_too_large", "Request body too large");
        return Parse::Failed;
    }
    const QByteArray connection = m_request.header("connection");
    m_keepAlive = m_request.http10 ? listHasToken(connection, "keep-alive") : !listHasToken(connection, "close");
    m_headOnly = m_request.method == "HEAD";
    m_bodyLength = qMax<qint64>(0, contentLength);
    m_chunkState = chunked ? ChunkState::Size : ChunkState::None;
    return Parse::Ready;
}

void HttpConnection::sendContinueOnce()
{
    if (!m_sentContinue && m_request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0) {
        m_sentContinue = true;
        m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    }
}

// Transfer-Encoding: chunked request body, decoded as it arrives. Chunk extensions and trailers
// are skipped.
HttpConnection::Parse HttpConnection::parseChunked()
{
    for (;;) {
        if (m_chunkState == ChunkState::Data) {
            if (m_in.size() < m_chunkRemaining + 2) {
                sendContinueOnce();
                return Parse::NeedMore;
            }
            if (m_in[m_chunkRemaining] != '\r' || m_in[m_chunkRemaining + 1] != '\n') {
                failRequest(400, "bad_request", "Malformed chunked body");
                return Parse::Failed;
            }
            m_request.body.append(m_in.constData(), m_chunkRemaining);
            m_in.remove(0, m_chunkRemaining + 2);
            m_chunkState = ChunkState::Size;
            continue;
        }
        const qsizetype lineEnd = m_in.indexOf("\r\n");
        if (lineEnd < 0) {
            if (m_in.size() > kMaxHeadBytes) {
                failRequest(400, "bad_request", "Malformed chunked body");
                return Parse::Failed;
            }
            sendContinueOnce();
            return Parse::NeedMore;
        }
        const QByteArrayView line(m_in.constData(), lineEnd);
        if (m_chunkState == ChunkState::Trailer) {
            m_in.remove(0, lineEnd + 2);
            if (line.isEmpty()) {
                m_chunkState = ChunkState::None;
                return Parse::Ready;
            }
            continue;
        }
        QByteArrayView sizeText = line;
        if (const qsizetype semicolon = line.indexOf(';'); semicolon >= 0) {
            sizeText = line.first(semicolon);
        }
        sizeText = trimmed(sizeText);
        bool ok = !sizeText.isEmpty() && sizeText.size() <= 15;
        qint64 size = 0;
        for (char c : sizeText) {
            const int digit = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f'             ? c - 'a' + 10
                : c >= 'A' && c <= 'F'             ? c - 'A' + 10
                                                   : -1;
            ok = ok && digit >= 0;
            size = size * 16 + qMax(0, digit);
        }
        if (!ok) {
            failRequest(400, "bad_request", "Malformed chunk size");
            return Parse::Failed;
        }
        if (m_request.body.size() + size > m_server->maxBodyBytes()) {
            failRequest(413, "request_too_large", "Request body too large");
            return Parse::Failed;
        }
        m_in.remove(0, lineEnd + 2);
        m_chunkRemaining = size;
        m_chunkState = size == 0 ? ChunkState::Trailer : ChunkState::Data;
    }
}

HttpConnection::Parse HttpConnection::parseBody()
{
    if (m_chunkState != ChunkState::None) {
        return parseChunked();
    }
    if (m_in.size() < m_bodyLength) {
        sendContinueOnce();
        return Parse::NeedMore;
    }
    if (m_bodyLength == m_in.size()) {
        m_request.body = std::exchange(m_in, QByteArray());
    } else {
        m_request.body = m_in.first(m_bodyLength);
        m_in.remove(0, m_bodyLength);
    }
    return Parse::Ready;
}

void HttpConnection::responseEnded(HttpResponder* responder, bool keepAlive)
{
    if (responder != m_active) {
        return;
    }
    m_active = nullptr;
    responder->deleteLater();
    if (!keepAlive) {
        closeAfterWrite();
        return;
    }
    if ((!m_in.isEmpty() || m_socket->bytesAvailable() > 0) && !m_processing) {
        // Pipelined requests wait; answer them from the event loop, not inside the caller's send().
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
    }
}

void HttpConnection::abortFor(HttpResponder* responder)
{
    if (responder == m_active) {
        m_active = nullptr;
        responder->deleteLater();
    }
    m_socket->flush(); // what was written before the drop reaches the client, as on a real cut
    m_socket->abort();
}

void HttpConnection::failRequest(int status, const char* code, const char* message)
{
    const QByteArray body = QByteArrayLiteral("{\"error\":{\"message\":\"") + message
        + QByteArrayLiteral("\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"") + code
        + QByteArrayLiteral("\"}}");
    auto* responder = new HttpResponder(this, false, false);
    m_active = responder;
    responder->send(status, QByteArrayLiteral("application/json"), body);
}

void HttpConnection::closeAfterWrite()
{
    m_closing = true;
    m_in.clear();
    if (m_socket->bytesToWrite() == 0) {
        halfClose();
        return;
    }
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() == 0 && !m_linger) {
            halfClose();
        }
    });
}

// Close our side only and keep draining what the client still sends, so that an early error
// response (413, 431) is not lost to a TCP reset on unread data.
void HttpConnection::halfClose()
{
    m_linger = new QTimer(this);
    m_linger->setSingleShot(true);
    connect(m_linger, &QTimer::timeout, m_socket, &QTcpSocket::abort);
    m_linger->start(kLingerMs);
#ifdef Q_OS_UNIX
    ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
#else
    m_socket->disconnectFromHost();
#endif
}

void HttpConnection::onDisconnected()
{
    if (m_gone) {
        return;
    }
    m_gone = true;
    if (m_active) {
        m_active->markGone();
        m_active = nullptr;
    }
    emit closed();
    deleteLater();
}
