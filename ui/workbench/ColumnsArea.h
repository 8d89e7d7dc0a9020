#pragma once

#include "core/workbench/WorkbenchSettings.h"

#include <QList>
#include <QWidget>

class ColumnView;
class QGridLayout;
class QHBoxLayout;
class QScrollArea;
class QStackedLayout;
class QTabWidget;

// Arranges the column views side by side (scrolling horizontally past what fits), in a grid, or
// as tabs for narrow windows. Owns the views; moves them between containers on a layout change.
class ColumnsArea : public QWidget
{
    Q_OBJECT

public:
    explicit ColumnsArea(QWidget* parent = nullptr);

    void setLayoutMode(WorkbenchSettings::Layout mode);
    WorkbenchSettings::Layout layoutMode() const { return m_mode; }

    void insertView(int index, ColumnView* view);
    void removeView(int index); // deletes it
    const QList<ColumnView*>& views() const { return m_views; }
    QTabWidget* tabs() const { return m_tabs; }
    void updateTabTitle(ColumnView* view);
    // Scrolls (or switches tabs) so that the view is shown, once it is laid out.
    void scrollToView(ColumnView* view);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();
    // Grid columns: as many as the width holds at the views' minimum width, at most sqrt(n) rounded up.
    int gridColumns() const;

    WorkbenchSettings::Layout m_mode = WorkbenchSettings::Layout::SideBySide;
    QList<ColumnView*> m_views;
    QStackedLayout* m_stack;
    QScrollArea* m_rowScroll;
    QWidget* m_row;
    QHBoxLayout* m_rowLayout;
    QScrollArea* m_gridScroll;
    QWidget* m_grid;
    QGridLayout* m_gridLayout;
    QTabWidget* m_tabs;
    int m_gridColumns = 0;
};
