#include "core/engine/EngineAlerts.h"

#include "core/alerts/AlertMonitor.h"
#include "core/alerts/WebhookSender.h"
#include "core/engine/Engine.h"
#include "core/pricing/BudgetTracker.h"
#include "core/routing/CooldownTracker.h"
#include "core/routing/Router.h"

#include <QSet>
#include <QTimer>

EngineAlerts::EngineAlerts(Engine& engine, const AlertRules& rules, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_monitor(new AlertMonitor(rules, this))
    , m_webhooks(new WebhookSender(rules.webhooks, this))
    , m_timer(new QTimer(this))
{
    connect(&engine, &Engine::requestRecorded, m_monitor, &AlertMonitor::observe);
    connect(m_monitor, &AlertMonitor::fired, m_webhooks, &WebhookSender::send);
    connect(m_monitor, &AlertMonitor::cleared, m_webhooks, &WebhookSender::send);
    CooldownTracker* cooldowns = engine.router()->cooldowns();
    connect(cooldowns, &CooldownTracker::stateChanged, this, &EngineAlerts::readCircuits);
    connect(cooldowns, &CooldownTracker::providerStateChanged, this, &EngineAlerts::readCircuits);
    connect(m_timer, &QTimer::timeout, this, &EngineAlerts::evaluate);
    m_timer->start(kEvaluateMs);
}

void EngineAlerts::readCircuits()
{
    // Cooldowns end lazily (when state() looks), so the circuits are read rather than only followed.
    QSet<QString> open;
    QSet<QString> providers;
    CooldownTracker* cooldowns = m_engine.router()->cooldowns();
    for (const ModelConfig& model : m_engine.models()) {
        providers.insert(model.providerId);
        if (cooldowns->state(model.id, model.providerId).phase == CooldownState::CoolingDown) {
            open.insert(model.providerId);
        }
    }
    for (const QString& provider : std::as_const(providers)) {
        m_monitor->observeCircuit(provider, open.contains(provider));
    }
}

void EngineAlerts::evaluate()
{
    readCircuits();
    for (const ScopeUsage& usage : m_engine.budgets()->usage()) {
        if (usage.limitUsd > 0) {
            m_monitor->observeBudget(usage.scope.id(), usage.usedFraction(), usage.batchHeldUsd / usage.limitUsd);
        }
    }
    m_monitor->evaluate();
}
