#include "CannedUpstream.h"
#include "ServeProcess.h"

#include "PostgresServer.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>

#include <csignal>

// `switchyard serve` on a PostgreSQL ledger while the database is stopped mid-traffic and
// started again: requests keep being answered, and afterwards every answered request is in the
// ledger exactly once, also when the gateway itself was stopped during the outage.
class TestServePostgresOutage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void databaseStoppedMidTraffic_everyAnsweredRequestOnce_data();
    void databaseStoppedMidTraffic_everyAnsweredRequestOnce();

private:
    QTemporaryDir m_settings;
};

namespace {
QStringList ledgerUuids(const QString& url)
{
    const QUrl parsed(url);
    const QString name = QUuid::createUuid().toString();
    QStringList uuids;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(parsed.host());
        db.setPort(parsed.port());
        db.setUserName(parsed.userName());
        db.setDatabaseName(parsed.path().mid(1));
        if (db.open()) {
            QSqlQuery query(QStringLiteral("SELECT uuid FROM requests WHERE status = 'ok'"), db);
            while (query.next()) {
                uuids << query.value(0).toString();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return uuids;
}

// Sends `count` requests on three connections and waits for all; the number answered with 200.
int sendWave(ServeProcess& serve, int count)
{
    QNetworkAccessManager clients[3];
    QList<ClientCall> calls;
    for (int i = 0; i < count; ++i) {
        calls << ClientCall::send(clients[i % 3], serve.url(QStringLiteral("/v1/chat/completions")), "m", i % 2 == 0,
                                  QByteArrayLiteral(",\"max_tokens\":5"));
    }
    int complete = 0;
    for (const ClientCall& call : std::as_const(calls)) {
        QElapsedTimer waited;
        waited.start();
        while (!call.reply->isFinished() && waited.elapsed() < 30000) {
            QTest::qWait(20);
        }
        complete += outcomeOf(call.reply, call.stream) == ClientOutcome::Complete ? 1 : 0;
    }
    return complete;
}
} // namespace

void TestServePostgresOutage::initTestCase()
{
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
    // Spill files go to the data directory, under XDG_DATA_HOME.
    qputenv("XDG_DATA_HOME", m_settings.filePath(QStringLiteral("data")).toUtf8());
}

void TestServePostgresOutage::databaseStoppedMidTraffic_everyAnsweredRequestOnce_data()
{
    QTest::addColumn<bool>("stopGatewayDuringOutage");
    QTest::newRow("the database returns while the gateway serves: the waiting rows are written") << false;
    QTest::newRow("the gateway stops during the outage: the rows are kept on disk, written at its next start") << true;
}

void TestServePostgresOutage::databaseStoppedMidTraffic_everyAnsweredRequestOnce()
{
    QFETCH(bool, stopGatewayDuringOutage);
    PostgresServer server;
    if (!server.start()) {
        QSKIP(qPrintable(server.skipReason()));
    }
    const QString url = server.createDatabase();
    CannedUpstream upstream(200, CannedUpstream::completion("fine", 2, "stop"));
    QVERIFY(upstream.isListening());
    QTemporaryDir home;
    QVERIFY(upstream.writeProviders(home.path(), 1, 2));
    const QStringList global { QStringLiteral("--database"), url };
    auto serve = std::make_unique<ServeProcess>();
    QVERIFY(serve->start(home.path(), global, { QStringLiteral("--quiet") }));

    int answered = sendWave(*serve, 30);
    QCOMPARE(answered, 30);
    QVERIFY(server.pause());
    answered += sendWave(*serve, 40);
    QCOMPARE(answered, 70); // served all along
    QTRY_COMPARE_WITH_TIMEOUT(serve->health().value(QLatin1String("status")).toString(), QStringLiteral("degraded"),
                              10000);
    if (stopGatewayDuringOutage) {
        QCOMPARE(::kill(pid_t(serve->pid()), SIGTERM), 0);
        QCOMPARE(serve->waitForExit(20000), 0);
        QVERIFY2(serve->standardError().contains(".pending.json"), serve->standardError().constData());
    }
    QVERIFY(server.resume());
    if (stopGatewayDuringOutage) {
        serve = std::make_unique<ServeProcess>();
        QVERIFY(serve->start(home.path(), global, { QStringLiteral("--quiet") }));
    }
    QTRY_COMPARE_WITH_TIMEOUT(serve->health().value(QLatin1String("status")).toString(), QStringLiteral("ok"), 15000);
    answered += sendWave(*serve, 30);
    QCOMPARE(answered, 100);
    QCOMPARE(upstream.received, 100);
    QCOMPARE(::kill(pid_t(serve->pid()), SIGTERM), 0);
    QCOMPARE(serve->waitForExit(20000), 0);

    const QStringList uuids = ledgerUuids(url);
    QCOMPARE(uuids.size(), answered);
    QCOMPARE(QSet<QString>(uuids.begin(), uuids.end()).size(), answered);
}

QTEST_GUILESS_MAIN(TestServePostgresOutage)
#include "tst_ServePostgresOutage.moc"
