#include "ui/dashboard/DashboardChart.h"

#include "ui/dashboard/ChartStyle.h"
#include "ui/dashboard/LegendLabels.h"

#include <QGraphicsSceneResizeEvent>

#include <QPalette>

DashboardChart::DashboardChart()
{
    ChartStyle::initChart(this);
}

void DashboardChart::applyStyle(const QPalette& palette, bool force)
{
    if (force || palette.cacheKey() != m_paletteKey) {
        m_paletteKey = palette.cacheKey();
        setBackgroundBrush(palette.base());
        ChartStyle::apply(this, palette);
    }
    // Every setData() ends here, with the series' names as they now are.
    LegendLabels::apply(this, size().width());
}

void DashboardChart::resizeEvent(QGraphicsSceneResizeEvent* event)
{
    QChart::resizeEvent(event);
    LegendLabels::apply(this, event->newSize().width());
}
