#pragma once

#include <QLayout>
#include <QList>

// Lays out small figures (a caption over a value) in as few rows as fit the width, as a grid whose
// columns are as wide as their widest figure: five figures in one row when there is room, else
// three and two, and so on. A figure is never given less than its size hint, so a value is never
// cut to a different one ("$0.000048" read as "$0.0000"); the height follows the row count.
class FigureGridLayout final : public QLayout
{
public:
    explicit FigureGridLayout(QWidget* parent = nullptr);
    ~FigureGridLayout() override;
    Q_DISABLE_COPY_MOVE(FigureGridLayout)

    void setSpacings(int horizontal, int vertical);
    // How many figures a row holds at this width (for tests and the layout itself).
    int columnsFor(int width) const;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSize() const override;
    void setGeometry(const QRect& rect) override;

private:
    // Widths of the grid's columns when a row holds `columns` figures.
    QList<int> columnWidths(int columns) const;
    int rowHeight(int columns, int row) const;
    int heightFor(int columns) const;
    QList<QLayoutItem*> visibleItems() const;

    QList<QLayoutItem*> m_items;
    int m_hSpacing = 12;
    int m_vSpacing = 4;
};
