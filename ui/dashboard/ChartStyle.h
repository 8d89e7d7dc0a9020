#pragma once

#include "ledger/LedgerQueryTypes.h"

#include <QString>

class QAbstractAxis;
class QChart;
class QDateTimeAxis;
class QPalette;
class QValueAxis;

// Shared look of the dashboard charts: palette colours (never fixed black or white, so dark
// themes work), compact margins, readable axes.
namespace ChartStyle {
QChart* newChart(const QPalette& palette);
// Call after the series and axes are attached.
void apply(QChart* chart, const QPalette& palette);
QDateTimeAxis* timeAxis(const LedgerFilter& filter, LedgerBucket bucket);
QValueAxis* valueAxis(const QString& title, const QString& labelFormat);
// Enough decimals that neighbouring ticks of an axis up to `max` read differently
// ("$0.0004" rather than "$0.00" on a quiet week).
void fitDecimals(QValueAxis* axis, double max, const QString& prefix = {});
QString formatUsd(double usd);
QString formatCount(qint64 count);
void showTip(const QString& text);
void hideTip();
QString formatBucket(const QDateTime& start, LedgerBucket bucket);
} // namespace ChartStyle
