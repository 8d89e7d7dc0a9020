#pragma once

#include "workbench/ModelCatalog.h"

#include <QMainWindow>

class Engine;
class ProviderClient;
class ProviderHealth;
class ProviderStatusBar;
class QActionGroup;
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
    Page currentPage() const;
    void showPage(Page page);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void setUpPages(const ModelCatalog& catalog, ProviderClient* client);
    void setUpMenus();
    void restoreWindowState();
    QWidget* placeholderPage(const QString& icon, const QString& title, const QString& text);

    QStackedWidget* m_pages = nullptr;
    QActionGroup* m_navigation = nullptr;
    WorkbenchView* m_workbench = nullptr;
    ProviderHealth* m_health = nullptr;
    ProviderStatusBar* m_providerStatus = nullptr;
};
