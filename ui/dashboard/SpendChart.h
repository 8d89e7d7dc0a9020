#pragma once

#include "ui/dashboard/DashboardChart.h"

class QAreaSeries;
class QDateTimeAxis;
class QValueAxis;

// Spend over time stacked by model, provider or tier: the seven largest keys and the rest
// summed as "other". Hover shows a bucket's exact cost; a click lists its requests.
class SpendChart : public DashboardChart
{
    Q_OBJECT

public:
    SpendChart();
    void setData(const QList<SpendRow>& rows, LedgerSplit split, const DashboardCharts::Context& context);

private:
    QAreaSeries* addArea();
    void hover(int key, const QPointF& point, bool state);
    void click(int key, const QPointF& point);
    int partialBucket(qint64 stepMs) const;
    void markPartialBucket(const QList<double>& totals, qint64 stepMs, const QPalette& palette);

    QDateTimeAxis* m_xAxis;
    QValueAxis* m_yAxis;
    QList<QAreaSeries*> m_areas;
    QAreaSeries* m_partial = nullptr; // the hatched bucket still running
    // What the hover and click handlers read, from the latest setData.
    DashboardCharts::Context m_context;
    LedgerSplit m_split = LedgerSplit::Model;
    QList<QDateTime> m_buckets;
    QStringList m_keys;
    QList<QList<double>> m_cost;
    QList<QList<qint64>> m_requests;
    bool m_hasOther = false;
};
