#pragma once

#include "core/providers/BodyPieces.h"
#include "core/providers/HttpExchange.h"
#include "core/providers/HttpResponseParser.h"

#include <QAbstractSocket>
#include <QPointer>
#include <QUrl>

class DirectConnectionPool;
class QTcpSocket;

// An HttpExchange over a plain QTcpSocket in the caller's thread (HTTP/1.1, keep-alive through
// DirectConnectionPool). Used for loopback providers - the sandbox, Ollama, LM Studio, a local
// proxy - where Qt's network thread hop per chunk would cost more than the request itself.
class DirectHttpExchange : public HttpExchange
{
    Q_OBJECT

public:
    DirectHttpExchange(DirectConnectionPool* pool, Method method, const QUrl& url, const Headers& requestHeaders,
                       const BodyPieces& body, QObject* parent = nullptr);
    ~DirectHttpExchange() override;

    void start() override;
    int status() const override;
    Headers headers() const override;
    QByteArray readAll() override;
    Failure failure() const override;
    QString errorString() const override;
    void abort() override;

private:
    void attach(QTcpSocket* socket, bool reused);
    void sendRequest();
    void writeBody();
    void onBytesWritten(qint64 bytes);
    void onReadyRead();
    void onClosed();
    void onSocketError(QAbstractSocket::SocketError error);
    void complete();
    void fail(Failure failure, const QString& message);
    void releaseSocket(bool reuse);

    QPointer<DirectConnectionPool> m_pool;
    QString m_host;
    quint16 m_port;
    QByteArray m_request; // the head, and a small body
    // A body of BodyPieces::kSpliceFrom or more, written after the head: as it is when it is one
    // piece, else a chunk at a time as the socket takes them (never joined whole).
    BodyPieces m_requestBody;
    qsizetype m_bodyWritten = 0;
    static constexpr qsizetype kChunkBytes = 256 * 1024;
    QTcpSocket* m_socket = nullptr;
    bool m_reused = false;
    bool m_retried = false;
    bool m_connected = false;
    qint64 m_unsent = 0;
    bool m_headEmitted = false;
    bool m_done = false;
    qint64 m_received = 0;
    HttpResponseParser m_parser;
    QByteArray m_body;
    QByteArray m_readBuffer; // reused for every read: one allocation per exchange, not per chunk
    Failure m_failure = Failure::None;
    QString m_errorString;
};
