#pragma once

#include "core/evaluation/EvaluationExport.h"

#include <QDialog>

#include <memory>

class EvaluationMatrixModel;
class EvaluationStore;
class QComboBox;
class QLabel;
class QTableView;

// Tools > "Evaluation results...": the evaluations in the ledger (`switchyard eval run`), one at a
// time as a matrix of prompts x models with the totals, the cheapest model that passes, and
// exports as CSV, JSONL or HTML.
class EvaluationMatrixDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationMatrixDialog)

public:
    explicit EvaluationMatrixDialog(const QString& ledgerLocation, QWidget* parent = nullptr);
    ~EvaluationMatrixDialog() override;

    EvaluationMatrixModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QString summaryText() const;
    QString errorText() const;
    // Shows evaluation `id` (the newest when 0).
    void showEvaluation(qint64 id);
    void fitColumns();

private:
    void exportAs(EvaluationExport::Format format);

    std::unique_ptr<EvaluationStore> m_store;
    QList<EvaluationInfo> m_evaluations;
    EvaluationMatrixModel* m_model;
    QComboBox* m_picker;
    QTableView* m_table;
    QLabel* m_summary;
    QLabel* m_error;
};
