#pragma once

#include "core/ledger/DashboardTypes.h"

#include <functional>

class QColor;
class QPalette;

// What the dashboard's charts (SpendChart, TierChart, UptimeChart, FailoverChart, LatencyChart)
// share: the context of a refresh, series colours and time buckets. Clicks call `drill` with the
// base filter narrowed to what was clicked.
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
// Bucket starts covering the filter's period, which the time axes use for gaps without data.
QList<QDateTime> bucketStarts(const LedgerFilter& filter, LedgerBucket bucket);
qint64 bucketSeconds(LedgerBucket bucket);
int nearestBucket(const QList<QDateTime>& buckets, double msecs);
// The bucket whose span holds x (msecs): the last one starting at or before it.
int bucketAt(const QList<QDateTime>& buckets, double msecs);
} // namespace DashboardCharts
