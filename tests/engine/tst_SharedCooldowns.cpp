#include "PostgresServer.h"
#include "core/engine/SharedCooldowns.h"
#include "core/routing/CooldownTracker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

// Issue 21: cooldowns shared by the processes on one PostgreSQL ledger (a real server the test
// starts). A breaker one process opens is skipped by the others at once, a probe that answers
// closes it everywhere, a provider-wide cooldown (quota) travels too, and nothing echoes back.
class tst_SharedCooldowns : public QObject
{
    Q_OBJECT

private:
    PostgresServer m_server;
    static inline const QString Model = QStringLiteral("openai/gpt-4.1");
    static inline const QString Provider = QStringLiteral("openai");

    // Two processes' trackers on one database, each sharing through its own connection.
    struct TwoProcesses
    {
        explicit TwoProcesses(const QString& url)
            : firstShare(url, &first)
            , secondShare(url, &second)
        {
        }
        // Both connected and listening (in the background, as the engine starts them).
        bool start()
        {
            firstShare.start();
            secondShare.start();
            QTest::qWaitFor(
                [this] {
                    return (firstShare.isListening() && secondShare.isListening())
                        || !firstShare.errorString().isEmpty() || !secondShare.errorString().isEmpty();
                },
                10000);
            error = firstShare.errorString() + secondShare.errorString();
            return firstShare.isListening() && secondShare.isListening();
        }
        CooldownTracker first;
        CooldownTracker second;
        SharedCooldowns firstShare;
        SharedCooldowns secondShare;
        QString error;
    };

    static TierSettings twoFailures()
    {
        TierSettings settings;
        settings.cooldown.failures = 2;
        settings.cooldown.windowSec = 60;
        settings.cooldown.durationSec = 30;
        return settings;
    }

private slots:
    void initTestCase()
    {
        if (!m_server.start()) {
            QSKIP(qPrintable(m_server.skipReason()));
        }
    }

    void breakerOpenedHere_skippedThere_closedEverywhereByAProbe()
    {
        TwoProcesses both(m_server.createDatabase(QStringLiteral("cooldowns")));
        QVERIFY2(both.start(), qPrintable(both.error));
        CooldownTracker& first = both.first;
        CooldownTracker& second = both.second;
        SharedCooldowns& firstShare = both.firstShare;
        SharedCooldowns& secondShare = both.secondShare;
        QSignalSpy firstAdopted(&firstShare, &SharedCooldowns::adopted);
        QSignalSpy secondAdopted(&secondShare, &SharedCooldowns::adopted);

        // One failure is not a cooldown: nothing is announced.
        first.recordFailure(Model, Provider, FailureClass::ServerError, twoFailures());
        QTest::qWait(200);
        QCOMPARE(secondAdopted.size(), 0);
        QCOMPARE(second.state(Model, Provider).phase, CooldownState::Available);

        first.recordFailure(Model, Provider, FailureClass::ServerError, twoFailures());
        const CooldownState opened = first.state(Model, Provider);
        QCOMPARE(opened.phase, CooldownState::CoolingDown);
        QTRY_COMPARE(secondAdopted.size(), 1);
        const CooldownState there = second.state(Model, Provider);
        QCOMPARE(there.phase, CooldownState::CoolingDown);
        QCOMPARE(there.reason, QStringLiteral("server_error"));
        QVERIFY2(qAbs(there.untilMs - opened.untilMs) < 2000,
                 qPrintable(QString::number(there.untilMs - opened.untilMs)));
        QVERIFY(!second.tryAcquire(Model, Provider)); // the other process sends nothing there now
        QVERIFY(second.tryAcquire(QStringLiteral("openai/gpt-4.1-mini"), Provider)); // only that deployment

        // The probe answered in the first process: the deployment is back in both.
        first.recordSuccess(Model, Provider);
        QTRY_COMPARE(secondAdopted.size(), 2);
        QCOMPARE(second.state(Model, Provider).phase, CooldownState::Available);
        QVERIFY(second.tryAcquire(Model, Provider));

        // What the second process adopted was not announced back to the first.
        QTest::qWait(200);
        QCOMPARE(firstAdopted.size(), 0);
    }

