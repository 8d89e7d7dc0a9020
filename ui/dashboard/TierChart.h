#pragma once

#include "ui/dashboard/DashboardChart.h"

class QBarCategoryAxis;
class QBarSet;
class QLineSeries;
class QStackedBarSeries;
class QValueAxis;

// Requests (line) and prompt/completion tokens (stacked bars) per routing tier.
class TierChart : public DashboardChart
{
    Q_OBJECT

public:
    TierChart();
    void setData(const QList<TierUsageRow>& rows, const DashboardCharts::Context& context);

private:
    QString describe(int index) const;

    QBarSet* m_prompt;
    QBarSet* m_completion;
    QStackedBarSeries* m_bars;
    QLineSeries* m_requests;
    QBarCategoryAxis* m_xAxis;
    QValueAxis* m_tokensAxis;
    QValueAxis* m_requestsAxis;
    DashboardCharts::Context m_context;
    QList<TierUsageRow> m_rows;
};
