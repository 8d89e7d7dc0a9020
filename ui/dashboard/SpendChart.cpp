#include "ui/dashboard/SpendChart.h"

#include "core/common/Money.h"
#include "ui/dashboard/ChartStyle.h"

#include <QAreaSeries>
#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace {
// Adds the clicked key to the filter list that matches the split.
void narrowTo(LedgerFilter* filter, LedgerSplit split, const QString& key)
{
    switch (split) {
    case LedgerSplit::Model:
        filter->models = { key };
        break;
    case LedgerSplit::Provider:
        filter->providers = { key };
        break;
    case LedgerSplit::Tier:
        filter->tiers = { key };
        break;
    case LedgerSplit::None:
        break;
    }
}
} // namespace

SpendChart::SpendChart()
    : m_xAxis(ChartStyle::timeAxis())
    , m_yAxis(ChartStyle::valueAxis(QString(), QStringLiteral("$%.2f")))
{
    addAxis(m_xAxis, Qt::AlignBottom);
    addAxis(m_yAxis, Qt::AlignLeft);
}

QAreaSeries* SpendChart::addArea()
{
    const int key = int(m_areas.size());
    auto* area = new QAreaSeries(new QLineSeries(this), new QLineSeries(this));
    addSeries(area);
    area->attachAxis(m_xAxis);
    area->attachAxis(m_yAxis);
    connect(area, &QAreaSeries::hovered, this,
            [this, key](const QPointF& point, bool state) { hover(key, point, state); });
    connect(area, &QAreaSeries::clicked, this, [this, key](const QPointF& point) { click(key, point); });
    m_areas << area;
    return area;
}

void SpendChart::setData(const QList<SpendRow>& rows, LedgerSplit split, const DashboardCharts::Context& context)
{
    QHash<QString, double> perKey;
    for (const SpendRow& row : rows) {
        perKey[row.key] += row.costUsd;
    }
    QStringList keys = perKey.keys();
    std::sort(keys.begin(), keys.end(), [&](const QString& a, const QString& b) {
        return perKey[a] != perKey[b] ? perKey[a] > perKey[b] : a < b;
    });
    constexpr int kShown = 7;
    const bool hasOther = keys.size() > kShown + 1;
    QHash<QString, int> keyIndex;
    for (int i = 0; i < keys.size(); ++i) {
        keyIndex[keys[i]] = hasOther ? std::min(i, kShown) : i;
    }
    if (hasOther) {
        keys = keys.mid(0, kShown) << QCoreApplication::translate("DashboardCharts", "other");
    }
    const QList<QDateTime> buckets = DashboardCharts::bucketStarts(context.filter, context.bucket);
    QHash<qint64, int> bucketIndex;
    for (int i = 0; i < buckets.size(); ++i) {
        bucketIndex[buckets[i].toMSecsSinceEpoch()] = i;
    }
    QList<QList<double>> cost(keys.size(), QList<double>(buckets.size(), 0));
    QList<QList<qint64>> requests(keys.size(), QList<qint64>(buckets.size(), 0));
    for (const SpendRow& row : rows) {
        const int b = bucketIndex.value(row.bucketStart.toMSecsSinceEpoch(), -1);
        if (b >= 0) {
            cost[keyIndex[row.key]][b] += row.costUsd;
            requests[keyIndex[row.key]][b] += row.requests;
        }
    }
    m_context = context;
    m_split = split;
    m_buckets = buckets;
    m_keys = keys;
    m_cost = cost;
    m_requests = requests;
    m_hasOther = hasOther;

    ChartStyle::fitTimeAxis(m_xAxis, context.filter);
    ChartStyle::setTitle(m_yAxis,
                         context.bucket == LedgerBucket::Hour
                             ? QCoreApplication::translate("DashboardCharts", "USD per hour")
                             : QCoreApplication::translate("DashboardCharts", "USD per day"));
    bool added = false;
    while (m_areas.size() > keys.size()) {
        QAreaSeries* area = m_areas.takeLast();
        removeSeries(area);
        delete area->upperSeries();
        delete area->lowerSeries();
        delete area;
    }
    QList<double> base(buckets.size(), 0);
    double peak = 0;
    QList<QPointF> lower(buckets.size());
    QList<QPointF> upper(buckets.size());
    for (int k = 0; k < keys.size(); ++k) {
        for (int b = 0; b < buckets.size(); ++b) {
            const double x = double(buckets[b].toMSecsSinceEpoch());
            lower[b] = QPointF(x, base[b]);
            base[b] += cost[k][b];
            upper[b] = QPointF(x, base[b]);
            peak = std::max(peak, base[b]);
        }
        added = added || k >= m_areas.size();
        QAreaSeries* area = k < m_areas.size() ? m_areas[k] : addArea();
        ChartStyle::replacePoints(area->lowerSeries(), lower);
        ChartStyle::replacePoints(area->upperSeries(), upper);
        area->setName(keys[k].isEmpty() ? QCoreApplication::translate("DashboardCharts", "All") : keys[k]);
        QColor color = DashboardCharts::seriesColor(k);
        QPen pen(color.darker(115), 1);
        pen.setCosmetic(true); // the same line on screen, drawn without the path stroker

        if (area->pen() != pen) {
            area->setPen(pen);
        }
        color.setAlpha(210);
        if (area->brush() != QBrush(color)) {
            area->setBrush(color);
        }
    }
    ChartStyle::fitDecimals(m_yAxis, peak > 0 ? peak * 1.05 : 1, QStringLiteral("$"));
    ChartStyle::setNiceRange(m_yAxis, peak > 0 ? peak * 1.05 : 1);
    if (legend()->isVisible() != (split != LedgerSplit::None)) {
        legend()->setVisible(split != LedgerSplit::None);
    }
    applyStyle(*context.palette, added);
}

void SpendChart::hover(int key, const QPointF& point, bool state)
{
    if (!state || m_buckets.isEmpty() || key >= m_keys.size()) {
        ChartStyle::hideTip();
        return;
    }
    const int b = DashboardCharts::nearestBucket(m_buckets, point.x());
    ChartStyle::showTip(QCoreApplication::translate("DashboardCharts", "%1\n%2: %3 (%4 requests)")
                            .arg(ChartStyle::formatBucket(m_buckets[b], m_context.bucket), m_areas[key]->name(),
                                 Money::format(m_cost[key][b]), ChartStyle::formatCount(m_requests[key][b])));
}

void SpendChart::click(int key, const QPointF& point)
{
    const bool other = m_hasOther && key == m_keys.size() - 1;
    if (!m_context.drill || other || m_buckets.isEmpty() || key >= m_keys.size()) {
        return;
    }
    const int b = DashboardCharts::nearestBucket(m_buckets, point.x());
    DrillDownQuery query;
    query.filter = m_context.filter;
    query.filter.from = m_buckets[b];
    query.filter.until = m_buckets[b].addSecs(DashboardCharts::bucketSeconds(m_context.bucket));
    narrowTo(&query.filter, m_split, m_keys[key]);
    m_context.drill(query);
}
