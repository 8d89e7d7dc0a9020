#include "core/http/HttpServer.h"

#include "core/http/HttpConnection.h"
#include "core/http/HttpResponder.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

#include <limits>
#include <optional>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace {
// File descriptors kept for everything else the process opens (upstream sockets, the ledger,
// config files) when the connection cap is derived from the open-file limit.
constexpr int kReservedDescriptors = 256;
QString tr(const char* text)
{
    return QCoreApplication::translate("HttpServer", text);
}

} // namespace

// Accepts plain TCP, or with TLS set wraps each accepted descriptor in a QSslSocket (Qt 6.4 has
// no QSslServer); the connection reads decrypted bytes either way.
class HttpTcpServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;
    std::optional<QSslConfiguration> tls;
    QString tlsError;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (!tls) {
            QTcpServer::incomingConnection(descriptor);
            return;
        }
        auto* socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(*tls);
        addPendingConnection(socket);
        socket->startServerEncryption();
    }
};

HttpServer::HttpServer(QObject* parent)
    : QObject(parent)
    , m_tcp(new HttpTcpServer(this))
{
    connect(m_tcp, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer() = default;

bool HttpServer::listen(const QHostAddress& address, quint16 port)
{
    // Qt's default backlog is 50: a burst of new connections beyond it (an agent fanning out, a
    // load test's 64 clients) lost SYNs, and those clients waited for the kernel's 1 s retry.
    // The kernel caps it at net.core.somaxconn.
    m_tcp->setListenBacklogSize(1024);
    return m_tcp->listen(address, port);
}

void HttpServer::close()
{
    m_tcp->close();
}

bool HttpServer::isListening() const
{
    return m_tcp->isListening();
}

quint16 HttpServer::port() const
{
    return m_tcp->serverPort();
}

QString HttpServer::errorString() const
{
    return m_tcp->tlsError.isEmpty() ? m_tcp->errorString() : m_tcp->tlsError;
}

bool HttpServer::usesTls() const
{
    return m_tcp->tls.has_value();
}

bool HttpServer::setTls(const QString& certificateFile, const QString& keyFile)
{
    m_tcp->tlsError.clear();
    if (!QSslSocket::supportsSsl()) {
        m_tcp->tlsError = tr("TLS is not available: Qt found no TLS backend (OpenSSL).");
        return false;
    }
    QFile certFile(certificateFile);
    if (!certFile.open(QIODevice::ReadOnly)) {
        m_tcp->tlsError = tr("Cannot read the TLS certificate %1: %2").arg(certificateFile, certFile.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        m_tcp->tlsError = tr("%1 holds no PEM certificate.").arg(certificateFile);
        return false;
    }
    QFile privateKeyFile(keyFile);
    if (!privateKeyFile.open(QIODevice::ReadOnly)) {
        m_tcp->tlsError = tr("Cannot read the TLS key %1: %2").arg(keyFile, privateKeyFile.errorString());
        return false;
    }
    const QByteArray keyPem = privateKeyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    }
    if (key.isNull()) {
        m_tcp->tlsError = tr("%1 holds no unencrypted PEM RSA or EC private key.").arg(keyFile);
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with keys, not certificates
    config.setProtocol(QSsl::TlsV1_2OrLater);
    m_tcp->tls = config;
    return true;
}

int HttpServer::effectiveMaxConnections() const
{
    int cap = m_limits.maxConnections;
#ifdef Q_OS_UNIX
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        // Each connection holds one descriptor; upstream calls hold about one more per request.
        const qint64 usable = (qint64(limit.rlim_cur) - kReservedDescriptors) / 2;
        cap = int(qBound(qint64(16), usable, qint64(cap)));
    }
#endif
    return cap;
}

qint64 HttpServer::raiseOpenFileLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return -1;
    }
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) {
            limit = raised;
        }
    }
    return limit.rlim_cur == RLIM_INFINITY ? std::numeric_limits<qint64>::max() : qint64(limit.rlim_cur);
#else
    return -1;
#endif
}

bool HttpServer::preferPlainEventLoop()
{
    if (!qEnvironmentVariableIsEmpty("QT_NO_GLIB")) {
        return false; // the user's own choice
    }
    return qputenv("QT_NO_GLIB", "1");
}

void HttpServer::onNewConnection()
{
    const int cap = effectiveMaxConnections();
    while (QTcpSocket* socket = m_tcp->nextPendingConnection()) {
        const bool room = m_openConnections < cap || makeRoom();
        auto* connection = new HttpConnection(socket, this);
        ++m_openConnections;
        ++m_acceptedConnections;
        m_connections.append(connection);
        connect(connection, &HttpConnection::closed, this, [this, connection] {
            --m_openConnections;
            m_connections.removeOne(connection);
        });
        connect(connection, &HttpConnection::timedOut, this, [this] { ++m_timedOut; });
        if (!room) {
            ++m_refused;
            connection->refuse(503, QByteArrayLiteral("server_busy"),
                               QByteArrayLiteral("Too many open connections; try again shortly"));
        }
    }
}

// Closes the connection that has waited longest without a request in progress. Returns false
// when every connection is busy answering (then the newcomer is refused instead).
bool HttpServer::makeRoom()
{
    HttpConnection* oldest = nullptr;
    for (HttpConnection* connection : std::as_const(m_connections)) {
        if (connection->isEvictable() && (!oldest || connection->waitingSince() < oldest->waitingSince())) {
            oldest = connection;
        }
    }
    if (!oldest) {
        return false;
    }
    ++m_evicted;
    oldest->evict();
    return true;
}

void HttpServer::closeIdleConnections()
{
    for (HttpConnection* connection : std::as_const(m_connections)) {
        connection->closeIfIdle();
    }
}

void HttpServer::dispatch(const HttpRequest& request, HttpResponder* responder)
{
    if (m_handler) {
        m_handler(request, responder);
        return;
    }
    responder->send(404, QByteArrayLiteral("application/json"),
                    QByteArrayLiteral("{\"error\":{\"message\":\"Not found\",\"type\":\"invalid_request_error\","
                                      "\"param\":null,\"code\":\"not_found\"}}"));
}
