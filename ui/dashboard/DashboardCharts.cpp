#include "DashboardCharts.h"

#include "ChartStyle.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace DashboardCharts {
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

QChart* spend(const QList<SpendRow>& rows, LedgerSplit split, const Context& context)
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
    const QString other = QCoreApplication::translate("DashboardCharts", "other");
    QHash<QString, int> keyIndex;
    for (int i = 0; i < keys.size(); ++i) {
        keyIndex[keys[i]] = hasOther ? std::min(i, kShown) : i;
    }
    if (hasOther) {
        keys = keys.mid(0, kShown) << other;
    }
    const QList<QDateTime> buckets = bucketStarts(context.filter, context.bucket);
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

    QChart* chart = ChartStyle::newChart(*context.palette);
    auto* xAxis = ChartStyle::timeAxis(context.filter, context.bucket);
    auto* yAxis = ChartStyle::valueAxis(context.bucket == LedgerBucket::Hour
                                            ? QCoreApplication::translate("DashboardCharts", "USD per hour")
                                            : QCoreApplication::translate("DashboardCharts", "USD per day"),
                                        QStringLiteral("$%.2f"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    QList<double> base(buckets.size(), 0);
    double peak = 0;
    for (int k = 0; k < keys.size(); ++k) {
        auto* lower = new QLineSeries(chart);
        auto* upper = new QLineSeries(chart);
        for (int b = 0; b < buckets.size(); ++b) {
            const double x = double(buckets[b].toMSecsSinceEpoch());
            lower->append(x, base[b]);
            base[b] += cost[k][b];
            upper->append(x, base[b]);
            peak = std::max(peak, base[b]);
        }
        auto* area = new QAreaSeries(upper, lower);
        const QString key = keys[k];
        area->setName(key.isEmpty() ? QCoreApplication::translate("DashboardCharts", "All") : key);
        QColor color = seriesColor(k);
        area->setPen(QPen(color.darker(115), 1));
        color.setAlpha(210);
        area->setBrush(color);
        chart->addSeries(area);
        area->attachAxis(xAxis);
        area->attachAxis(yAxis);
        const QList<double> costs = cost[k];
        const QList<qint64> counts = requests[k];
        const LedgerBucket bucket = context.bucket;
        QObject::connect(area, &QAreaSeries::hovered, chart, [=](const QPointF& point, bool state) {
            if (!state || buckets.isEmpty()) {
                ChartStyle::hideTip();
                return;
            }
            const int b = nearestBucket(buckets, point.x());
            ChartStyle::showTip(QCoreApplication::translate("DashboardCharts", "%1\n%2: %3 (%4 requests)")
                                    .arg(ChartStyle::formatBucket(buckets[b], bucket), area->name(),
                                         ChartStyle::formatUsd(costs[b]), ChartStyle::formatCount(counts[b])));
        });
        if (context.drill && key != other) {
            const Context c = context;
            QObject::connect(area, &QAreaSeries::clicked, chart, [=](const QPointF& point) {
                if (buckets.isEmpty()) {
                    return;
                }
                const int b = nearestBucket(buckets, point.x());
                DrillDownQuery query;
                query.filter = c.filter;
                query.filter.from = buckets[b];
                query.filter.until = buckets[b].addSecs(bucketSeconds(c.bucket));
                narrowTo(&query.filter, split, key);
                c.drill(query);
            });
        }
    }
    yAxis->setMax(peak > 0 ? peak * 1.05 : 1);
    ChartStyle::fitDecimals(yAxis, peak > 0 ? peak * 1.05 : 1, QStringLiteral("$"));
    yAxis->applyNiceNumbers();
    chart->legend()->setVisible(split != LedgerSplit::None);
    ChartStyle::apply(chart, *context.palette);
    return chart;
}

QChart* tiers(const QList<TierUsageRow>& rows, const Context& context)
{
    QChart* chart = ChartStyle::newChart(*context.palette);
    auto* prompt = new QBarSet(QCoreApplication::translate("DashboardCharts", "Prompt tokens"));
    auto* completion = new QBarSet(QCoreApplication::translate("DashboardCharts", "Completion tokens"));
    prompt->setColor(seriesColor(0));
    completion->setColor(seriesColor(3));
    prompt->setBorderColor(Qt::transparent);
    completion->setBorderColor(Qt::transparent);
    auto* bars = new QStackedBarSeries;
    auto* requests = new QLineSeries;
    requests->setName(QCoreApplication::translate("DashboardCharts", "Requests"));
    requests->setPen(QPen(seriesColor(1), 2.5));
    requests->setPointsVisible(true);
    QStringList categories;
    qint64 maxRequests = 0;
    double maxTokens = 0;
    for (int i = 0; i < rows.size(); ++i) {
        const TierUsageRow& row = rows[i];
        categories << (row.tier.isEmpty() ? QCoreApplication::translate("DashboardCharts", "(no tier)") : row.tier);
        *prompt << double(row.promptTokens) / 1e6;
        *completion << double(row.completionTokens) / 1e6;
        requests->append(i, double(row.requests));
        maxRequests = std::max(maxRequests, row.requests);
        maxTokens = std::max(maxTokens, double(row.promptTokens + row.completionTokens) / 1e6);
    }
    bars->append(prompt);
    bars->append(completion);
    bars->setBarWidth(0.55);
    chart->addSeries(bars);
    chart->addSeries(requests);
    auto* xAxis = new QBarCategoryAxis;
    xAxis->append(categories);
    auto* tokensAxis = ChartStyle::valueAxis(QCoreApplication::translate("DashboardCharts", "Tokens (millions)"),
                                             QStringLiteral("%.1f"));
    // Large counts in thousands: "250" reads better than "250000" on an axis.
    const bool thousands = maxRequests >= 10000;
    const double requestScale = thousands ? 1000.0 : 1.0;
    if (thousands) {
        QList<QPointF> points = requests->points();
        for (QPointF& point : points) {
            point.setY(point.y() / requestScale);
        }
        requests->replace(points);
    }
    ChartStyle::fitDecimals(tokensAxis, maxTokens > 0 ? maxTokens * 1.1 : 1);
    auto* requestsAxis
        = ChartStyle::valueAxis(thousands ? QCoreApplication::translate("DashboardCharts", "Requests (thousands)")
                                          : QCoreApplication::translate("DashboardCharts", "Requests"),
                                QStringLiteral("%.0f"));
    tokensAxis->setMax(maxTokens > 0 ? maxTokens * 1.1 : 1);
    tokensAxis->applyNiceNumbers();
    requestsAxis->setMax(maxRequests > 0 ? double(maxRequests) / requestScale * 1.1 : 1);
    requestsAxis->applyNiceNumbers();
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(tokensAxis, Qt::AlignLeft);
    chart->addAxis(requestsAxis, Qt::AlignRight);
    bars->attachAxis(xAxis);
    bars->attachAxis(tokensAxis);
    requests->attachAxis(xAxis);
    requests->attachAxis(requestsAxis);
    const QList<TierUsageRow> data = rows;
    auto describe = [data](int index) {
        const TierUsageRow& r = data[index];
        return QCoreApplication::translate("DashboardCharts",
                                           "Tier %1\n%2 requests (%3 failed)\nPrompt tokens: %4 (cached %5)\n"
                                           "Completion tokens: %6\nCost: %7")
            .arg(r.tier, ChartStyle::formatCount(r.requests), ChartStyle::formatCount(r.failures),
                 ChartStyle::formatCount(r.promptTokens), ChartStyle::formatCount(r.cachedTokens),
                 ChartStyle::formatCount(r.completionTokens), ChartStyle::formatUsd(r.costUsd));
    };
    QObject::connect(bars, &QStackedBarSeries::hovered, chart, [=](bool status, int index, QBarSet*) {
        status ? ChartStyle::showTip(describe(index)) : ChartStyle::hideTip();
    });
    QObject::connect(requests, &QLineSeries::hovered, chart, [=](const QPointF& point, bool state) {
        const int index = qRound(point.x());
        state&& index >= 0 && index < data.size() ? ChartStyle::showTip(describe(index)) : ChartStyle::hideTip();
    });
    if (context.drill) {
        const Context c = context;
        QObject::connect(bars, &QStackedBarSeries::clicked, chart, [=](int index, QBarSet*) {
            DrillDownQuery query;
            query.filter = c.filter;
            query.filter.tiers = { data[index].tier };
            c.drill(query);
        });
    }
    ChartStyle::apply(chart, *context.palette);
    return chart;
}
} // namespace DashboardCharts
