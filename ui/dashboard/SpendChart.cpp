#include "ui/dashboard/SpendChart.h"

#include "core/common/Clock.h"
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
    // Each bucket is drawn flat over its whole span, not as a point joined to its neighbours: a
    // single bucket (spend today, in this hour) is a visible block, and nothing ramps up from the
    // bucket before or down into the one still running.
    const qint64 stepMs = DashboardCharts::bucketSeconds(context.bucket) * 1000;
    QList<double> base(buckets.size(), 0);
    double peak = 0;
    QList<QPointF> lower(buckets.size() * 2);
    QList<QPointF> upper(buckets.size() * 2);
    for (int k = 0; k < keys.size(); ++k) {
        for (int b = 0; b < buckets.size(); ++b) {
            const double x0 = double(buckets[b].toMSecsSinceEpoch());
            const double x1 = x0 + double(stepMs);
            lower[2 * b] = QPointF(x0, base[b]);
            lower[2 * b + 1] = QPointF(x1, base[b]);
            base[b] += cost[k][b];
            upper[2 * b] = QPointF(x0, base[b]);
            upper[2 * b + 1] = QPointF(x1, base[b]);
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
    markPartialBucket(base, stepMs, *context.palette);
    ChartStyle::fitDecimals(m_yAxis, peak > 0 ? peak * 1.05 : 1, QStringLiteral("$"));
    ChartStyle::setNiceRange(m_yAxis, peak > 0 ? peak * 1.05 : 1);
    if (legend()->isVisible() != (split != LedgerSplit::None)) {
        legend()->setVisible(split != LedgerSplit::None);
    }
    applyStyle(*context.palette, added);
}

int SpendChart::partialBucket(qint64 stepMs) const
{
    const qint64 now = Clock::instance().currentDateTimeUtc().toMSecsSinceEpoch();
    for (int b = 0; b < m_buckets.size(); ++b) {
        const qint64 start = m_buckets[b].toMSecsSinceEpoch();
        if (start <= now && now < start + stepMs) {
            return b;
        }
    }
    return -1;
}

// The bucket still running is hatched over its stacked total and named in the legend ("today so
// far"), so its smaller amount does not read as a collapse.
void SpendChart::markPartialBucket(const QList<double>& totals, qint64 stepMs, const QPalette& palette)
{
    const int b = partialBucket(stepMs);
    if (b < 0 || totals.value(b) <= 0) {
        if (m_partial) {
            removeSeries(m_partial);
            delete m_partial->upperSeries();
            delete m_partial;
            m_partial = nullptr;
        }
        return;
    }
    if (!m_partial) {
        m_partial = new QAreaSeries(new QLineSeries(this));
        m_partial->setObjectName(QStringLiteral("partialBucket"));
        addSeries(m_partial);
        m_partial->attachAxis(m_xAxis);
        m_partial->attachAxis(m_yAxis);
        // On top of the bucket's areas: its hover and click stand for all of them.
        connect(m_partial, &QAreaSeries::hovered, this, [this](const QPointF& point, bool state) {
            if (!state || m_buckets.isEmpty()) {
                ChartStyle::hideTip();
                return;
            }
            const int bucket = DashboardCharts::bucketAt(m_buckets, point.x());
            double cost = 0;
            qint64 requests = 0;
            for (int k = 0; k < m_keys.size(); ++k) {
                cost += m_cost[k][bucket];
                requests += m_requests[k][bucket];
            }
            ChartStyle::showTip(QCoreApplication::translate("DashboardCharts", "%1\n%2: %3 (%4 requests)")
                                    .arg(ChartStyle::formatBucket(m_buckets[bucket], m_context.bucket),
                                         m_partial->name(), Money::format(cost), ChartStyle::formatCount(requests)));
        });
        connect(m_partial, &QAreaSeries::clicked, this, [this](const QPointF& point) {
            if (!m_context.drill || m_buckets.isEmpty()) {
                return;
            }
            const int bucket = DashboardCharts::bucketAt(m_buckets, point.x());
            DrillDownQuery query;
            query.filter = m_context.filter;
            query.filter.from = m_buckets[bucket];
            query.filter.until = m_buckets[bucket].addSecs(DashboardCharts::bucketSeconds(m_context.bucket));
            m_context.drill(query);
        });
    }
    const double x0 = double(m_buckets[b].toMSecsSinceEpoch());
    const double x1 = x0 + double(stepMs);
    ChartStyle::replacePoints(m_partial->upperSeries(), { QPointF(x0, totals[b]), QPointF(x1, totals[b]) });
    const QString name = m_context.bucket == LedgerBucket::Hour
        ? QCoreApplication::translate("DashboardCharts", "this hour so far")
        : QCoreApplication::translate("DashboardCharts", "today so far");
    if (m_partial->name() != name) {
        m_partial->setName(name);
    }
    QColor ink = palette.color(QPalette::Base);
    ink.setAlpha(200);
    QPen pen(palette.color(QPalette::Text), 1, Qt::DashLine);
    pen.setCosmetic(true);
    m_partial->setPen(pen);
    m_partial->setBrush(QBrush(ink, Qt::BDiagPattern));
}

void SpendChart::hover(int key, const QPointF& point, bool state)
{
    if (!state || m_buckets.isEmpty() || key >= m_keys.size()) {
        ChartStyle::hideTip();
        return;
    }
    const int b = DashboardCharts::bucketAt(m_buckets, point.x());
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
    const int b = DashboardCharts::bucketAt(m_buckets, point.x());
    DrillDownQuery query;
    query.filter = m_context.filter;
    query.filter.from = m_buckets[b];
    query.filter.until = m_buckets[b].addSecs(DashboardCharts::bucketSeconds(m_context.bucket));
    narrowTo(&query.filter, m_split, m_keys[key]);
    m_context.drill(query);
}
