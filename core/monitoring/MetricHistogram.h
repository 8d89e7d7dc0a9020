#pragma once

#include "core/common/PrometheusText.h"

#include <QByteArray>
#include <QList>

// One Prometheus histogram series: fixed upper bounds, counts per bucket, sum and count.
// Observing is a short scan over at most a dozen bounds, cheap enough for every request.
class MetricHistogram final
{
public:
    explicit MetricHistogram(QList<double> upperBounds = {});

    void observe(double value);
    quint64 count() const { return m_count; }
    double sum() const { return m_sum; }

    // The _bucket lines (cumulative, ending with le="+Inf"), then _sum and _count.
    QByteArray write(const QByteArray& name, const PrometheusText::Labels& labels) const;

private:
    QList<double> m_bounds;
    QList<quint64> m_buckets; // not cumulative; summed when written
    double m_sum = 0;
    quint64 m_count = 0;
};
