#pragma once

#include "core/common/FailureClass.h"
#include "core/routing/RoutingPolicy.h"

#include <QHash>
#include <QList>
#include <QObject>

// Health of one deployment (model id) as the router sees it; a circuit breaker per deployment.
struct CooldownState
{
    enum Phase
    {
        Available, // requests go through
        CoolingDown, // skipped until untilMs
        HalfOpen, // cooldown over: exactly one probe request may go through
    };
    Phase phase = Available;
    qint64 untilMs = 0; // CoolingDown: when it ends (Clock ms since epoch)
    bool probeTaken = false; // HalfOpen: the probe is in flight, others are skipped
    bool providerWide = false; // the whole provider is cooling down (quota exhausted)
    QString reason; // failure class id that caused the cooldown, e.g. "server_error"

    bool operator==(const CooldownState&) const = default;
};

// Counts failures per deployment and per provider. After K provider-health failures within W
// seconds a deployment cools down for C seconds; then one probe is let through: success closes
// the breaker, failure re-opens it for another C seconds. Quota exhausted cools the whole
// provider down (TierSettings::quotaCooldownSec), with a half-open probe afterwards as well.
// Time comes from Clock::instance(); time-based transitions are observed lazily by state().
class CooldownTracker : public QObject
{
    Q_OBJECT

public:
    using State = CooldownState;

    explicit CooldownTracker(QObject* parent = nullptr);

    State state(const QString& modelId, const QString& providerId) const;
    // True when a request may go to this deployment now. In half-open it takes the probe slot,
    // so a second caller gets false until the probe is recorded or released.
    bool tryAcquire(const QString& modelId, const QString& providerId);
    // Gives back a probe slot that was acquired but not used to completion (cancelled request).
    void releaseProbe(const QString& modelId, const QString& providerId);

    void recordSuccess(const QString& modelId, const QString& providerId);
    // retryAfterMs: when the provider named a wait longer than the tier waits for a rate limit
    // (retry-after, retry-after-ms, Azure's "retry after N seconds"), the deployment cools down
    // for that long at once, whatever the failure count.
    void recordFailure(const QString& modelId, const QString& providerId, FailureClass failureClass,
                       const TierSettings& settings, qint64 retryAfterMs = -1);
    // Cools a whole provider down, e.g. quota exhausted.
    void coolProvider(const QString& providerId, int seconds, const QString& reason);

    // A breaker another process on the same ledger opened (untilMs > 0, a cooldown of durationSec
    // that ends then) or closed (untilMs 0: its probe answered). Applied as if it had happened
    // here, unless the breaker already cools down longer; emits as a local change does.
    void adoptModel(const QString& modelId, qint64 untilMs, int durationSec, const QString& reason);
    void adoptProvider(const QString& providerId, qint64 untilMs, int durationSec, const QString& reason);

    // Whether a failure class counts toward K (provider health and rate limits do; bad requests,
    // auth and cancellation say nothing about the deployment's health).
    static bool countsTowardCooldown(FailureClass failureClass);
    void clear();

signals:
    void stateChanged(const QString& modelId, const CooldownState& state);
    void providerStateChanged(const QString& providerId, const CooldownState& state);

private:
    struct Breaker
    {
        QList<qint64> failures; // timestamps inside the window
        qint64 untilMs = 0; // 0: closed
        int durationSec = 0; // to re-open after a failed probe
        bool probeTaken = false;
        QString reason;
    };

    static State stateOf(const Breaker& breaker, qint64 now);
    // True when the breaker changed.
    static bool adopt(QHash<QString, Breaker>& table, const QString& id, qint64 untilMs, int durationSec,
                      const QString& reason);
    void open(Breaker& breaker, int seconds, const QString& reason, qint64 now);

    QHash<QString, Breaker> m_models;
    QHash<QString, Breaker> m_providers;
};

#include <QMetaType>
Q_DECLARE_METATYPE(CooldownState)
