#include "NotificationServer.h"
#include "core/alerts/AlertMonitor.h"
#include "core/alerts/DesktopNotifier.h"
#include "core/common/Clock.h"
#include "ui/common/AlertTray.h"
#include "ui/dashboard/AlertLogPanel.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

// The desktop's alert log: each alert that fires or clears is one line, newest last.
class tst_AlertTray : public QObject
{
    Q_OBJECT

private slots:
    void alertsFireAndClear_loggedInOrder()
    {
        AlertMonitor monitor;
        AlertTray tray(&monitor);
        monitor.observeCircuit(QStringLiteral("openai"), true);
        monitor.observeKeyBudget(QStringLiteral("a1b2c3d4"), 6, 5);
        QCOMPARE(tray.firing(), 2);
        monitor.observeCircuit(QStringLiteral("openai"), false);
        QCOMPARE(tray.firing(), 1);
        const QStringList log = tray.log();
        QCOMPARE(log.size(), 3);
        QVERIFY2(log[0].contains(QLatin1String("[FIRING] Provider down: openai is down")), qPrintable(log[0]));
        QVERIFY2(log[1].contains(QLatin1String("[FIRING] Client key over budget")), qPrintable(log[1]));
        QVERIFY2(log[2].contains(QLatin1String("[CLEARED] Provider down")), qPrintable(log[2]));
    }

    // Without a tray (offscreen here, GNOME on a desktop) each alert still reaches the desktop:
    // as a notification from the session's notification server.
    void noTray_alertsGoToTheNotificationServer()
    {
        NotificationServer server;
        if (!server.start()) {
            QSKIP(qPrintable(server.skipReason()));
        }
        AlertMonitor monitor;
        AlertTray tray(&monitor);
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
        QVERIFY(tray.notifier());
        QSignalSpy delivered(tray.notifier(), &DesktopNotifier::delivered);
        monitor.observeCircuit(QStringLiteral("tray-less-provider"), true);
        QVERIFY(delivered.wait(5000));
        // Earlier tests' notifications, queued while no server ran, may reach this one too.
        const QList<NotificationServer::Received> received = server.about(QStringLiteral("tray-less-provider"));
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.at(0).summary, QStringLiteral("Switchyard alert: Provider down"));
        QCOMPARE(tray.log().size(), 1);
    }

    // The dashboard's alert log reads the same lines, newest first, and follows new ones.
    void alertLogPanel_showsTheLogNewestFirst()
    {
        AlertMonitor monitor;
        AlertTray tray(&monitor);
        AlertLogPanel panel;
        panel.setTray(&tray);
        panel.resize(900, 220);
        QVERIFY(panel.list()->isHidden());
        QVERIFY(panel.findChild<QLabel*>()->text().contains(QLatin1String("No alert has fired")));

        monitor.observeCircuit(QStringLiteral("sandbox-openai"), true);
        monitor.observeKeyBudget(QStringLiteral("ci-agent"), 6, 5);
        monitor.observeCircuit(QStringLiteral("sandbox-openai"), false);
        QVERIFY(!panel.list()->isHidden());
        QCOMPARE(panel.list()->count(), 3);
        QCOMPARE(panel.list()->item(0)->text(), tray.log().at(2));
        QVERIFY(panel.list()->item(0)->text().contains(QLatin1String("[CLEARED] Provider down")));
        QVERIFY(panel.list()->item(2)->text().contains(QLatin1String("[FIRING] Provider down")));
        QVERIFY(panel.list()->item(1)->font().bold()); // still firing

        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(panel.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/dashboard-alert-log.png")));
    }
};

QTEST_MAIN(tst_AlertTray)
#include "tst_AlertTray.moc"
