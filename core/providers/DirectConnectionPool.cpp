#include "core/providers/DirectConnectionPool.h"

#include <QTcpSocket>

DirectConnectionPool::DirectConnectionPool(QObject* parent)
    : QObject(parent)
{
}

DirectConnectionPool::~DirectConnectionPool() = default; // idle sockets are children

QString DirectConnectionPool::keyOf(const QString& host, quint16 port)
{
    return host + QLatin1Char(':') + QString::number(port);
}

QTcpSocket* DirectConnectionPool::take(const QString& host, quint16 port)
{
    auto it = m_idle.find(keyOf(host, port));
    while (it != m_idle.end() && !it->isEmpty()) {
        QTcpSocket* socket = it->takeLast();
        socket->disconnect(this);
        // Bytes on an idle connection were never asked for; a closed one cannot carry a request.
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0) {
            socket->setParent(nullptr);
            return socket;
        }
        socket->abort();
        socket->deleteLater();
    }
    return nullptr;
}

void DirectConnectionPool::giveBack(QTcpSocket* socket, const QString& host, quint16 port)
{
    QList<QTcpSocket*>& idle = m_idle[keyOf(host, port)];
    if (idle.size() >= kMaxIdlePerHost || socket->state() != QAbstractSocket::ConnectedState) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->disconnect();
    socket->setParent(this);
    idle.append(socket);
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { drop(socket); });
}

void DirectConnectionPool::drop(QTcpSocket* socket)
{
    for (auto& idle : m_idle) {
        if (idle.removeOne(socket)) {
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
            return;
        }
    }
}

int DirectConnectionPool::idleCount() const
{
    int count = 0;
    for (const auto& idle : m_idle) {
        count += idle.size();
    }
    return count;
}
