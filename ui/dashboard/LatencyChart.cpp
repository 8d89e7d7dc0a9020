#include "ui/dashboard/LatencyChart.h"

#include "ui/dashboard/ChartStyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCoreApplication>
#include <QHorizontalBarSeries>
#include <QValueAxis>

#include <algorithm>

LatencyChart::LatencyChart()
    : m_series(new QHorizontalBarSeries)
    , m_yAxis(new QBarCategoryAxis)
    , m_xAxis(ChartStyle::valueAxis(QCoreApplication::translate("DashboardCharts", "Seconds"), QStringLiteral("%.1f")))
{
    static const char* const names[4]
        = { QT_TRANSLATE_NOOP("DashboardCharts", "Latency p50"), QT_TRANSLATE_NOOP("DashboardCharts", "Latency p95"),
            QT_TRANSLATE_NOOP("DashboardCharts", "First token p50"),
            QT_TRANSLATE_NOOP("DashboardCharts", "First token p95") };
    for (int i = 0; i < 4; ++i) {
        auto* set = new QBarSet(QCoreApplication::translate("DashboardCharts", names[i]));
        const QColor color = DashboardCharts::seriesColor(i < 2 ? 0 : 4);
        set->setColor(i % 2 == 0 ? color : color.lighter(140));
        set->setBorderColor(Qt::transparent);
        m_sets << set;
    }
    m_series->append(m_sets);
    m_series->setBarWidth(0.85);
    addSeries(m_series);
    m_yAxis->setTruncateLabels(false); // model names are the point of this axis
    addAxis(m_yAxis, Qt::AlignLeft);
    addAxis(m_xAxis, Qt::AlignBottom);
    m_series->attachAxis(m_yAxis);
    m_series->attachAxis(m_xAxis);
    connect(m_series, &QHorizontalBarSeries::hovered, this,
            [this](bool status, int index, QBarSet*) { hover(status, index); });
    connect(m_series, &QHorizontalBarSeries::clicked, this, [this](int index, QBarSet*) {
        if (m_context.drill && index >= 0 && index < m_rows.size()) {
            DrillDownQuery query;
            query.filter = m_context.filter;
            query.filter.models = { m_rows[index].model };
            m_context.drill(query);
        }
    });
}

void LatencyChart::setData(const QList<LatencyRow>& rows, const DashboardCharts::Context& context)
{
    m_context = context;
    QList<LatencyRow> sorted;
    for (const LatencyRow& row : rows) {
        if (row.latency.samples > 0) {
            sorted << row;
        }
    }
    // Slowest at the top: horizontal bar charts draw the first category at the bottom.
    std::sort(sorted.begin(), sorted.end(),
              [](const LatencyRow& a, const LatencyRow& b) { return a.latency.p50 < b.latency.p50; });
    m_rows = sorted;
    QStringList categories;
    QList<QList<qreal>> values(4);
    double peak = 0;
    for (const LatencyRow& row : sorted) {
        categories << row.model;
        values[0] << row.latency.p50 / 1000;
        values[1] << row.latency.p95 / 1000;
        values[2] << std::max(0.0, row.ttft.p50) / 1000;
        values[3] << std::max(0.0, row.ttft.p95) / 1000;
        peak = std::max(peak, row.latency.p95 / 1000);
    }
    if (m_yAxis->categories() != categories) {
        m_yAxis->setCategories(categories);
    }
    for (int i = 0; i < 4; ++i) {
        ChartStyle::setBarValues(m_sets[i], values[i]);
    }
    ChartStyle::setNiceRange(m_xAxis, peak > 0 ? peak * 1.05 : 1);
    applyStyle(*context.palette);
}

void LatencyChart::hover(bool status, int index)
{
    if (!status || index < 0 || index >= m_rows.size()) {
        ChartStyle::hideTip();
        return;
    }
    const LatencyRow& r = m_rows[index];
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
}
