#include "ui/routing/RoutingEditor.h"

#include "core/config/LiteLlmConfig.h"
#include "core/engine/Engine.h"
#include "core/routing/PolicyEdits.h"
#include "core/routing/Router.h"
#include "ui/common/FileDialogs.h"
#include "ui/common/StatusColors.h"
#include "ui/routing/ChainModel.h"
#include "ui/routing/EstimatePanel.h"
#include "ui/routing/EvaluationAdvicePanel.h"
#include "ui/routing/LearnedRulePanel.h"
#include "ui/routing/ModelListModel.h"
#include "ui/routing/PrimaryReviewer.h"
#include "ui/routing/RoutingDocument.h"
#include "ui/routing/RulesModel.h"
#include "ui/routing/RulesPane.h"
#include "ui/routing/SimulatePanel.h"
#include "ui/routing/TierBoard.h"
#include "ui/routing/TierColumn.h"
#include "ui/routing/TierSettingsDialog.h"
#include "ui/routing/TryPromptPanel.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

RoutingEditor::RoutingEditor(Engine& engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_document(new RoutingDocument(this))
    , m_modelList(new ModelListModel(engine, this))
    , m_modelView(new QListView(this))
    , m_problems(new QListWidget(this))
    , m_state(new QLabel(this))
{
    m_document->reset(engine.router()->policy());
    m_board = new TierBoard(engine, m_document, this);
    m_rulesPane = new RulesPane(m_document, this);
    m_try = new TryPromptPanel(engine, m_document, this);
    m_simulate = new SimulatePanel(
        engine, m_document, [this] { return std::make_pair(m_try->prompt(), m_try->tags()); }, this);
    m_estimate = new EstimatePanel(engine, m_document, this);
    m_learned = new LearnedRulePanel(engine, m_document, this);
    m_evaluation = new EvaluationAdvicePanel(engine, m_document, this);
    m_primaries = new PrimaryReviewer(engine, m_document, this);

    m_modelView->setModel(m_modelList);
    m_modelView->setDragEnabled(true);
    m_modelView->setDragDropMode(QAbstractItemView::DragOnly);
    m_modelView->setAccessibleName(tr("Models (drag into a chain, or press Enter to add to the current tier)"));
    connect(m_modelView, &QListView::activated, this, &RoutingEditor::addSelectedModel);

    auto* modelsPane = new QWidget(this);
    auto* modelsLayout = new QVBoxLayout(modelsPane);
    modelsLayout->setContentsMargins(0, 0, 0, 0);
    auto* modelsLabel = new QLabel(tr("<b>&Models</b>"), modelsPane);
    modelsLabel->setBuddy(m_modelView);
    modelsLayout->addWidget(modelsLabel);
    modelsLayout->addWidget(m_modelView);
    // How far back "reconsider your primary" looks: a week shows today's trouble, 90 days a habit.
    // Under the models, where it takes no width from the toolbar (the page must fit 960 px).
    auto* reviewLabel = new QLabel(tr("Review primaries over"), modelsPane);
    reviewLabel->setWordWrap(true);
    auto* reviewDays = new QComboBox(modelsPane);
    reviewDays->setObjectName(QStringLiteral("primaryReviewDays"));
    for (int days : { 7, 30, 90 }) {
        reviewDays->addItem(tr("%n day(s)", nullptr, days), days);
    }
    reviewDays->setToolTip(tr("The period each tier's primary is judged over: its failover rate and its "
                              "fallbacks' reliability"));
    reviewLabel->setBuddy(reviewDays);
    connect(reviewDays, &QComboBox::currentIndexChanged, this,
            [this, reviewDays] { m_primaries->setDays(reviewDays->currentData().toInt()); });
    modelsLayout->addWidget(reviewLabel);
    modelsLayout->addWidget(reviewDays);

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(modelsPane);
    top->addWidget(m_board);
    top->setStretchFactor(1, 1);
    top->setSizes({ 200, 1200 });

    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_rulesPane);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("routingToolTabs"));
    // Five tools share a pane a third of the page wide: short labels, so that every tab shows
    // without scroll arrows at 960 px; the tooltip says what each is.
    const QList<std::tuple<QWidget*, QString, QString>> tools {
        { m_try, tr("Tr&y"), tr("Try a prompt: which tier and rule it gets, and why") },
        { m_simulate, tr("&Outage"), tr("Simulate an outage: what the chains fall back to") },
        { m_estimate, tr("&Cost"), tr("What it would cost: the policy priced over your traffic") },
        { m_learned, tr("Lear&ned"), tr("The learned rule's threshold and its curve") },
        { m_evaluation, tr("Eva&luation"), tr("Evaluation advice: the cheapest model that passes, per tier") },
    };
    for (const auto& [page, label, tip] : tools) {
        tabs->setTabToolTip(tabs->addTab(page, label), tip);
    }
    // The learned rule selected in the rules table is the one the slider moves.
    connect(m_rulesPane->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, m_learned,
            [this](const QModelIndex& current) { m_learned->showRule(current.row()); });
    bottom->addWidget(tabs);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({ 850, 550 });

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setSizes({ 420, 440 });

    m_problems->setAccessibleName(tr("Problems"));
    m_problems->hide();
    connect(m_problems, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { showPlace(item->data(Qt::UserRole).toString()); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(createToolBar());
    layout->addWidget(m_problems);
    layout->addWidget(split, 1);

    connect(m_board, &TierBoard::settingsRequested, this, &RoutingEditor::editSettings);
    connect(m_document, &RoutingDocument::policyChanged, this, &RoutingEditor::updateState);
    connect(&engine, &Engine::configChanged, this, &RoutingEditor::onConfigChanged);
    updateState();
}

QWidget* RoutingEditor::createToolBar()
{
    auto* bar = new QWidget(this);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    auto addButton = [this, layout](QAction* action) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        layout->addWidget(button);
        return action;
    };
    QUndoStack* undo = m_document->undoStack();
    // Fixed labels, the step they undo in the tooltip: "Undo move gpt-5" as the label made the
    // toolbar jump with every edit.
    auto* undoAction = new QAction(tr("Undo"), this);
    undoAction->setObjectName(QStringLiteral("undoAction"));
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setEnabled(undo->canUndo());
    connect(undoAction, &QAction::triggered, undo, &QUndoStack::undo);
    connect(undo, &QUndoStack::canUndoChanged, undoAction, &QAction::setEnabled);
    connect(undo, &QUndoStack::undoTextChanged, undoAction,
            [undoAction](const QString& text) { undoAction->setToolTip(tr("Undo %1").arg(text)); });
    addButton(undoAction);
    auto* redoAction = new QAction(tr("Redo"), this);
    redoAction->setObjectName(QStringLiteral("redoAction"));
    // Ctrl+Y besides the platform's Ctrl+Shift+Z, as most editors take it.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Y))) {
        redoKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Y));
    }
    redoAction->setShortcuts(redoKeys);
    redoAction->setEnabled(undo->canRedo());
    connect(redoAction, &QAction::triggered, undo, &QUndoStack::redo);
    connect(undo, &QUndoStack::canRedoChanged, redoAction, &QAction::setEnabled);
    connect(undo, &QUndoStack::redoTextChanged, redoAction,
            [redoAction](const QString& text) { redoAction->setToolTip(tr("Redo %1").arg(text)); });
    addButton(redoAction);
    m_saveAction = addButton(new QAction(tr("&Save"), this));
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &RoutingEditor::save);
    m_revertAction = addButton(new QAction(tr("Re&vert"), this));
    connect(m_revertAction, &QAction::triggered, this, &RoutingEditor::revert);
    QAction* addTierAction = addButton(new QAction(tr("Add &tier"), this));
    addTierAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(addTierAction, &QAction::triggered, this, &RoutingEditor::addTier);
    QAction* importAction = addButton(new QAction(tr("&Import LiteLLM…"), this));
    connect(importAction, &QAction::triggered, this, [this] {
        const QString path = FileDialogs::openFileName(this, tr("Import LiteLLM config"), {},
                                                       tr("YAML (*.yaml *.yml);;All files (*)"));
        if (!path.isEmpty()) {
            importLiteLlm(path);
        }
    });
    QAction* exportAction = addButton(new QAction(tr("&Export LiteLLM…"), this));
    connect(exportAction, &QAction::triggered, this, [this] {
        const QString path = FileDialogs::saveFileName(this, tr("Export LiteLLM config"), QStringLiteral("config.yaml"),
                                                       tr("YAML (*.yaml *.yml)"));
        if (!path.isEmpty()) {
            exportLiteLlm(path);
        }
    });
    layout->addStretch(1);
    layout->addWidget(m_state);
    return bar;
}

