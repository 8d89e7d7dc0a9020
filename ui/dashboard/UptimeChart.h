#pragma once

#include "ui/dashboard/DashboardChart.h"

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

// Share of good attempts per provider and bucket, one line per provider named with its
// overall percentage; the value axis zooms in on the band the lines occupy.
class UptimeChart : public DashboardChart
{
    Q_OBJECT

public:
    UptimeChart();
    void setData(const UptimeReport& report, const DashboardCharts::Context& context);

private:
    void hover(int provider, const QPointF& point, bool state);

    QDateTimeAxis* m_xAxis;
    QValueAxis* m_yAxis;
    QList<QLineSeries*> m_lines;
    DashboardCharts::Context m_context;
    QStringList m_providers;
    QList<QList<UptimeRow>> m_rows; // per provider, by time
};
