#include "core/providers/DirectHttpExchange.h"

#include "core/common/JsonText.h"
#include "core/providers/DirectConnectionPool.h"

#include <QTcpSocket>

DirectHttpExchange::DirectHttpExchange(DirectConnectionPool* pool, Method method, const QUrl& url,
                                       const Headers& requestHeaders, const BodyPieces& body, QObject* parent)
    : HttpExchange(parent)
    , m_pool(pool)
    , m_host(url.host())
    , m_port(quint16(url.port(80)))
{
    // The head is appended in place: it is built for every upstream request.
    const QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    const QByteArray query = url.hasQuery() ? url.query(QUrl::FullyEncoded).toLatin1() : QByteArray();
    const QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    qsizetype headersSize = 0;
    for (const auto& [name, value] : requestHeaders) {
        headersSize += name.size() + value.size() + 4;
    }
    // A large body is written after the head (shared or in chunks, not copied into the request).
    const bool apart = body.size() >= BodyPieces::kSpliceFrom;
    m_request.reserve(96 + path.size() + query.size() + host.size() + headersSize + (apart ? 0 : body.size()));
    m_request += method == Method::Get ? QByteArrayView("GET ") : QByteArrayView("POST ");
    m_request += path.isEmpty() ? QByteArray("/") : path;
    if (url.hasQuery()) {
        m_request += '?';
        m_request += query;
    }
    m_request += " HTTP/1.1\r\nHost: ";
    m_request += host;
    if (url.port() > 0) {
        m_request += ':';
        JsonText::appendInteger(m_request, url.port());
    }
    m_request += "\r\n";
    for (const auto& [name, value] : requestHeaders) {
        m_request += name;
        m_request += ": ";
        m_request += value;
        m_request += "\r\n";
    }
    if (method == Method::Post) {
        m_request += "Content-Length: ";
        JsonText::appendInteger(m_request, body.size());
        m_request += "\r\n";
    }
    m_request += "\r\n";
    if (apart) {
        m_requestBody = body;
    } else {
        m_request += body.join();
    }
}

DirectHttpExchange::~DirectHttpExchange()
{
    m_done = true;
    releaseSocket(false);
}

void DirectHttpExchange::start()
{
    // A kept-alive connection only buffers the request here (it goes out on the next loop turn);
    // a new one is opened a turn later, since a refused loopback connect reports at once and
    // nothing may be emitted before the caller has connected.
    if (QTcpSocket* idle = m_pool ? m_pool->take(m_host, m_port) : nullptr) {
        attach(idle, true);
        return;
    }
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_done) {
                attach(new QTcpSocket, false);
            }
        },
        Qt::QueuedConnection);
}

void DirectHttpExchange::attach(QTcpSocket* socket, bool reused)
{
    m_socket = socket;
    m_socket->setParent(this);
    m_reused = reused;
    m_connected = false; // a retry starts over on a new connection
    connect(m_socket, &QTcpSocket::bytesWritten, this, &DirectHttpExchange::onBytesWritten);
    connect(m_socket, &QTcpSocket::readyRead, this, &DirectHttpExchange::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &DirectHttpExchange::onClosed);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &DirectHttpExchange::onSocketError);
    if (reused) {
        sendRequest();
        return;
    }
    connect(m_socket, &QTcpSocket::connected, this, &DirectHttpExchange::sendRequest);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->connectToHost(m_host, m_port);
}

void DirectHttpExchange::sendRequest()
{
    m_connected = true;
    m_unsent = m_request.size() + m_requestBody.size();
    m_bodyWritten = 0; // a retry on a new connection starts over
    m_socket->write(m_request);
    writeBody();
}

void DirectHttpExchange::writeBody()
{
    // One whole piece goes to the socket shared, at once; pieces are copied a chunk at a time, the
    // next when the socket has sent most of the last.
    if (m_requestBody.isWhole()) {
        if (m_bodyWritten == 0) {
            m_socket->write(m_requestBody.join());
            m_bodyWritten = m_requestBody.size();
        }
        return;
    }
    while (m_bodyWritten < m_requestBody.size() && m_socket->bytesToWrite() < kChunkBytes) {
        const QByteArray chunk = m_requestBody.chunk(m_bodyWritten, kChunkBytes);
        m_socket->write(chunk);
        m_bodyWritten += chunk.size();
    }
}

