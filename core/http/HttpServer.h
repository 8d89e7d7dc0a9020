#pragma once

#include "HttpRequest.h"

#include <QHostAddress>
#include <QObject>

#include <functional>

class HttpResponder;
class QTcpServer;

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

    int openConnections() const { return m_openConnections; }
    // Connections accepted since the server started; tells keep-alive reuse from reconnects.
    int acceptedConnections() const { return m_acceptedConnections; }
    // Closes every connection that waits between requests (a keep-alive timeout, on demand).
    void closeIdleConnections();

private:
    friend class HttpConnection;
    void onNewConnection();
    void dispatch(const HttpRequest& request, HttpResponder* responder);

    QTcpServer* m_tcp;
    Handler m_handler;
    qint64 m_maxBodyBytes = 8 * 1024 * 1024;
    int m_openConnections = 0;
    int m_acceptedConnections = 0;
};
