#pragma once

#include "core/evaluation/EvaluationExport.h"

#include <QDialog>

#include <memory>

class Engine;
class EvaluationMatrixModel;
class EvaluationRunBar;
class EvaluationStore;
class QPushButton;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QTableView;

// Tools > "Evaluation results...": the evaluations in the ledger (`switchyard eval run`), one at a
// time as a matrix of prompts x models with the totals, the cheapest model that passes, and
// exports as CSV, JSONL or HTML. With an engine (enableRuns), it also starts, pauses, cancels and
// resumes runs (EvaluationRunBar), the matrix filling in as cells end.
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
    // Adds the run box over the matrix and "Resume evaluation" for an incomplete one.
    void enableRuns(Engine& engine);
    // Puts a prompt set into the run box (after enableRuns), these models checked.
    void openSet(const QString& path, const QStringList& models);
    EvaluationRunBar* runBar() const { return m_runBar; }
    QPushButton* resumeButton() const { return m_resume; }

private:
    void exportAs(EvaluationExport::Format format);
    // Reads the list of evaluations again (a run started or ended), keeping the one shown.
    void reloadList();
    void showSummary();
    void updateResume();

    std::unique_ptr<EvaluationStore> m_store;
    QList<EvaluationInfo> m_evaluations;
    EvaluationMatrixModel* m_model;
    QComboBox* m_picker;
    QTableView* m_table;
    QLabel* m_summary;
    QLabel* m_error;
    EvaluationRunBar* m_runBar = nullptr;
    QPushButton* m_resume = nullptr;
    QHBoxLayout* m_top = nullptr;
};
