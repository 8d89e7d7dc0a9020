#pragma once

#include "core/reconcile/ReconcileTypes.h"

#include <QAbstractTableModel>

// A reconciliation's rows for a table: the provider's figure next to the ledger's, the drift,
// and the status and drift coloured with StatusColors when a row is flagged.
class ReconcileModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReconcileModel)

public:
    enum Column
    {
        Day,
        Model,
        Key,
        Status,
        ProviderCost,
        LedgerCost,
        ProviderTokens,
        LedgerTokens,
        Drift,
        ColumnCount,
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setReport(const ReconcileReport& report);
    const ReconcileReport& report() const { return m_report; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ReconcileReport m_report;
};
