#pragma once

#include "core/alerts/AlertRules.h"

#include <QObject>

class AlertMonitor;
class Engine;
class QTimer;
class WebhookSender;

// The alert rules as the app runs them: every request the engine records, the router's circuits
// and the budgets go to an AlertMonitor, and what fires or clears goes to the webhooks. Used by
// `switchyard serve`; the engine must outlive it.
class EngineAlerts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineAlerts)

public:
    // How often windows slide and circuits and budgets are read when nothing else happens.
    static constexpr int kEvaluateMs = 15000;

    EngineAlerts(Engine& engine, const AlertRules& rules, QObject* parent = nullptr);

    AlertMonitor* monitor() const { return m_monitor; }
    WebhookSender* webhooks() const { return m_webhooks; }
    // Circuits and budgets read now, windows slid to the clock's time.
    void evaluate();

private:
    void readCircuits();

    Engine& m_engine;
    AlertMonitor* m_monitor;
    WebhookSender* m_webhooks;
    QTimer* m_timer;
};
