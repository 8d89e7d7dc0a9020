#include "core/learning/ThresholdTable.h"

#include <QJsonArray>

#include <algorithm>

ThresholdTable::ThresholdTable(QList<QualityPoint> points)
{
    std::sort(points.begin(), points.end(),
              [](const QualityPoint& a, const QualityPoint& b) { return a.threshold < b.threshold; });
    if (points.isEmpty()) {
        return;
    }
    // The ends every router shares: p_strong >= 0 sends all to strong, >= 1 (past every estimate) none.
    if (points.constFirst().threshold > 0) {
        points.prepend({ 1.0, 1.0, 0.0 });
    }
    if (points.constLast().threshold < 1) {
        points.append({ 0.0, 0.0, 1.0 });
    }
    m_points = std::move(points);
}

ThresholdTable ThresholdTable::fromReport(const QJsonObject& report)
{
    QList<QualityPoint> points;
    for (const QJsonValue& value : report.value(QLatin1String("thresholds")).toArray()) {
        const QJsonObject point = value.toObject();
        const QJsonValue threshold = point.value(QLatin1String("threshold"));
        const QJsonValue share = point.value(QLatin1String("strong_share"));
        const QJsonValue gap = point.value(QLatin1String("gap_recovered"));
        if (threshold.isDouble() && share.isDouble() && gap.isDouble()) {
            points.append({ share.toDouble(), gap.toDouble(), threshold.toDouble() });
        }
    }
    return ThresholdTable(points);
}

QualityPoint ThresholdTable::at(double threshold) const
{
    if (m_points.isEmpty()) {
        return {};
    }
    threshold = std::clamp(threshold, 0.0, 1.0);
    const auto above = std::lower_bound(m_points.cbegin(), m_points.cend(), threshold,
                                        [](const QualityPoint& point, double t) { return point.threshold < t; });
    if (above == m_points.cbegin()) {
        return { above->strongShare, above->gapRecovered, threshold };
    }
    if (above == m_points.cend()) {
        return { m_points.constLast().strongShare, m_points.constLast().gapRecovered, threshold };
    }
    const QualityPoint& low = *(above - 1);
    const QualityPoint& high = *above;
    const double span = high.threshold - low.threshold;
    const double f = span > 0 ? (threshold - low.threshold) / span : 0;
    return { low.strongShare + f * (high.strongShare - low.strongShare),
             low.gapRecovered + f * (high.gapRecovered - low.gapRecovered), threshold };
}
