#pragma once

#include "core/alerts/WebhookTarget.h"
#include "core/ledger/FailoverRateRule.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

// The alert rules and where alerts go, from `alerts.json` in the home dir (a file of its own so
// routing.json stays the routing policy). Every field is optional; defaults are below.
//
//     { "provider_down":   { "failures": 5, "window_minutes": 5, "circuit_open": true },
//       "failover_rate":   { "percent": 10, "period_minutes": 60, "min_requests": 10 },
//       "latency_p95":     { "ms": 20000, "window_minutes": 15, "min_requests": 5 },
//       "budget":          { "thresholds_percent": [50, 80, 100] },
//       "key_over_budget": { "enabled": true },
//       "quota_exhausted": { "enabled": true },
//       "webhooks": [ { "url": "https://hooks.slack.com/...", "format": "slack" } ] }
//
// Each rule takes "enabled": false.
class AlertRules final
{
    Q_DECLARE_TR_FUNCTIONS(AlertRules)

public:
    static QString fileName() { return QStringLiteral("alerts.json"); }

    bool providerDown = true;
    int providerDownFailures = 5;
    int providerDownWindowSec = 5 * 60;
    bool providerDownOnCircuitOpen = true;

    bool failoverRate = true;
    double failoverRatePercent = 10;
    int failoverRatePeriodSec = 60 * 60;
    int failoverRateMinRequests = 10;
    // The threshold the alert, the dashboard and the routing editor share.
    FailoverRateRule failoverRateRule() const { return { failoverRatePercent, failoverRateMinRequests }; }

    bool latencyP95 = true;
    qint64 latencyP95Ms = 20000;
    int latencyP95WindowSec = 15 * 60;
    int latencyP95MinRequests = 5;

    bool budget = true;
    QList<int> budgetThresholdsPercent { 50, 80, 100 };
    bool keyOverBudget = true;
    bool quotaExhausted = true;

    QList<WebhookTarget> webhooks;

    // Nothing (and the errors, "alerts.json:3:14: ...") when the file is not valid; a missing
    // or empty file is not an error for the caller to read: it means the defaults.
    static std::optional<AlertRules> parse(const QByteArray& json, const QString& fileName, QStringList* errors);
    // The file in a home dir: the defaults when it does not exist.
    static std::optional<AlertRules> load(const QString& path, QStringList* errors);
};
