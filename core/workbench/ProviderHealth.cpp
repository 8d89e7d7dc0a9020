#include "ProviderHealth.h"

#include "common/Clock.h"
#include "pricing/BudgetTracker.h"
#include "routing/CooldownTracker.h"

#include <QCoreApplication>
#include <QSet>
#include <QTimer>

ProviderHealth::ProviderHealth(QObject* parent)
    : QObject(parent)
    , m_tick(new QTimer(this))
{
    // While something cools down the time left changes every second.
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &ProviderHealth::refresh);
}

void ProviderHealth::recordSuccess(const QString& providerId)
{
    if (providerId.isEmpty()) {
        return;
    }
    Entry& entry = m_entries[providerId];
    entry.state = State::Healthy;
    entry.at = Clock::instance().currentDateTimeUtc();
    emit changed(providerId);
}

void ProviderHealth::recordFailure(const QString& providerId, FailureClass failureClass, const QString& message)
{
    if (providerId.isEmpty() || !FailureClasses::isProviderFault(failureClass)) {
        return;
    }
    Entry& entry = m_entries[providerId];
    entry.state = State::Failing;
    entry.lastFailure = failureClass;
    entry.lastMessage = message;
    entry.at = Clock::instance().currentDateTimeUtc();
    emit changed(providerId);
}

void ProviderHealth::watchCooldowns(CooldownTracker* cooldowns, const QList<ModelConfig>& models)
{
    if (m_cooldowns) {
        m_cooldowns->disconnect(this);
    }
    m_cooldowns = cooldowns;
    m_models = models;
    if (cooldowns) {
        connect(cooldowns, &CooldownTracker::stateChanged, this, &ProviderHealth::refresh);
        connect(cooldowns, &CooldownTracker::providerStateChanged, this, &ProviderHealth::refresh);
    }
    refresh();
}

void ProviderHealth::watchBudgets(BudgetTracker* budgets)
{
    if (m_budgets) {
        m_budgets->disconnect(this);
    }
    m_budgets = budgets;
    if (budgets) {
        connect(budgets, &BudgetTracker::limitReached, this, &ProviderHealth::refresh);
        connect(budgets, &BudgetTracker::thresholdReached, this, &ProviderHealth::refresh);
        connect(budgets, &BudgetTracker::settingsChanged, this, &ProviderHealth::refresh);
    }
    refresh();
}

ProviderHealth::Overlay ProviderHealth::overlayFor(const QString& providerId) const
{
    Overlay overlay;
    if (m_cooldowns) {
        for (const ModelConfig& model : m_models) {
            if (model.providerId != providerId) {
                continue;
            }
            const CooldownState state = m_cooldowns->state(model.id, providerId);
            if (state.phase == CooldownState::CoolingDown) {
                overlay.coolingUntilMs = qMax(overlay.coolingUntilMs, state.untilMs);
                overlay.coolingModels.append(model.id);
            }
        }
    }
    if (m_budgets) {
        for (const ScopeUsage& usage : m_budgets->usage(providerId)) {
            // Spent, not merely reserved: calls in flight do not flash "over budget".
            if (usage.limitUsd > 0 && usage.spentUsd >= usage.limitUsd) {
                overlay.budgetScope = usage.scope.displayName();
                break;
            }
        }
    }
    return overlay;
}

void ProviderHealth::refresh()
{
    QSet<QString> providers;
    for (const ModelConfig& model : std::as_const(m_models)) {
        providers.insert(model.providerId);
    }
    for (auto it = m_overlays.cbegin(); it != m_overlays.cend(); ++it) {
        providers.insert(it.key());
    }
    bool cooling = false;
    const qint64 now = Clock::instance().currentMSecsSinceEpoch();
    for (const QString& providerId : std::as_const(providers)) {
        const Overlay overlay = overlayFor(providerId);
        const bool coolingNow = overlay.coolingUntilMs > now;
        cooling = cooling || coolingNow;
        const Overlay before = m_overlays.value(providerId);
        if (overlay == Overlay {}) {
            m_overlays.remove(providerId);
        } else {
            m_overlays.insert(providerId, overlay);
        }
        if (overlay != before || coolingNow) {
            emit changed(providerId);
        }
    }
    if (cooling && !m_tick->isActive()) {
        m_tick->start();
    } else if (!cooling) {
        m_tick->stop();
    }
}

ProviderHealth::Entry ProviderHealth::entry(const QString& providerId) const
{
    Entry entry = m_entries.value(providerId);
    const Overlay overlay = m_overlays.value(providerId);
    const qint64 left = overlay.coolingUntilMs - Clock::instance().currentMSecsSinceEpoch();
    if (!overlay.budgetScope.isEmpty()) {
        entry.state = State::OverBudget;
        entry.budgetScope = overlay.budgetScope;
    } else if (left > 0) {
        entry.state = State::CoolingDown;
    }
    if (left > 0) {
        entry.coolingLeftMs = left;
        entry.coolingModels = overlay.coolingModels;
    }
    return entry;
}

QString ProviderHealth::formatTimeLeft(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60) {
        return QCoreApplication::translate("ProviderHealth", "%1 s").arg(seconds);
    }
    const qint64 minutes = (seconds + 59) / 60;
    if (minutes < 60) {
        return QCoreApplication::translate("ProviderHealth", "%1 min").arg(minutes);
    }
    return QCoreApplication::translate("ProviderHealth", "%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}
