#pragma once

#include "ui/dashboard/DashboardChart.h"

class QBarCategoryAxis;
class QBarSet;
class QHorizontalBarSeries;
class QValueAxis;

// Latency and time-to-first-token p50/p95 per model, slowest at the top.
class LatencyChart : public DashboardChart
{
    Q_OBJECT

public:
    LatencyChart();
    void setData(const QList<LatencyRow>& rows, const DashboardCharts::Context& context);

private:
    void hover(bool status, int index);

    QList<QBarSet*> m_sets;
    QHorizontalBarSeries* m_series;
    QBarCategoryAxis* m_yAxis;
    QValueAxis* m_xAxis;
    DashboardCharts::Context m_context;
    QList<LatencyRow> m_rows; // those with samples, as shown
};
