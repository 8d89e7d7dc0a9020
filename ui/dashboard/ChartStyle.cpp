#include "ChartStyle.h"

#include <algorithm>
#include <cmath>

#include <QChart>
#include <QCursor>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLocale>
#include <QPalette>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace ChartStyle {
QChart* newChart(const QPalette& palette)
{
    auto* chart = new QChart;
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundBrush(palette.base());
    chart->setBackgroundPen(Qt::NoPen);
    return chart;
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
    chart->legend()->setLabelColor(text);
    chart->legend()->setFont(small);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
}

QDateTimeAxis* timeAxis(const LedgerFilter& filter, LedgerBucket bucket)
{
    // Ticks on whole hours or whole days: the range is widened to a multiple of the tick step.
    auto* axis = new QDateTimeAxis;
    const bool hours = filter.from.secsTo(filter.until) <= 2 * 86400;
    const qint64 unit = hours ? 3600 : 86400;
    const qint64 first = filter.from.toSecsSinceEpoch() / unit * unit;
    const qint64 units = std::max<qint64>(1, (filter.until.toSecsSinceEpoch() - first + unit - 1) / unit);
    const qint64 step = (units + 7) / 8;
    const qint64 steps = (units + step - 1) / step;
    axis->setFormat(hours ? QStringLiteral("HH:mm") : QStringLiteral("MMM d"));
    axis->setRange(QDateTime::fromSecsSinceEpoch(first, Qt::UTC).toLocalTime(),
                   QDateTime::fromSecsSinceEpoch(first + steps * step * unit, Qt::UTC).toLocalTime());
    axis->setTickCount(int(steps) + 1);
    Q_UNUSED(bucket)
    return axis;
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
    const double step = max / std::max(1, axis->tickCount() - 1);
    const int decimals = step > 0 ? std::clamp(int(std::ceil(-std::log10(step))), 0, 6) : 0;
    axis->setLabelFormat(prefix + QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f"));
}

QString formatUsd(double usd)
{
    const QLocale locale;
    const QString sign = usd < 0 ? QStringLiteral("-") : QString();
    const int decimals = usd != 0 && qAbs(usd) < 0.01 ? 4 : 2;
    return sign + QStringLiteral("$") + locale.toString(qAbs(usd), 'f', decimals);
}

QString formatCount(qint64 count)
{
    return QLocale().toString(count);
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
        return locale.toString(local, QStringLiteral("ddd MMM d, HH:00"));
    }
    return locale.toString(local, QStringLiteral("ddd MMM d yyyy"));
}
} // namespace ChartStyle
