#include "ui/gateway/GatewayDock.h"

#include "core/common/HomeSettings.h"
#include "ui/gateway/GatewayPanel.h"
#include "ui/gateway/LocalGateway.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>

GatewayDock::GatewayDock(Engine& engine, QWidget* parent)
    : QDockWidget(tr("Gateway"), parent)
    , m_gateway(new LocalGateway(engine, this))
    , m_panel(new GatewayPanel(m_gateway, this))
{
    setObjectName(QStringLiteral("gatewayDock"));
    setWidget(m_panel);
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    // Switching the gateway on shows what it does; a failed start shows why.
    connect(m_gateway, &LocalGateway::stateChanged, this, [this](LocalGateway::State state) {
        if (state != LocalGateway::State::Stopped) {
            show();
            raise();
        }
        updateStatusMark();
    });
}

GatewayDock* GatewayDock::install(QMainWindow* window, Engine& engine)
{
    auto* dock = new GatewayDock(engine, window);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide();

    QAction* showPanel = dock->toggleViewAction();
    showPanel->setText(tr("Gateway &Traffic"));
    showPanel->setObjectName(QStringLiteral("gatewayPanelAction"));
    showPanel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));

    // One Tools menu: the window's own (evaluation results) when it has one.
    QMenu* tools = window->menuBar()->findChild<QMenu*>(QStringLiteral("toolsMenu"));
    if (!tools) {
        tools = window->menuBar()->addMenu(tr("&Tools"));
        tools->setObjectName(QStringLiteral("toolsMenu"));
    } else if (!tools->isEmpty()) {
        tools->addSeparator();
    }
    tools->addAction(dock->m_gateway->toggleAction());
    tools->addAction(showPanel);
    QAction* copy = tools->addAction(tr("&Copy Gateway URL"), dock->m_panel, &GatewayPanel::copyEndpoint);
    copy->setObjectName(QStringLiteral("gatewayCopyAction"));
    connect(dock->m_panel, &GatewayPanel::endpointCopied, window,
            [window](const QString& url) { window->statusBar()->showMessage(tr("Copied %1").arg(url), 4000); });

    dock->m_statusMark = new QLabel(window);
    dock->m_statusMark->setObjectName(QStringLiteral("gatewayStatusMark"));
    window->statusBar()->addPermanentWidget(dock->m_statusMark);
    dock->updateStatusMark();

    // Created after the window restored its layout: apply the saved one to this dock too.
    window->restoreState(HomeSettings::open()->value(QStringLiteral("mainWindow/state")).toByteArray());
    return dock;
}

void GatewayDock::updateStatusMark()
{
    if (!m_statusMark) {
        return;
    }
    const bool running = m_gateway->state() == LocalGateway::State::Running;
    m_statusMark->setVisible(running);
    m_statusMark->setText(tr("Gateway :%1").arg(m_gateway->port()));
    m_statusMark->setToolTip(tr("The local gateway serves %1 (Tools, Local Gateway switches it off).")
                                 .arg(m_gateway->endpoint().toString()));
}
