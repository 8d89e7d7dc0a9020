#pragma once

#include <QObject>
#include <QString>

#include <memory>

class CooldownTracker;
class LedgerConnection;
class QTimer;
struct CooldownState;

// Cooldowns shared by every gateway and app on one PostgreSQL ledger: a deployment one of them
// found failing is skipped by all of them at once, instead of each paying for its own K failures.
// A breaker that opens here (or closes after its probe answered) is announced with NOTIFY on the
// channel kChannel; what other processes announce is adopted by this process's CooldownTracker.
// Half-open probes stay local: each process sends its own. Lives on a thread with an event loop
// (the driver's socket notifier delivers the notifications); reconnects every kRetryMs while the
// server is away.
class SharedCooldowns : public QObject
{
    Q_OBJECT

public:
    static constexpr const char* kChannel = "switchyard_cooldowns";
    static constexpr int kRetryMs = 5000;

    SharedCooldowns(const QString& ledgerUrl, CooldownTracker* tracker, QObject* parent = nullptr);
    ~SharedCooldowns() override;

    // Connects and listens; false with *error when the server cannot be reached (it retries).
    bool start(QString* error);
    bool isListening() const { return m_listening; }

signals:
    // A cooldown another process announced was applied here ("model"/"provider", its id).
    void adopted(const QString& kind, const QString& id, qint64 untilMs);

private:
    bool connectAndListen(QString* error);
    void publish(const QString& kind, const QString& id, const CooldownState& state);
    void onNotification(const QString& name, int source, const QVariant& payload);

    QString m_url;
    CooldownTracker* m_tracker;
    std::unique_ptr<LedgerConnection> m_connection;
    QTimer* m_retry;
    bool m_listening = false;
    bool m_adopting = false; // a peer's change is being applied: it is not announced again
    QString m_lastError;
};
