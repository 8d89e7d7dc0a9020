#pragma once

#include "HttpRequest.h"

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

signals:
    void closed();

private:
    enum class Parse
    {
        NeedMore,
        Ready,
        Failed
    };

    void onReadyRead();
    void onDisconnected();
    void processBuffer();
    Parse parseHead();
    Parse parseBody();
    Parse parseChunked();
    void sendContinueOnce();
    void failRequest(int status, const char* code, const char* message);
    void closeAfterWrite();
    void halfClose();

    QTcpSocket* m_socket;
    HttpServer* m_server;
    QByteArray m_in;
    qsizetype m_scanFrom = 0;
    HttpRequest m_request; // being parsed
    qint64 m_bodyLength = -1; // >= 0 once the head is parsed
    bool m_sentContinue = false;
    enum class ChunkState
    {
        None,
        Size,
        Data,
        Trailer
    };
    ChunkState m_chunkState = ChunkState::None;
    qint64 m_chunkRemaining = 0;
    bool m_keepAlive = true;
    bool m_headOnly = false;
    HttpResponder* m_active = nullptr;
    bool m_processing = false;
    bool m_closing = false;
    bool m_gone = false;
    QTimer* m_linger = nullptr;
};
