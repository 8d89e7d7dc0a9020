#pragma once

#include "core/common/ProviderTypes.h"
#include "core/pricing/BudgetTypes.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <QObject>

#include <functional>

// Daily and monthly spend limits, global and per provider, enforced before requests go out.
//
// Spend of a period = what the spend source (the ledger) reports for [period start, baseline)
// + what this tracker committed since the baseline, where the baseline is the moment the source
// was set. So a request is never counted twice, however late the ledger writes its row.
// In-flight requests count at their worst case (prompt + max tokens at the model's price) from
// reserve() until commit() or release(), so parallel requests cannot overshoot a limit together.
//
// Free models (known zero price) are exempt; unpriced models reserve nothing and are reported as
// "unpriced". Days and months follow settings().timeZone and Clock::instance().
// Thread-safe; signals are emitted after the internal lock is released.
class BudgetTracker : public QObject
{
    Q_OBJECT

public:
    using SpendSource = std::function<double(const QString& providerId /* empty = all */, const QDateTime& from,
                                             const QDateTime& until)>;

    explicit BudgetTracker(QObject* parent = nullptr);

    void setSettings(const BudgetSettings& settings);
    BudgetSettings settings() const;
    // Also moves the baseline to now and forgets committed amounts: the source has them, or will.
    void setSpendSource(SpendSource source);
    // What the provider batch jobs of providerId (every provider when empty) submitted at or after
    // `from` hold now: their worst cases until their results are recorded (ScopeUsage::batchHeldUsd).
    // Unlike spend, a hold ends when any process records the job's results, so the answer is asked
    // again once it is kBatchHoldRefreshSecs old.
    using BatchHoldSource = std::function<double(const QString& providerId /* empty = all */, const QDateTime& from)>;
    void setBatchHoldSource(BatchHoldSource source);
    static constexpr int kBatchHoldRefreshSecs = 60;
    // This process took or settled a batch job's hold: the source is asked again at the next look.
    void batchHoldsChanged();

    // The worst case is CostCalculator::estimateWorstCase of the whole request, at the
    // long-context rates when its prompt crosses the tier.
    BudgetCheck check(const QString& providerId, const QString& modelId, const ModelPrice& price,
                      const BudgetRequest& request) const;
    Reservation reserve(const QString& providerId, const QString& modelId, const ModelPrice& price,
                        const BudgetRequest& request);
    // The same for a plain prompt of promptTokens and maxTokens of output.
    BudgetCheck check(const QString& providerId, const QString& modelId, const ModelPrice& price, qint64 promptTokens,
                      qint64 maxTokens) const;
    Reservation reserve(const QString& providerId, const QString& modelId, const ModelPrice& price, qint64 promptTokens,
                        qint64 maxTokens);
    // Spend that went out without a reservation (a call made outside the router), counted now.
    void addSpend(const QString& providerId, double costUsd);
    // Replaces the reservation by the real cost (0 for an unpriced call). False for an unknown id.
    bool commit(quint64 reservationId, double actualCostUsd);
    bool release(quint64 reservationId);

    // The period around `now` in the settings' time zone: its first instant (UTC) and its key
    // ("2026-03-02" for a day, "2026-03" for a month).
    QDateTime periodStart(BudgetPeriod period, const QDateTime& now) const;
    QString periodKey(BudgetPeriod period, const QDateTime& now) const;

    // Where every limit that applies to providerId stands (global ones only when empty).
    QList<ScopeUsage> usage(const QString& providerId = {}) const;
    int activeReservations() const;

signals:
    void thresholdReached(const BudgetScope& scope, double fraction);
    void limitReached(const BudgetScope& scope);
    // New limits: views showing where budgets stand read them again.
    void settingsChanged();

private:
    struct Held
    {
        QString providerId;
        double amountUsd = 0;
    };
    struct PendingSignal
    {
        BudgetScope scope;
        double fraction = 0;
        bool limit = false;
    };

    BudgetCheck checkLocked(const QString& providerId, const QString& modelId, const ModelPrice& price,
                            const BudgetRequest& request) const;
    void addSpendLocked(const QString& providerId, double costUsd, QList<PendingSignal>* pending);
    QList<ScopeUsage> scopesLocked(const QString& providerId, double requestUsd) const;
    double spentLocked(const BudgetScope& scope, const QDateTime& now) const;
    double sourceSpendLocked(const QString& providerId, const QDateTime& from) const;
    double batchHeldLocked(const QString& providerId, const QDateTime& from, const QDateTime& now) const;
    // Queues thresholdReached/limitReached for scopes not yet signalled in their current period.
    void collectSignalsLocked(const QList<ScopeUsage>& scopes, QList<PendingSignal>* out);
    void emitSignals(const QList<PendingSignal>& pending);

    mutable QMutex m_mutex;
    BudgetSettings m_settings;
    SpendSource m_source;
    QDateTime m_baseline; // UTC
    // Committed since the baseline: provider id ("" = all providers) -> local date -> USD.
    QHash<QString, QMap<QDate, double>> m_committed;
    QHash<quint64, Held> m_held;
    quint64 m_nextId = 1;
    // Source answers for a closed range never change: provider + period start -> USD.
    mutable QHash<QString, double> m_sourceCache;
    BatchHoldSource m_batchHolds;
    struct HeldAnswer
    {
        double amountUsd = 0;
        QDateTime askedAt;
    };
    mutable QHash<QString, HeldAnswer> m_batchHeldCache; // provider + period start -> the last answer
    QHash<QString, QString> m_thresholdSignalled; // scope id -> period key
    QHash<QString, QString> m_limitSignalled;
};
