#include "app/cli/CommandLine.h"
#include "app/cli/Console.h"
#include "core/common/HomeSettings.h"
#include "core/engine/Engine.h"
#include "core/http/HttpServer.h"
#include "core/settings/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/settings/Appearance.h"

#include <QApplication>
#include <QMessageBox>

#include <memory>

namespace {
// The language chosen in the settings, else the system's.
void installTranslations()
{
    const AppSettings settings;
    Appearance::installLanguage(settings.language());
}

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("Switchyard"));
    QCoreApplication::setOrganizationName(QStringLiteral("Switchyard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHYARD_VERSION));
}
} // namespace

int main(int argc, char* argv[])
{
    // The gateway's connection cap follows the open-file limit; Linux's default soft 1024 is low.
    HttpServer::raiseOpenFileLimit();
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    const CommandLine commandLine = CommandLine::parse(arguments);
    if (!commandLine.error.isEmpty()) {
        return Console::fail(commandLine.error, 64);
    }
    // The language and every other setting are read from the home's settings.ini.
    if (!commandLine.homeDir.isEmpty()) {
        HomeSettings::setHomeDir(commandLine.homeDir);
    }
    if (commandLine.showHelp || commandLine.showVersion || !commandLine.command.isEmpty()) {
        // Commands run headless: no display needed, and no GLib loop to share.
        const bool plainLoop = HttpServer::preferPlainEventLoop();
        QCoreApplication app(argc, argv);
        if (plainLoop) {
            qunsetenv("QT_NO_GLIB");
        }
        setIdentity();
        installTranslations();
        if (commandLine.showVersion) {
            Console::out(QStringLiteral("switchyard %1\n").arg(QCoreApplication::applicationVersion()));
            return 0;
        }
        if (commandLine.showHelp) {
            Console::out(CommandLine::usage());
            return 0;
        }
        return runCommand(commandLine);
    }

    QApplication app(argc, argv);
    setIdentity();
    installTranslations();
    QApplication::setDesktopFileName(QStringLiteral("io.github.switchyard.Switchyard"));
    Engine engine;
    Engine::Options options;
    options.homeDir = commandLine.homeDir;
    options.database = commandLine.database;
    options.sandbox = commandLine.sandbox;
    options.sandboxFaults = commandLine.sandboxFaults;
    options.sandboxWhenUnconfigured = true;
    options.useKeychain = true;
    if (!engine.open(options)) {
        QMessageBox::critical(nullptr, QObject::tr("Switchyard"), engine.errorString());
        return 1;
    }
    MainWindow window(engine);
    window.show();
    window.showWelcomeOnFirstRun(commandLine.sandbox);
    return app.exec();
}
