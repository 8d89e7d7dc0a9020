#pragma once

#include "HttpParser.h"

#include <QObject>

class HttpResponder;
class HttpServer;
class QTcpSocket;
class QTimer;

// One client connection: reads and parses requests (pipelined ones in order, one at a time),
// hands each to the server's handler with a responder, and writes the responses. Internal to
// HttpServer.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket* socket, HttpServer* server);
    ~HttpConnection() override;

    // Used by HttpResponder.
    void write(const QByteArray& data);
    void responseEnded(HttpResponder* responder, bool keepAlive);
    void abortFor(HttpResponder* responder);
    // Closes the connection if it is between requests, as a server's keep-alive timeout does.
    void closeIfIdle();

signals:
    void closed();

private:
    void onReadyRead();
    void onDisconnected();
    void processBuffer();
    void failRequest(int status, const QByteArray& code, const QByteArray& message);
    void closeAfterWrite();
    void halfClose();

    QTcpSocket* m_socket;
    HttpServer* m_server;
    HttpParser m_parser;
    HttpResponder* m_active = nullptr;
    bool m_processing = false;
    bool m_closing = false;
    bool m_gone = false;
    QTimer* m_linger = nullptr;
};
