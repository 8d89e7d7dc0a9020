#pragma once

#include "ui/dashboard/DashboardChart.h"

class QDateTimeAxis;
class QScatterSeries;
class QValueAxis;

// Failovers per bucket as points, one colour per failure class; a click lists those requests.
class FailoverChart : public DashboardChart
{
    Q_OBJECT

public:
    FailoverChart();
    void setData(const QList<FailoverCountRow>& rows, const DashboardCharts::Context& context);

private:
    void hover(int failureClass, const QPointF& point, bool state);
    void click(int failureClass, const QPointF& point);

    QDateTimeAxis* m_xAxis;
    QValueAxis* m_yAxis;
    QList<QScatterSeries*> m_points;
    DashboardCharts::Context m_context;
    QStringList m_classes;
};
