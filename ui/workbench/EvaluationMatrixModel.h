#pragma once

#include "core/evaluation/EvaluationStore.h"
#include "core/evaluation/EvaluationSummary.h"

#include <QAbstractTableModel>

// An evaluation's results as a table: a row per prompt, a column per model, each cell its verdict
// (with the judge's score), cost and latency; below them the totals per model (pass rate with its
// 95 % interval, cost, cost per pass, p50 / p95 latency).
class EvaluationMatrixModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationMatrixModel)

public:
    enum TotalsRow
    {
        PassRateRow,
        CostRow,
        CostPerPassRow,
        LatencyRow,
        TotalsRowCount,
    };

    explicit EvaluationMatrixModel(QObject* parent = nullptr);

    void setEvaluation(const EvaluationInfo& info, const QList<EvaluationCell>& cells);
    const EvaluationInfo& info() const { return m_info; }
    const QList<EvaluationCell>& cells() const { return m_cells; }
    const QList<ModelSummary>& summaries() const { return m_summaries; }
    // The first totals row.
    int totalsRow() const { return int(m_info.prompts.items().size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const EvaluationCell* cellAt(int prompt, int model) const;
    QString cellText(const EvaluationCell* cell) const;
    QString totalsText(int row, const ModelSummary& summary) const;

    EvaluationInfo m_info;
    QList<EvaluationCell> m_cells;
    QList<ModelSummary> m_summaries;
};
