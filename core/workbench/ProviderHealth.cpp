#include "core/workbench/ProviderHealth.h"

#include "core/common/Clock.h"
#include "core/ledger/LedgerRecords.h"
#include "core/pricing/BudgetTracker.h"
#include "core/routing/CooldownTracker.h"

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

void ProviderHealth::recordSuccess(const QString& providerId, const QString& modelId)
{
    if (providerId.isEmpty()) {
        return;
    }
    const QDateTime now = Clock::instance().currentDateTimeUtc();
    Entry& entry = m_entries[providerId];
    entry = Entry {};
    entry.state = State::Healthy;
    entry.at = now;
    if (!modelId.isEmpty()) {
        Entry& model = m_modelEntries[modelId];
        model = Entry {};
        model.state = State::Healthy;
        model.at = now;
        m_modelProviders.insert(modelId, providerId);
    }
    emit changed(providerId);
}

void ProviderHealth::recordFailure(const QString& providerId, FailureClass failureClass, const QString& message,
                                   const QString& modelId, int httpStatus)
{
    if (providerId.isEmpty() || !FailureClasses::isProviderFault(failureClass)) {
        return;
    }
    Entry& entry = modelId.isEmpty() ? m_entries[providerId] : m_modelEntries[modelId];
    entry.state = State::Failing;
    entry.lastFailure = failureClass;
    entry.lastMessage = message;
    entry.reason = httpStatus > 0 ? QCoreApplication::translate("ProviderHealth", "HTTP %1").arg(httpStatus)
                                  : FailureClasses::displayName(failureClass);
    entry.at = Clock::instance().currentDateTimeUtc();
    if (!modelId.isEmpty()) {
        m_modelProviders.insert(modelId, providerId);
    }
    emit changed(providerId);
}

void ProviderHealth::recordRequest(const RequestRecord& record)
{
    for (const AttemptRecord& attempt : record.attempts) {
        switch (attempt.outcome) {
        case AttemptOutcome::Ok:
            recordSuccess(attempt.providerId, attempt.modelId);
            break;
        case AttemptOutcome::Failed:
            recordFailure(attempt.providerId, FailureClasses::fromId(attempt.failureClass), attempt.message,
                          attempt.modelId, attempt.httpStatus);
            break;
        case AttemptOutcome::HedgeLost:
        case AttemptOutcome::Cancelled:
            break;
        }
    }
    if (!record.attempts.isEmpty() || record.finalProvider.isEmpty()) {
        return;
    }
    if (record.status == RequestStatus::Failed) {
        recordFailure(record.finalProvider, FailureClasses::fromId(record.failureClass), record.errorMessage,
                      record.finalModel);
    } else if (record.status == RequestStatus::Ok) {
        recordSuccess(record.finalProvider, record.finalModel);
    }
}

void ProviderHealth::setSimulatedFaults(const QHash<QString, QString>& models, const QHash<QString, QString>& providers)
{
    QSet<QString> touched;
    // A fault switched off takes the failures it caused with it: the provider is no longer known down.
    for (auto it = m_simulatedModels.cbegin(); it != m_simulatedModels.cend(); ++it) {
        if (!models.contains(it.key())) {
            m_modelEntries.remove(it.key());
        }
    }
    for (auto it = m_simulatedProviders.cbegin(); it != m_simulatedProviders.cend(); ++it) {
        if (!providers.contains(it.key())) {
            m_entries.remove(it.key());
            for (const QString& model : modelsOf(it.key())) {
                m_modelEntries.remove(model);
            }
        }
    }
    for (const QHash<QString, QString>* map : { &std::as_const(m_simulatedModels), &models }) {
        for (auto it = map->cbegin(); it != map->cend(); ++it) {
            touched.insert(providerOf(it.key()));
        }
    }
    for (const QHash<QString, QString>* map : { &std::as_const(m_simulatedProviders), &providers }) {
        for (auto it = map->cbegin(); it != map->cend(); ++it) {
            touched.insert(it.key());
        }
    }
    m_simulatedModels = models;
    m_simulatedProviders = providers;
    for (const QString& providerId : std::as_const(touched)) {
        if (!providerId.isEmpty()) {
            emit changed(providerId);
        }
    }
}

QString ProviderHealth::providerOf(const QString& modelId) const
{
    for (const ModelConfig& model : m_models) {
        if (model.id == modelId) {
            return model.providerId;
        }
    }
    return m_modelProviders.value(modelId);
}

QStringList ProviderHealth::modelsOf(const QString& providerId) const
{
    QStringList models;
    for (const ModelConfig& model : m_models) {
        if (model.providerId == providerId) {
            models.append(model.id);
        }
    }
    for (auto it = m_modelProviders.cbegin(); it != m_modelProviders.cend(); ++it) {
        if (it.value() == providerId && !models.contains(it.key())) {
            models.append(it.key());
        }
    }
    return models;
}

