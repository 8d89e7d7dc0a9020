#pragma once

#include <QStringList>

class QChart;
class QFontMetrics;

// Legend entries that never read the same: QChart's legend cuts the longest labels at their end
// when a row is full, so "anthropic/claude-sonnet-4-5-20250929" and "…-20250514" both became
// "anthropic/claude-so...". Labels are shortened here instead, in the middle, keeping the
// distinguishing end; the series keep their full names (hover tips, drill-downs).
namespace LegendLabels {
// Labels for `names` that fit `width` px in one row, each entry taking `overhead` px besides its
// text. When they do not fit, the longest give way first (as the legend does), elided in the
// middle; names that would still read the same keep their ends instead.
QStringList fit(const QStringList& names, const QFontMetrics& metrics, int width, int overhead);
// The legend's markers labelled by fit() for the chart's width `chartWidth`, their full names
// shown on hover.
void apply(QChart* chart, qreal chartWidth);
} // namespace LegendLabels
