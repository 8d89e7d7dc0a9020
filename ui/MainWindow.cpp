#include "ui/MainWindow.h"

#include "ui/dashboard/DashboardView.h"
#include "ui/gateway/GatewayDock.h"
#include "ui/routing/RoutingEditor.h"
#include "ui/routing/TryPromptPanel.h"
#include "ui/settings/SandboxExample.h"
#include "ui/settings/SettingsMenu.h"
#include "ui/settings/TeamConfigBar.h"
#include "ui/settings/WelcomeDialog.h"

#include "core/alerts/AlertRules.h"
#include "core/common/HomeSettings.h"
#include "core/config/ConfigValidator.h"
#include "core/engine/Engine.h"
#include "core/engine/EngineAlerts.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerQueries.h"
#include "core/providers/ProviderCall.h"
#include "core/routing/DefaultPolicy.h"
#include "core/settings/AppSettings.h"
#include "core/workbench/ProviderHealth.h"
#include "ui/common/AlertTray.h"
#include "ui/common/ElidedLabel.h"
#include "ui/common/FileDialogs.h"
#include "ui/common/Icons.h"
#include "ui/common/ProviderStatusBar.h"
#include "ui/workbench/EvaluationMatrixDialog.h"
#include "ui/workbench/EvaluationSetDialog.h"
#include "ui/workbench/HistoryPanel.h"
#include "ui/workbench/LeaderboardDock.h"
#include "ui/workbench/PromptEditor.h"
#include "ui/workbench/WorkbenchEngineLink.h"
#include "ui/workbench/WorkbenchView.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace {
ModelCatalog catalogOf(const Engine& engine)
{
    return { engine.providers(), engine.models() };
}
} // namespace

MainWindow::MainWindow(Engine& engine, QWidget* parent)
    : MainWindow(catalogOf(engine), engine.client(), parent)
{
    m_engine = &engine;
    if (engine.isSandboxed()) {
        setWindowTitle(tr("Switchyard — Sandbox"));
    }
    if (engine.ledger()) {
        // Tools, before Help: the evaluations `switchyard eval run` kept in the ledger.
        auto* tools = new QMenu(tr("&Tools"), menuBar());
        tools->setObjectName(QStringLiteral("toolsMenu"));
        QAction* results = tools->addAction(tr("&Evaluation results..."));
        results->setObjectName(QStringLiteral("evaluationResultsAction"));
        connect(results, &QAction::triggered, this, [this] {
            auto* dialog = new EvaluationMatrixDialog(m_engine->ledgerPath(), this);
            dialog->enableRuns(*m_engine);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
        });
        const QList<QAction*> menus = menuBar()->actions();
        menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), tools);
    }
    // Ledger recording, routed columns, settings, cooldowns and budgets in the status bar.
    WorkbenchEngineLink::connect(engine, m_workbench, m_health);
    connect(m_workbench, &WorkbenchView::voted, this, [&engine](const VoteRecord& vote) {
        if (Ledger* ledger = engine.ledger()) {
            ledger->recordVote(vote);
        }
    });
    setUpHistory(engine);
    setUpEnginePages(engine);

    // What the gateway's /health reports as degraded (a last-good config, a locked ledger).
    auto* degraded = new QLabel(this);
    degraded->setObjectName(QStringLiteral("healthWarning"));
    const auto showHealth = [degraded, &engine] {
        const QStringList problems = engine.healthProblems();
        degraded->setText(tr("Degraded: %n problem(s)", nullptr, int(problems.size())));
        degraded->setToolTip(problems.join(QLatin1Char('\n')));
        degraded->setVisible(!problems.isEmpty());
    };
    statusBar()->insertPermanentWidget(0, degraded);
    connect(&engine, &Engine::healthChanged, degraded, showHealth);
    showHealth();

    // On a team's ledger database: a newer team configuration is offered above the pages.
    auto* team = new TeamConfigBar(engine, this);
    static_cast<QVBoxLayout*>(centralWidget()->layout())->insertWidget(0, team);
    connect(team, &TeamConfigBar::applied, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    team->follow();
}

