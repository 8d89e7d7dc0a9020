#pragma once

#include "core/config/ConfigProblem.h"

#include <QWidget>

class Engine;
class ModelListModel;
class QAction;
class QLabel;
class QListView;
class QListWidget;
class QTableView;
class RoutingDocument;
class RulesModel;
class RulesPane;
class SimulatePanel;
class EstimatePanel;
class EvaluationAdvicePanel;
class LearnedRulePanel;
class TierBoard;
class PrimaryReviewer;
class ProviderHealth;
class TryPromptPanel;

// The Routing page: tiers and their failover chains as columns of model cards, the rules table,
// a "try a prompt" box, undo/redo, Save (validated, atomic), Revert and LiteLLM import/export.
// Edits the engine router's policy; Save writes it into the config's routing.json.
class RoutingEditor : public QWidget
{
    Q_OBJECT

public:
    RoutingEditor(Engine& engine, QWidget* parent = nullptr);

    RoutingDocument* document() const { return m_document; }
    TierBoard* tierBoard() const { return m_board; }
    QListView* modelListView() const { return m_modelView; }
    QTableView* rulesView() const;
    RulesModel* rulesModel() const;
    TryPromptPanel* tryPanel() const { return m_try; }
    SimulatePanel* simulatePanel() const { return m_simulate; }
    EstimatePanel* estimatePanel() const { return m_estimate; }
    LearnedRulePanel* learnedPanel() const { return m_learned; }
    EvaluationAdvicePanel* evaluationPanel() const { return m_evaluation; }
    RulesPane* rulesPane() const { return m_rulesPane; }
    QListWidget* problemsList() const { return m_problems; }
    PrimaryReviewer* primaryReviewer() const { return m_primaries; }
    bool isModified() const;
    // The health the model cards and "Try a prompt" show (the status bar's).
    void setHealth(ProviderHealth* health);

    // Validates and saves; the problems (empty on success) are also listed above the tiers.
    QList<ConfigProblem> save();
    void revert();
    void addTier();
    bool importLiteLlm(const QString& path);
    bool exportLiteLlm(const QString& path);

signals:
    void saved();

private:
    QWidget* createToolBar();
    void showProblems(const QList<ConfigProblem>& problems, const QString& heading);
    void addSelectedModel();
    // Selects what a problem's path (rules[2].pattern, tiers[1].chain[0]) points at.
    void showPlace(const QString& path);
    void editSettings(const QString& tier);
    void updateState();
    void onConfigChanged();

    Engine& m_engine;
    RoutingDocument* m_document;
    ModelListModel* m_modelList;
    QListView* m_modelView;
    TierBoard* m_board;
    RulesPane* m_rulesPane;
    TryPromptPanel* m_try;
    SimulatePanel* m_simulate;
    EstimatePanel* m_estimate;
    LearnedRulePanel* m_learned;
    EvaluationAdvicePanel* m_evaluation;
    QListWidget* m_problems;
    PrimaryReviewer* m_primaries;
    QLabel* m_state;
    QAction* m_saveAction = nullptr;
    QAction* m_revertAction = nullptr;
    bool m_saving = false;
};
