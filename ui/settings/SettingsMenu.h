#pragma once

#include <QObject>

class AppSettings;
class Engine;
class QMainWindow;

// The Settings menu of the main window: owns the typed settings, applies them to the engine
// (EngineSettings) and to the application (theme; a language change takes effect on restart),
// and opens the Providers and Preferences dialogs.
class SettingsMenu final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsMenu)

public:
    // Adds the menu to `window`'s menu bar; the window is the parent.
    SettingsMenu(Engine& engine, QMainWindow* window);

    AppSettings* settings() const { return m_settings; }
    void openProviders(bool startAdding = false);
    void openPreferences();

private:
    Engine& m_engine;
    QMainWindow* m_window;
    AppSettings* m_settings;
};
