#pragma once

#include "ui/dashboard/DashboardCharts.h"

#include <QChart>

// Base of the dashboard's charts. A chart is created once per panel and kept: each refresh
// replaces the data of its series in place and touches axes only where the range or labels
// changed, so a refresh repaints what changed instead of laying out a new chart from scratch.
class DashboardChart : public QChart
{
    Q_OBJECT

public:
    DashboardChart();

protected:
    // Colours and fonts from the palette, again only when the palette changed or `force`
    // (after series were added, whose legend markers need the label colour).
    void applyStyle(const QPalette& palette, bool force = false);
    // Legend labels that fit the new width without two reading the same (LegendLabels).
    void resizeEvent(QGraphicsSceneResizeEvent* event) override;

private:
    qint64 m_paletteKey = 0;
};
