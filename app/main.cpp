#include "MainWindow.h"
#include "cli/CommandLine.h"
#include "cli/Console.h"
#include "engine/Engine.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <memory>

namespace {
void installTranslations(QCoreApplication& app)
{
    auto* translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("switchyard"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
    }
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    }
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
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    const CommandLine commandLine = CommandLine::parse(arguments);
    if (!commandLine.error.isEmpty()) {
        return Console::fail(commandLine.error, 64);
    }
    if (commandLine.showHelp || commandLine.showVersion || !commandLine.command.isEmpty()) {
        // Commands run headless: no display needed.
        QCoreApplication app(argc, argv);
        setIdentity();
        installTranslations(app);
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
    installTranslations(app);
    QApplication::setDesktopFileName(QStringLiteral("io.github.switchyard.Switchyard"));
    Engine engine;
    Engine::Options options;
    options.homeDir = commandLine.homeDir;
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
    return app.exec();
}
