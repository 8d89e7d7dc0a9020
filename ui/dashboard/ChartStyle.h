#pragma once

#include "core/ledger/LedgerQueryTypes.h"

#include <QString>

class QAbstractAxis;
class QBarSet;
class QChart;
class QDateTimeAxis;
class QPalette;
class QValueAxis;
class QXYSeries;

// Shared look of the dashboard charts: palette colours (never fixed black or white, so dark
// themes work), compact margins, readable axes.
namespace ChartStyle {
// Margins, no animation, legend at the bottom.
void initChart(QChart* chart);
// Colours and fonts of axes and legend. Call after the series and axes are attached.
void apply(QChart* chart, const QPalette& palette);
QDateTimeAxis* timeAxis();
// Range, ticks and format for the filter's period; the axis is left alone when they are unchanged
// (any change makes the chart lay out its axes again).
void fitTimeAxis(QDateTimeAxis* axis, const LedgerFilter& filter);
// 0..max widened to nice numbers, as QValueAxis::applyNiceNumbers does, set only when different.
void setNiceRange(QValueAxis* axis, double max);
void setTitle(QAbstractAxis* axis, const QString& title);
// Replaces a bar set's values: one remove and one append when the count changed (two updates
// rather than one per value), otherwise only the values that differ.
void setBarValues(QBarSet* set, const QList<qreal>& values);
// All points in one call (one repaint; appending point by point updates the series each time),
// and none when they are unchanged.
void replacePoints(QXYSeries* series, const QList<QPointF>& points);
QValueAxis* valueAxis(const QString& title, const QString& labelFormat);
// Enough decimals that neighbouring ticks of an axis up to `max` read differently
// ("$0.0004" rather than "$0.00" on a quiet week).
void fitDecimals(QValueAxis* axis, double max, const QString& prefix = {});
QString formatCount(qint64 count);
// A percentage in the locale's digits and form: "33.3%", German "33,3 %".
QString formatPercent(double percent, int decimals);
void showTip(const QString& text);
void hideTip();
QString formatBucket(const QDateTime& start, LedgerBucket bucket);
} // namespace ChartStyle
