#include "ui/workbench/WorkbenchView.h"

#include "core/common/RequestSettings.h"
#include "core/workbench/ComparisonExport.h"
#include "core/workbench/RunSummary.h"
#include "ui/common/Icons.h"
#include "ui/workbench/AttachmentStrip.h"
#include "ui/workbench/ColumnSettingsDialog.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/ColumnsArea.h"
#include "ui/workbench/ComparisonExportDialog.h"
#include "ui/workbench/ContinueBar.h"
#include "ui/workbench/DiffDialog.h"
#include "ui/workbench/ModelPickerDialog.h"
#include "ui/workbench/PromptEditor.h"
#include "ui/workbench/ScrollSync.h"
#include "ui/workbench/ToolReplyDialog.h"

#include <QAction>
#include <QActionGroup>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

WorkbenchView::WorkbenchView(const ModelCatalog& catalog, ProviderClient* client, QWidget* parent)
    : QWidget(parent)
    , m_run(new ComparisonRun(client, this))
    , m_scrollSync(new ScrollSync(this))
{
    m_run->setCatalog(catalog);

    m_send = makeAction(QStringLiteral("send"), tr("&Send to All Columns"),
                        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    m_stop = makeAction(QStringLiteral("stop"), tr("S&top"), { QKeySequence(Qt::Key_Escape) });
    m_addColumn = makeAction(QStringLiteral("column-add"), tr("&Add Column…"), { QKeySequence(Qt::CTRL | Qt::Key_T) });
    m_export = makeAction(QStringLiteral("export"), tr("&Export Comparison…"),
                          { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E) });
    m_diff = makeAction(QStringLiteral("diff"), tr("Compare Two &Answers…"), { QKeySequence(Qt::CTRL | Qt::Key_D) });
    m_syncScroll = makeAction(QStringLiteral("sync-scroll"), tr("S&ynchronised Scrolling"), {});
    m_syncScroll->setCheckable(true);
    connect(m_syncScroll, &QAction::toggled, m_scrollSync, &ScrollSync::setEnabled);
    m_tie = makeAction(QStringLiteral("tie"), tr("Vote: &Tie"), {});
    m_tie->setToolTip(tr("No answer is better: record a tie for this run"));
    m_tie->setEnabled(false);
    connect(m_tie, &QAction::triggered, this, [this] { vote(-1); });
    m_stop->setEnabled(false);

    m_layouts = new QActionGroup(this);
    const std::tuple<WorkbenchSettings::Layout, QString, QString, QKeySequence> layouts[]
        = { { WorkbenchSettings::Layout::SideBySide, QStringLiteral("layout-columns"), tr("Side by Side"),
              QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_1) },
            { WorkbenchSettings::Layout::Grid, QStringLiteral("layout-grid"), tr("Grid"),
              QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_2) },
            { WorkbenchSettings::Layout::Tabs, QStringLiteral("layout-tabs"), tr("Tabs"),
              QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_3) } };
    for (const auto& [mode, icon, text, shortcut] : layouts) {
        QAction* action = makeAction(icon, text, { shortcut });
        action->setCheckable(true);
        action->setData(int(mode));
        m_layouts->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode = mode] { setLayoutMode(mode); });
    }

    connect(m_send, &QAction::triggered, this, &WorkbenchView::send);
    connect(m_stop, &QAction::triggered, this, &WorkbenchView::stop);
    connect(m_addColumn, &QAction::triggered, this, &WorkbenchView::chooseColumns);
    connect(m_export, &QAction::triggered, this, &WorkbenchView::exportWithDialog);
    connect(m_diff, &QAction::triggered, this, &WorkbenchView::showDiff);
    connect(m_syncScroll, &QAction::toggled, this, &WorkbenchView::saveSettings);

    m_editor = new PromptEditor(this);
    connect(m_editor, &PromptEditor::sendRequested, this, &WorkbenchView::send);
    connect(m_editor, &PromptEditor::stopRequested, this, &WorkbenchView::stop);
    connect(m_editor, &PromptEditor::settingsEdited, this, &WorkbenchView::saveSettings);

    // Column bar: add, layouts, sync, diff, export, and the run's summary.
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("runSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    auto* bar = new QHBoxLayout;
    bar->setSpacing(2);
    bar->addWidget(toolButtonFor(m_addColumn, true));
    bar->addSpacing(10);
    bar->addWidget(m_summary, 1);
    for (QAction* action : m_layouts->actions()) {
        bar->addWidget(toolButtonFor(action, false));
    }
    bar->addWidget(toolButtonFor(m_tie, false));
    m_voteTag = new QLineEdit(this);
    m_voteTag->setObjectName(QStringLiteral("voteTag"));
    m_voteTag->setPlaceholderText(tr("Vote tag"));
    m_voteTag->setToolTip(tr("A label stored with your votes, such as \"coding\" or \"summaries\": the "
                             "leaderboard can be filtered by it"));
    m_voteTag->setClearButtonEnabled(true);
    m_voteTag->setMaximumWidth(m_voteTag->fontMetrics().horizontalAdvance(QLatin1Char('m')) * 10);
    bar->addWidget(m_voteTag);
    bar->addSpacing(8);
    bar->addWidget(toolButtonFor(m_syncScroll, false));
    bar->addWidget(toolButtonFor(m_diff, false));
    bar->addWidget(toolButtonFor(m_export, false));

    m_area = new ColumnsArea(this);
    m_continueBar = new ContinueBar(this);
    connect(m_continueBar, &ContinueBar::endRequested, this, &WorkbenchView::endConversation);

    m_emptyState = new QWidget(this);
    auto* emptyTitle = new QLabel(tr("Compare models side by side"), m_emptyState);
    QFont titleFont = emptyTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    emptyTitle->setFont(titleFont);
    auto* emptyText = new QLabel(tr("Pick two to eight models. Each one gets a column with its answer, speed and cost; "
                                    "the same model can appear twice with different settings."),
                                 m_emptyState);
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setForegroundRole(QPalette::PlaceholderText);
    // A wrapped label placed with an alignment gets its size hint, not a width: fix both.
    emptyText->setFixedWidth(460);
    emptyText->setMinimumHeight(emptyText->heightForWidth(460));
    auto* emptyButton = new QPushButton(Icons::icon(QStringLiteral("column-add")), tr("Choose Models…"), m_emptyState);
    connect(emptyButton, &QPushButton::clicked, this, &WorkbenchView::chooseColumns);
    auto* emptyLayout = new QVBoxLayout(m_emptyState);
    emptyLayout->addStretch(2);
    emptyLayout->addWidget(emptyTitle, 0, Qt::AlignHCenter);
    emptyLayout->addWidget(emptyText, 0, Qt::AlignHCenter);
    emptyLayout->addSpacing(8);
    emptyLayout->addWidget(emptyButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(3);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_emptyState);
    m_pages->addWidget(m_area);

    auto* columnsPane = new QWidget(this);
    auto* columnsLayout = new QVBoxLayout(columnsPane);
    columnsLayout->setContentsMargins(0, 0, 0, 0);
    columnsLayout->setSpacing(6);
    columnsLayout->addLayout(bar);
    columnsLayout->addWidget(m_continueBar);
    columnsLayout->addWidget(m_pages, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_editor);
    splitter->addWidget(columnsPane);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 150, 650 });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addWidget(splitter);

    connect(m_run, &ComparisonRun::columnAdded, this, &WorkbenchView::onColumnAdded);
    connect(m_run, &ComparisonRun::columnRemoved, this, &WorkbenchView::onColumnRemoved);
    connect(m_run, &ComparisonRun::columnEnded, this, &WorkbenchView::onColumnEnded);
    connect(m_run, &ComparisonRun::runStarted, this, &WorkbenchView::updateRunState);
    connect(m_run, &ComparisonRun::runFinished, this, &WorkbenchView::updateRunState);
    connect(m_run, &ComparisonRun::columnSpecChanged, this, [this](int index) {
        if (ColumnView* view = columnViews().value(index)) {
            view->refreshHeader();
            m_area->updateTabTitle(view);
        }
        saveSettings();
    });

    // Restore the columns and settings of the last session.
    m_restoring = true;
    const WorkbenchSettings settings = WorkbenchSettings::load();
    m_editor->setSystemPrompt(settings.systemPrompt);
    m_editor->setSystemPromptVisible(settings.systemPromptVisible);
    m_editor->setTemperature(settings.temperature);
    m_editor->setMaxTokens(settings.maxTokens);
    m_editor->setTools(settings.tools);
    m_syncScroll->setChecked(settings.syncScrolling);
    for (const auto& spec : settings.columns) {
        m_run->addColumn(spec);
    }
    setLayoutMode(settings.layout);
    m_restoring = false;
    updateRunState();
    m_editor->promptEdit()->setFocus();
}

