#pragma once

#include <QDockWidget>

class Engine;
class GatewayPanel;
class LocalGateway;
class QLabel;
class QMainWindow;

// The Local Gateway in the main window: a Tools menu with the on/off switch, the dock with its
// panel and live traffic, and a status bar mark while it runs.
class GatewayDock : public QDockWidget
{
    Q_OBJECT

public:
    // Adds the dock, the Tools menu and the status bar mark to the window; the window owns them.
    static GatewayDock* install(QMainWindow* window, Engine& engine);

    GatewayDock(Engine& engine, QWidget* parent = nullptr);

    LocalGateway* gateway() const { return m_gateway; }
    GatewayPanel* panel() const { return m_panel; }
    QLabel* statusMark() const { return m_statusMark; }

private:
    void updateStatusMark();

    LocalGateway* m_gateway;
    GatewayPanel* m_panel;
    QLabel* m_statusMark = nullptr;
};
