#include "ui/dashboard/FailoverChart.h"

#include "ui/dashboard/ChartStyle.h"

#include "core/common/FailureClass.h"

#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace {
QString className(const QString& id)
{
    bool ok = false;
    const FailureClass failureClass = FailureClasses::fromId(id, &ok);
    return ok ? FailureClasses::displayName(failureClass) : id;
}
} // namespace

FailoverChart::FailoverChart()
    : m_xAxis(ChartStyle::timeAxis())
    , m_yAxis(ChartStyle::valueAxis(QString(), QStringLiteral("%.0f")))
{
    addAxis(m_xAxis, Qt::AlignBottom);
    addAxis(m_yAxis, Qt::AlignLeft);
}

void FailoverChart::setData(const QList<FailoverCountRow>& rows, const DashboardCharts::Context& context)
{
    m_context = context;
    QStringList classes;
    qint64 peak = 0;
    for (const FailoverCountRow& row : rows) {
        if (!classes.contains(row.failureClass)) {
            classes << row.failureClass;
        }
        peak = std::max(peak, row.count);
    }
    classes.sort();
    m_classes = classes;
    QList<QList<QPointF>> points(classes.size());
    for (const FailoverCountRow& row : rows) {
        points[classes.indexOf(row.failureClass)]
            << QPointF(double(row.bucketStart.toMSecsSinceEpoch()), double(row.count));
    }
    ChartStyle::fitTimeAxis(m_xAxis, context.filter);
    ChartStyle::setTitle(m_yAxis,
                         context.bucket == LedgerBucket::Hour
                             ? QCoreApplication::translate("DashboardCharts", "Failovers per hour")
                             : QCoreApplication::translate("DashboardCharts", "Failovers per day"));
    while (m_points.size() > classes.size()) {
        QScatterSeries* series = m_points.takeLast();
        removeSeries(series);
        delete series;
    }
    bool added = false;
    for (int c = 0; c < classes.size(); ++c) {
        if (c >= m_points.size()) {
            auto* series = new QScatterSeries;
            series->setBorderColor(Qt::transparent);
            addSeries(series);
            series->attachAxis(m_xAxis);
            series->attachAxis(m_yAxis);
            connect(series, &QScatterSeries::hovered, this,
                    [this, c](const QPointF& point, bool state) { hover(c, point, state); });
            connect(series, &QScatterSeries::clicked, this, [this, c](const QPointF& point) { click(c, point); });
            m_points << series;
            added = true;
        }
        QScatterSeries* series = m_points[c];
        series->setName(className(classes[c]));
        const qreal size = rows.size() > 300 ? 6 : 9;
        if (series->markerSize() != size) {
            series->setMarkerSize(size);
        }
        if (series->color() != DashboardCharts::seriesColor(c + 2)) {
            series->setColor(DashboardCharts::seriesColor(c + 2));
        }
        ChartStyle::replacePoints(series, points[c]);
    }
    ChartStyle::setNiceRange(m_yAxis, std::max<qint64>(peak, 4) * 1.1);
    applyStyle(*context.palette, added);
}

void FailoverChart::hover(int failureClass, const QPointF& point, bool state)
{
    if (!state || failureClass >= m_points.size()) {
        ChartStyle::hideTip();
        return;
    }
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(point.x()), Qt::UTC);
    ChartStyle::showTip(QCoreApplication::translate("DashboardCharts", "%1\n%2 failovers: %3")
                            .arg(ChartStyle::formatBucket(at, m_context.bucket), m_points[failureClass]->name())
                            .arg(qint64(point.y())));
}

void FailoverChart::click(int failureClass, const QPointF& point)
{
    if (!m_context.drill || failureClass >= m_classes.size()) {
        return;
    }
    DrillDownQuery query;
    query.filter = m_context.filter;
    query.filter.from = QDateTime::fromMSecsSinceEpoch(qint64(point.x()), Qt::UTC);
    query.filter.until = query.filter.from.addSecs(DashboardCharts::bucketSeconds(m_context.bucket));
    query.match.failedOverOnly = true;
    query.match.failureClass = m_classes[failureClass];
    m_context.drill(query);
}
