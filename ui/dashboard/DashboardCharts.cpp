#include "ui/dashboard/DashboardCharts.h"

#include <QColor>
#include <QDateTime>

namespace DashboardCharts {
int nearestBucket(const QList<QDateTime>& buckets, double x)
{
    int best = 0;
    double bestDistance = -1;
    for (int i = 0; i < buckets.size(); ++i) {
        const double d = qAbs(double(buckets[i].toMSecsSinceEpoch()) - x);
        if (bestDistance < 0 || d < bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    return best;
}

int bucketAt(const QList<QDateTime>& buckets, double x)
{
    int found = 0;
    for (int i = 0; i < buckets.size(); ++i) {
        if (double(buckets[i].toMSecsSinceEpoch()) <= x) {
            found = i;
        }
    }
    return found;
}

QColor seriesColor(int index)
{
    // Tableau 10: distinct on light and dark backgrounds alike.
    static const QRgb colors[]
        = { 0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac };
    return QColor(colors[index % 10]);
}

qint64 bucketSeconds(LedgerBucket bucket)
{
    switch (bucket) {
    case LedgerBucket::Hour:
        return 3600;
    case LedgerBucket::Day:
        return 86400;
    case LedgerBucket::Week:
        return 7 * 86400;
    case LedgerBucket::Month:
        return 31 * 86400;
    }
    return 86400;
}

QList<QDateTime> bucketStarts(const LedgerFilter& filter, LedgerBucket bucket)
{
    const qint64 step = bucketSeconds(bucket);
    qint64 t = filter.from.toSecsSinceEpoch();
    t -= t % step; // rollup buckets start on whole UTC hours and days
    QList<QDateTime> starts;
    for (; t < filter.until.toSecsSinceEpoch(); t += step) {
        starts << QDateTime::fromSecsSinceEpoch(t, Qt::UTC);
    }
    return starts;
}
} // namespace DashboardCharts
