#pragma once

#include <QObject>
#include <QString>
#include <QThread>

class CooldownTracker;
class SharedCooldownChannel;
struct CooldownState;

// Cooldowns shared by every gateway and app on one PostgreSQL ledger: a deployment one of them
// found failing is skipped by all of them at once, instead of each paying for its own K failures.
// A breaker that opens here (or closes after its probe answered) is announced with NOTIFY on the
// channel SharedCooldownChannel::kChannel; what other processes announce is adopted by this
// process's CooldownTracker. Half-open probes stay local: each process sends its own. The
// database is asked on a thread of its own (SharedCooldownChannel), so a server that hangs never
// stalls requests; while it is away each process keeps its own breakers and reconnects.
class SharedCooldowns : public QObject
{
    Q_OBJECT

public:
    SharedCooldowns(const QString& ledgerUrl, CooldownTracker* tracker, QObject* parent = nullptr);
    ~SharedCooldowns() override;

    // Connects and listens in the background; listeningChanged() says how it went.
    void start();
    bool isListening() const { return m_listening; }
    QString errorString() const { return m_error; }

signals:
    void listeningChanged(bool listening, const QString& error);
    // A cooldown another process announced was applied here ("model"/"provider", its id).
    void adopted(const QString& kind, const QString& id, qint64 untilMs);

private:
    void publish(const QString& kind, const QString& id, const CooldownState& state);
    void adopt(const QByteArray& message);

    CooldownTracker* m_tracker;
    QThread m_thread;
    SharedCooldownChannel* m_channel; // lives on m_thread
    bool m_listening = false;
    bool m_adopting = false; // a peer's change is being applied: it is not announced again
    QString m_error;
};
