#pragma once

#include "core/workbench/ColumnSpec.h"
#include "core/workbench/ModelCatalog.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;
class QDialogButtonBox;

// Picks models for new columns: searchable, grouped by provider, with prices per 1M tokens.
// Ticked models become columns, in the order ticked; a model may be added again later with
// other settings. With a router, a "Route it" entry adds a column whose model the router picks.
class ModelPickerDialog : public QDialog
{
    Q_OBJECT

public:
    // The id chosenModels() uses for the "Route it" entry.
    static QString routeItId() { return QStringLiteral(":route"); }

    ModelPickerDialog(const ModelCatalog& catalog, int freeSlots, bool offerRouteIt = false, QWidget* parent = nullptr);

    QStringList chosenModels() const { return m_chosen; }
    // The chosen entries as columns, in the order ticked.
    QList<ColumnSpec> chosenColumns() const;
    void setFilterText(const QString& text);
    // Ticks or unticks a model as a click would (tests, keyboard).
    void setChosen(const QString& modelId, bool chosen);
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTreeView* view() const { return m_view; }

private:
    void onItemChanged(class QStandardItem* item);
    void updateSummary();

    QStandardItemModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_search;
    QTreeView* m_view;
    QLabel* m_summary;
    QDialogButtonBox* m_buttons;
    QStringList m_chosen;
    int m_freeSlots;
};
