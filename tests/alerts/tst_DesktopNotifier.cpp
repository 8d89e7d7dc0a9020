#include "NotificationServer.h"
#include "core/alerts/AlertMonitor.h"
#include "core/alerts/DesktopNotifier.h"

#include <QSignalSpy>
#include <QTest>

// Alerts reach the desktop through the freedesktop Notifications interface on the session bus:
// a firing alert is one critical notification that stays, its clearing replaces that same
// notification, and the next episode starts a new one.
class tst_DesktopNotifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!m_server.start()) {
            QSKIP(qPrintable(m_server.skipReason()));
        }
    }

    void episode_firesThenClearsInTheSameNotification()
    {
        AlertMonitor monitor;
        DesktopNotifier notifier;
        QVERIFY(notifier.isAvailable());
        connect(&monitor, &AlertMonitor::fired, &notifier, &DesktopNotifier::notify);
        connect(&monitor, &AlertMonitor::cleared, &notifier, &DesktopNotifier::notify);
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);

        monitor.observeCircuit(QStringLiteral("notifier-episode-provider"), true);
        QVERIFY(delivered.wait(5000));
        monitor.observeCircuit(QStringLiteral("notifier-episode-provider"), false);
        QVERIFY(delivered.count() == 2 || delivered.wait(5000));
        monitor.observeCircuit(QStringLiteral("notifier-episode-provider"), true);
        QVERIFY(delivered.count() == 3 || delivered.wait(5000));

        const QList<NotificationServer::Received> received
            = m_server.about(QStringLiteral("notifier-episode-provider"));
        QCOMPARE(received.size(), 3);
        const NotificationServer::Received& fired = received.at(0);
        QCOMPARE(fired.appName, QStringLiteral("Switchyard"));
        QCOMPARE(fired.replacesId, 0u);
        QCOMPARE(fired.summary, QStringLiteral("Switchyard alert: Provider down"));
        QVERIFY2(fired.body.contains(QLatin1String("notifier-episode-provider is down")), qPrintable(fired.body));
        QCOMPARE(fired.hints.value(QStringLiteral("urgency")).toInt(), 2); // critical
        QCOMPARE(fired.expireTimeout, 0); // stays until dismissed

        const NotificationServer::Received& cleared = received.at(1);
        QCOMPARE(cleared.replacesId, fired.id);
        QCOMPARE(cleared.summary, QStringLiteral("Switchyard, cleared: Provider down"));
        QCOMPARE(cleared.hints.value(QStringLiteral("urgency")).toInt(), 1); // normal
        QCOMPARE(cleared.expireTimeout, -1);

        const NotificationServer::Received& again = received.at(2);
        QCOMPARE(again.replacesId, 0u); // a new episode, a new notification
        QVERIFY(again.id != fired.id);
        for (const QList<QVariant>& answer : std::as_const(delivered)) {
            QVERIFY2(answer.at(2).toString().isEmpty(), qPrintable(answer.at(2).toString()));
        }
    }

    // The body is shown as markup by many servers: an alert's text cannot inject any.
    void body_isEscaped()
    {
        DesktopNotifier notifier;
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        Alert alert;
        alert.kind = AlertKind::ProviderDown;
        alert.subject = QStringLiteral("p");
        alert.summary = QStringLiteral("<b>escape-check</b> & y");
        notifier.notify(alert);
        QVERIFY(delivered.wait(5000));
        const QList<NotificationServer::Received> received = m_server.about(QStringLiteral("escape-check"));
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.at(0).body, QStringLiteral("&lt;b&gt;escape-check&lt;/b&gt; &amp; y"));
    }

private:
    NotificationServer m_server;
};

QTEST_GUILESS_MAIN(tst_DesktopNotifier)
#include "tst_DesktopNotifier.moc"
