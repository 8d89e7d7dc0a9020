#include "CliRun.h"

#include "PostgresServer.h"
#include "core/ledger/Ledger.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// `switchyard migrate-ledger` as a user runs it, then the copy read through `--database` and
// SWITCHYARD_DATABASE_URL: the team database answers `stats` as the file did.
class TestCliMigrateLedger : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void migrate_thenStatsFromTheDatabaseMatchTheFile();
    void badUrl_refusedNamingThePart_data();
    void badUrl_refusedNamingThePart();

private:
    QTemporaryDir m_settings;
    PostgresServer m_server;
};

namespace {
QJsonObject statsOf(const CliRun& run)
{
    return QJsonDocument::fromJson(run.out).object();
}
} // namespace

void TestCliMigrateLedger::initTestCase()
{
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
    if (!m_server.start()) {
        QSKIP(qPrintable(m_server.skipReason()));
    }
}

void TestCliMigrateLedger::migrate_thenStatsFromTheDatabaseMatchTheFile()
{
    QTemporaryDir home;
    {
        Ledger ledger;
        QVERIFY(ledger.open(QDir(home.path()).filePath(QStringLiteral("ledger.sqlite"))));
        QSignalSpy flushed(&ledger, &Ledger::flushed);
        const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(-3600);
        for (int i = 0; i < 300; ++i) {
            RequestRecord r;
            r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            r.startedAt = now.addSecs(i);
            r.source = RequestSource::Gateway;
            r.tier = QStringLiteral("fast");
            r.finalModel = i % 2 ? QStringLiteral("m-a") : QStringLiteral("m-b");
            r.finalProvider = QStringLiteral("p");
            r.status = RequestStatus::Ok;
            r.usage.promptTokens = 100;
            r.usage.completionTokens = 10;
            r.costUsd = 0.002;
            ledger.record(r);
        }
        ledger.flush();
        QVERIFY(flushed.wait(10000));
    }
    {
        // A provider batch job and a cooldown in the file go along.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("home-ledger"));
        db.setDatabaseName(QDir(home.path()).filePath(QStringLiteral("ledger.sqlite")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("INSERT INTO batch_jobs VALUES('batch_abc', 'p', 'm-a', 'm-a', 'in.jsonl',"
                                          " '{}', 3, 'in_progress', 1, 2, 0)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO cooldowns VALUES('provider', 'p', 1, 'rate limited')")));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("home-ledger"));
    const QString url = m_server.createDatabase();
    const QStringList homeArgs { QStringLiteral("--home"), home.path() };
    const CliRun fileStats = CliRun::of(homeArgs + QStringList { "stats", "--json" });
    QCOMPARE(fileStats.exitCode, 0);

    const CliRun migrated = CliRun::of(homeArgs + QStringList { "migrate-ledger", "--to", url });
    QVERIFY2(migrated.exitCode == 0, migrated.err.constData());
    QVERIFY2(migrated.out.contains("300 requests"), migrated.out.constData());
    QVERIFY(migrated.out.contains("counts and sums match"));
    QVERIFY2(migrated.out.contains("Provider batch jobs copied: 1; cooldowns copied: 1."), migrated.out.constData());
    const CliRun again = CliRun::of(homeArgs + QStringList { "migrate-ledger", "--to", url });
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains("Resumed after 300 requests"), again.out.constData());

    // Another machine's home, pointed at the team database by flag and by environment.
    QTemporaryDir other;
    const CliRun byFlag = CliRun::of({ "--home", other.path(), "--database", url, "stats", "--json" });
    QVERIFY2(byFlag.exitCode == 0, byFlag.err.constData());
    QCOMPARE(statsOf(byFlag).value("requests").toInt(), 300);
    QCOMPARE(statsOf(byFlag).value("total_cost_usd").toDouble(), statsOf(fileStats).value("total_cost_usd").toDouble());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SWITCHYARD_DATABASE_URL"), url);
    const CliRun byEnvironment = CliRun::of({ "--home", other.path(), "stats", "--json" }, environment);
    QCOMPARE(byEnvironment.exitCode, 0);
    QCOMPARE(statsOf(byEnvironment).value("requests").toInt(), 300);
    QVERIFY(!QFileInfo::exists(QDir(other.path()).filePath(QStringLiteral("ledger.sqlite"))));
}

void TestCliMigrateLedger::badUrl_refusedNamingThePart_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("unknown sslmode") << "postgresql://u@127.0.0.1/d?sslmode=always" << QByteArray("sslmode \"always\"");
    QTest::newRow("no database") << "postgresql://u@127.0.0.1/" << QByteArray("no database");
    QTest::newRow("not a URL") << "/tmp/team.sqlite" << QByteArray("postgresql://");
}

void TestCliMigrateLedger::badUrl_refusedNamingThePart()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, message);
    QTemporaryDir home;
    const CliRun run = CliRun::of({ "--home", home.path(), "migrate-ledger", "--to", url });
    QCOMPARE(run.exitCode, 64);
    QVERIFY2(run.err.contains(message), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliMigrateLedger)
#include "tst_CliMigrateLedger.moc"
