#include "core/http/HttpConnection.h"

#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"

#include <QDeadlineTimer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace {

constexpr int kLingerMs = 2000;
constexpr qint64 kReadBufferBytes = 1024 * 1024;

} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, HttpServer* server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(kReadBufferBytes);
    m_parser.setPeer(m_socket->peerAddress());
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &HttpConnection::onDeadline);
    m_phaseSince = QDeadlineTimer::current().deadline();
    if (const int idleMs = m_server->limits().idleTimeoutMs; idleMs > 0) {
        m_deadline->start(idleMs);
    }
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
    if (m_active && m_parser.buffer().size() > HttpParser::kMaxHeadBytes + m_server->maxBodyBytes()) {
        return; // a client pipelining faster than we answer waits in TCP backpressure, not in our memory
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available > 0) {
        QByteArray& buffer = m_parser.buffer();
        const qsizetype oldSize = buffer.size();
        const qsizetype wanted = oldSize + available;
        if (wanted > buffer.capacity()) {
            // Doubling, but never past the body's own length: appended reads left 8 MiB held for a
            // 4 MB body. Nothing is reserved for a length only declared: memory follows the bytes.
            qsizetype target = std::max(wanted, 2 * oldSize);
            if (const qsizetype end = m_parser.bodyEnd(); end >= wanted) {
                target = std::min(target, end);
            }
            buffer.reserve(target);
        }
        buffer.resize(wanted);
        const qint64 got = m_socket->read(m_parser.buffer().data() + oldSize, available);
        m_parser.buffer().resize(oldSize + qMax<qint64>(0, got));
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
        m_parser.setMaxBodyBytes(m_server->maxBodyBytes());
        HttpRequest request;
        const HttpParser::Result result = m_parser.next(&request);
        if (result == HttpParser::Result::NeedMore) {
            if (m_parser.takeContinue()) {
                m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            }
            break;
        }
        if (result == HttpParser::Result::Error) {
            const HttpParser::Failure& failure = m_parser.failure();
            failRequest(failure.status, failure.code, failure.message);
            break;
        }
        m_active = new HttpResponder(this, HttpParser::keepAlive(request), request.method == "HEAD");
        updatePhase();
        m_server->dispatch(request, m_active);
    }
    m_processing = false;
    updatePhase();
}

// Starts the deadline of the phase the connection is in, when it changes: a few timer starts
// per request, not one per read.
void HttpConnection::updatePhase()
{
    if (m_gone || m_closing) {
        m_deadline->stop();
        return;
    }
    const Phase phase = m_active      ? Phase::Active
        : m_parser.inBody()           ? Phase::ReceivingBody
        : m_parser.buffer().isEmpty() ? Phase::Idle
                                      : Phase::ReceivingHead;
    if (phase == m_phase) {
        return;
    }
    m_phase = phase;
    m_phaseSince = QDeadlineTimer::current().deadline();
    const HttpLimits& limits = m_server->limits();
    const int ms = phase == Phase::Idle ? limits.idleTimeoutMs
        : phase == Phase::ReceivingHead ? limits.headerTimeoutMs
        : phase == Phase::ReceivingBody ? limits.bodyTimeoutMs
                                        : 0;
    if (ms > 0) {
        m_deadline->start(ms);
    } else {
        m_deadline->stop();
    }
}

void HttpConnection::onDeadline()
{
    if (m_gone || m_closing || m_phase == Phase::Active) {
        return;
    }
    emit timedOut();
    evict();
}

void HttpConnection::evict()
{
    if (m_gone || m_closing || m_active) {
        return;
    }
    if (m_phase == Phase::Idle) {
        m_closing = true;
        m_deadline->stop();
        m_socket->abort(); // nothing was asked, nothing to answer
        return;
    }
    failRequest(408, QByteArrayLiteral("request_timeout"),
                QByteArrayLiteral("The request was not received in time; send it again"));
}

void HttpConnection::refuse(int status, const QByteArray& code, const QByteArray& message)
{
    if (!m_gone && !m_closing && !m_active) {
        failRequest(status, code, message);
    }
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
    if (!m_processing) {
        updatePhase();
    }
    if ((!m_parser.buffer().isEmpty() || m_socket->bytesAvailable() > 0) && !m_processing) {
        // Pipelined requests wait; answer them from the event loop, not inside the caller's send().
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
    }
}

void HttpConnection::flushEnded()
{
    if (!m_gone && !m_active) {
        m_socket->flush();
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

void HttpConnection::failRequest(int status, const QByteArray& code, const QByteArray& message)
{
    const QByteArray body = QByteArrayLiteral("{\"error\":{\"message\":\"") + message
        + QByteArrayLiteral("\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"") + code
        + QByteArrayLiteral("\"}}");
    auto* responder = new HttpResponder(this, false, false);
    m_active = responder;
    m_deadline->stop();
    responder->send(status, QByteArrayLiteral("application/json"), body);
}

void HttpConnection::closeIfIdle()
{
    if (!m_gone && !m_closing && !m_active && m_parser.buffer().isEmpty()) {
        m_socket->disconnectFromHost();
    }
}

void HttpConnection::closeAfterWrite()
{
    m_closing = true;
    m_parser.buffer().clear();
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
    if (!qobject_cast<QSslSocket*>(m_socket)) {
        ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
    } else {
        m_socket->disconnectFromHost(); // TLS ends with close_notify, not a bare FIN
    }
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
