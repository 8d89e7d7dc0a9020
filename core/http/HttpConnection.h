#pragma once

#include "core/http/HttpParser.h"

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
    // Hands what was written to the kernel now rather than on the event loop's next turn. Only
    // once the response has ended (the responder is no longer active): a peer gone meanwhile then
    // tells no one but the connection.
    void flushEnded();
    void abortFor(HttpResponder* responder);
    // Closes the connection if it is between requests, as a server's keep-alive timeout does.
    void closeIfIdle();

    // Used by HttpServer's connection cap: a connection without a request in progress (idle, or
    // still sending one) may be closed to make room, the longest waiting first.
    bool isEvictable() const { return !m_gone && !m_closing && m_phase != Phase::Active; }
    qint64 waitingSince() const { return m_phaseSince; }
    void evict();
    // Answers an error at once and closes (a connection over the cap).
    void refuse(int status, const QByteArray& code, const QByteArray& message);

signals:
    void closed();
    void timedOut();

private:
    enum class Phase
    {
        Idle, // between requests (or before the first)
        ReceivingHead,
        ReceivingBody,
        Active // a request is being answered
    };
    void updatePhase();
    void onDeadline();
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
    QTimer* m_deadline = nullptr;
    Phase m_phase = Phase::Idle;
    qint64 m_phaseSince = 0; // monotonic ms
};
