#include "ServeProcess.h"

#include <QDir>
#include <QSet>
#include <QTemporaryDir>

#include <csignal>

// `switchyard serve` killed with SIGKILL (or crashing) after it answered requests whose rows the
// ledger had not committed yet, and while others were still upstream: the next start records every
// answered request once, as it was, and each request in flight as "interrupted".
class TestServeCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sigkill_answeredKeptInFlightInterrupted_data();
    void sigkill_answeredKeptInFlightInterrupted();

private:
    QTemporaryDir m_settings;
};

namespace {
constexpr int kAnswered = 24;
constexpr int kInFlight = 3;

QStringList journals(const QString& home)
{
    return QDir(home).entryList({ QStringLiteral("ledger.sqlite.journal.*") }, QDir::Files);
}

// Starts serve on the home, waits until it answers, stops it with SIGTERM: the start recovers
// what a killed run left, the stop commits it.
bool startAndStop(const QString& home)
{
    ServeProcess serve;
    if (!serve.start(home, { QStringLiteral("--sandbox") }, { QStringLiteral("--quiet") })) {
        return false;
    }
    if (serve.health().isEmpty()) {
        return false;
    }
    return ::kill(pid_t(serve.pid()), SIGTERM) == 0 && serve.waitForExit(15000) == 0;
}
} // namespace

void TestServeCrash::initTestCase()
{
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
}

void TestServeCrash::sigkill_answeredKeptInFlightInterrupted_data()
{
    QTest::addColumn<bool>("ledgerLocked");
    // Locked by another program: no answered row can have reached the file before the kill.
    QTest::newRow("answered rows only in memory (ledger locked by another program)") << true;
    QTest::newRow("answered rows committed or waiting in the batch") << false;
}

void TestServeCrash::sigkill_answeredKeptInFlightInterrupted()
{
    QFETCH(bool, ledgerLocked);
    QTemporaryDir home;
    const QString ledgerPath = home.filePath(QStringLiteral("ledger.sqlite"));
    {
        ServeProcess serve;
        QVERIFY(serve.start(
            home.path(),
            { QStringLiteral("--sandbox"), QStringLiteral("--sandbox-fault"), QStringLiteral("gpt-5=slow") }));
        std::unique_ptr<LedgerLockHolder> other;
        if (ledgerLocked) {
            other = std::make_unique<LedgerLockHolder>(ledgerPath);
            QVERIFY(other->exec(QStringLiteral("BEGIN EXCLUSIVE")));
        }
        QNetworkAccessManager nam;
        QList<ClientCall> answered;
        for (int i = 0; i < kAnswered; ++i) {
            answered.append(ClientCall::send(nam, serve.url(QStringLiteral("/v1/chat/completions")),
                                             QStringLiteral("sandbox/codestral-latest"), i % 2 == 0,
                                             ",\"max_tokens\":5"));
        }
        for (const ClientCall& call : std::as_const(answered)) {
            QTRY_VERIFY_WITH_TIMEOUT(call.reply->isFinished(), 20000);
            QCOMPARE(outcomeOf(call.reply, call.stream), ClientOutcome::Complete);
        }
        QNetworkAccessManager slowNam;
        QList<ClientCall> inFlight;
        for (int i = 0; i < kInFlight; ++i) {
            inFlight.append(ClientCall::send(slowNam, serve.url(QStringLiteral("/v1/chat/completions")),
                                             QStringLiteral("sandbox/gpt-5"), i % 2 == 0));
        }
        QTRY_COMPARE_WITH_TIMEOUT(serve.health().value(QLatin1String("in_flight")).toInt(), kInFlight, 10000);
        if (ledgerLocked) {
            QCOMPARE(ServeProcess::total(ServeProcess::ledgerRowsByStatus(ledgerPath)), 0);
        }

        QCOMPARE(::kill(pid_t(serve.pid()), SIGKILL), 0);
        QCOMPARE(serve.waitForExit(5000), -1); // killed, not exited
        QCOMPARE(journals(home.path()).size(), 1);
        if (other) {
            QVERIFY(other->exec(QStringLiteral("ROLLBACK")));
        }
    }

    QVERIFY(startAndStop(home.path()));
    QHash<QString, int> rows = ServeProcess::ledgerRowsByStatus(ledgerPath);
    QCOMPARE(rows.value(QStringLiteral("ok")), kAnswered);
    QCOMPARE(rows.value(QStringLiteral("interrupted")), kInFlight);
    QCOMPARE(ServeProcess::total(rows), kAnswered + kInFlight);
    const QStringList uuids = ServeProcess::ledgerUuids(ledgerPath);
    QCOMPARE(QSet<QString>(uuids.begin(), uuids.end()).size(), uuids.size());
    QVERIFY2(journals(home.path()).isEmpty(), qPrintable(journals(home.path()).join(u' ')));

    // A second start finds nothing left to recover and doubles nothing.
    QVERIFY(startAndStop(home.path()));
    QCOMPARE(ServeProcess::ledgerRowsByStatus(ledgerPath), rows);
}

QTEST_GUILESS_MAIN(TestServeCrash)
#include "tst_ServeCrash.moc"
