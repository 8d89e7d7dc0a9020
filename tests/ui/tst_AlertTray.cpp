#include "core/alerts/AlertMonitor.h"
#include "core/common/Clock.h"
#include "ui/common/AlertTray.h"

#include <QApplication>
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
};

QTEST_MAIN(tst_AlertTray)
#include "tst_AlertTray.moc"
