#pragma once

#include <QObject>
#include <QString>

#include <memory>

class LedgerConnection;
class QTimer;

// The database side of SharedCooldowns, on a thread of its own: a connection that LISTENs on the
// channel and NOTIFYs on it. A server that hangs stalls this thread, never the gateway's.
class SharedCooldownChannel : public QObject
{
    Q_OBJECT

public:
    static constexpr const char* kChannel = "switchyard_cooldowns";
    static constexpr int kRetryMs = 5000;

    explicit SharedCooldownChannel(const QString& ledgerUrl);
    ~SharedCooldownChannel() override;

public slots:
    void start();
    void publish(const QByteArray& message);

signals:
    // Connected and listening (error empty), or why not (it retries every kRetryMs).
    void listening(bool ok, const QString& error);
    // A message another process sent.
    void received(const QByteArray& message);

private:
    bool connectAndListen(QString* error);

    QString m_url;
    std::unique_ptr<LedgerConnection> m_connection;
    QTimer* m_retry = nullptr;
    bool m_listening = false;
};
