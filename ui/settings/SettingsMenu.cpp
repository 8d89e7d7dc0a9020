#include "ui/settings/SettingsMenu.h"

#include "ui/settings/Appearance.h"
#include "ui/settings/ProvidersDialog.h"
#include "ui/settings/SettingsDialog.h"

#include "core/engine/Engine.h"
#include "core/engine/EngineSettings.h"
#include "core/settings/AppSettings.h"
#include "ui/common/Icons.h"

#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>

SettingsMenu::SettingsMenu(Engine& engine, QMainWindow* window)
    : QObject(window)
    , m_engine(engine)
    , m_window(window)
    , m_settings(new AppSettings(this))
{
    new EngineSettings(engine, *m_settings, this);
    Appearance::applyTheme(m_settings->theme());
    connect(m_settings, &AppSettings::changed, this, [this](AppSettings::Key key) {
        if (key == AppSettings::ThemeKey) {
            Appearance::applyTheme(m_settings->theme());
        } else if (key == AppSettings::Language) {
            m_window->statusBar()->showMessage(tr("The new language applies when Switchyard is started again."), 15000);
        }
    });

    QMenu* menu = window->menuBar()->addMenu(tr("&Settings"));
    if (engine.keys()) {
        menu->addAction(Icons::icon(QStringLiteral("tune")), tr("&Providers and Keys..."), this,
                        [this] { openProviders(); });
    }
    QAction* preferences = menu->addAction(tr("&Preferences..."), this, &SettingsMenu::openPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
}

void SettingsMenu::openProviders(bool startAdding)
{
    if (!m_engine.keys()) {
        return;
    }
    auto* dialog = new ProvidersDialog(m_engine, *m_engine.keys(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (startAdding) {
        dialog->startAdding();
    }
    connect(dialog, &QDialog::accepted, m_window,
            [this] { m_window->statusBar()->showMessage(tr("Providers saved."), 5000); });
    dialog->open();
}

void SettingsMenu::openPreferences()
{
    auto* dialog = new SettingsDialog(*m_settings, m_engine.homeDir(), m_engine.keys(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
