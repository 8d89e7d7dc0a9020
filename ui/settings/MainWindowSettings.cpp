// MainWindow's settings and first-run parts, kept beside the dialogs they drive: the Settings
// menu, settings applied to the engine and the application, the welcome and its sandbox example.
#include "MainWindow.h"

#include "Appearance.h"
#include "ProvidersDialog.h"
#include "SandboxExample.h"
#include "SettingsDialog.h"
#include "WelcomeDialog.h"

#include "common/Icons.h"
#include "engine/Engine.h"
#include "engine/EngineSettings.h"
#include "routing/RoutingEditor.h"
#include "routing/TryPromptPanel.h"
#include "secrets/AppSettings.h"
#include "secrets/KeyStore.h"
#include "workbench/PromptEditor.h"
#include "workbench/WorkbenchView.h"

#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QStatusBar>

void MainWindow::setUpSettings(Engine& engine)
{
    m_settings = new AppSettings(this);
    new EngineSettings(engine, *m_settings, this);
    Appearance::applyTheme(m_settings->theme());
    connect(m_settings, &AppSettings::changed, this, [this](AppSettings::Key key) {
        if (key == AppSettings::ThemeKey) {
            Appearance::applyTheme(m_settings->theme());
        } else if (key == AppSettings::Language) {
            statusBar()->showMessage(tr("The new language applies when Switchyard is started again."), 15000);
        }
    });

    QMenu* settingsMenu = menuBar()->addMenu(tr("&Settings"));
    if (engine.keys()) {
        settingsMenu->addAction(Icons::icon(QStringLiteral("tune")), tr("&Providers and Keys..."), this,
                                &MainWindow::openProviders);
    }
    QAction* preferences = settingsMenu->addAction(tr("&Preferences..."), this, &MainWindow::openPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

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
        m_sandboxLabel = new QLabel(tr("Sandbox: simulated providers, no real requests, no cost"), this);
        m_sandboxLabel->setObjectName(QStringLiteral("sandboxLabel"));
        m_sandboxLabel->setToolTip(tr("Every provider here is simulated on this computer. Add a real provider under "
                                      "Settings, Providers and Keys."));
        statusBar()->insertPermanentWidget(0, m_sandboxLabel);
    }
}

void MainWindow::openProviders()
{
    if (!m_engine || !m_engine->keys()) {
        return;
    }
    auto* dialog = new ProvidersDialog(*m_engine, *m_engine->keys(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openPreferences()
{
    if (!m_engine || !m_settings) {
        return;
    }
    auto* dialog = new SettingsDialog(*m_settings, m_engine->homeDir(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

WelcomeDialog* MainWindow::showWelcome()
{
    auto* welcome = new WelcomeDialog(this);
    welcome->setAttribute(Qt::WA_DeleteOnClose);
    welcome->setSandboxAvailable(m_engine && m_engine->isSandboxed());
    connect(welcome, &QDialog::finished, this, [this, welcome] {
        if (m_settings) {
            m_settings->setValue(AppSettings::FirstRunDone, true);
            m_settings->sync();
        }
        switch (welcome->choice()) {
        case WelcomeDialog::Choice::Sandbox:
            startSandboxExample();
            break;
        case WelcomeDialog::Choice::AddProvider:
            openProviders();
            break;
        case WelcomeDialog::Choice::None:
            break;
        }
    });
    welcome->open();
    return welcome;
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
        m_sandboxLabel->setText(tr("Simulated providers · %1 down (HTTP 503)").arg(example.downModel));
        m_sandboxLabel->setToolTip(
            tr("The example goes to tier %1 (rule \"%2\"). Its first model, %3, answers HTTP 503 "
               "in the sandbox, so the \"Route it\" column fails over to %4.")
                .arg(example.tier, example.rule, example.downModel, example.fallbackModel));
        statusBar()->showMessage(tr("Example ready: Ctrl+Enter sends it."), 15000);
    }
    return example;
}