void MainWindow::setUpEnginePages(Engine& engine)
{
    // Replace the placeholders that the engine-less constructor leaves for tests and benchmarks.
    auto replacePage = [this](Page page, QWidget* widget) {
        QWidget* placeholder = m_pages->widget(page);
        m_pages->insertWidget(page, widget);
        m_pages->removeWidget(placeholder);
        placeholder->deleteLater();
    };
    const Page restored = currentPage();
    auto* routing = new RoutingEditor(engine, this);
    routing->setHealth(m_health);
    replacePage(RoutingPage, routing);
    m_leaderboard = LeaderboardDock::install(this, engine, m_workbench, routing->document());
    if (m_leaderboard) {
        for (QAction* menu : menuBar()->actions()) {
            if (menu->menu() && menu->text() == tr("&View")) {
                menu->menu()->addAction(m_leaderboard->toggleViewAction());
            }
        }
        // Created after the saved state was restored: apply it again for this dock.
        restoreState(HomeSettings::open()->value(QStringLiteral("mainWindow/state")).toByteArray());
    }
    auto* dashboard = new DashboardView(engine, this);
    replacePage(DashboardPage, dashboard);
    showPage(restored);

    setUpSettingsAndFirstRun(engine);
    GatewayDock::install(this, engine);
    // Alerts as `serve` runs them (alerts.json; the defaults when it is missing or broken), shown
    // in the tray as they fire and clear.
    QStringList alertErrors;
    const AlertRules rules = AlertRules::load(QDir(engine.homeDir()).filePath(AlertRules::fileName()), &alertErrors)
                                 .value_or(AlertRules());
    dashboard->setAlertTray(new AlertTray((new EngineAlerts(engine, rules, this))->monitor(), this));
    // The Help menu stays last.
    for (QAction* menu : menuBar()->actions()) {
        if (menu->menu() && menu->text() == tr("&Help")) {
            menuBar()->removeAction(menu);
            menuBar()->addAction(menu);
        }
    }
}

void MainWindow::setUpSettingsAndFirstRun(Engine& engine)
{
    m_settingsMenu = new SettingsMenu(engine, this);
    for (QAction* menu : menuBar()->actions()) {
        if (menu->menu() && menu->text() == tr("&Help")) {
            QAction* about = menu->menu()->actions().value(0);
            auto* welcome = new QAction(tr("&Welcome..."), menu->menu());
            welcome->setObjectName(QStringLiteral("welcomeAction"));
            connect(welcome, &QAction::triggered, this, &MainWindow::showWelcome);
            menu->menu()->insertAction(about, welcome);
        }
    }
    if (engine.isSandboxed()) {
        m_sandboxLabel = new ElidedLabel(this);
        m_sandboxLabel->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        m_sandboxLabel->setObjectName(QStringLiteral("sandboxLabel"));
        updateSandboxLabel();
        connect(m_health, &ProviderHealth::changed, this, &MainWindow::updateSandboxLabel);
        statusBar()->insertPermanentWidget(0, m_sandboxLabel);
    }
}

AppSettings* MainWindow::appSettings() const
{
    return m_settingsMenu ? m_settingsMenu->settings() : nullptr;
}

void MainWindow::openProviders(bool startAdding)
{
    if (m_settingsMenu) {
        m_settingsMenu->openProviders(startAdding);
    }
}

void MainWindow::openPreferences()
{
    if (m_settingsMenu) {
        m_settingsMenu->openPreferences();
    }
}

WelcomeDialog* MainWindow::showWelcome()
{
    auto* welcome = new WelcomeDialog(this);
    welcome->setAttribute(Qt::WA_DeleteOnClose);
    welcome->setSandboxAvailable(m_engine && m_engine->isSandboxed());
    connect(welcome, &QDialog::finished, this, [this, welcome] {
        if (AppSettings* settings = appSettings()) {
            settings->setValue(AppSettings::FirstRunDone, true);
            settings->sync();
        }
        switch (welcome->choice()) {
        case WelcomeDialog::Choice::Sandbox:
            startSandboxExample();
            break;
        case WelcomeDialog::Choice::AddProvider:
            openProviders(true);
            break;
        case WelcomeDialog::Choice::None:
            break;
        }
    });
    welcome->open();
    return welcome;
}

