#pragma once

#include "core/evaluation/TierAdvice.h"

#include <QWidget>

#include <memory>

class Engine;
class EvaluationStore;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class RoutingDocument;

// The routing editor's "Evaluation advice" tab: for an evaluation kept in the ledger and a tier of
// the policy being edited, the models' figures over the prompts the rules send to that tier, the
// cheapest model that passes (TierAdvice), and a button that makes it the tier's primary as one
// undoable edit.
class EvaluationAdvicePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationAdvicePanel)

public:
    EvaluationAdvicePanel(Engine& engine, RoutingDocument* document, QWidget* parent = nullptr);
    ~EvaluationAdvicePanel() override;

    // Reads the ledger's evaluations again, keeping the one shown when it is still there.
    void reload();
    // Evaluation `id` (the newest when 0), for the tier picked.
    void showEvaluation(qint64 id);
    void showTier(const QString& tier);
    const TierAdvice& advice() const { return m_advice; }
    QPushButton* applyButton() const { return m_apply; }
    QTableWidget* table() const { return m_table; }
    QString summaryText() const;
    // Makes the suggested model the tier's primary (one undoable edit); false when nothing changes.
    bool applySuggestion();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refreshTiers();
    void refresh();

    Engine& m_engine;
    RoutingDocument* m_document;
    std::unique_ptr<EvaluationStore> m_store;
    QList<EvaluationInfo> m_evaluations;
    qint64 m_shown = 0;
    QList<EvaluationCell> m_cells;
    TierAdvice m_advice;
    QComboBox* m_evaluationPicker;
    QComboBox* m_tierPicker;
    QTableWidget* m_table;
    QLabel* m_summary;
    QPushButton* m_apply;
};
