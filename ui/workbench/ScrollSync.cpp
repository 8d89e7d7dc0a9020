#include "ui/workbench/ScrollSync.h"

#include <QScrollBar>

void ScrollSync::add(QScrollBar* bar)
{
    m_bars.append(bar);
    connect(bar, &QScrollBar::valueChanged, this, [this, bar] { follow(bar); });
    connect(bar, &QObject::destroyed, this,
            [this] { m_bars.removeIf([](const QPointer<QScrollBar>& b) { return b.isNull(); }); });
}

void ScrollSync::follow(QScrollBar* source)
{
    if (!m_enabled || m_syncing) {
        return;
    }
    m_syncing = true;
    const double ratio = source->maximum() > 0 ? double(source->value()) / source->maximum() : 0.0;
    for (const QPointer<QScrollBar>& bar : std::as_const(m_bars)) {
        if (bar && bar != source) {
            bar->setValue(qRound(ratio * bar->maximum()));
        }
    }
    m_syncing = false;
}
