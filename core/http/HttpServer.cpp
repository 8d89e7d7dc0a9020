#include "HttpServer.h"

#include "HttpConnection.h"
#include "HttpResponder.h"

#include <QTcpServer>
#include <QTcpSocket>

HttpServer::HttpServer(QObject* parent)
    : QObject(parent)
    , m_tcp(new QTcpServer(this))
{
    connect(m_tcp, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer() = default;

bool HttpServer::listen(const QHostAddress& address, quint16 port)
{
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
    return m_tcp->errorString();
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_tcp->nextPendingConnection()) {
        auto* connection = new HttpConnection(socket, this);
        ++m_openConnections;
        ++m_acceptedConnections;
        connect(connection, &HttpConnection::closed, this, [this] { --m_openConnections; });
    }
}

void HttpServer::closeIdleConnections()
{
    for (HttpConnection* connection : findChildren<HttpConnection*>(Qt::FindDirectChildrenOnly)) {
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
