#include "ui/common/FigureGridLayout.h"

#include <QWidget>

#include <numeric>

FigureGridLayout::FigureGridLayout(QWidget* parent)
    : QLayout(parent)
{
    setContentsMargins(0, 0, 0, 0);
}

FigureGridLayout::~FigureGridLayout()
{
    qDeleteAll(m_items);
}

void FigureGridLayout::setSpacings(int horizontal, int vertical)
{
    m_hSpacing = horizontal;
    m_vSpacing = vertical;
    invalidate();
}

void FigureGridLayout::addItem(QLayoutItem* item)
{
    m_items.append(item);
}

int FigureGridLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem* FigureGridLayout::itemAt(int index) const
{
    return index >= 0 && index < m_items.size() ? m_items.at(index) : nullptr;
}

QLayoutItem* FigureGridLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

Qt::Orientations FigureGridLayout::expandingDirections() const
{
    return Qt::Horizontal;
}

bool FigureGridLayout::hasHeightForWidth() const
{
    return true;
}

QList<QLayoutItem*> FigureGridLayout::visibleItems() const
{
    QList<QLayoutItem*> items;
    for (QLayoutItem* item : m_items) {
        if (!item->isEmpty()) {
            items.append(item);
        }
    }
    return items;
}

QList<int> FigureGridLayout::columnWidths(int columns) const
{
    const QList<QLayoutItem*> items = visibleItems();
    QList<int> widths(columns, 0);
    for (int i = 0; i < items.size(); ++i) {
        widths[i % columns] = qMax(widths[i % columns], items.at(i)->sizeHint().width());
    }
    return widths;
}

int FigureGridLayout::columnsFor(int width) const
{
    const int n = int(visibleItems().size());
    if (n == 0) {
        return 1;
    }
    // Balanced rows: five figures go 5, 3+2, 2+2+1, then one per row.
    for (int rows = 1; rows <= n; ++rows) {
        const int columns = (n + rows - 1) / rows;
        if (rows > 1 && (n + columns - 1) / columns != rows) {
            continue; // the same grid as a smaller row count
        }
        const QList<int> widths = columnWidths(columns);
        const int needed = std::accumulate(widths.begin(), widths.end(), 0) + m_hSpacing * (columns - 1);
        if (needed <= width) {
            return columns;
        }
    }
    return 1;
}

int FigureGridLayout::rowHeight(int columns, int row) const
{
    const QList<QLayoutItem*> items = visibleItems();
    int height = 0;
    for (int i = row * columns; i < qMin(int(items.size()), (row + 1) * columns); ++i) {
        height = qMax(height, items.at(i)->sizeHint().height());
    }
    return height;
}

int FigureGridLayout::heightFor(int columns) const
{
    const int n = int(visibleItems().size());
    const int rows = (n + columns - 1) / columns;
    int height = 0;
    for (int row = 0; row < rows; ++row) {
        height += rowHeight(columns, row);
    }
    const QMargins margins = contentsMargins();
    return height + m_vSpacing * qMax(0, rows - 1) + margins.top() + margins.bottom();
}

int FigureGridLayout::heightForWidth(int width) const
{
    const QMargins margins = contentsMargins();
    return heightFor(columnsFor(width - margins.left() - margins.right()));
}

QSize FigureGridLayout::sizeHint() const
{
    const int n = int(visibleItems().size());
    const QList<int> widths = columnWidths(qMax(1, n));
    const QMargins margins = contentsMargins();
    const int width = std::accumulate(widths.begin(), widths.end(), 0) + m_hSpacing * qMax(0, n - 1);
    return { width + margins.left() + margins.right(), heightFor(qMax(1, n)) };
}

QSize FigureGridLayout::minimumSize() const
{
    // As narrow as the widest figure (one per row); the height then comes from heightForWidth().
    const QList<int> widths = columnWidths(1);
    const QMargins margins = contentsMargins();
    return { widths.value(0) + margins.left() + margins.right(), heightFor(qMax(1, int(visibleItems().size()))) };
}

void FigureGridLayout::setGeometry(const QRect& rect)
{
    QLayout::setGeometry(rect);
    const QRect area = contentsRect();
    const int columns = columnsFor(area.width());
    QList<int> widths = columnWidths(columns);
    // The room left over is shared out equally, so the figures spread across the column.
    const int used = std::accumulate(widths.begin(), widths.end(), 0) + m_hSpacing * (columns - 1);
    const int extra = qMax(0, area.width() - used);
    for (int c = 0; c < columns; ++c) {
        widths[c] += extra / columns + (c < extra % columns ? 1 : 0);
    }
    const QList<QLayoutItem*> items = visibleItems();
    int y = area.top();
    for (int row = 0; row * columns < items.size(); ++row) {
        const int height = rowHeight(columns, row);
        int x = area.left();
        for (int c = 0; c < columns && row * columns + c < items.size(); ++c) {
            items.at(row * columns + c)->setGeometry(QRect(x, y, widths.at(c), height));
            x += widths.at(c) + m_hSpacing;
        }
        y += height + m_vSpacing;
    }
}
