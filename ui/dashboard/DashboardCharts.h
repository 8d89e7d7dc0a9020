#pragma once

#include "DashboardTypes.h"

#include <functional>

class QChart;
class QColor;
class QPalette;

// Builds the dashboard's charts from query results: axes with units, legends, colours from the
// palette, tooltips with exact values on hover. Clicks call `drill` with the base filter
// narrowed to what was clicked.
namespace DashboardCharts {
using DrillDown = std::function<void(const DrillDownQuery&)>;

struct Context
{
    LedgerFilter filter; // the dashboard's filter; its from/until bound the time axis
    LedgerBucket bucket = LedgerBucket::Day;
    QPalette const* palette = nullptr;
    DrillDown drill;
};

QColor seriesColor(int index);
// Spend stacked by key; the seven largest keys are kept and the rest summed as "other".
QChart* spend(const QList<SpendRow>& rows, LedgerSplit split, const Context& context);
QChart* tiers(const QList<TierUsageRow>& rows, const Context& context);
QChart* uptime(const UptimeReport& report, const Context& context);
QChart* failovers(const QList<FailoverCountRow>& rows, const Context& context);
QChart* latency(const QList<LatencyRow>& rows, const Context& context);
// Bucket starts covering the filter's period, which the time axes use for gaps without data.
QList<QDateTime> bucketStarts(const LedgerFilter& filter, LedgerBucket bucket);
qint64 bucketSeconds(LedgerBucket bucket);
int nearestBucket(const QList<QDateTime>& buckets, double msecs);
} // namespace DashboardCharts