WelcomeDialog* MainWindow::showWelcomeOnFirstRun(bool sandboxRequested)
{
    if (!m_engine || !appSettings()) {
        return nullptr;
    }
    // A providers.json that did not load (see the warnings) still counts as configured.
    const bool configured = !m_engine->config().providers.isEmpty()
        || QFileInfo::exists(QDir(m_engine->homeDir()).filePath(QString::fromLatin1(ConfigValidator::kProvidersFile)));
    if (!WelcomeDialog::shouldShow(configured ? 1 : 0, appSettings()->firstRunDone(), sandboxRequested)) {
        return nullptr;
    }
    return showWelcome();
}

SandboxExample MainWindow::startSandboxExample()
{
    const QString prompt = WelcomeDialog::examplePrompt();
    SandboxExample example;
    example.prompt = prompt;
    if (m_engine) {
        example = SandboxExample::prepare(*m_engine, prompt);
    }
    showPage(WorkbenchPage);
    m_workbench->promptEditor()->setPromptText(prompt);
    // A "Route it" column that fails over, beside the route's chain: the first model down, the
    // next ones answering.
    if (m_workbench->comparison()->columns().isEmpty()) {
        m_workbench->addColumn(ColumnSpec::routeIt());
        for (const QString& model : std::as_const(example.chain)) {
            m_workbench->addColumn(ColumnSpec { model });
        }
    }
    if (auto* routing = qobject_cast<RoutingEditor*>(m_pages->widget(RoutingPage))) {
        routing->tryPanel()->promptEdit()->setPlainText(prompt);
    }
    if (example.isValid() && m_sandboxLabel) {
        m_example = example;
        updateSandboxLabel();
        statusBar()->showMessage(tr("Example ready: Ctrl+Enter sends it."), 15000);
    }
    return example;
}

void MainWindow::updateSandboxLabel()
{
    if (!m_sandboxLabel) {
        return;
    }
    // What the health model says about the example's model, not what was set up: after "Clear
    // faults" it is no longer down.
    const ModelConfig* down = m_engine ? m_engine->model(m_example.downModel) : nullptr;
    const ProviderHealth::Entry entry
        = down ? m_health->modelEntry(down->id, down->providerId) : ProviderHealth::Entry {};
    if (down && entry.state == ProviderHealth::State::Failing) {
        m_sandboxLabel->setFullText(
            tr("Simulated providers · %1 %2").arg(m_example.downModel, ProviderHealth::describe(entry)));
        m_sandboxLabel->setDetails(
            tr("The example goes to tier %1 (rule \"%2\"). Its first model, %3, is %4 in the sandbox, so "
               "the \"Route it\" column fails over to %5.")
                .arg(m_example.tier, DefaultPolicy::displayName(m_example.rule), m_example.downModel,
                     ProviderHealth::describe(entry), m_example.fallbackModel));
        return;
    }
    m_sandboxLabel->setFullText(tr("Sandbox: simulated providers, no real requests, no cost"));
    m_sandboxLabel->setDetails(tr("Every provider here is simulated on this computer. Add a real provider under "
                                  "Settings, Providers and Keys."));
}