WorkbenchView::~WorkbenchView()
{
    m_run->disconnect(this);
}

QList<ColumnView*> WorkbenchView::columnViews() const
{
    return m_area->views();
}

QList<QAction*> WorkbenchView::layoutActions() const
{
    return m_layouts->actions();
}

QAction* WorkbenchView::makeAction(const QString& icon, const QString& text, const QList<QKeySequence>& shortcuts)
{
    auto* action = new QAction(Icons::icon(icon), text, this);
    action->setShortcuts(shortcuts);
    action->setShortcutContext(Qt::WindowShortcut);
    if (!shortcuts.isEmpty()) {
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                                          shortcuts.first().toString(QKeySequence::NativeText)));
    }
    addAction(action);
    return action;
}

QToolButton* WorkbenchView::toolButtonFor(QAction* action, bool withText)
{
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setIconSize(QSize(18, 18));
    button->setToolButtonStyle(withText ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly);
    return button;
}

void WorkbenchView::setRouter(Router* router)
{
    m_run->setRouter(router);
}

void WorkbenchView::setCatalog(const ModelCatalog& catalog)
{
    m_run->setCatalog(catalog);
}

void WorkbenchView::addColumn(const ColumnSpec& spec)
{
    m_run->addColumn(spec);
}

void WorkbenchView::setLayoutMode(WorkbenchSettings::Layout mode)
{
    m_area->setLayoutMode(mode);
    for (QAction* action : m_layouts->actions()) {
        action->setChecked(action->data().toInt() == int(mode));
    }
    saveSettings();
}

