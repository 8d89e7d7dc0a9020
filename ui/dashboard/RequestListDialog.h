#pragma once

#include "core/ledger/LedgerRecords.h"

#include <QDialog>

class QLabel;
class QStandardItemModel;
class QTableView;

// The requests behind a clicked chart element or failover: opens at once saying it is loading,
// then shows the rows when the dashboard's worker has found them, newest first. Under them, every
// attempt of the selected request: the failed ones that led to a failover and the final one.
class RequestListDialog : public QDialog
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        SourceColumn,
        TierColumn,
        ModelColumn,
        ProviderColumn,
        StatusColumn,
        LatencyColumn,
        TokensColumn,
        CostColumn,
        FailureColumn,
    };
    enum AttemptColumn
    {
        AttemptNumberColumn,
        AttemptProviderColumn,
        AttemptModelColumn,
        AttemptOutcomeColumn,
        AttemptFailureColumn,
        AttemptHttpStatusColumn,
        AttemptLatencyColumn,
        AttemptMessageColumn,
    };
    // The value a column sorts by (a time, a duration, a count), not its text.
    static constexpr int kSortRole = Qt::UserRole + 1;

    RequestListDialog(const QString& title, quint64 generation, QWidget* parent = nullptr);

    quint64 generation() const { return m_generation; }
    void setRequests(const QList<RequestRecord>& requests, bool truncated);
    const QList<RequestRecord>& requests() const { return m_requests; }
    QStandardItemModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QStandardItemModel* attemptsModel() const { return m_attempts; }
    QTableView* attemptsTable() const { return m_attemptsTable; }
    QLabel* statusLabel() const { return m_status; }
    // Saves the listed requests as CSV, and says where in the dialog.
    bool exportCsv(const QString& path);

private:
    void showAttempts(int request);

    quint64 m_generation;
    QList<RequestRecord> m_requests;
    QLabel* m_status;
    QStandardItemModel* m_model;
    QTableView* m_table;
    QLabel* m_attemptsTitle;
    QStandardItemModel* m_attempts;
    QTableView* m_attemptsTable;
};