    void quotaExhausted_coolsTheProviderEverywhere()
    {
        TwoProcesses both(m_server.createDatabase(QStringLiteral("cooldowns")));
        QVERIFY2(both.start(), qPrintable(both.error));
        CooldownTracker& first = both.first;
        CooldownTracker& second = both.second;
        SharedCooldowns& firstShare = both.firstShare;
        SharedCooldowns& secondShare = both.secondShare;
        QSignalSpy secondAdopted(&secondShare, &SharedCooldowns::adopted);
        TierSettings settings = twoFailures();
        settings.quotaCooldownSec = 600;
        first.recordFailure(Model, Provider, FailureClass::QuotaExhausted, settings);
        QTRY_VERIFY(!secondAdopted.isEmpty());
        QCOMPARE(secondAdopted.first().at(0).toString(), QStringLiteral("provider"));
        const CooldownState there = second.state(QStringLiteral("openai/o3"), Provider);
        QCOMPARE(there.phase, CooldownState::CoolingDown);
        QVERIFY(there.providerWide);
        QVERIFY(there.untilMs > QDateTime::currentMSecsSinceEpoch() + 590 * 1000);
        QCOMPARE(second.state(QStringLiteral("anthropic/claude"), QStringLiteral("anthropic")).phase,
                 CooldownState::Available);
    }

    void longerLocalCooldown_notShortenedByAPeer()
    {
        CooldownTracker tracker;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        tracker.adoptModel(Model, now + 60000, 60, QStringLiteral("rate_limited"));
        tracker.adoptModel(Model, now + 10000, 10, QStringLiteral("server_error"));
        QCOMPARE(tracker.state(Model, Provider).untilMs, now + 60000);
        QCOMPARE(tracker.state(Model, Provider).reason, QStringLiteral("rate_limited"));
    }

    void serverAway_startSaysWhy_noCrash()
    {
        CooldownTracker tracker;
        SharedCooldowns share(QStringLiteral("postgresql://nobody@127.0.0.1:1/none"), &tracker);
        QSignalSpy changed(&share, &SharedCooldowns::listeningChanged);
        share.start();
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
        QCOMPARE(changed.first().at(0).toBool(), false);
        QVERIFY(!share.errorString().isEmpty());
        QVERIFY(!share.isListening());
        // Breakers still work locally.
        tracker.recordFailure(Model, Provider, FailureClass::ServerError, twoFailures());
        tracker.recordFailure(Model, Provider, FailureClass::ServerError, twoFailures());
        QCOMPARE(tracker.state(Model, Provider).phase, CooldownState::CoolingDown);
    }

    // A server that accepts the connection and then says nothing (hung, not down) holds up the
    // cooldowns' own thread only: the process's event loop, where requests are served, runs on.
    void hungServer_neverStallsTheEventLoop()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket*> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* socket = silent.nextPendingConnection()) {
                held.append(socket); // kept open, never answered
            }
        });
        CooldownTracker tracker;
        SharedCooldowns share(
            QStringLiteral("postgresql://nobody@127.0.0.1:%1/none?connect_timeout=3").arg(silent.serverPort()),
            &tracker);
        QElapsedTimer clock;
        clock.start();
        share.start();
        qint64 longestGapMs = 0;
        qint64 last = clock.elapsed();
        while (clock.elapsed() < 1500) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            QTest::qSleep(5);
            longestGapMs = qMax(longestGapMs, clock.elapsed() - last);
            last = clock.elapsed();
        }
        QVERIFY(!held.isEmpty()); // the connection was made and is waiting for an answer
        QVERIFY(!share.isListening());
        // A breaker opened meanwhile is announced on that thread, not waited for here.
        clock.restart();
        tracker.recordFailure(Model, Provider, FailureClass::ServerError, twoFailures());
        tracker.recordFailure(Model, Provider, FailureClass::ServerError, twoFailures());
        QVERIFY2(clock.elapsed() < 100, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(longestGapMs < 200, qPrintable(QString::number(longestGapMs)));
    }
};

QTEST_GUILESS_MAIN(tst_SharedCooldowns)
#include "tst_SharedCooldowns.moc"
