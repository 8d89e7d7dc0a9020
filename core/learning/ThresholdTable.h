#pragma once

#include "core/learning/RoutingQuality.h"

#include <QJsonObject>
#include <QList>

// What training measured for each threshold of a learned rule (the "thresholds" of the router's
// report: out-of-fold estimates at 0.05, 0.10 ... 0.95), read for any threshold in between: the
// share of prompts the strong model would get and the share of the quality gap recovered. At 0
// everything goes strong (all of the gap), at 1 nothing does.
class ThresholdTable final
{
public:
    ThresholdTable() = default;
    explicit ThresholdTable(QList<QualityPoint> points);
    // From LearnedRouter::report(); empty when it has no thresholds.
    static ThresholdTable fromReport(const QJsonObject& report);

    bool isEmpty() const { return m_points.isEmpty(); }
    // Linear between the measured thresholds; clamped to [0, 1].
    QualityPoint at(double threshold) const;
    // The measured points with both ends, by threshold.
    const QList<QualityPoint>& points() const { return m_points; }

private:
    QList<QualityPoint> m_points; // sorted by threshold, 0 and 1 included
};