QTableView* RoutingEditor::rulesView() const
{
    return m_rulesPane->view();
}

RulesModel* RoutingEditor::rulesModel() const
{
    return m_rulesPane->model();
}

bool RoutingEditor::isModified() const
{
    return m_document->policy() != m_engine.router()->policy();
}

void RoutingEditor::updateState()
{
    const bool modified = isModified();
    // Short: the toolbar must leave the page 960 px wide in every language; the tooltip says more.
    m_state->setText(modified ? tr("Unsaved changes") : tr("Saved"));
    m_state->setToolTip(modified ? tr("Save writes the changes to routing.json; Revert drops them") : QString());
    m_saveAction->setEnabled(modified);
    m_revertAction->setEnabled(modified);
}

void RoutingEditor::setHealth(ProviderHealth* health)
{
    m_document->setHealth(health);
}

QList<ConfigProblem> RoutingEditor::save()
{
    SwitchyardConfig config = m_engine.config();
    config.policy = m_document->policy();
    // The sandbox's models live outside the user's providers.json; the validator must see them.
    for (const auto& provider : m_engine.providers()) {
        if (provider.simulated && !config.provider(provider.id)) {
            config.providers.append(provider);
        }
    }
    for (const auto& model : m_engine.models()) {
        const ProviderConfig* provider = m_engine.provider(model.providerId);
        if (provider && provider->simulated && !config.model(model.id)) {
            config.models.append(model);
        }
    }
    m_saving = true;
    const QList<ConfigProblem> problems = m_engine.saveConfig(config);
    m_saving = false;
    if (ConfigProblems::hasErrors(problems)) {
        showProblems(problems, tr("Not saved; the file on disk is unchanged:"));
    } else {
        showProblems(problems, tr("Saved with warnings:"));
        emit saved();
    }
    updateState();
    return problems;
}

