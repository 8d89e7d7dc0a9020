#pragma once

#include <QObject>
#include <QString>

#include <memory>

class LedgerConnection;
class QTimer;

// The database side of SharedCooldowns, on a thread of its own: a connection that LISTENs on the
// channel and NOTIFYs on it. A server that hangs stalls this thread, never the gateway's. Every
// announcement is also kept in the ledger's cooldowns table with its end by the server's clock,
// and each time it starts listening (at start, after a reconnect) it reads the ones still in
// force there: a process started after a cooldown was announced learns it too.
class SharedCooldownChannel : public QObject
{
    Q_OBJECT

public:
    static constexpr const char* kChannel = "switchyard_cooldowns";
    static constexpr int kRetryMs = 5000;

    explicit SharedCooldownChannel(const QString& ledgerUrl);
    ~SharedCooldownChannel() override;

    // The message as NOTIFY carries it: {"kind", "id", "remainingMs", "reason"}.
    static QByteArray message(const QString& kind, const QString& id, qint64 remainingMs, const QString& reason);

public slots:
    void start();
    // remainingMs 0: the breaker closed.
    void publish(const QString& kind, const QString& id, qint64 remainingMs, const QString& reason);

signals:
    // Connected and listening (error empty), or why not (it retries every kRetryMs); also when
    // the connection is found gone (checked every kRetryMs).
    void listening(bool ok, const QString& error);
    // A message another process sent, or a cooldown in force found when listening started.
    void received(const QByteArray& message);

private:
    void check();
    bool connectAndListen(QString* error);
    // Emits received() for each cooldown the table holds that has not ended yet. A ledger whose
    // schema predates the table, or a role that may not read it, only loses this catch-up.
    void readInForce();

    QString m_url;
    std::unique_ptr<LedgerConnection> m_connection;
    QTimer* m_retry = nullptr;
    bool m_listening = false;
};
