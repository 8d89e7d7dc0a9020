#include "ui/dashboard/PrimaryAdvice.h"

#include "ui/dashboard/ChartStyle.h"

#include <climits>
#include <cmath>

QString PrimaryAdvice::failoverRate(const PrimaryReview::Row& row)
{
    return row.requests > 0 ? ChartStyle::formatPercent(row.failoverPercent, 1) : QStringLiteral("—");
}

QString PrimaryAdvice::uptime(const PrimaryReview::Health& health)
{
    const std::optional<double> share = health.providerUptime();
    return share ? ChartStyle::formatPercent(*share * 100, 1) : QStringLiteral("—");
}

QString PrimaryAdvice::evidence(const PrimaryReview::Row& row)
{
    if (row.requests == 0) {
        return tr("No requests of this tier tried %1 first in the period.").arg(row.primary.model);
    }
    QString text = tr("%1 failed over on %2 of %Ln request(s).", nullptr, int(qMin<qint64>(row.requests, INT_MAX)))
                       .arg(row.primary.model, failoverRate(row));
    if (row.primary.providerUptime() && !row.primary.provider.isEmpty()) {
        text += QLatin1Char(' ') + tr("%1 answered %2 of its attempts.").arg(row.primary.provider, uptime(row.primary));
    }
    return text;
}

QString PrimaryAdvice::suggestion(const PrimaryReview::Row& row)
{
    if (!row.reconsider) {
        return {};
    }
    if (row.fallbacks.isEmpty()) {
        return tr("Reconsider this primary: its chain has no fallback to promote.");
    }
    const PrimaryReview::Health* best = row.bestFallback();
    if (!best) {
        return tr("Reconsider this primary: no fallback has attempts in the period to judge it by.");
    }
    const std::optional<double> own = best->successShare();
    if (own) {
        return tr("Reconsider this primary: promote %1, %2 of whose attempts succeeded.")
            .arg(best->model, ChartStyle::formatPercent(*own * 100, 1));
    }
    return tr("Reconsider this primary: promote %1 (its provider %2 answered %3 of its attempts).")
        .arg(best->model, best->provider, uptime(*best));
}

QString PrimaryAdvice::thresholdNote(const FailoverRateRule& rule)
{
    return tr("Marked: a primary that failed over on more than %1 of at least %Ln request(s) (the failover-rate "
              "alert's threshold, alerts.json).",
              nullptr, int(rule.minRequests))
        .arg(ChartStyle::formatPercent(rule.percent, rule.percent == std::floor(rule.percent) ? 0 : 1));
}