ProviderHealth::Entry ProviderHealth::modelEntry(const QString& modelId, const QString& providerId) const
{
    if (const QString reason = m_simulatedModels.value(modelId); !reason.isEmpty()) {
        Entry entry;
        entry.state = State::Failing;
        entry.reason = reason;
        return entry;
    }
    const Entry provider = evidence(providerId);
    if (provider.state == State::Failing && provider.downModels.isEmpty()) {
        return provider; // the whole provider is down
    }
    return m_modelEntries.value(modelId);
}

ProviderHealth::Entry ProviderHealth::evidence(const QString& providerId) const
{
    Entry entry = m_entries.value(providerId);
    if (const QString reason = m_simulatedProviders.value(providerId); !reason.isEmpty()) {
        entry.state = State::Failing;
        entry.reason = reason;
        return entry;
    }
    if (entry.state == State::Failing) {
        return entry;
    }
    const QStringList models = modelsOf(providerId);
    Entry lastDown;
    for (const QString& model : models) {
        Entry modelEvidence = m_modelEntries.value(model);
        if (const QString reason = m_simulatedModels.value(model); !reason.isEmpty()) {
            modelEvidence.state = State::Failing;
            modelEvidence.reason = reason;
        }
        if (modelEvidence.state == State::Failing) {
            entry.downModels.append(model);
            lastDown = modelEvidence;
        }
    }
    if (!entry.downModels.isEmpty()) {
        entry.state = entry.downModels.size() == models.size() ? State::Failing : State::Degraded;
        entry.lastFailure = lastDown.lastFailure;
        entry.lastMessage = lastDown.lastMessage;
        entry.reason = lastDown.reason;
    }
    return entry;
}

QString ProviderHealth::stateText(State state)
{
    switch (state) {
    case State::Healthy:
        return QCoreApplication::translate("ProviderHealth", "up");
    case State::Degraded:
        return QCoreApplication::translate("ProviderHealth", "degraded");
    case State::Failing:
        return QCoreApplication::translate("ProviderHealth", "down");
    case State::CoolingDown:
        return QCoreApplication::translate("ProviderHealth", "cooling down");
    case State::OverBudget:
        return QCoreApplication::translate("ProviderHealth", "over budget");
    case State::Unknown:
        break;
    }
    return QCoreApplication::translate("ProviderHealth", "no calls yet");
}

QString ProviderHealth::describe(const Entry& entry)
{
    const QString state = stateText(entry.state);
    if ((entry.state == State::Failing || entry.state == State::Degraded) && !entry.reason.isEmpty()) {
        return QCoreApplication::translate("ProviderHealth", "%1 (%2)").arg(state, entry.reason);
    }
    return state;
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
        const double warnAt = m_budgets->settings().warnAt;
        for (const ScopeUsage& usage : m_budgets->usage(providerId)) {
            // Only the provider's own limits: the global one is shown once (globalBudgetWarning).
            if (usage.scope.providerId.isEmpty() || usage.limitUsd <= 0) {
                continue;
            }
            // Spent (a running batch job's hold counts: it may bill all of it), not merely reserved:
            // calls in flight do not flash "over budget".
            const double fraction = usage.countedUsd() / usage.limitUsd;
            if (fraction >= 1) {
                overlay.budgetScope = usage.scope.displayName();
                break;
            }
            if (fraction >= warnAt) {
                overlay.budgetPercent = qMax(overlay.budgetPercent, qRound(fraction * 100));
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
    const std::optional<ScopeUsage> global = globalBudgetWarning();
    const int globalPercent = global ? qMax(1, qRound(global->countedUsd() / global->limitUsd * 100)) : 0;
    if (globalPercent != m_globalBudgetPercent) {
        m_globalBudgetPercent = globalPercent;
        emit globalBudgetChanged();
    }
    if (cooling && !m_tick->isActive()) {
        m_tick->start();
    } else if (!cooling) {
        m_tick->stop();
    }
}

ProviderHealth::Entry ProviderHealth::entry(const QString& providerId) const
{
    Entry entry = evidence(providerId);
    const Overlay overlay = m_overlays.value(providerId);
    const qint64 left = overlay.coolingUntilMs - Clock::instance().currentMSecsSinceEpoch();
    entry.budgetPercent = overlay.budgetPercent;
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

std::optional<ScopeUsage> ProviderHealth::globalBudgetWarning() const
{
    if (!m_budgets) {
        return std::nullopt;
    }
    const double warnAt = m_budgets->settings().warnAt;
    std::optional<ScopeUsage> most;
    for (const ScopeUsage& usage : m_budgets->usage()) {
        if (!usage.scope.providerId.isEmpty() || usage.limitUsd <= 0 || usage.countedUsd() < usage.limitUsd * warnAt) {
            continue;
        }
        if (!most || usage.countedUsd() / usage.limitUsd > most->countedUsd() / most->limitUsd) {
            most = usage;
        }
    }
    return most;
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
