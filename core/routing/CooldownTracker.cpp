#include "core/routing/CooldownTracker.h"

#include <limits>

#include "core/common/Clock.h"

namespace {
qint64 nowMs()
{
    return Clock::instance().currentMSecsSinceEpoch();
}
} // namespace

CooldownTracker::CooldownTracker(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<CooldownState>();
}

bool CooldownTracker::countsTowardCooldown(FailureClass failureClass)
{
    return FailureClasses::isProviderFault(failureClass) || failureClass == FailureClass::RateLimited;
}

CooldownTracker::State CooldownTracker::stateOf(const Breaker& breaker, qint64 now)
{
    State state;
    if (breaker.untilMs == 0) {
        return state;
    }
    state.reason = breaker.reason;
    if (now < breaker.untilMs) {
        state.phase = State::CoolingDown;
        state.untilMs = breaker.untilMs;
    } else {
        state.phase = State::HalfOpen;
        state.probeTaken = breaker.probeTaken;
    }
    return state;
}

CooldownTracker::State CooldownTracker::state(const QString& modelId, const QString& providerId) const
{
    const qint64 now = nowMs();
    const State provider = stateOf(m_providers.value(providerId), now);
    if (provider.phase == State::CoolingDown) {
        State result = provider;
        result.providerWide = true;
        return result;
    }
    const State model = stateOf(m_models.value(modelId), now);
    if (model.phase != State::Available) {
        return model;
    }
    if (provider.phase == State::HalfOpen) {
        State result = provider;
        result.providerWide = true;
        return result;
    }
    return model;
}

bool CooldownTracker::tryAcquire(const QString& modelId, const QString& providerId)
{
    const State current = state(modelId, providerId);
    if (current.phase == State::CoolingDown || (current.phase == State::HalfOpen && current.probeTaken)) {
        return false;
    }
    if (current.phase == State::Available) {
        return true;
    }
    // Half-open: take the probe slot of each breaker that is half-open (model and/or provider).
    const qint64 now = nowMs();
    const auto model = m_models.find(modelId);
    if (model != m_models.end() && stateOf(*model, now).phase == State::HalfOpen) {
        if (model->probeTaken) {
            return false;
        }
        model->probeTaken = true;
    }
    const auto provider = m_providers.find(providerId);
    if (provider != m_providers.end() && stateOf(*provider, now).phase == State::HalfOpen) {
        provider->probeTaken = true;
    }
    emit stateChanged(modelId, state(modelId, providerId));
    return true;
}

void CooldownTracker::releaseProbe(const QString& modelId, const QString& providerId)
{
    bool changed = false;
    for (auto* table : { &m_models, &m_providers }) {
        const auto found = table->find(table == &m_models ? modelId : providerId);
        if (found != table->end() && found->probeTaken) {
            found->probeTaken = false;
            changed = true;
        }
    }
    if (changed) {
        emit stateChanged(modelId, state(modelId, providerId));
    }
}

void CooldownTracker::recordSuccess(const QString& modelId, const QString& providerId)
{
    const State before = state(modelId, providerId);
    m_models.remove(modelId);
    const auto provider = m_providers.find(providerId);
    // A success closes the provider breaker only once its cooldown is over (it was the probe).
    if (provider != m_providers.end() && stateOf(*provider, nowMs()).phase == State::HalfOpen) {
        m_providers.erase(provider);
        emit providerStateChanged(providerId, State());
    }
    if (before.phase != State::Available) {
        emit stateChanged(modelId, state(modelId, providerId));
    }
}

void CooldownTracker::open(Breaker& breaker, int seconds, const QString& reason, qint64 now)
{
    breaker.untilMs = now + qint64(seconds) * 1000;
    breaker.durationSec = seconds;
    breaker.probeTaken = false;
    breaker.reason = reason;
    breaker.failures.clear();
}

void CooldownTracker::recordFailure(const QString& modelId, const QString& providerId, FailureClass failureClass,
                                    const TierSettings& settings, qint64 retryAfterMs)
{
    const qint64 now = nowMs();
    const QString reason = FailureClasses::id(failureClass);
    const State before = state(modelId, providerId);
    if (failureClass == FailureClass::QuotaExhausted) {
        coolProvider(providerId, settings.quotaCooldownSec, reason);
        emit stateChanged(modelId, state(modelId, providerId));
        return;
    }
    const auto provider = m_providers.find(providerId);
    if (provider != m_providers.end() && provider->probeTaken && stateOf(*provider, now).phase == State::HalfOpen
        && countsTowardCooldown(failureClass)) {
        open(*provider, provider->durationSec, reason, now);
        emit providerStateChanged(providerId, stateOf(*provider, now));
    }
    if (!countsTowardCooldown(failureClass)) {
        return;
    }
    Breaker& breaker = m_models[modelId];
    const State modelBefore = stateOf(breaker, now);
    if (failureClass == FailureClass::RateLimited && retryAfterMs > settings.rateLimitWaitCapMs) {
        open(breaker, int(qMin<qint64>((retryAfterMs + 999) / 1000, std::numeric_limits<int>::max() / 1000)), reason,
             now);
    } else if (modelBefore.phase == State::HalfOpen) {
        // The probe failed (or a failure arrived while half-open): re-open at once.
        open(breaker, breaker.durationSec > 0 ? breaker.durationSec : settings.cooldown.durationSec, reason, now);
    } else if (modelBefore.phase == State::Available) {
        const qint64 windowStart = now - qint64(settings.cooldown.windowSec) * 1000;
        breaker.failures.removeIf([windowStart](qint64 at) { return at <= windowStart; });
        breaker.failures.append(now);
        if (breaker.failures.size() >= qMax(1, settings.cooldown.failures)) {
            open(breaker, settings.cooldown.durationSec, reason, now);
        }
    }
    const State after = state(modelId, providerId);
    if (after != before) {
        emit stateChanged(modelId, after);
    }
}

void CooldownTracker::coolProvider(const QString& providerId, int seconds, const QString& reason)
{
    Breaker& breaker = m_providers[providerId];
    const qint64 now = nowMs();
    open(breaker, seconds, reason, now);
    emit providerStateChanged(providerId, stateOf(breaker, now));
}

bool CooldownTracker::adopt(QHash<QString, Breaker>& table, const QString& id, qint64 untilMs, int durationSec,
                            const QString& reason)
{
    const auto found = table.find(id);
    if (untilMs <= 0) {
        // A peer's probe answered: the deployment is back for everyone.
        if (found == table.end() || found->untilMs == 0) {
            return false;
        }
        table.erase(found);
        return true;
    }
    if (found != table.end() && found->untilMs >= untilMs) {
        return false;
    }
    Breaker& breaker = table[id];
    breaker.untilMs = untilMs;
    breaker.durationSec = durationSec;
    breaker.probeTaken = false;
    breaker.reason = reason;
    breaker.failures.clear();
    return true;
}

void CooldownTracker::adoptModel(const QString& modelId, qint64 untilMs, int durationSec, const QString& reason)
{
    if (adopt(m_models, modelId, untilMs, durationSec, reason)) {
        emit stateChanged(modelId, stateOf(m_models.value(modelId), nowMs()));
    }
}

void CooldownTracker::adoptProvider(const QString& providerId, qint64 untilMs, int durationSec, const QString& reason)
{
    if (adopt(m_providers, providerId, untilMs, durationSec, reason)) {
        emit providerStateChanged(providerId, stateOf(m_providers.value(providerId), nowMs()));
    }
}

void CooldownTracker::clear()
{
    m_models.clear();
    m_providers.clear();
}
