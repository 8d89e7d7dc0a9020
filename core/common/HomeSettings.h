#pragma once

#include <QString>

#include <memory>

class QSettings;

// The one place the app's own settings are opened: `settings.ini` in the active home dir, so
// that `--home DIR` holds them with the rest of the config (first-run state, theme, language,
// budgets, timeouts, workbench columns, window layout). Two homes never see each other's.
// main() makes the home of `--home`/SWITCHYARD_HOME active before anything reads a setting, and
// Engine::open() makes its home the active one.
class HomeSettings final
{
public:
    static constexpr const char* FileName = "settings.ini";

    // SWITCHYARD_HOME, else the platform's app data location.
    static QString defaultHomeDir();
    static void setHomeDir(const QString& dir);
    // The active home; defaultHomeDir() until one is set.
    static QString homeDir();
    static QString filePath();
    // A QSettings on filePath(). On the default home, the first time, it takes over what earlier
    // versions kept in the platform's settings (~/.config/Switchyard), so an update keeps them.
    static std::unique_ptr<QSettings> open();

private:
    static void importLegacySettings(QSettings& settings);
};
