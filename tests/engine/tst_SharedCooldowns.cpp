#include "PostgresServer.h"
#include "core/engine/SharedCooldownChannel.h"
#include "core/engine/SharedCooldowns.h"
#include "core/ledger/Ledger.h"
#include "core/routing/CooldownTracker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

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

    // A database with the ledger's schema (and so its cooldowns table), as the engine opens it.
    QString createLedger()
    {
        const QString url = m_server.createDatabase(QStringLiteral("cooldowns"));
        Ledger ledger;
        return ledger.open(url) ? url : QString();
    }

    // One value asked of the database on a connection of the test's own.
    static QVariant scalar(const QString& url, const QString& sql)
    {
        const QString name = QUuid::createUuid().toString();
        QVariant value;
        {
            const QUrl parts(url);
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(parts.host());
            db.setPort(parts.port());
            db.setUserName(parts.userName());
            db.setDatabaseName(parts.path().mid(1));
            QSqlQuery query(db);
            if (db.open() && query.exec(sql) && query.next()) {
                value = query.value(0);
            }
        }
        QSqlDatabase::removeDatabase(name);
        return value;
    }

    static bool listening(SharedCooldowns& share)
    {
        QTest::qWaitFor([&] { return share.isListening() || !share.errorString().isEmpty(); }, 10000);
        return share.isListening();
    }

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

    // A process that starts listening after the announcements learns the cooldowns still in force
    // from the ledger's table (their ends by the server's clock); those that closed again or ran
    // out are not adopted.
    void startedLater_learnsTheCooldownsStillInForce()
    {
        const QString url = createLedger();
        QVERIFY(!url.isEmpty());
        CooldownTracker first;
        SharedCooldowns firstShare(url, &first);
        firstShare.start();
        QVERIFY2(listening(firstShare), qPrintable(firstShare.errorString()));

        first.recordFailure(Model, Provider, FailureClass::ServerError, twoFailures());
        first.recordFailure(Model, Provider, FailureClass::ServerError, twoFailures()); // 30 s
        TierSettings quota = twoFailures();
        quota.quotaCooldownSec = 600;
        first.recordFailure(QStringLiteral("anthropic/claude"), QStringLiteral("anthropic"),
                            FailureClass::QuotaExhausted, quota);
        const QString closed = QStringLiteral("openai/gpt-4.1-mini");
        first.recordFailure(closed, Provider, FailureClass::ServerError, twoFailures());
        first.recordFailure(closed, Provider, FailureClass::ServerError, twoFailures());
        first.recordSuccess(closed, Provider); // its probe answered: closed again
        TierSettings oneSecond = twoFailures();
        oneSecond.cooldown.durationSec = 1;
        const QString brief = QStringLiteral("mistral/small");
        first.recordFailure(brief, QStringLiteral("mistral"), FailureClass::ServerError, oneSecond);
        first.recordFailure(brief, QStringLiteral("mistral"), FailureClass::ServerError, oneSecond);
        QTRY_COMPARE(scalar(url, QStringLiteral("SELECT COUNT(*) FROM cooldowns")).toInt(), 4);
        // The brief one runs out before the second process starts.
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(url,
                   QStringLiteral("SELECT COUNT(*) FROM cooldowns WHERE until_ms >"
                                  " CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"))
                .toInt(),
            2, 5000);

        CooldownTracker second;
        SharedCooldowns secondShare(url, &second);
        QSignalSpy adopted(&secondShare, &SharedCooldowns::adopted);
        secondShare.start();
        QVERIFY2(listening(secondShare), qPrintable(secondShare.errorString()));
        QTRY_COMPARE(adopted.size(), 2);
        const CooldownState model = second.state(Model, Provider);
        QCOMPARE(model.phase, CooldownState::CoolingDown);
        QCOMPARE(model.reason, QStringLiteral("server_error"));
        const qint64 firstUntil = first.state(Model, Provider).untilMs;
        QVERIFY2(qAbs(model.untilMs - firstUntil) < 2000, qPrintable(QString::number(model.untilMs - firstUntil)));
        QVERIFY(!second.tryAcquire(Model, Provider));
        const CooldownState provider = second.state(QStringLiteral("anthropic/opus"), QStringLiteral("anthropic"));
        QCOMPARE(provider.phase, CooldownState::CoolingDown);
        QVERIFY(provider.providerWide);
        QVERIFY(provider.untilMs > QDateTime::currentMSecsSinceEpoch() + 590 * 1000);
        QCOMPARE(second.state(closed, Provider).phase, CooldownState::Available);
        QCOMPARE(second.state(brief, QStringLiteral("mistral")).phase, CooldownState::Available);
        // Learning them announced nothing back.
        QTest::qWait(200);
        QCOMPARE(scalar(url, QStringLiteral("SELECT COUNT(*) FROM cooldowns")).toInt(), 4);
    }

    // A listening connection the server dropped says nothing by itself, and what is announced
    // meanwhile never reaches it: the process notices within SharedCooldownChannel::kRetryMs,
    // listens again and learns from the table what it missed.
    void connectionDropped_reconnectsAndLearnsWhatItMissed()
    {
        const QString url = createLedger();
        QVERIFY(!url.isEmpty());
        const QString database = QUrl(url).path().mid(1);
        const QString backends
            = QStringLiteral("SELECT string_agg(pid::text, ',') FROM pg_stat_activity WHERE datname = '%1'")
                  .arg(database);
        CooldownTracker first;
        SharedCooldowns firstShare(url, &first);
        firstShare.start();
        QVERIFY2(listening(firstShare), qPrintable(firstShare.errorString()));
        const QString firstPid = scalar(url, backends + QStringLiteral(" AND pid <> pg_backend_pid()")).toString();
        QVERIFY(!firstPid.isEmpty() && !firstPid.contains(u','));
        CooldownTracker second;
        SharedCooldowns secondShare(url, &second);
        QSignalSpy adopted(&secondShare, &SharedCooldowns::adopted);
        QSignalSpy changed(&secondShare, &SharedCooldowns::listeningChanged);
        secondShare.start();
        QVERIFY2(listening(secondShare), qPrintable(secondShare.errorString()));
        QVERIFY(scalar(url,
                       QStringLiteral("SELECT bool_and(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                      " WHERE datname = '%1' AND pid <> pg_backend_pid() AND pid <> %2")
                           .arg(database, firstPid))
                    .toBool());

        first.recordFailure(Model, Provider, FailureClass::ServerError, twoFailures());
        first.recordFailure(Model, Provider, FailureClass::ServerError, twoFailures());
        QTRY_COMPARE(scalar(url, QStringLiteral("SELECT COUNT(*) FROM cooldowns")).toInt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(adopted.size(), 1, 3 * SharedCooldownChannel::kRetryMs);
        QCOMPARE(second.state(Model, Provider).phase, CooldownState::CoolingDown);
        QVERIFY(secondShare.isListening());
        QVERIFY(changed.size() >= 2); // lost, then listening again
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
