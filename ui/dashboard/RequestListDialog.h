#pragma once

#include "core/ledger/LedgerRecords.h"

#include <QDialog>

class QLabel;
class QStandardItemModel;
class QTableView;

// The requests behind a clicked chart element: opens at once saying it is loading, then
// shows the rows when the dashboard's worker has found them.
class RequestListDialog : public QDialog
{
    Q_OBJECT

public:
    RequestListDialog(const QString& title, quint64 generation, QWidget* parent = nullptr);

    quint64 generation() const { return m_generation; }
    void setRequests(const QList<RequestRecord>& requests, bool truncated);
    const QList<RequestRecord>& requests() const { return m_requests; }
    QStandardItemModel* model() const { return m_model; }

private:
    void exportCsv();

    quint64 m_generation;
    QList<RequestRecord> m_requests;
    QLabel* m_status;
    QStandardItemModel* m_model;
    QTableView* m_table;
};