void MainWindow::setUpHistory(Engine& engine)
{
    Ledger* ledger = engine.ledger();
    if (!ledger) {
        return;
    }
    m_queries = std::make_shared<LedgerQueries>(engine.ledgerPath());
    auto queries = m_queries;
    m_history = new HistoryPanel(
        [queries](const QString& text) {
            QList<RequestRecord> records;
            for (const auto& record : queries->recentRequests(400, 0, text)) {
                if (record.source == RequestSource::Workbench) {
                    records.append(record);
                }
            }
            return records;
        },
        [queries](const QString& group) { return queries->requestsInCompareGroup(group); }, this);
    connect(m_history, &HistoryPanel::runOpened, this, [this](const ComparisonSnapshot& snapshot) {
        showPage(WorkbenchPage);
        m_workbench->showRun(snapshot);
    });
    connect(ledger, &Ledger::recorded, m_history, &HistoryPanel::reload);
    connect(m_history, &HistoryPanel::evaluationSetRequested, this, [this](const QList<RequestRecord>& records) {
        const QString suggested = FileDialogs::suggestedPath(QStringLiteral("history-set.jsonl"));
        EvaluationSetDialog chooser(records, suggested, this);
        if (chooser.exec() != QDialog::Accepted) {
            return;
        }
        // The set opens in the run box, the models of the runs checked.
        auto* dialog = new EvaluationMatrixDialog(m_engine->ledgerPath(), this);
        dialog->enableRuns(*m_engine);
        QStringList models;
        for (const RequestRecord& record : records) {
            if (!models.contains(record.finalModel)) {
                models.append(record.finalModel);
            }
        }
        dialog->openSet(chooser.writtenPath(), models);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });

    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(m_history);
    m_historyDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    m_historyDock->hide();
    QAction* toggle = m_historyDock->toggleViewAction();
    toggle->setIcon(Icons::icon(QStringLiteral("history")));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(toggle, &QAction::toggled, m_history, [this](bool shown) {
        if (shown) {
            m_history->reload();
        }
    });
    for (QAction* menu : menuBar()->actions()) {
        if (menu->menu() && menu->text() == tr("&View")) {
            menu->menu()->addSeparator();
            menu->menu()->addAction(toggle);
        }
    }
    // The dock was created after the saved state was restored: apply it again for the dock.
    restoreState(HomeSettings::open()->value(QStringLiteral("mainWindow/state")).toByteArray());
    m_history->reload();
}

MainWindow::MainWindow(const ModelCatalog& catalog, ProviderClient* client, QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Switchyard"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/switchyard.svg")));
    setObjectName(QStringLiteral("MainWindow"));
    m_health = new ProviderHealth(this);
    setUpPages(catalog, client);
    setUpMenus();
    m_providerStatus = new ProviderStatusBar(catalog, m_health, this);
    statusBar()->addPermanentWidget(m_providerStatus);
    // A temporary message is painted left of the permanent widgets: while one shows they step
    // back to what cannot wait (the provider dots), so it is not cut off.
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString& message) {
        m_providerStatus->setCompact(!message.isEmpty());
        if (m_sandboxLabel) {
            m_sandboxLabel->setVisible(message.isEmpty());
        }
    });
    statusBar()->setSizeGripEnabled(true);
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpPages(const ModelCatalog& catalog, ProviderClient* client)
{
    m_workbench = new WorkbenchView(catalog, client, this);
    connect(m_workbench, &WorkbenchView::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 5000); });
    connect(m_workbench, &WorkbenchView::callEnded, this,
            [this](const QString& providerId, ColumnState state, const CallError& error) {
                if (m_engine) {
                    return; // the engine's records carry every attempt to the health model
                }
                if (state == ColumnState::Failed) {
                    m_health->recordFailure(providerId, error.failureClass, error.message, {}, error.httpStatus);
                } else {
                    m_health->recordSuccess(providerId);
                }
            });

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_workbench);
    m_pages->addWidget(placeholderPage(QStringLiteral("routing"), tr("Routing"),
                                       tr("The routing editor will live here: tiers of models, the rules that pick "
                                          "a tier for each request, and the failover chain for each tier.")));
    m_pages->addWidget(placeholderPage(QStringLiteral("dashboard"), tr("Dashboard"),
                                       tr("The dashboard will live here: spend per provider and model, budgets, "
                                          "latency and failure rates from the ledger.")));
    // The pages, below an optional bar (the team configuration's, see setUpEngine).
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);

    auto* navigation = new QToolBar(tr("Navigation"), this);
    navigation->setObjectName(QStringLiteral("navigation"));
    navigation->setMovable(false);
    navigation->setFloatable(false);
    navigation->setIconSize(QSize(24, 24));
    navigation->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    addToolBar(Qt::LeftToolBarArea, navigation);

    m_navigation = new QActionGroup(this);
    const std::tuple<Page, QString, QString> pages[]
        = { { WorkbenchPage, QStringLiteral("workbench"), tr("Workbench") },
            { RoutingPage, QStringLiteral("routing"), tr("Routing") },
            { DashboardPage, QStringLiteral("dashboard"), tr("Dashboard") } };
    for (const auto& [page, icon, text] : pages) {
        QAction* action = navigation->addAction(Icons::icon(icon), text);
        action->setCheckable(true);
        action->setData(int(page));
        action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + int(page))));
        action->setToolTip(QStringLiteral("%1 (%2)").arg(text, action->shortcut().toString(QKeySequence::NativeText)));
        m_navigation->addAction(action);
        connect(action, &QAction::triggered, this, [this, page = page] { showPage(page); });
    }
    showPage(WorkbenchPage);
}