void WorkbenchView::send()
{
    PromptSettings prompt = m_editor->settings();
    if (prompt.prompt.trimmed().isEmpty()) {
        emit statusMessage(tr("Type a prompt first."));
        m_editor->promptEdit()->setFocus();
        return;
    }
    if (QString reading; m_editor->attachmentStrip()->isReading(&reading)) {
        // Its text goes to the models that take no PDFs: nothing is sent before it is read.
        emit statusMessage(tr("Wait until %1 is read, then send.").arg(reading));
        return;
    }
    if (m_run->columns().isEmpty()) {
        chooseColumns();
        if (m_run->columns().isEmpty()) {
            return;
        }
    }
    m_run->setPrompt(prompt);
    if (m_continuing && m_run->indexOf(m_continuing) >= 0) {
        m_run->continueConversation(m_run->indexOf(m_continuing), m_continueBar->othersFollow());
        m_editor->promptEdit()->selectAll(); // the next follow-up replaces this one
    } else {
        m_run->start();
    }
    updateBestValues();
}

void WorkbenchView::continueWith(int index)
{
    ColumnRun* column = m_run->column(index);
    if (!column) {
        return;
    }
    // The model waits for its tools' results; the user may still ask in text instead.
    if (!column->toolCalls().isEmpty() && !column->isActive() && answerToolCalls(index) != ToolReplyDialog::AskInText) {
        return;
    }
    m_continuing = column;
    for (ColumnView* view : columnViews()) {
        view->setContinuing(view->run() == column);
    }
    m_continueBar->showFor(column->title());
    m_editor->promptEdit()->selectAll();
    m_editor->promptEdit()->setFocus();
}

