#include "ui/workbench/ColumnsArea.h"

#include "ui/workbench/ColumnView.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QPointer>
#include <QScrollArea>
#include <QStackedLayout>
#include <QTabWidget>
#include <QTimer>

#include <cmath>

namespace {
QScrollArea* scrollArea(QWidget* content, QWidget* parent)
{
    auto* area = new QScrollArea(parent);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(content);
    return area;
}
} // namespace

ColumnsArea::ColumnsArea(QWidget* parent)
    : QWidget(parent)
{
    m_row = new QWidget;
    m_rowLayout = new QHBoxLayout(m_row);
    m_rowLayout->setContentsMargins(0, 0, 0, 0);
    m_rowLayout->setSpacing(8);
    m_rowScroll = scrollArea(m_row, this);
    m_rowScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_grid = new QWidget;
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    m_gridLayout->setSpacing(8);
    m_gridScroll = scrollArea(m_grid, this);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setElideMode(Qt::ElideRight);

    m_stack = new QStackedLayout(this);
    m_stack->addWidget(m_rowScroll);
    m_stack->addWidget(m_gridScroll);
    m_stack->addWidget(m_tabs);
}

void ColumnsArea::setLayoutMode(WorkbenchSettings::Layout mode)
{
    if (mode == m_mode) {
        return;
    }
    m_mode = mode;
    rebuild();
}

void ColumnsArea::insertView(int index, ColumnView* view)
{
    m_views.insert(qBound(0, index, int(m_views.size())), view);
    rebuild();
}

void ColumnsArea::removeView(int index)
{
    if (index < 0 || index >= m_views.size()) {
        return;
    }
    ColumnView* view = m_views.takeAt(index);
    view->hide();
    view->setParent(nullptr);
    rebuild();
    view->deleteLater();
}

void ColumnsArea::updateTabTitle(ColumnView* view)
{
    const int index = m_tabs->indexOf(view);
    if (index >= 0) {
        m_tabs->setTabText(index, view->run()->title());
        m_tabs->setTabToolTip(index, view->run()->statusText());
    }
}

int ColumnsArea::gridColumns() const
{
    const int count = int(m_views.size());
    const int wanted = count <= 2 ? qMax(1, count) : int(std::ceil(std::sqrt(double(count))));
    // A narrow window gets fewer columns and more rows, scrolling one way only.
    const int minimum = m_views.isEmpty() ? 1 : qMax(1, m_views.first()->minimumWidth());
    const int spacing = m_gridLayout->spacing();
    const int fit = qMax(1, (width() + spacing) / (minimum + spacing));
    return qMax(1, qMin(wanted, fit));
}

void ColumnsArea::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_mode == WorkbenchSettings::Layout::Grid && gridColumns() != m_gridColumns) {
        rebuild();
    }
}

void ColumnsArea::scrollToView(ColumnView* view)
{
    QPointer<ColumnView> target(view);
    QTimer::singleShot(0, this, [this, target] {
        if (!target) {
            return;
        }
        switch (m_mode) {
        case WorkbenchSettings::Layout::SideBySide:
            m_rowScroll->ensureWidgetVisible(target, 0, 0);
            break;
        case WorkbenchSettings::Layout::Grid:
            m_gridScroll->ensureWidgetVisible(target, 0, 0);
            break;
        case WorkbenchSettings::Layout::Tabs:
            m_tabs->setCurrentWidget(target);
            break;
        }
    });
}

void ColumnsArea::rebuild()
{
    // Take every view out of whatever holds it, then put them where the mode wants them.
    while (m_tabs->count() > 0) {
        m_tabs->removeTab(0);
    }
    while (QLayoutItem* item = m_rowLayout->takeAt(0)) {
        delete item;
    }
    while (QLayoutItem* item = m_gridLayout->takeAt(0)) {
        delete item;
    }
    for (int c = 0; c < m_gridLayout->columnCount(); ++c) {
        m_gridLayout->setColumnStretch(c, 0);
    }
    for (int r = 0; r < m_gridLayout->rowCount(); ++r) {
        m_gridLayout->setRowStretch(r, 0);
    }

    const int count = int(m_views.size());
    switch (m_mode) {
    case WorkbenchSettings::Layout::SideBySide:
        for (auto* view : std::as_const(m_views)) {
            m_rowLayout->addWidget(view, 1);
        }
        m_stack->setCurrentWidget(m_rowScroll);
        break;
    case WorkbenchSettings::Layout::Grid: {
        const int columns = gridColumns();
        m_gridColumns = columns;
        for (int i = 0; i < count; ++i) {
            m_views[i]->setMinimumHeight(280);
            m_gridLayout->addWidget(m_views[i], i / columns, i % columns);
        }
        for (int c = 0; c < columns; ++c) {
            m_gridLayout->setColumnStretch(c, 1);
        }
        for (int r = 0; r < (count + columns - 1) / columns; ++r) {
            m_gridLayout->setRowStretch(r, 1);
        }
        m_stack->setCurrentWidget(m_gridScroll);
        break;
    }
    case WorkbenchSettings::Layout::Tabs:
        for (auto* view : std::as_const(m_views)) {
            m_tabs->addTab(view, view->run()->title());
            updateTabTitle(view);
        }
        m_stack->setCurrentWidget(m_tabs);
        break;
    }
    for (auto* view : std::as_const(m_views)) {
        if (m_mode != WorkbenchSettings::Layout::Grid) {
            view->setMinimumHeight(0);
        }
        view->show();
    }
}
