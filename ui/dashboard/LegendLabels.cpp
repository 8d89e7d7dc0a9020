#include "ui/dashboard/LegendLabels.h"

#include "ui/dashboard/ChartStyle.h"

#include <QAbstractSeries>
#include <QBarLegendMarker>
#include <QBarSet>
#include <QChart>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>

#include <algorithm>

namespace LegendLabels {
namespace {
QString fullName(QLegendMarker* marker)
{
    if (auto* bar = qobject_cast<QBarLegendMarker*>(marker)) {
        return bar->barset()->label();
    }
    return marker->series() ? marker->series()->name() : marker->label();
}

qsizetype sharedPrefix(const QString& a, const QString& b)
{
    qsizetype n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) {
        ++n;
    }
    return n;
}
} // namespace

QStringList fit(const QStringList& names, const QFontMetrics& metrics, int width, int overhead)
{
    QList<int> widths;
    int total = 0;
    for (const QString& name : names) {
        widths << metrics.horizontalAdvance(name);
        total += widths.constLast();
    }
    const int room = width - int(names.size()) * overhead;
    if (total <= room || names.isEmpty()) {
        return names;
    }
    // The widest entries give way first: one cap for all, the most that lets the row fit.
    QList<int> sorted = widths;
    std::sort(sorted.begin(), sorted.end());
    const int least = metrics.horizontalAdvance(QStringLiteral("abc…xyz"));
    int cap = least;
    int below = 0; // the width of the entries under the cap being tried
    for (int i = 0; i < sorted.size(); ++i) {
        const int above = int(sorted.size()) - i;
        const int candidate = (room - below) / above;
        if (candidate <= sorted[i]) {
            cap = std::max(least, candidate);
            break;
        }
        below += sorted[i];
    }
    QStringList labels;
    for (int i = 0; i < names.size(); ++i) {
        labels << (widths[i] > cap ? metrics.elidedText(names[i], Qt::ElideMiddle, cap) : names[i]);
    }
    // Names that would still read the same (they differ in the part cut out) show from a little
    // before where they differ: "…alpha-ver…" and "…betaa-ver…".
    const QStringList elided = labels;
    for (int i = 0; i < names.size(); ++i) {
        qsizetype shared = -1;
        for (int j = 0; j < names.size(); ++j) {
            if (j != i && elided[j] == elided[i] && names[j] != names[i]) {
                shared = std::max(shared, sharedPrefix(names[i], names[j]));
            }
        }
        if (shared >= 0) {
            const qsizetype from = std::max<qsizetype>(0, shared - 3);
            const QString tail = from > 0 ? QStringLiteral("…") + names[i].mid(from) : names[i];
            labels[i]
                = metrics.elidedText(tail, Qt::ElideRight, std::max(cap, metrics.horizontalAdvance(tail.left(8))));
        }
    }
    return labels;
}

void apply(QChart* chart, qreal chartWidth)
{
    QLegend* legend = chart->legend();
    if (!legend->isVisible() || chartWidth <= 0) {
        return;
    }
    const QList<QLegendMarker*> markers = legend->markers();
    QStringList names;
    for (QLegendMarker* marker : markers) {
        names << fullName(marker);
    }
    const QFontMetrics metrics(legend->font());
    qreal left = 0;
    qreal top = 0;
    qreal right = 0;
    qreal bottom = 0;
    chart->layout()->getContentsMargins(&left, &top, &right, &bottom);
    const int width = int(chartWidth - left - right - chart->margins().left() - chart->margins().right());
    // Besides its text an entry takes its marker, the space after it and the layout's margins.
    const int overhead = metrics.height() + 24;
    const QStringList labels = fit(names, metrics, width, overhead);
    bool changed = false;
    for (int i = 0; i < markers.size(); ++i) {
        QLegendMarker* marker = markers[i];
        // Set even when whole: a label once set no longer follows the series' name, so every
        // setData() comes through here again.
        if (marker->label() != labels[i]) {
            marker->setLabel(labels[i]);
            changed = true;
        }
        if (!marker->property("fullNameTip").toBool()) {
            marker->setProperty("fullNameTip", true);
            QObject::connect(marker, &QLegendMarker::hovered, marker, [marker](bool state) {
                if (state) {
                    ChartStyle::showTip(fullName(marker));
                } else {
                    ChartStyle::hideTip();
                }
            });
        }
    }
    if (changed) {
        // A new label alone does not lay the legend out again: its entries keep the text they
        // were last laid out with.
        legend->layout()->invalidate();
    }
}
} // namespace LegendLabels
