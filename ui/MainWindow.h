#pragma once

#include "core/workbench/ModelCatalog.h"
#include "ui/settings/SandboxExample.h"

#include <QMainWindow>

#include <memory>

class AppSettings;
class ElidedLabel;
class Engine;
class ProviderClient;
class ProviderHealth;
class ProviderStatusBar;
class QActionGroup;
class HistoryPanel;
class LeaderboardDock;
class LedgerQueries;
class QDockWidget;
class QLabel;
class QStackedWidget;
class SettingsMenu;
class WelcomeDialog;
class WorkbenchView;

// The frame: navigation between Workbench, Routing and Dashboard, menus, and the status bar
// with provider health. The pages do the work; this class only hosts them.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page
    {
        WorkbenchPage,
        RoutingPage,
        DashboardPage,
    };

    explicit MainWindow(Engine& engine, QWidget* parent = nullptr);
    // Without an Engine (tests, benchmarks): the models to offer and the client that calls them.
    MainWindow(const ModelCatalog& catalog, ProviderClient* client, QWidget* parent = nullptr);
    ~MainWindow() override;

    WorkbenchView* workbench() const { return m_workbench; }
    ProviderHealth* providerHealth() const { return m_health; }
    ProviderStatusBar* providerStatus() const { return m_providerStatus; }
    // Null without a ledger.
    HistoryPanel* history() const { return m_history; }
    // Null without a ledger.
    LeaderboardDock* leaderboard() const { return m_leaderboard; }
    Page currentPage() const;
    void showPage(Page page);
    // Null without an Engine.
    AppSettings* appSettings() const;

    // The first-run welcome, window-modal and not blocking (Help > Welcome reopens it); its
    // choice is acted on when it closes, and it is remembered as shown.
    WelcomeDialog* showWelcome();
    // At start: the welcome when this home has no provider configured and has not had its first
    // run (and the sandbox was not asked for on the command line); null when it is not shown.
    WelcomeDialog* showWelcomeOnFirstRun(bool sandboxRequested);
    // The welcome's sandbox choice: the example prompt in the workbench and the routing page,
    // the example route's first model switched down, its chain as workbench columns.
    SandboxExample startSandboxExample();
    // Settings > Providers and Keys, Settings > Preferences (with an Engine only).
    void openProviders(bool startAdding = false);
    void openPreferences();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void setUpPages(const ModelCatalog& catalog, ProviderClient* client);
    void setUpMenus();
    void restoreWindowState();
    void setUpHistory(Engine& engine);
    void setUpEnginePages(Engine& engine);
    // The Settings menu, Help > Welcome and the sandbox label.
    void setUpSettingsAndFirstRun(Engine& engine);
    QWidget* placeholderPage(const QString& icon, const QString& title, const QString& text);
    void updateSandboxLabel();

    QStackedWidget* m_pages = nullptr;
    QActionGroup* m_navigation = nullptr;
    WorkbenchView* m_workbench = nullptr;
    ProviderHealth* m_health = nullptr;
    ProviderStatusBar* m_providerStatus = nullptr;
    HistoryPanel* m_history = nullptr;
    QDockWidget* m_historyDock = nullptr;
    LeaderboardDock* m_leaderboard = nullptr;
    std::shared_ptr<LedgerQueries> m_queries;
    SettingsMenu* m_settingsMenu = nullptr;
    Engine* m_engine = nullptr;
    ElidedLabel* m_sandboxLabel = nullptr;
    SandboxExample m_example; // the welcome's example, once started
};