void DirectHttpExchange::onBytesWritten(qint64 bytes)
{
    if (m_unsent <= 0 || m_done) {
        return;
    }
    m_unsent -= bytes;
    if (m_unsent <= 0) {
        emit requestSent();
        return;
    }
    writeBody();
}

void DirectHttpExchange::onReadyRead()
{
    if (m_done || !m_socket) {
        return;
    }
    m_readBuffer.resize(m_socket->bytesAvailable());
    const qint64 read = m_socket->read(m_readBuffer.data(), m_readBuffer.size());
    if (read <= 0) {
        return;
    }
    m_received += read;
    const HttpResponseParser::State state = m_parser.feed(QByteArrayView(m_readBuffer.constData(), read), m_body);
    if (state == HttpResponseParser::State::Error) {
        fail(Failure::Network, tr("Malformed HTTP response: %1").arg(QString::fromLatin1(m_parser.errorText())));
        return;
    }
    QPointer<DirectHttpExchange> self(this);
    if (m_parser.headComplete() && !m_headEmitted) {
        m_headEmitted = true;
        emit headersReceived();
        if (!self || m_done) {
            return;
        }
    }
    if (!m_body.isEmpty()) {
        emit readyRead();
        if (!self || m_done) {
            return;
        }
    }
    if (state == HttpResponseParser::State::Complete) {
        complete();
    }
}

void DirectHttpExchange::onClosed()
{
    if (m_done) {
        return;
    }
    // A reused keep-alive connection the server had already closed: send once more on a new one,
    // as browsers and Qt do, since the server never saw this request.
    if (m_reused && !m_retried && m_received == 0) {
        m_retried = true;
        releaseSocket(false);
        attach(new QTcpSocket, false);
        return;
    }
    if (m_parser.finishOnClose() == HttpResponseParser::State::Complete) {
        QPointer<DirectHttpExchange> self(this);
        if (!m_body.isEmpty()) {
            emit readyRead();
            if (!self || m_done) {
                return;
            }
        }
        complete();
        return;
    }
    fail(m_connected ? Failure::TransportLoss : Failure::Network,
         m_received == 0 ? tr("Connection closed by the server")
                         : tr("Connection closed before the response was complete"));
}

void DirectHttpExchange::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_done) {
        return;
    }
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onClosed();
        return;
    }
    const bool established = m_connected && error != QAbstractSocket::ConnectionRefusedError
        && error != QAbstractSocket::HostNotFoundError;
    fail(established ? Failure::TransportLoss : Failure::Network, m_socket ? m_socket->errorString() : QString());
}

void DirectHttpExchange::complete()
{
    m_done = true;
    releaseSocket(m_parser.keepAlive());
    emit finished();
}

void DirectHttpExchange::fail(Failure failure, const QString& message)
{
    m_done = true;
    m_failure = failure;
    m_errorString = message;
    releaseSocket(false);
    emit finished();
}

void DirectHttpExchange::releaseSocket(bool reuse)
{
    if (!m_socket) {
        return;
    }
    QTcpSocket* socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    if (reuse && m_pool) {
        m_pool->giveBack(socket, m_host, m_port);
        return;
    }
    socket->setParent(nullptr);
    socket->abort();
    socket->deleteLater();
}

int DirectHttpExchange::status() const
{
    return m_parser.headComplete() ? m_parser.status() : 0;
}

HttpExchange::Headers DirectHttpExchange::headers() const
{
    return m_parser.headers();
}

QByteArray DirectHttpExchange::readAll()
{
    return std::exchange(m_body, QByteArray());
}

HttpExchange::Failure DirectHttpExchange::failure() const
{
    return m_failure;
}

QString DirectHttpExchange::errorString() const
{
    return m_errorString;
}

void DirectHttpExchange::abort()
{
    m_done = true;
    releaseSocket(false);
}
