#include "core/monitoring/MetricHistogram.h"

MetricHistogram::MetricHistogram(QList<double> upperBounds)
    : m_bounds(std::move(upperBounds))
    , m_buckets(m_bounds.size() + 1, 0)
{
}

void MetricHistogram::observe(double value)
{
    qsizetype i = 0;
    while (i < m_bounds.size() && value > m_bounds[i]) {
        ++i;
    }
    ++m_buckets[i];
    m_sum += value;
    ++m_count;
}

QByteArray MetricHistogram::write(const QByteArray& name, const PrometheusText::Labels& labels) const
{
    QByteArray out;
    quint64 cumulative = 0;
    for (qsizetype i = 0; i <= m_bounds.size(); ++i) {
        cumulative += m_buckets[i];
        PrometheusText::Labels withLe = labels;
        withLe.append({ QByteArrayLiteral("le"),
                        i < m_bounds.size() ? QString::fromLatin1(PrometheusText::number(m_bounds[i]))
                                            : QStringLiteral("+Inf") });
        out += PrometheusText::sample(name + "_bucket", withLe, double(cumulative));
    }
    out += PrometheusText::sample(name + "_sum", labels, m_sum);
    out += PrometheusText::sample(name + "_count", labels, double(m_count));
    return out;
}
