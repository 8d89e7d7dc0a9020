#pragma once

#include "core/http/HttpRequest.h"

#include <QHostAddress>
#include <QObject>

#include <functional>

class HttpConnection;
class HttpResponder;
class HttpTcpServer;

// What keeps one client from starving the others: a cap on open connections (at the cap the
// connection waiting longest without a request in progress is closed to make room; with none,
// the newcomer gets 503), and deadlines for a connection that sits idle between requests or
// sends a request too slowly (slowloris). Zero disables a deadline.
struct HttpLimits
{
    int maxConnections = 1024;
    int idleTimeoutMs = 75000; // between requests, and before the first one
    int headerTimeoutMs = 10000; // from a request's first byte until its head is complete
    int bodyTimeoutMs = 60000; // from the head until the body is complete
};

// A small HTTP/1.1 server on QTcpServer: keep-alive, pipelining (answered in order), Content-Length and chunked request
// bodies, chunked streaming responses. Serves the offline sandbox and the local gateway, so the
// per-request path stays lean: no regexes, one socket write per response or chunk.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const HttpRequest&, HttpResponder*)>;

    explicit HttpServer(QObject* parent = nullptr);
    ~HttpServer() override;

    bool listen(const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0);

    // Serves HTTPS from now on: a PEM certificate (chain, leaf first) and its PEM private key.
    // False with errorString() naming the file when either cannot be read or they do not match.
    bool setTls(const QString& certificateFile, const QString& keyFile);
    bool usesTls() const;
    void close();
    bool isListening() const;
    quint16 port() const;
    QString errorString() const;

    // Bodies above this answer 413 with a JSON error and close the connection. Default 8 MiB.
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

    // Called once per request, in order per connection. It may answer at once or later.
    // Without a handler every request gets 404.
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    // Set before listen(). The connection cap is kept below the process's open-file limit.
    void setLimits(const HttpLimits& limits) { m_limits = limits; }
    const HttpLimits& limits() const { return m_limits; }
    int effectiveMaxConnections() const;
    // Raises the process's soft open-file limit to its hard limit (Linux defaults to 1024, too
    // few for a server's connection cap). Returns the soft limit now in force.
    static qint64 raiseOpenFileLimit();
    // For a headless process, before its QCoreApplication exists: Qt's own poll() loop instead of
    // GLib's, which wakes itself through an eventfd write and read for every posted event (the
    // gateway posts several per request): 25 -> 15 system calls per streamed request. Not for the
    // desktop app, whose platform theme may need GLib. True when it set QT_NO_GLIB, which the
    // caller then takes out of the environment again once the application exists (children
    // inherit nothing).
    static bool preferPlainEventLoop();

    int openConnections() const { return m_openConnections; }
    // Connections accepted since the server started; tells keep-alive reuse from reconnects.
    int acceptedConnections() const { return m_acceptedConnections; }
    // Closes every connection that waits between requests (a keep-alive timeout, on demand).
    void closeIdleConnections();
    // Connections closed by a deadline or to make room at the cap, and refused at the cap.
    int timedOutConnections() const { return m_timedOut; }
    int evictedConnections() const { return m_evicted; }
    int refusedConnections() const { return m_refused; }

private:
    friend class HttpConnection;
    void onNewConnection();
    void dispatch(const HttpRequest& request, HttpResponder* responder);
    bool makeRoom();

    HttpTcpServer* m_tcp;
    QList<HttpConnection*> m_connections;
    HttpLimits m_limits;
    Handler m_handler;
    qint64 m_maxBodyBytes = 8 * 1024 * 1024;
    int m_openConnections = 0;
    int m_acceptedConnections = 0;
    int m_timedOut = 0;
    int m_evicted = 0;
    int m_refused = 0;
};
