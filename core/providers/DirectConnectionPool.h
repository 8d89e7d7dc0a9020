#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QTcpSocket;

// Idle keep-alive connections for DirectHttpExchange, per host and port, in the owner's thread.
// Reusing a connection is what keeps a follow-up or fallback request off the handshake path.
class DirectConnectionPool : public QObject
{
    Q_OBJECT

public:
    explicit DirectConnectionPool(QObject* parent = nullptr);
    ~DirectConnectionPool() override;

    // An idle connected socket, or nullptr. The caller owns it from now on.
    QTcpSocket* take(const QString& host, quint16 port);
    // Hands a connection that finished a response cleanly back for reuse.
    void giveBack(QTcpSocket* socket, const QString& host, quint16 port);
    int idleCount() const;

    static constexpr int kMaxIdlePerHost = 128; // a busy gateway keeps one per concurrent client

private:
    static QString keyOf(const QString& host, quint16 port);
    void drop(QTcpSocket* socket);

    QHash<QString, QList<QTcpSocket*>> m_idle;
};