void RoutingEditor::revert()
{
    m_document->apply(m_engine.router()->policy(), tr("Revert to saved"));
    m_problems->hide();
}

void RoutingEditor::addTier()
{
    const QString name = PolicyEdits::uniqueTierName(m_document->policy(), tr("tier"));
    m_document->apply(PolicyEdits::addTier(m_document->policy(), name), tr("Add tier %1").arg(name));
    if (TierColumn* column = m_board->column(name)) {
        column->nameEdit()->setFocus();
        column->nameEdit()->selectAll();
    }
}

void RoutingEditor::showProblems(const QList<ConfigProblem>& problems, const QString& heading)
{
    m_problems->clear();
    if (problems.isEmpty()) {
        m_problems->hide();
        return;
    }
    m_problems->addItem(heading);
    for (const auto& problem : problems) {
        auto* item = new QListWidgetItem(problem.toString(), m_problems);
        item->setData(Qt::UserRole, problem.path);
        item->setForeground(StatusColors::color(problem.isError() ? StatusTone::Bad : StatusTone::Warning));
    }
    const int rows = std::min(m_problems->count(), 5);
    m_problems->setFixedHeight(rows * m_problems->sizeHintForRow(0) + 2 * m_problems->frameWidth() + 4);
    m_problems->show();
}

