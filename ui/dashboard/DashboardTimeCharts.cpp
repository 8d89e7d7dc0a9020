// Uptime, failover and latency charts; spend and tier charts are in DashboardCharts.cpp.
#include "ChartStyle.h"
#include "DashboardCharts.h"

#include "common/FailureClass.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace DashboardCharts {
namespace {
QString className(const QString& id)
{
    bool ok = false;
    const FailureClass failureClass = FailureClasses::fromId(id, &ok);
    return ok ? FailureClasses::displayName(failureClass) : id;
}
} // namespace

QChart* uptime(const UptimeReport& report, const Context& context)
{
    QChart* chart = ChartStyle::newChart(*context.palette);
    auto* xAxis = ChartStyle::timeAxis(context.filter, context.bucket);
    auto* yAxis = ChartStyle::valueAxis(QCoreApplication::translate("DashboardCharts", "Good attempts (%)"),
                                        QStringLiteral("%.1f"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    QStringList providers;
    QHash<QString, double> overall;
    for (const UptimeRow& row : report.overall) {
        providers << row.provider;
        overall[row.provider] = row.uptimeShare;
    }
    providers.sort(Qt::CaseInsensitive);
    double lowest = 100;
    for (int p = 0; p < providers.size(); ++p) {
        const QString provider = providers[p];
        auto* series = new QLineSeries;
        series->setName(QCoreApplication::translate("DashboardCharts", "%1 (%2%)")
                            .arg(provider)
                            .arg(overall.value(provider) * 100, 0, 'f', 2));
        series->setPen(QPen(seriesColor(p), 1.6));
        QList<UptimeRow> rows;
        for (const UptimeRow& row : report.buckets) {
            if (row.provider == provider && row.attempts > 0) {
                rows << row;
            }
        }
        std::sort(rows.begin(), rows.end(),
                  [](const UptimeRow& a, const UptimeRow& b) { return a.bucketStart < b.bucketStart; });
        for (const UptimeRow& row : rows) {
            series->append(double(row.bucketStart.toMSecsSinceEpoch()), row.uptimeShare * 100);
            lowest = std::min(lowest, row.uptimeShare * 100);
        }
        series->setPointsVisible(rows.size() < 40);
        chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
        const LedgerBucket bucket = context.bucket;
        QObject::connect(series, &QLineSeries::hovered, chart, [=](const QPointF& point, bool state) {
            if (!state || rows.isEmpty()) {
                ChartStyle::hideTip();
                return;
            }
            QList<QDateTime> starts;
            for (const UptimeRow& row : rows) {
                starts << row.bucketStart;
            }
            const UptimeRow& row = rows[nearestBucket(starts, point.x())];
            ChartStyle::showTip(
                QCoreApplication::translate("DashboardCharts",
                                            "%1, %2\n%3% good: %4 of %5 attempts "
                                            "failed through the provider's fault")
                    .arg(provider, ChartStyle::formatBucket(row.bucketStart, bucket))
                    .arg(row.uptimeShare * 100, 0, 'f', 2)
                    .arg(ChartStyle::formatCount(row.providerFaults), ChartStyle::formatCount(row.attempts)));
        });
    }
    // Zoom in on the interesting band: a 99.9% line pinned at the top of a 0-100 axis says nothing.
    // Whole-number ticks: a step of 1, 2, 5 or 10 points with the bottom on a tick.
    const double range = std::max(1.0, 100 - (std::floor(lowest) - 1));
    const int step = range <= 10 ? 1 : range <= 20 ? 2 : range <= 50 ? 5 : 10;
    const int ticks = std::min(int(std::ceil(range / step)), 100 / step);
    yAxis->setLabelFormat(QStringLiteral("%.0f"));
    yAxis->setRange(100 - ticks * step, 100);
    yAxis->setTickCount(std::min(ticks + 1, 6)); // more ticks crowd a 250 px axis into elided labels
    ChartStyle::apply(chart, *context.palette);
    return chart;
}

QChart* failovers(const QList<FailoverCountRow>& rows, const Context& context)
{
    QChart* chart = ChartStyle::newChart(*context.palette);
    auto* xAxis = ChartStyle::timeAxis(context.filter, context.bucket);
    auto* yAxis = ChartStyle::valueAxis(context.bucket == LedgerBucket::Hour
                                            ? QCoreApplication::translate("DashboardCharts", "Failovers per hour")
                                            : QCoreApplication::translate("DashboardCharts", "Failovers per day"),
                                        QStringLiteral("%.0f"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    QStringList classes;
    qint64 peak = 0;
    for (const FailoverCountRow& row : rows) {
        if (!classes.contains(row.failureClass)) {
            classes << row.failureClass;
        }
        peak = std::max(peak, row.count);
    }
    classes.sort();
    for (int c = 0; c < classes.size(); ++c) {
        const QString id = classes[c];
        auto* series = new QScatterSeries;
        series->setName(className(id));
        series->setMarkerSize(rows.size() > 300 ? 6 : 9);
        series->setColor(seriesColor(c + 2));
        series->setBorderColor(Qt::transparent);
        for (const FailoverCountRow& row : rows) {
            if (row.failureClass == id) {
                series->append(double(row.bucketStart.toMSecsSinceEpoch()), double(row.count));
            }
        }
        chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
        const LedgerBucket bucket = context.bucket;
        QObject::connect(series, &QScatterSeries::hovered, chart, [=](const QPointF& point, bool state) {
            if (!state) {
                ChartStyle::hideTip();
                return;
            }
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(point.x()), Qt::UTC);
            ChartStyle::showTip(QCoreApplication::translate("DashboardCharts", "%1\n%2 failovers: %3")
                                    .arg(ChartStyle::formatBucket(at, bucket), series->name())
                                    .arg(qint64(point.y())));
        });
        if (context.drill) {
            const Context ctx = context;
            QObject::connect(series, &QScatterSeries::clicked, chart, [=](const QPointF& point) {
                DrillDownQuery query;
                query.filter = ctx.filter;
                query.filter.from = QDateTime::fromMSecsSinceEpoch(qint64(point.x()), Qt::UTC);
                query.filter.until = query.filter.from.addSecs(bucketSeconds(ctx.bucket));
                query.match.failedOverOnly = true;
                query.match.failureClass = id;
                ctx.drill(query);
            });
        }
    }
    yAxis->setMax(std::max<qint64>(peak, 4) * 1.1);
    yAxis->applyNiceNumbers();
    ChartStyle::apply(chart, *context.palette);
    return chart;
}

QChart* latency(const QList<LatencyRow>& rows, const Context& context)
{
    QList<LatencyRow> sorted;
    for (const LatencyRow& row : rows) {
        if (row.latency.samples > 0) {
            sorted << row;
        }
    }
    // Slowest at the top: horizontal bar charts draw the first category at the bottom.
    std::sort(sorted.begin(), sorted.end(),
              [](const LatencyRow& a, const LatencyRow& b) { return a.latency.p50 < b.latency.p50; });
    QChart* chart = ChartStyle::newChart(*context.palette);
    const char* const names[4] = { "Latency p50", "Latency p95", "First token p50", "First token p95" };
    QList<QBarSet*> sets;
    for (int i = 0; i < 4; ++i) {
        auto* set = new QBarSet(QCoreApplication::translate("DashboardCharts", names[i]));
        QColor color = seriesColor(i < 2 ? 0 : 4);
        set->setColor(i % 2 == 0 ? color : color.lighter(140));
        set->setBorderColor(Qt::transparent);
        sets << set;
    }
    QStringList categories;
    double peak = 0;
    for (const LatencyRow& row : sorted) {
        categories << row.model;
        *sets[0] << row.latency.p50 / 1000;
        *sets[1] << row.latency.p95 / 1000;
        *sets[2] << std::max(0.0, row.ttft.p50) / 1000;
        *sets[3] << std::max(0.0, row.ttft.p95) / 1000;
        peak = std::max(peak, row.latency.p95 / 1000);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(sets);
    series->setBarWidth(0.85);
    chart->addSeries(series);
    auto* yAxis = new QBarCategoryAxis;
    yAxis->append(categories);
    yAxis->setTruncateLabels(false); // model names are the point of this axis
    auto* xAxis
        = ChartStyle::valueAxis(QCoreApplication::translate("DashboardCharts", "Seconds"), QStringLiteral("%.1f"));
    xAxis->setMax(peak > 0 ? peak * 1.05 : 1);
    xAxis->applyNiceNumbers();
    chart->addAxis(yAxis, Qt::AlignLeft);
    chart->addAxis(xAxis, Qt::AlignBottom);
    series->attachAxis(yAxis);
    series->attachAxis(xAxis);
    QObject::connect(series, &QHorizontalBarSeries::hovered, chart, [=](bool status, int index, QBarSet*) {
        if (!status || index < 0 || index >= sorted.size()) {
            ChartStyle::hideTip();
            return;
        }
        const LatencyRow& r = sorted[index];
        auto line = [](const Percentiles& p) {
            if (p.samples == 0) {
                return QCoreApplication::translate("DashboardCharts", "no samples");
            }
            return QCoreApplication::translate("DashboardCharts", "p50 %1 ms, p90 %2 ms, p95 %3 ms, p99 %4 ms (%5)")
                .arg(qRound64(p.p50))
                .arg(qRound64(p.p90))
                .arg(qRound64(p.p95))
                .arg(qRound64(p.p99))
                .arg(ChartStyle::formatCount(p.samples));
        };
        ChartStyle::showTip(QCoreApplication::translate("DashboardCharts", "%1\nLatency: %2\nFirst token: %3")
                                .arg(r.model, line(r.latency), line(r.ttft)));
    });
    if (context.drill) {
        const Context ctx = context;
        QObject::connect(series, &QHorizontalBarSeries::clicked, chart, [=](int index, QBarSet*) {
            DrillDownQuery query;
            query.filter = ctx.filter;
            query.filter.models = { sorted[index].model };
            ctx.drill(query);
        });
    }
    ChartStyle::apply(chart, *context.palette);
    return chart;
}
} // namespace DashboardCharts
