#include "ui/dashboard/ChartStyle.h"

#include <algorithm>
#include <cmath>

#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QCursor>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLocale>
#include <QPalette>
#include <QToolTip>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>

namespace ChartStyle {
void initChart(QChart* chart)
{
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundPen(Qt::NoPen);
}

void apply(QChart* chart, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Text);
    QColor grid = palette.color(QPalette::Text);
    grid.setAlpha(40);
    QColor line = text;
    line.setAlpha(110);
    QFont small = chart->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsBrush(text);
        axis->setLabelsFont(small);
        axis->setTitleBrush(text);
        axis->setTitleFont(small);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(line);
        axis->setMinorGridLineVisible(false);
    }
    // Dates and numbers on the axes in the app's language ("9. März", "0,25"), not the system's.
    if (chart->locale() != QLocale()) {
        chart->setLocale(QLocale());
    }
    chart->setLocalizeNumbers(true);
    chart->legend()->setLabelColor(text);
    chart->legend()->setFont(small);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
}

QDateTimeAxis* timeAxis()
{
    return new QDateTimeAxis;
}

void fitTimeAxis(QDateTimeAxis* axis, const LedgerFilter& filter)
{
    // Ticks on whole hours or whole days: the range is widened to a multiple of the tick step.
    const bool hours = filter.from.secsTo(filter.until) <= 2 * 86400;
    const qint64 unit = hours ? 3600 : 86400;
    const qint64 first = filter.from.toSecsSinceEpoch() / unit * unit;
    const qint64 units = std::max<qint64>(1, (filter.until.toSecsSinceEpoch() - first + unit - 1) / unit);
    const qint64 step = (units + 7) / 8;
    const qint64 steps = (units + step - 1) / step;
    // The day's form is the language's: "Mar 9" in English, "9. Mär" in German.
    const QString format = hours ? QStringLiteral("HH:mm") : QCoreApplication::translate("ChartStyle", "MMM d");
    if (axis->format() != format) {
        axis->setFormat(format);
    }
    const QDateTime min = QDateTime::fromSecsSinceEpoch(first, Qt::UTC).toLocalTime();
    const QDateTime max = QDateTime::fromSecsSinceEpoch(first + steps * step * unit, Qt::UTC).toLocalTime();
    if (axis->min() != min || axis->max() != max) {
        axis->setRange(min, max);
    }
    if (axis->tickCount() != int(steps) + 1) {
        axis->setTickCount(int(steps) + 1);
    }
}

void setNiceRange(QValueAxis* axis, double max)
{
    QValueAxis scratch; // applyNiceNumbers on a detached axis: the real one changes at most once
    scratch.setTickCount(5);
    scratch.setRange(0, max);
    scratch.applyNiceNumbers();
    if (axis->min() != scratch.min() || axis->max() != scratch.max()) {
        axis->setRange(scratch.min(), scratch.max());
    }
    if (axis->tickCount() != scratch.tickCount()) {
        axis->setTickCount(scratch.tickCount());
    }
}

void setBarValues(QBarSet* set, const QList<qreal>& values)
{
    if (set->count() != values.size()) {
        if (set->count() > 0) {
            set->remove(0, set->count());
        }
        set->append(values);
        return;
    }
    for (int i = 0; i < values.size(); ++i) {
        if (set->at(i) != values[i]) {
            set->replace(i, values[i]);
        }
    }
}

void replacePoints(QXYSeries* series, const QList<QPointF>& points)
{
    if (series->points() != points) {
        series->replace(points);
    }
}

void setTitle(QAbstractAxis* axis, const QString& title)
{
    if (axis->titleText() != title) {
        axis->setTitleText(title);
    }
}

QValueAxis* valueAxis(const QString& title, const QString& labelFormat)
{
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(labelFormat);
    axis->setMin(0);
    return axis;
}

void fitDecimals(QValueAxis* axis, double max, const QString& prefix)
{
    const double step = max / 4; // the five ticks an axis has before nice numbers widen it
    const int decimals = step > 0 ? std::clamp(int(std::ceil(-std::log10(step))), 0, 6) : 0;
    const QString format = prefix + QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f");
    if (axis->labelFormat() != format) {
        axis->setLabelFormat(format);
    }
}

QString formatCount(qint64 count)
{
    return QLocale().toString(count);
}

QString formatPercent(double percent, int decimals)
{
    // The sign's place is the language's ("33,3 %" in German): a translated pattern.
    return QCoreApplication::translate("ChartStyle", "%1%").arg(QLocale().toString(percent, 'f', decimals));
}

void showTip(const QString& text)
{
    QToolTip::showText(QCursor::pos(), text);
}

void hideTip()
{
    QToolTip::hideText();
}

QString formatBucket(const QDateTime& start, LedgerBucket bucket)
{
    const QDateTime local = start.toLocalTime();
    const QLocale locale;
    if (bucket == LedgerBucket::Hour) {
        return locale.toString(local, QCoreApplication::translate("ChartStyle", "ddd MMM d, HH:00"));
    }
    return locale.toString(local, QCoreApplication::translate("ChartStyle", "ddd MMM d yyyy"));
}
} // namespace ChartStyle
