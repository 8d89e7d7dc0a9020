#pragma once

#include "core/ledger/PrimaryReview.h"

#include <QFrame>

class QLabel;
class QStandardItemModel;
class QTableView;

// The dashboard's "Primaries" card: per tier, the model its chain tries first, how often it
// failed over and how its provider held up over the selected period; a primary above the
// failover-rate threshold is marked with the fallback to promote (PrimaryAdvice says it).
class PrimariesCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrimariesCard)

public:
    enum Column
    {
        TierColumn,
        PrimaryColumn,
        RequestsColumn,
        FailoverRateColumn,
        UptimeColumn,
        SuggestionColumn,
        ColumnCount,
    };

    explicit PrimariesCard(QWidget* parent = nullptr);

    void setRows(const QList<PrimaryReview::Row>& rows, const FailoverRateRule& rule);
    // Instead of the table: why there is nothing to show.
    void showEmpty(const QString& text);

    QTableView* table() const { return m_table; }
    QStandardItemModel* model() const { return m_model; }
    // The note under the title: the threshold, or why the table is empty.
    QString note() const;

private:
    void fitHeight();

    QLabel* m_note;
    QStandardItemModel* m_model;
    QTableView* m_table;
};
