#include "ServeProcess.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <csignal>

// `switchyard serve` stopped by SIGTERM while requests are in flight: it exits 0, every client
// gets a whole answer or an error, and the ledger holds exactly one row per request.
class TestServeShutdown : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sigtermInFlight_answersOrCancelsAndRecordsEach_data();
    void sigtermInFlight_answersOrCancelsAndRecordsEach();
    void sigtermIdle_exitsAtOnce();

private:
    QTemporaryDir m_settings;
};

void TestServeShutdown::initTestCase()
{
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
}

void TestServeShutdown::sigtermInFlight_answersOrCancelsAndRecordsEach_data()
{
    QTest::addColumn<QStringList>("global");
    QTest::addColumn<int>("graceSeconds");
    QTest::addColumn<int>("stopSignals");
    QTest::addColumn<ClientOutcome>("expected");
    QTest::addColumn<QString>("rowStatus");
    QTest::addColumn<int>("maxExitMs"); // after the first signal

    const QStringList sandbox { QStringLiteral("--sandbox") };
    const QStringList slow { QStringLiteral("--sandbox-fault"), QStringLiteral("gpt-5=slow") };
    QTest::newRow("requests that finish within the grace period are answered")
        << sandbox << 10 << 1 << ClientOutcome::Complete << "ok" << 10000;
    QTest::newRow("requests still running after the grace period get an error")
        << slow << 1 << 1 << ClientOutcome::Error << "cancelled" << 6000;
    QTest::newRow("a second signal cancels them without waiting for the grace period")
        << slow << 600 << 2 << ClientOutcome::Error << "cancelled" << 6000;
}

void TestServeShutdown::sigtermInFlight_answersOrCancelsAndRecordsEach()
{
    QFETCH(QStringList, global);
    QFETCH(int, graceSeconds);
    QFETCH(int, stopSignals);
    QFETCH(ClientOutcome, expected);
    QFETCH(QString, rowStatus);
    QFETCH(int, maxExitMs);

    QTemporaryDir home;
    ServeProcess serve;
    QVERIFY(serve.start(home.path(), global, { QStringLiteral("--grace-seconds"), QString::number(graceSeconds) }));
    // Six at once: QNetworkAccessManager's connections per host, so all are in flight together.
    constexpr int kRequests = 6;
    QNetworkAccessManager nam;
    QList<ClientCall> calls;
    for (int i = 0; i < kRequests; ++i) {
        calls.append(ClientCall::send(nam, serve.url(QStringLiteral("/v1/chat/completions")),
                                      QStringLiteral("sandbox/gpt-5"), i % 2 == 0));
    }
    QTRY_COMPARE_WITH_TIMEOUT(serve.health().value(QLatin1String("in_flight")).toInt(), kRequests, 10000);

    QElapsedTimer stopping;
    stopping.start();
    for (int i = 0; i < stopSignals; ++i) {
        QCOMPARE(::kill(pid_t(serve.pid()), SIGTERM), 0);
        QTest::qWait(200);
    }
    for (const ClientCall& call : std::as_const(calls)) {
        QTRY_VERIFY_WITH_TIMEOUT(call.reply->isFinished(), maxExitMs + 5000);
    }
    QCOMPARE(serve.waitForExit(maxExitMs + 5000), 0);
    QVERIFY2(stopping.elapsed() < maxExitMs, QByteArray::number(stopping.elapsed()).constData());

    for (const ClientCall& call : std::as_const(calls)) {
        QCOMPARE(outcomeOf(call.reply, call.stream), expected);
    }
    const QHash<QString, int> rows = ServeProcess::ledgerRowsByStatus(home.filePath(QStringLiteral("ledger.sqlite")));
    QCOMPARE(ServeProcess::total(rows), kRequests);
    QCOMPARE(rows.value(rowStatus), kRequests);
}

void TestServeShutdown::sigtermIdle_exitsAtOnce()
{
    QTemporaryDir home;
    ServeProcess serve;
    QVERIFY(serve.start(home.path(), { QStringLiteral("--sandbox") }));
    QElapsedTimer stopping;
    stopping.start();
    QCOMPARE(::kill(pid_t(serve.pid()), SIGINT), 0);
    QCOMPARE(serve.waitForExit(5000), 0);
    QVERIFY(stopping.elapsed() < 2000);
}

QTEST_GUILESS_MAIN(TestServeShutdown)
#include "tst_ServeShutdown.moc"
