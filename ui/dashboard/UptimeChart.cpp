#include "ui/dashboard/UptimeChart.h"

#include "ui/dashboard/ChartStyle.h"

#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

UptimeChart::UptimeChart()
    : m_xAxis(ChartStyle::timeAxis())
    , m_yAxis(ChartStyle::valueAxis(QCoreApplication::translate("DashboardCharts", "Good attempts (%)"),
                                    QStringLiteral("%.0f")))
{
    addAxis(m_xAxis, Qt::AlignBottom);
    addAxis(m_yAxis, Qt::AlignLeft);
}

void UptimeChart::setData(const UptimeReport& report, const DashboardCharts::Context& context)
{
    m_context = context;
    QStringList providers;
    QHash<QString, double> overall;
    for (const UptimeRow& row : report.overall) {
        providers << row.provider;
        overall[row.provider] = row.uptimeShare;
    }
    providers.sort(Qt::CaseInsensitive);
    QHash<QString, int> index;
    for (int p = 0; p < providers.size(); ++p) {
        index[providers[p]] = p;
    }
    QList<QList<UptimeRow>> rows(providers.size());
    for (const UptimeRow& row : report.buckets) {
        const int p = index.value(row.provider, -1);
        if (p >= 0 && row.attempts > 0) {
            rows[p] << row;
        }
    }
    m_providers = providers;
    ChartStyle::fitTimeAxis(m_xAxis, context.filter);
    while (m_lines.size() > providers.size()) {
        QLineSeries* line = m_lines.takeLast();
        removeSeries(line);
        delete line;
    }
    bool added = false;
    double lowest = 100;
    for (int p = 0; p < providers.size(); ++p) {
        std::sort(rows[p].begin(), rows[p].end(),
                  [](const UptimeRow& a, const UptimeRow& b) { return a.bucketStart < b.bucketStart; });
        QList<QPointF> points;
        points.reserve(rows[p].size());
        for (const UptimeRow& row : rows[p]) {
            points << QPointF(double(row.bucketStart.toMSecsSinceEpoch()), row.uptimeShare * 100);
            lowest = std::min(lowest, row.uptimeShare * 100);
        }
        if (p >= m_lines.size()) {
            auto* line = new QLineSeries;
            addSeries(line);
            line->attachAxis(m_xAxis);
            line->attachAxis(m_yAxis);
            connect(line, &QLineSeries::hovered, this,
                    [this, p](const QPointF& point, bool state) { hover(p, point, state); });
            m_lines << line;
            added = true;
        }
        QLineSeries* line = m_lines[p];
        line->setName(QCoreApplication::translate("DashboardCharts", "%1 (%2%)")
                          .arg(providers[p], QLocale().toString(overall.value(providers[p]) * 100, 'f', 2)));
        QPen pen(DashboardCharts::seriesColor(p), 1.6);
        pen.setCosmetic(true); // the same line on screen, drawn without the path stroker
        if (line->pen() != pen) {
            line->setPen(pen);
        }
        ChartStyle::replacePoints(line, points);
        if (line->pointsVisible() != (points.size() < 40)) {
            line->setPointsVisible(points.size() < 40);
        }
    }
    m_rows = rows;
    // Zoom in on the interesting band: a 99.9% line pinned at the top of a 0-100 axis says nothing.
    // Whole-number ticks: a step of 1, 2, 5 or 10 points with the bottom on a tick.
    const double range = std::max(1.0, 100 - (std::floor(lowest) - 1));
    const int step = range <= 10 ? 1 : range <= 20 ? 2 : range <= 50 ? 5 : 10;
    const int ticks = std::min(int(std::ceil(range / step)), 100 / step);
    if (m_yAxis->min() != 100 - ticks * step || m_yAxis->max() != 100) {
        m_yAxis->setRange(100 - ticks * step, 100);
    }
    const int tickCount = std::min(ticks + 1, 6); // more ticks crowd a 250 px axis into elided labels
    if (m_yAxis->tickCount() != tickCount) {
        m_yAxis->setTickCount(tickCount);
    }
    applyStyle(*context.palette, added);
}

void UptimeChart::hover(int provider, const QPointF& point, bool state)
{
    if (!state || provider >= m_rows.size() || m_rows[provider].isEmpty()) {
        ChartStyle::hideTip();
        return;
    }
    const QList<UptimeRow>& rows = m_rows[provider];
    QList<QDateTime> starts;
    for (const UptimeRow& row : rows) {
        starts << row.bucketStart;
    }
    const UptimeRow& row = rows[DashboardCharts::nearestBucket(starts, point.x())];
    ChartStyle::showTip(QCoreApplication::translate("DashboardCharts",
                                                    "%1, %2\n%3% good: %4 of %5 attempts "
                                                    "failed through the provider's fault")
                            .arg(m_providers[provider], ChartStyle::formatBucket(row.bucketStart, m_context.bucket))
                            .arg(QLocale().toString(row.uptimeShare * 100, 'f', 2))
                            .arg(ChartStyle::formatCount(row.providerFaults), ChartStyle::formatCount(row.attempts)));
}
