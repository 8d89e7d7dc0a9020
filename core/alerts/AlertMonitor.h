#pragma once

#include "core/alerts/Alert.h"
#include "core/alerts/AlertRules.h"
#include "core/ledger/LedgerRecords.h"

#include <QHash>
#include <QObject>

// Evaluates AlertRules over finished requests (their ledger rows) and the states fed to it
// (circuits, budgets, client key spend). An alert fires once when its condition starts and
// clears once when it ends, with a band between the two (hysteresis) so a rate hovering at its
// threshold does not flap: rates and latencies clear below 80 % of their limit, failure counts
// at half of theirs, budgets below 90 % of the threshold. Time comes from Clock::instance();
// windows slide as evaluate() is called (a timer in the app, the mock clock in tests).
class AlertMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertMonitor)

public:
    static constexpr int kExamples = 5;

    explicit AlertMonitor(AlertRules rules = {}, QObject* parent = nullptr);

    void setRules(const AlertRules& rules);
    const AlertRules& rules() const { return m_rules; }

    void observe(const RequestRecord& record);
    // Whether any circuit of the provider is open now.
    void observeCircuit(const QString& providerId, bool open);
    // A budget scope's spent-and-reserved fraction of its limit (1.0 = the whole budget), of which
    // batchHeldFraction is held by running batch jobs (counted, not billed yet: the summary says so).
    void observeBudget(const QString& scopeId, double usedFraction, double batchHeldFraction = 0);
    void observeKeyBudget(const QString& keyId, double spentUsd, double limitUsd);
    // Re-checks the windowed rules at the clock's time (failures and requests age out).
    void evaluate();

    // Alerts firing now, oldest first.
    QList<Alert> active() const;

signals:
    void fired(const Alert& alert);
    void cleared(const Alert& alert);

private:
    struct Event
    {
        qint64 ms = 0;
        QString requestId;
        bool flagged = false; // a failover (failover rate); unused otherwise
        qint64 value = 0; // latency ms (latency p95)
    };
    using Events = QHash<QString, QList<Event>>;

    void checkProvider(const QString& providerId, qint64 now);
    void checkPrimary(const QString& modelId, qint64 now);
    void checkLatency(const QString& modelId, qint64 now);
    // Fires `alert` when `fire` and it is not active; clears it when `clear` and it is.
    void update(Alert alert, bool fire, bool clear);
    Alert make(AlertKind kind, const QString& subject) const;
    static void prune(QList<Event>* events, qint64 since);
    static QStringList examples(const QList<Event>& events, bool flaggedOnly);

    AlertRules m_rules;
    Events m_faults; // provider -> provider-fault failures
    Events m_primaries; // first model tried -> requests (flagged: failed over)
    Events m_latencies; // final model -> answered requests' latencies
    QHash<QString, bool> m_openCircuits; // provider -> a circuit is open
    QHash<QString, QStringList> m_quotaRequests; // provider -> requests that hit its quota since it fired
    QHash<QString, Alert> m_active; // by Alert::key()
    QList<QString> m_order; // keys of m_active in firing order
};
