#pragma once

#include "workbench/ModelCatalog.h"

#include <QMainWindow>

#include <memory>

class AppSettings;
class Engine;
class ProviderClient;
class ProviderHealth;
class ProviderStatusBar;
class QActionGroup;
class HistoryPanel;
class LedgerQueries;
class QDockWidget;
class QStackedWidget;
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
    Page currentPage() const;
    void showPage(Page page);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void setUpPages(const ModelCatalog& catalog, ProviderClient* client);
    void setUpMenus();
    void restoreWindowState();
    void setUpHistory(Engine& engine);
    void setUpEnginePages(Engine& engine);
    QWidget* placeholderPage(const QString& icon, const QString& title, const QString& text);

    QStackedWidget* m_pages = nullptr;
    QActionGroup* m_navigation = nullptr;
    WorkbenchView* m_workbench = nullptr;
    ProviderHealth* m_health = nullptr;
    ProviderStatusBar* m_providerStatus = nullptr;
    HistoryPanel* m_history = nullptr;
    QDockWidget* m_historyDock = nullptr;
    std::shared_ptr<LedgerQueries> m_queries;
    AppSettings* m_settings = nullptr;
};
