#include "ui/dashboard/DashboardChart.h"

#include "ui/dashboard/ChartStyle.h"

#include <QPalette>

DashboardChart::DashboardChart()
{
    ChartStyle::initChart(this);
}

void DashboardChart::applyStyle(const QPalette& palette, bool force)
{
    if (!force && palette.cacheKey() == m_paletteKey) {
        return;
    }
    m_paletteKey = palette.cacheKey();
    setBackgroundBrush(palette.base());
    ChartStyle::apply(this, palette);
}
