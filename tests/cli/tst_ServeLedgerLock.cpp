#include "ServeProcess.h"

#include "core/ledger/LedgerSpill.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>

#include <csignal>

// Another program (a sqlite3 shell, a DB browser, a backup) holds the ledger's write lock longer
// than the busy timeout while `switchyard serve` answers requests: no row is lost or doubled.
class TestServeLedgerLock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void externalLock_rowsWaitAndAreWrittenOnce_data();
    void externalLock_rowsWaitAndAreWrittenOnce();

private:
    QTemporaryDir m_settings;
};

namespace {
constexpr int kRequests = 100;
constexpr int kLockMs = 8000;

} // namespace

void TestServeLedgerLock::initTestCase()
{
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
}

void TestServeLedgerLock::externalLock_rowsWaitAndAreWrittenOnce_data()
{
    QTest::addColumn<bool>("stopWhileLocked");
    QTest::newRow("the lock ends while serving: the waiting rows are written") << false;
    QTest::newRow("stopped while locked: the rows are kept on disk and written at the next start") << true;
}

void TestServeLedgerLock::externalLock_rowsWaitAndAreWrittenOnce()
{
    QFETCH(bool, stopWhileLocked);
    QTemporaryDir home;
    const QString ledgerPath = home.filePath(QStringLiteral("ledger.sqlite"));
    auto serve = std::make_unique<ServeProcess>();
    QVERIFY(serve->start(home.path(), { QStringLiteral("--sandbox") }, { QStringLiteral("--quiet") }));

    LedgerLockHolder other(ledgerPath);
    QVERIFY(other.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    QElapsedTimer locked;
    locked.start();

    // Three clients of six connections each, half of the requests streamed.
    QList<std::shared_ptr<QNetworkAccessManager>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.append(std::make_shared<QNetworkAccessManager>());
    }
    QList<ClientCall> calls;
    for (int i = 0; i < kRequests; ++i) {
        calls.append(ClientCall::send(*clients[i % 3], serve->url(QStringLiteral("/v1/chat/completions")),
                                      QStringLiteral("sandbox/codestral-latest"), i % 2 == 0,
                                      QByteArrayLiteral(",\"max_tokens\":5")));
    }
    for (const ClientCall& call : std::as_const(calls)) {
        QTRY_VERIFY_WITH_TIMEOUT(call.reply->isFinished(), 30000);
        QCOMPARE(outcomeOf(call.reply, call.stream), ClientOutcome::Complete);
    }
    QVERIFY2(locked.elapsed() < kLockMs, "the requests took longer than the lock; the test proves nothing");
    // The writer reports the stall once its first attempt has waited out the busy timeout (5 s).
    QTRY_COMPARE_WITH_TIMEOUT(serve->health().value(QLatin1String("status")).toString(), QStringLiteral("degraded"),
                              int(kLockMs - locked.elapsed()));
    const QJsonObject health = serve->health();
    QVERIFY(health.value(QLatin1String("problems")).toArray().first().toString().contains(QLatin1String("history")));
    QVERIFY(serve->standardError().contains("cannot be written"));

    if (stopWhileLocked) {
        QCOMPARE(::kill(pid_t(serve->pid()), SIGTERM), 0);
        QCOMPARE(serve->waitForExit(15000), 0);
        QVERIFY(serve->standardError().contains(".pending.json"));
        QVERIFY(QFile::exists(LedgerSpill::pathFor(ledgerPath)));
    }
    QTRY_VERIFY_WITH_TIMEOUT(locked.elapsed() >= kLockMs, kLockMs);
    QVERIFY(other.exec(QStringLiteral("COMMIT")));

    if (stopWhileLocked) {
        serve = std::make_unique<ServeProcess>();
        QVERIFY(serve->start(home.path(), { QStringLiteral("--sandbox") }, { QStringLiteral("--quiet") }));
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(LedgerSpill::pathFor(ledgerPath)), 10000);
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(serve->health().value(QLatin1String("status")).toString(), QStringLiteral("ok"),
                                  10000);
        QVERIFY(serve->standardError().contains("nothing was lost"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(ServeProcess::ledgerUuids(ledgerPath).size(), kRequests, 10000);
    const QStringList uuids = ServeProcess::ledgerUuids(ledgerPath);
    QCOMPARE(QSet<QString>(uuids.begin(), uuids.end()).size(), kRequests);
    QCOMPARE(::kill(pid_t(serve->pid()), SIGTERM), 0);
    QCOMPARE(serve->waitForExit(15000), 0);
    QCOMPARE(ServeProcess::ledgerUuids(ledgerPath).size(), kRequests);
}

QTEST_GUILESS_MAIN(TestServeLedgerLock)
#include "tst_ServeLedgerLock.moc"