QWidget* MainWindow::placeholderPage(const QString& icon, const QString& title, const QString& text)
{
    auto* page = new QWidget(this);
    auto* image = new QLabel(page);
    image->setPixmap(Icons::icon(icon).pixmap(QSize(48, 48), devicePixelRatioF()));
    auto* heading = new QLabel(title, page);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);
    auto* body = new QLabel(text, page);
    body->setWordWrap(true);
    body->setAlignment(Qt::AlignCenter);
    body->setForegroundRole(QPalette::PlaceholderText);
    body->setFixedWidth(480);
    body->setMinimumHeight(body->heightForWidth(480));
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(image, 0, Qt::AlignHCenter);
    layout->addWidget(heading, 0, Qt::AlignHCenter);
    layout->addWidget(body, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    return page;
}

void MainWindow::setUpMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_workbench->exportAction());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_workbench->sendAction());
    run->addAction(m_workbench->stopAction());
    run->addSeparator();
    run->addAction(m_workbench->addColumnAction());

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_navigation->actions());
    view->addSeparator();
    view->addActions(m_workbench->layoutActions());
    view->addSeparator();
    view->addAction(m_workbench->syncScrollAction());
    view->addAction(m_workbench->diffAction());

    run->addSeparator();
    run->addAction(m_workbench->tieAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Switchyard"), this, [this] {
        QMessageBox::about(this, tr("About Switchyard"),
                           tr("<h3>Switchyard %1</h3><p>Compare, route and account for calls to many LLM APIs.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::showPage(Page page)
{
    // The history belongs to the workbench: it leaves with it and comes back with it, instead of
    // staying over the routing editor and the dashboard.
    static const char* const historyShown = "shownOnWorkbench";
    if (m_historyDock && page != currentPage()) {
        if (currentPage() == WorkbenchPage) {
            m_historyDock->setProperty(historyShown, m_historyDock->isVisible());
            m_historyDock->hide();
        } else if (page == WorkbenchPage && m_historyDock->property(historyShown).toBool()) {
            m_historyDock->show();
        }
    }
    m_pages->setCurrentIndex(int(page));
    for (QAction* action : m_navigation->actions()) {
        action->setChecked(action->data().toInt() == int(page));
    }
    // The workbench's shortcuts (Ctrl+Enter, Esc, Ctrl+T) act only while it is shown.
    m_workbench->setEnabled(page == WorkbenchPage);
}

void MainWindow::restoreWindowState()
{
    const std::unique_ptr<QSettings> stored = HomeSettings::open();
    QSettings& settings = *stored;
    settings.beginGroup(QStringLiteral("mainWindow"));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray())) {
        resize(1280, 820);
    }
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    showPage(Page(qBound(0, settings.value(QStringLiteral("page"), 0).toInt(), 2)));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    const std::unique_ptr<QSettings> stored = HomeSettings::open();
    QSettings& settings = *stored;
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("page"), int(currentPage()));
    QMainWindow::closeEvent(event);
}
