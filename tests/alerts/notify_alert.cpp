#include "core/alerts/AlertMonitor.h"
#include "core/alerts/DesktopNotifier.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

// Sends one firing "provider down" alert to the session's notification server, as the desktop
// app does without a tray, and exits 0 once the server has taken it (1 with its error otherwise).
// notification-screenshot.sh runs it against a real server (dunst) and photographs the screen.
int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    AlertMonitor monitor;
    DesktopNotifier notifier;
    QObject::connect(&monitor, &AlertMonitor::fired, &notifier, &DesktopNotifier::notify);
    QObject::connect(&notifier, &DesktopNotifier::delivered, &app, [](const QString&, uint id, const QString& error) {
        QTextStream(stderr) << "notification " << id << ' ' << error << '\n';
        QCoreApplication::exit(error.isEmpty() ? 0 : 1);
    });
    QTimer::singleShot(10000, &app, [] { QCoreApplication::exit(2); });
    monitor.observeCircuit(QStringLiteral("openai"), true);
    return app.exec();
}
