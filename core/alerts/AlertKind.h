#pragma once

#include <QList>
#include <QString>

#include <optional>

// What an alert is about; each kind is one rule of AlertRules.
enum class AlertKind
{
    ProviderDown, // N provider-fault failures within W minutes, or a circuit open
    FailoverRate, // a primary model failed over on more than X % of its requests over a period
    LatencyP95, // a model's p95 latency above a limit over a window
    BudgetThreshold, // a budget scope reached 50 / 80 / 100 % (each threshold its own alert)
    KeyOverBudget, // a gateway client key spent its daily or monthly budget
    QuotaExhausted, // a provider answered 429 insufficient_quota (its account is out of credit)
};

namespace AlertKinds {
// Stable ids for JSON (webhooks, alerts.json): "provider_down", "failover_rate", ...
QString id(AlertKind kind);
std::optional<AlertKind> fromId(const QString& id);
// Translated, for notifications and the alert log ("Provider down").
QString displayName(AlertKind kind);
QList<AlertKind> all();
} // namespace AlertKinds