int WorkbenchView::answerToolCalls(int index)
{
    ColumnRun* column = m_run->column(index);
    if (!column) {
        return QDialog::Rejected;
    }
    ToolReplyDialog dialog(column->title(), column->toolCalls(), this);
    int choice = dialog.exec();
    if (choice == QDialog::Accepted && !m_run->answerToolCalls(index, dialog.results())) {
        choice = QDialog::Rejected;
    }
    for (ColumnView* view : columnViews()) {
        view->setContinuing(view->run() == m_continuing.data());
    }
    return choice;
}

void WorkbenchView::endConversation()
{
    m_continuing = nullptr;
    for (ColumnView* view : columnViews()) {
        view->setContinuing(false);
    }
    m_continueBar->hide();
}

void WorkbenchView::stop()
{
    m_run->cancel();
}

void WorkbenchView::chooseColumns()
{
    const int free = ComparisonRun::MaxColumns - int(m_run->columns().size());
    if (free <= 0) {
        emit statusMessage(tr("A comparison has at most %1 columns.").arg(ComparisonRun::MaxColumns));
        return;
    }
    ModelPickerDialog dialog(m_run->catalog(), free, m_run->router() != nullptr, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    for (const auto& spec : dialog.chosenColumns()) {
        m_run->addColumn(spec);
    }
}

void WorkbenchView::onColumnAdded(int index)
{
    ColumnRun* run = m_run->column(index);
    auto* view = new ColumnView(run);
    connect(view, &ColumnView::rerunRequested, this, [this, view] {
        if (m_run->prompt().prompt.trimmed().isEmpty()) {
            m_run->setPrompt(m_editor->settings());
        }
        m_run->rerun(m_run->indexOf(view->run()));
    });
    connect(view, &ColumnView::removeRequested, this,
            [this, view] { m_run->removeColumn(m_run->indexOf(view->run())); });
    connect(view, &ColumnView::settingsRequested, this, [this, view] { editColumn(view); });
    connect(view, &ColumnView::voteRequested, this, [this, view] { vote(m_run->indexOf(view->run())); });
    connect(view, &ColumnView::continueRequested, this, [this, view] { continueWith(m_run->indexOf(view->run())); });
    connect(run, &ColumnRun::stateChanged, this, [this, view] { m_area->updateTabTitle(view); });
    m_scrollSync->add(view->answerScrollBar());
    m_area->insertView(index, view);
    m_pages->setCurrentWidget(m_area);
    if (!m_restoring) {
        m_area->scrollToView(view); // a column added with Ctrl+T is where the eye can find it
    }
    m_addColumn->setEnabled(m_run->columns().size() < ComparisonRun::MaxColumns);
    updateSummary();
    saveSettings();
}

void WorkbenchView::onColumnRemoved(int index)
{
    m_area->removeView(index);
    if (m_continuing && m_run->indexOf(m_continuing) < 0) {
        endConversation();
    }
    if (m_run->columns().isEmpty()) {
        m_pages->setCurrentWidget(m_emptyState);
    }
    m_addColumn->setEnabled(true);
    updateBestValues();
    updateSummary();
    saveSettings();
}

void WorkbenchView::onColumnEnded(int index, ColumnState state)
{
    ColumnRun* column = m_run->column(index);
    if (column && state != ColumnState::Cancelled) {
        emit callEnded(column->provider().id, state, column->error());
    }
    updateBestValues();
    updateSummary();
}

void WorkbenchView::editColumn(ColumnView* view)
{
    ColumnSettingsDialog dialog(m_run->catalog(), view->run()->spec(), this);
    if (dialog.exec() == QDialog::Accepted) {
        m_run->setColumnSpec(m_run->indexOf(view->run()), dialog.spec());
    }
}

void WorkbenchView::updateRunState()
{
    const bool running = m_run->isRunning();
    m_stop->setEnabled(running);
    m_editor->setRunning(running);
    m_export->setEnabled(!m_run->compareGroup().isEmpty());
    m_tie->setEnabled(!running && !m_run->compareGroup().isEmpty() && m_run->columns().size() >= 2);
    m_diff->setEnabled(m_run->columns().size() >= 2);
    updateSummary();
}

void WorkbenchView::showRun(const ComparisonSnapshot& snapshot)
{
    endConversation();
    m_restoring = true; // a reopened run does not replace the remembered columns
    m_run->restore(snapshot);
    m_editor->setPromptText(snapshot.prompt.prompt);
    m_restoring = false;
    for (ColumnView* view : columnViews()) {
        view->refreshHeader();
        view->flush();
    }
    updateBestValues();
    updateRunState();
}

void WorkbenchView::saveSettings()
{
    if (m_restoring) {
        return;
    }
    const PromptSettings prompt = m_editor->settings();
    WorkbenchSettings settings;
    settings.columns = m_run->specs();
    settings.layout = m_area->layoutMode();
    settings.syncScrolling = m_syncScroll->isChecked();
    settings.systemPromptVisible = m_editor->isSystemPromptVisible();
    settings.systemPrompt = prompt.systemPrompt;
    settings.temperature = prompt.temperature;
    settings.maxTokens = prompt.maxTokens;
    settings.tools = prompt.tools;
    settings.save();
}

void WorkbenchView::updateBestValues()
{
    QList<BestValues::Candidate> candidates;
    for (const auto* column : m_run->columns()) {
        candidates.append({ column->figures(), column->state() == ColumnState::Done && m_run->isInCurrentRun(column) });
    }
    const BestValues best = BestValues::compute(candidates);
    const auto views = columnViews();
    for (int i = 0; i < views.size(); ++i) {
        QSet<BestValues::Figure> marks;
        for (auto figure :
             { BestValues::TimeToFirstToken, BestValues::Latency, BestValues::TokensPerSecond, BestValues::Cost }) {
            if (best.isBest(i, figure)) {
                marks.insert(figure);
            }
        }
        views[i]->setBest(marks);
    }
}

void WorkbenchView::updateSummary()
{
    const RunSummary summary = RunSummary::of(m_run->columns());
    m_summary->setText(summary.text());
    m_summary->setToolTip(summary.toolTip());
    m_diff->setEnabled(summary.columns >= 2);
}

bool WorkbenchView::exportComparison(const QString& path, QString* errorMessage)
{
    const auto format = ComparisonExport::formatForPath(path);
    if (!format) {
        if (errorMessage) {
            *errorMessage = tr("Choose a file ending in .md, .json, .csv or .html.");
        }
        return false;
    }
    return ComparisonExport::save(m_run->snapshot(), *format, path, errorMessage);
}

bool WorkbenchView::vote(int index)
{
    if (m_run->isRunning() || m_run->compareGroup().isEmpty()) {
        return false;
    }
    ColumnRun* winner = m_run->column(index);
    const auto views = columnViews();
    for (ColumnView* view : views) {
        view->setWinner(winner && view->run() == winner);
    }
    VoteRecord vote;
    vote.compareGroup = m_run->compareGroup();
    vote.winnerModel = winner ? winner->title() : QString();
    vote.winnerSettings = winner ? RequestSettings::describe(winner->request()) : QString();
    vote.tie = winner == nullptr;
    vote.at = QDateTime::currentDateTimeUtc();
    vote.tag = m_voteTag->text().trimmed();
    emit voted(vote);
    emit statusMessage(winner ? tr("Vote stored: %1 wins this run.").arg(winner->title()) : tr("Vote stored: a tie."));
    return true;
}

void WorkbenchView::exportWithDialog()
{
    const QString path = ComparisonExportDialog::chooseFile(this);
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportComparison(path, &error)) {
        QMessageBox::warning(this, tr("Export Comparison"), tr("Could not write %1: %2").arg(path, error));
        return;
    }
    emit statusMessage(tr("Exported to %1").arg(QFileInfo(path).fileName()));
}

void WorkbenchView::showDiff()
{
    const auto& columns = m_run->columns();
    if (columns.size() < 2) {
        return;
    }
    QStringList titles;
    QStringList answers;
    for (int i = 0; i < columns.size(); ++i) {
        titles.append(QStringLiteral("%1 \u00b7 %2").arg(i + 1).arg(columns[i]->title()));
        answers.append(columns[i]->text());
    }
    DiffDialog dialog(titles, answers, 0, 1, this);
    dialog.exec();
}