void RoutingEditor::showPlace(const QString& path)
{
    static const QRegularExpression rule(QStringLiteral("^rules\\[(\\d+)\\](?:\\.(\\w+))?"));
    static const QRegularExpression step(QStringLiteral("^tiers\\[(\\d+)\\]\\.chain\\[(\\d+)\\]"));
    if (const QRegularExpressionMatch match = rule.match(path); match.hasMatch()) {
        const QHash<QString, int> columns { { QStringLiteral("pattern"), RulesModel::PatternColumn },
                                            { QStringLiteral("tier"), RulesModel::TierColumn },
                                            { QStringLiteral("pinnedModel"), RulesModel::PinnedColumn } };
        m_rulesPane->selectCell(match.captured(1).toInt(), columns.value(match.captured(2), RulesModel::NameColumn));
    } else if (const QRegularExpressionMatch match = step.match(path); match.hasMatch()) {
        const auto& tiers = m_document->policy().tiers;
        const int tier = match.captured(1).toInt();
        if (TierColumn* column = tier < tiers.size() ? m_board->column(tiers.at(tier).name) : nullptr) {
            column->chainView()->setCurrentIndex(column->chainModel()->index(match.captured(2).toInt()));
            column->chainView()->setFocus();
            m_board->ensureWidgetVisible(column);
        }
    }
}

void RoutingEditor::addSelectedModel()
{
    const QModelIndex index = m_modelView->currentIndex();
    const QString tier = m_board->currentTier();
    if (index.isValid() && !tier.isEmpty()) {
        const QString model = index.data().toString();
        m_document->apply(PolicyEdits::insertModel(m_document->policy(), tier, -1, model),
                          tr("Add %1 to %2").arg(model, tier));
    }
}

void RoutingEditor::editSettings(const QString& tier)
{
    const RoutingPolicy& policy = m_document->policy();
    const RoutingTier* routingTier = policy.tier(tier);
    if (!routingTier) {
        return;
    }
    TierSettingsDialog dialog(tier, routingTier->settings, policy.defaults, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_document->apply(PolicyEdits::setTierSettings(policy, tier, dialog.settings()),
                          tr("Change failover settings of %1").arg(tier));
    }
}

void RoutingEditor::onConfigChanged()
{
    // Someone else saved (settings page, import): follow unless there are edits here.
    if (!m_saving && m_document->undoStack()->count() == 0) {
        m_document->reset(m_engine.router()->policy());
    }
    updateState();
}

bool RoutingEditor::importLiteLlm(const QString& path)
{
    const LiteLlmImportResult result = LiteLlmConfig::importFile(path);
    if (!result.ok) {
        showProblems(result.problems, tr("Could not import %1:").arg(path));
        return false;
    }
    RoutingPolicy policy = m_document->policy();
    policy.groups = result.config.policy.groups;
    policy.defaults = result.config.policy.defaults;
    m_document->apply(policy, tr("Import LiteLLM groups and defaults"));
    showProblems(result.problems, tr("Imported model groups and defaults; notes:"));
    return true;
}

bool RoutingEditor::exportLiteLlm(const QString& path)
{
    SwitchyardConfig config = m_engine.config();
    config.policy = m_document->policy();
    const LiteLlmExportResult result = LiteLlmConfig::exportYaml(config);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(result.yaml) != result.yaml.size() || !file.commit()) {
        showProblems({ ConfigProblem { path, {}, file.errorString() } }, tr("Could not export:"));
        return false;
    }
    showProblems(result.notes, tr("Exported to %1; LiteLLM cannot express:").arg(path));
    return true;
}
