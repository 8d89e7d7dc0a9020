#include "LedgerTestUtil.h"

#include "core/ledger/LedgerConnection.h"
#include "core/ledger/LedgerDialect.h"
#include "core/ledger/LedgerQueries.h"
#include "core/ledger/LedgerRollup.h"
#include "core/ledger/LedgerRowWriter.h"
#include "core/ledger/LedgerSchema.h"
#include "core/ledger/LedgerSpill.h"
#include "core/ledger/LedgerUrl.h"
#include "core/ledger/PostgresCopy.h"
#include "core/ledger/SharedBudget.h"

#include <QStandardPaths>
#include <QTemporaryDir>

#include <numeric>

using namespace LedgerTestUtil;

// The ledger on a real PostgreSQL 15 (tests/postgres/pg-server.sh): the schema and its upgrades
// from every earlier version, what is refused untouched, how the connection is made (password,
// sslmode) and what an outage of the server does to rows in flight. The queries, the writer and
// retention run on both backends in tst_ledgerqueries and tst_ledgerwriter.
namespace {
const qint64 kT0 = utc(2026, 3, 2, 10).toMSecsSinceEpoch();

// Everything a database holds that an upgrade could change: tables with their columns, and meta.
QString snapshot(RawDb& raw)
{
    QSqlQuery query(raw.db());
    QStringList lines;
    query.exec("SELECT table_name, column_name, data_type FROM information_schema.columns"
               " WHERE table_schema = current_schema() ORDER BY 1, 2");
    while (query.next()) {
        lines << query.value(0).toString() + u'.' + query.value(1).toString() + u' ' + query.value(2).toString();
    }
    query.exec("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1");
    while (query.next()) {
        lines << QStringLiteral("index ") + query.value(0).toString();
    }
    query.exec("SELECT key, value FROM meta ORDER BY key");
    while (query.next()) {
        lines << query.value(0).toString() + u'=' + query.value(1).toString();
    }
    return lines.join(u'\n');
}

// Two requests as a v1 build stores them: one priced and ok, one unpriced with a failed attempt.
bool insertV1Rows(RawDb& raw)
{
    const QString columns = QStringLiteral(
        "uuid, started_at, source, prompt, tier, rule, final_model, final_provider, status, ttft_ms, latency_ms,"
        " prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens, usage_estimated, cost_usd,"
        " cost_estimated, price_version, cached_answer, compare_group, failure_class, error_message");
    return raw.exec(QStringLiteral("INSERT INTO requests(%1) VALUES('u-1', %2, 'workbench', 'first prompt', 'fast',"
                                   " 'r', 'm-a', 'pa', 'ok', 30, 300, 1000, 100, 0, 0, 0, 0.25, 0, 1, 0, '', '', '')")
                        .arg(columns)
                        .arg(kT0))
        && raw.exec(QStringLiteral("INSERT INTO requests(%1) VALUES('u-2', %2, 'route', 'second prompt', 'smart', 'r',"
                                   " 'm-c', 'pc', 'ok', 60, 900, 2000, 200, 0, 0, 1, NULL, 0, 1, 0, 'g', '', '')")
                        .arg(columns)
                        .arg(kT0 + 60000))
        && raw.exec(QStringLiteral("INSERT INTO attempts SELECT rid, 0, 'm-a', 'pa', %1, %2, 'ok', '', 200, ''"
                                   " FROM requests WHERE uuid = 'u-1'")
                        .arg(kT0)
                        .arg(kT0 + 300))
        && raw.exec(QStringLiteral("INSERT INTO attempts SELECT rid, 0, 'm-b', 'pb', %1, %2, 'failed', 'server_error',"
                                   " 503, 'x' FROM requests WHERE uuid = 'u-2'")
                        .arg(kT0 + 60000)
                        .arg(kT0 + 60100));
}
} // namespace

class TestPostgresLedger : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void newDatabase_getsCurrentSchema();
    void everyEarlierVersion_upgradesKeepingRows_data();
    void everyEarlierVersion_upgradesKeepingRows();
    void newerSchema_refusedAndUntouched();
    void foreignDatabase_refusedAsNotALedger();
    void unreachableServer_namedWithoutItsPassword();
    void sslmodeRequire_reachesTheServer();
    void password_fromPgpassFileOrKeychain_neverInMessages();
    void documentedRoles_readerReadsGatewayWritesNeitherChangesTheSchema();
    void sameRequestTwice_storedAndCountedOnce();
    void batchWrite_copyKeepsEveryRowWithItsChildren();
    void copy_readsBackAsSqliteKeepsIt_data();
    void copy_readsBackAsSqliteKeepsIt();
    void dashboardSums_sameOnBothEnginesAndAsTheRawRows();
    void serverRestart_rowsInFlightWrittenOnce();
    void closedDuringOutage_spilledAndWrittenOnceOnNextOpen();
    void spillRepeatingWrittenRows_eachWrittenOnce();

private:
    QTemporaryDir m_dir;
    PostgresServer m_server;
};

void TestPostgresLedger::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (!m_server.start()) {
        QSKIP(qPrintable(m_server.skipReason()));
    }
}

void TestPostgresLedger::newDatabase_getsCurrentSchema()
{
    const QString url = m_server.createDatabase();
    Ledger ledger;
    QVERIFY2(ledger.open(url), qPrintable(ledger.errorString()));
    ledger.close();
    RawDb raw(url);
    QCOMPARE(raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'").toInt(), LedgerSchema::kVersion);
    for (const char* table : { "requests", "attempts", "failovers", "votes", "rollup_hourly", "rollup_daily",
                               "latency_hourly", "latency_daily", "uptime_hourly", "uptime_daily", "evaluations",
                               "evaluation_cells", "failover_hourly", "failover_daily" }) {
        QVERIFY2(
            raw.scalar(
                   QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '%1'").arg(table))
                    .toInt()
                == 1,
            table);
    }
    // Epoch milliseconds do not fit PostgreSQL's 32-bit INTEGER: every integer is a bigint.
    QCOMPARE(raw.scalar("SELECT data_type FROM information_schema.columns WHERE table_name = 'requests'"
                        " AND column_name = 'started_at'")
                 .toString(),
             QStringLiteral("bigint"));
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                        " AND data_type = 'integer'")
                 .toInt(),
             0);
}

void TestPostgresLedger::everyEarlierVersion_upgradesKeepingRows_data()
{
    QTest::addColumn<int>("version");
    for (int version = 1; version < LedgerSchema::kVersion; ++version) {
        QTest::newRow(qPrintable(QStringLiteral("v%1 database").arg(version))) << version;
    }
}

void TestPostgresLedger::everyEarlierVersion_upgradesKeepingRows()
{
    QFETCH(int, version);
    const QString url = m_server.createDatabase();
    {
        // Exactly the steps a build of that version ran.
        RawDb raw(url);
        const LedgerDialect dialect(LedgerBackend::Postgres);
        for (int step = 1; step <= version; ++step) {
            for (const QString& sql : LedgerSchema::stepSql(step)) {
                QVERIFY2(raw.exec(dialect.ddl(sql)), qPrintable(sql));
            }
            // And what it added on PostgreSQL only (v8: the unique index the writer's upsert needs).
            for (const QString& sql : dialect.extraStepSql(step)) {
                QVERIFY2(raw.exec(sql), qPrintable(sql));
            }
        }
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO meta VALUES('schema_version', '%1')").arg(version)));
        QVERIFY(insertV1Rows(raw));
    }
    Ledger ledger;
    QVERIFY2(ledger.open(url), qPrintable(ledger.errorString()));
    // A new row after the upgrade gets a row id of its own (the identity follows the old rows).
    RequestRecord fresh = request(utc(2026, 3, 2, 11), "m-a", "pa", 0.5);
    fresh.usage.cacheWrite1hTokens = 40;
    fresh.clientKey = QStringLiteral("k9");
    QVERIFY(recordAll(ledger, { fresh }));
    ledger.close();

    RawDb raw(url);
    QCOMPARE(raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'").toInt(), LedgerSchema::kVersion);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests").toInt(), 3);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests WHERE client_key = '' AND cache_write_1h_tokens = 0").toInt(),
             2);
    LedgerQueries queries(url);
    const QList<RequestRecord> history = queries.recentRequests(10);
    QCOMPARE(history.size(), 3);
    QCOMPARE(history[0].clientKey, QStringLiteral("k9"));
    QCOMPARE(history[0].usage.cacheWrite1hTokens, 40);
    QCOMPARE(history[1].id, QStringLiteral("u-2"));
    QCOMPARE(history[1].attempts.size(), 1);
    QVERIFY(!history[1].costUsd.has_value());
    // Before v3 the rollups did not exist: they were backfilled from the old rows.
    const LedgerTotals totals = queries.totals({});
    QVERIFY2(queries.errorString().isEmpty(), qPrintable(queries.errorString()));
    QCOMPARE(totals.requests, version < 3 ? 3 : 1);
    QCOMPARE(totals.spendUsd, version < 3 ? 0.75 : 0.5);
}

void TestPostgresLedger::newerSchema_refusedAndUntouched()
{
    const QString url = m_server.createDatabase();
    {
        RawDb raw(url);
        QVERIFY(raw.exec("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
        QVERIFY(raw.exec(
            QStringLiteral("INSERT INTO meta VALUES('schema_version', '%1')").arg(LedgerSchema::kVersion + 1)));
        QVERIFY(raw.exec("CREATE TABLE requests_next(x BIGINT)"));
    }
    QString before;
    {
        RawDb raw(url);
        before = snapshot(raw);
    }
    Ledger ledger;
    QVERIFY(!ledger.open(url));
    QCOMPARE(ledger.openError(), LedgerOpenError::NewerVersion);
    QVERIFY2(ledger.errorString().contains(QStringLiteral("newer")), qPrintable(ledger.errorString()));
    RawDb raw(url);
    QCOMPARE(snapshot(raw), before);
}

void TestPostgresLedger::foreignDatabase_refusedAsNotALedger()
{
    const QString url = m_server.createDatabase();
    {
        RawDb raw(url);
        QVERIFY(raw.exec("CREATE TABLE invoices(id BIGINT PRIMARY KEY)"));
    }
    Ledger ledger;
    QVERIFY(!ledger.open(url));
    QCOMPARE(ledger.openError(), LedgerOpenError::NotALedger);
    RawDb raw(url);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'").toInt(), 1);
}

void TestPostgresLedger::unreachableServer_namedWithoutItsPassword()
{
    // A port nothing listens on: the server's own, after stopping a second server there.
    PostgresServer gone;
    QVERIFY(gone.start());
    QUrl url(gone.url());
    gone.stop();
    url.setPassword(QStringLiteral("hunter2-secret"));
    Ledger ledger;
    QVERIFY(!ledger.open(url.toString()));
    QCOMPARE(ledger.openError(), LedgerOpenError::Io);
    QVERIFY2(ledger.errorString().contains(QStringLiteral("127.0.0.1:%1").arg(url.port())),
             qPrintable(ledger.errorString()));
    QVERIFY2(!ledger.errorString().contains(QStringLiteral("hunter2")), qPrintable(ledger.errorString()));
}

void TestPostgresLedger::sslmodeRequire_reachesTheServer()
{
    // The test server speaks no TLS: sslmode=require must make libpq refuse it, disable must not.
    const QString url = m_server.createDatabase();
    Ledger plain;
    QVERIFY2(plain.open(url + QStringLiteral("?sslmode=disable")), qPrintable(plain.errorString()));
    plain.close();
    Ledger tls;
    QVERIFY(!tls.open(url + QStringLiteral("?sslmode=require")));
    QVERIFY2(tls.errorString().contains(QStringLiteral("SSL"), Qt::CaseInsensitive), qPrintable(tls.errorString()));
}

void TestPostgresLedger::password_fromPgpassFileOrKeychain_neverInMessages()
{
    // The fixture's pg_hba.conf wants a password from members of password_required.
    QVERIFY(m_server.exec("DO $$ BEGIN CREATE ROLE password_required NOLOGIN; EXCEPTION WHEN duplicate_object "
                          "THEN NULL; END $$"));
    QVERIFY2(m_server.exec("CREATE ROLE gateway_pw LOGIN PASSWORD 'pw-Zebra-42' IN ROLE password_required"),
             qPrintable(m_server.lastError()));
    QUrl url(m_server.createDatabase());
    QVERIFY(m_server.exec(QStringLiteral("GRANT ALL ON SCHEMA public TO gateway_pw"), url.toString()));
    url.setUserName(QStringLiteral("gateway_pw"));

    {
        Ledger ledger;
        QVERIFY(!ledger.open(url.toString()));
        QVERIFY2(ledger.errorString().contains(QStringLiteral("password")), qPrintable(ledger.errorString()));
    }
    const QString pgpass = m_dir.filePath(QStringLiteral("pgpass"));
    {
        QFile file(pgpass);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("127.0.0.1:%1:*:gateway_pw:pw-Zebra-42\n").arg(url.port()).toUtf8());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    qputenv("PGPASSFILE", pgpass.toUtf8());
    {
        Ledger ledger;
        QVERIFY2(ledger.open(url.toString()), qPrintable(ledger.errorString()));
    }
    qunsetenv("PGPASSFILE");
    const std::optional<LedgerUrl> parsed = LedgerUrl::parse(url.toString(), nullptr);
    QVERIFY(parsed);
    LedgerUrl::setPassword(parsed->redacted(), QStringLiteral("wrong-Kiwi-7"));
    {
        Ledger ledger;
        QVERIFY(!ledger.open(url.toString()));
        QVERIFY2(!ledger.errorString().contains(QStringLiteral("Kiwi")), qPrintable(ledger.errorString()));
    }
    LedgerUrl::setPassword(parsed->redacted(), QStringLiteral("pw-Zebra-42"));
    Ledger ledger;
    QVERIFY2(ledger.open(url.toString()), qPrintable(ledger.errorString()));
    QVERIFY(recordAll(ledger, { request(utc(2026, 3, 2, 10), "m-a", "pa") }));
    QVERIFY(ledger.stallReason().isEmpty());
}

void TestPostgresLedger::documentedRoles_readerReadsGatewayWritesNeitherChangesTheSchema()
{
    const QString url = m_server.createDatabase();
    {
        Ledger owner; // the schema, created by the owner
        QVERIFY2(owner.open(url), qPrintable(owner.errorString()));
        QVERIFY(recordAll(owner, { request(utc(2026, 3, 2, 10), "m-a", "pa", 0.5) }));
    }
    // Roles belong to the whole server: drop what an earlier run of this test left.
    for (const char* role : { "alice_ro", "gw_eu1", "switchyard_admin", "switchyard_reader", "switchyard_gateway" }) {
        m_server.exec(QStringLiteral("DROP OWNED BY %1").arg(QLatin1String(role)), url);
        m_server.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(QLatin1String(role)));
    }
    QVERIFY2(m_server.execScript(QStringLiteral(SWITCHYARD_TESTS_DIR "/../packaging/postgresql/roles.sql"), url),
             qPrintable(m_server.lastError()));
    QVERIFY(m_server.exec("CREATE ROLE alice_ro LOGIN IN ROLE switchyard_reader"));
    QVERIFY(m_server.exec("CREATE ROLE gw_eu1 LOGIN IN ROLE switchyard_gateway"));
    QUrl reader(url);
    reader.setUserName(QStringLiteral("alice_ro"));
    QUrl gateway(url);
    gateway.setUserName(QStringLiteral("gw_eu1"));

    LedgerQueries dashboard(reader.toString());
    QCOMPARE(dashboard.totals({}).requests, 1);
    QVERIFY2(dashboard.errorString().isEmpty(), qPrintable(dashboard.errorString()));
    {
        Ledger readOnly;
        QVERIFY2(readOnly.open(reader.toString()), qPrintable(readOnly.errorString()));
        QSignalSpy stalled(&readOnly, &Ledger::writeStalled);
        readOnly.record(request(utc(2026, 3, 2, 11), "m-a", "pa", 0.5));
        QVERIFY(stalled.wait(5000));
        QVERIFY2(stalled[0][0].toString().contains(QStringLiteral("permission denied")),
                 qPrintable(stalled[0][0].toString()));
    }
    {
        Ledger writer;
        QVERIFY2(writer.open(gateway.toString()), qPrintable(writer.errorString()));
        RequestRecord failedOver = request(utc(2026, 3, 2, 12), "m-b", "pb", 0.25);
        failedOver.failovers = { FailoverRecord { failedOver.startedAt, "m-a", "m-b", "server_error", "503" } };
        QVERIFY(recordAll(writer, { failedOver }));
        QVERIFY2(writer.stallReason().isEmpty(), qPrintable(writer.stallReason()));
        SharedBudget budget(gateway.toString());
        const SharedBudget::Hold hold = budget.reserve(
            { { QStringLiteral("global/day@2026-03-02"), QString(), 1.0, utc(2026, 3, 2), utc(2026, 3, 3) } }, 0.1);
        QVERIFY2(hold.ok, qPrintable(hold.error));
        QVERIFY(budget.settle(hold.id, 0.05));
    }
    QCOMPARE(LedgerQueries(url).totals({}).requests, 2);
    // The gateway counted its failover in the failover rollups, which the reader reads.
    QCOMPARE(dashboard.failoverCounts({}, LedgerBucket::Day),
             (QList<FailoverCountRow> { { utc(2026, 3, 2), QStringLiteral("server_error"), 1 } }));
    QVERIFY(!m_server.exec("DELETE FROM requests", gateway.toString()));
    QVERIFY(!m_server.exec("DROP TABLE votes", gateway.toString()));
    QVERIFY(!m_server.exec("UPDATE requests SET cost_usd = 0", gateway.toString()));
    QVERIFY(!m_server.exec("INSERT INTO votes(compare_group, winner_model, tie, at) VALUES('g', 'm', 0, 0)",
                           reader.toString()));
}

// PostgreSQL's writer sends a batch as COPY streams with row ids drawn beforehand: 1,200 requests
// each keep their own attempts, failovers and answer (sent in chunks), and a request already
// written, or twice in the batch, is written once and reported as skipped.
void TestPostgresLedger::batchWrite_copyKeepsEveryRowWithItsChildren()
{
    const QString url = m_server.createDatabase();
    {
        Ledger ledger; // the schema
        QVERIFY2(ledger.open(url), qPrintable(ledger.errorString()));
    }
    QList<RequestRecord> records;
    for (int i = 0; i < 1200; ++i) {
        RequestRecord r = request(utc(2026, 3, 2, 10).addSecs(i), QStringLiteral("m-%1").arg(i % 7), "pa", 0.001 * i);
        r.prompt = QStringLiteral("prompt %1").arg(i);
        r.answer = QString(2000, QChar(u'a' + i % 26)); // 2.4 MB in all: the stream goes in several chunks
        if (i % 3 == 0) { // a failover: two attempts, one failover
            r.attempts.prepend(attempt(QStringLiteral("first-%1").arg(i), "pb", r.startedAt, QStringLiteral("failed"),
                                       QStringLiteral("server_error")));
            r.failovers = { FailoverRecord { r.startedAt.addMSecs(100), QStringLiteral("first-%1").arg(i), r.finalModel,
                                             QStringLiteral("server_error"), QStringLiteral("503 from pb") } };
        }
        records.append(r);
    }
    records[700].costUsd.reset(); // NULL cost
    records[701].learned = LearnedRouteRecord { 0.75, true };
    records.append(records[5]); // twice in one batch
    LedgerConnection connection(url, QStringLiteral("batch-test"));
    QString error;
    QVERIFY2(connection.open(5000, &error), qPrintable(error));
    const QSqlDatabase db = connection.database();
    LedgerRowWriter rows;
    QVERIFY2(rows.prepare(db, &error), qPrintable(error));
    QList<bool> inserted;
    // Request 0 is there already (a replayed batch).
    QVERIFY(LedgerConnection::exec(db, QStringLiteral("BEGIN"), &error));
    QVERIFY2(rows.writeRequests(db, { records[0] }, &inserted, &error), qPrintable(error));
    QVERIFY(LedgerConnection::exec(db, QStringLiteral("COMMIT"), &error));
    QCOMPARE(inserted, QList<bool> { true });
    QVERIFY(LedgerConnection::exec(db, QStringLiteral("BEGIN"), &error));
    QVERIFY2(rows.writeRequests(db, records, &inserted, &error), qPrintable(error));
    QVERIFY(LedgerConnection::exec(db, QStringLiteral("COMMIT"), &error));
    QCOMPARE(inserted.size(), records.size());
    QCOMPARE(inserted.count(true), 1199);
    QVERIFY(!inserted[0]); // written before
    QVERIFY(inserted[5] && !inserted.last()); // the second copy of request 5

    RawDb raw(url);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests").toInt(), 1200);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM attempts").toInt(), 1200 + 400);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM failovers").toInt(), 400);
    // Every child row belongs to its own request.
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM attempts a JOIN requests r ON r.rid = a.request_rid"
                        " WHERE a.seq = 1 AND a.model_id <> r.final_model")
                 .toInt(),
             0);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM failovers f JOIN requests r ON r.rid = f.request_rid"
                        " WHERE f.from_model <> 'first-' || substr(r.prompt, 8) OR f.to_model <> r.final_model")
                 .toInt(),
             0);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests WHERE cost_usd IS NULL").toInt(), 1);
    QVERIFY(1200 * 2000 > 2 * PostgresCopy::kChunkBytes);
    QCOMPARE(raw.scalar("SELECT SUM(length(answer)) FROM requests").toLongLong(), qint64(1200 * 2000));
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests WHERE answer <> repeat(chr(97 + (CAST(substr(prompt, 8) AS"
                        " integer) % 26)), 2000)")
                 .toInt(),
             0);
    QCOMPARE(raw.scalar("SELECT learned_p_strong FROM requests WHERE prompt = 'prompt 701'").toDouble(), 0.75);
}

// COPY's binary rows carry every value as SQLite's bound statements do: the same record written
// through LedgerRowWriter into both ledgers reads back the same from both, and as it was written.
void TestPostgresLedger::copy_readsBackAsSqliteKeepsIt_data()
{
    QTest::addColumn<RequestRecord>("record");
    const QDateTime at = utc(2026, 3, 2, 10);
    RequestRecord plain = request(at, "m-a", "pa", 0.125);
    plain.attempts = { attempt("m-a", "pa", at) };
    QTest::newRow("priced request with one attempt") << plain;

    RequestRecord text = plain;
    text.prompt = QStringLiteral("tab\there, a newline\nthen \\ and \"quotes\" and a \\N");
    text.errorMessage = QStringLiteral("\r\n");
    text.answer = QStringLiteral("Grüße, 日本語, 🚀 and an empty reasoning");
    QTest::newRow("tabs, newlines, backslashes and non-ASCII text") << text;

    RequestRecord uuid = plain;
    uuid.id = QStringLiteral("id with \"quotes\", a comma, {braces} and a \\ backslash");
    QTest::newRow("uuid with characters an array literal escapes") << uuid;

    RequestRecord unpriced = plain;
    unpriced.costUsd.reset();
    unpriced.learned = LearnedRouteRecord { 0.3125, false };
    QTest::newRow("NULL cost, a learned rule's estimate") << unpriced;

    RequestRecord failover = plain;
    AttemptRecord timeless = attempt("m-b", "pb", QDateTime(), QStringLiteral("failed"), QStringLiteral("timeout"));
    timeless.endedAt = QDateTime();
    failover.attempts.prepend(timeless);
    failover.failovers = { FailoverRecord { at.addMSecs(250), "m-b", "m-a", "timeout", "no first token" } };
    QTest::newRow("attempt without times, one failover") << failover;

    RequestRecord large = plain;
    large.usage.promptTokens = qint64(1) << 40;
    large.usage.completionTokens = 0;
    large.ttftMs = -1;
    large.costUsd = 1e-12;
    QTest::newRow("64-bit token count, negative ttft, tiny cost") << large;
}

void TestPostgresLedger::copy_readsBackAsSqliteKeepsIt()
{
    QFETCH(RequestRecord, record);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("ledger.sqlite"));
    const QString url = m_server.createDatabase();
    for (const QString& location : { file, url }) {
        {
            Ledger ledger; // the schema
            QVERIFY2(ledger.open(location), qPrintable(ledger.errorString()));
        }
        LedgerConnection connection(location, QStringLiteral("copy-test"));
        QString error;
        QVERIFY2(connection.open(5000, &error), qPrintable(error));
        LedgerRowWriter rows;
        QVERIFY2(rows.prepare(connection.database(), &error), qPrintable(error));
        QList<bool> inserted;
        QVERIFY(LedgerConnection::exec(connection.database(), QStringLiteral("BEGIN"), &error));
        QVERIFY2(rows.writeRequests(connection.database(), { record }, &inserted, &error), qPrintable(error));
        QVERIFY(LedgerConnection::exec(connection.database(), QStringLiteral("COMMIT"), &error));
        QCOMPARE(inserted, QList<bool> { true });
    }
    const QList<RequestRecord> fromSqlite = LedgerQueries(file).recentRequests(5);
    const QList<RequestRecord> fromPostgres = LedgerQueries(url).recentRequests(5);
    QCOMPARE(fromPostgres.size(), 1);
    QCOMPARE(fromSqlite.size(), 1);
    QCOMPARE(fromPostgres[0], fromSqlite[0]);
    QCOMPARE(fromPostgres[0].id, record.id);
    QCOMPARE(fromPostgres[0].prompt, record.prompt);
    QCOMPARE(fromPostgres[0].answer, record.answer);
    QCOMPARE(fromPostgres[0].costUsd, record.costUsd);
    QCOMPARE(fromPostgres[0].usage.promptTokens, record.usage.promptTokens);
    QCOMPARE(fromPostgres[0].attempts, record.attempts);
    QCOMPARE(fromPostgres[0].failovers, record.failovers);
}

// The dashboard's hourly spend and uptime, failover counts and latency percentiles are summed by the server on
// PostgreSQL and while reading on SQLite (LedgerDialect::sumsWhileReading): the same requests give
// the same answers on both, and the hourly spend is what the raw rows add up to. Costs are
// multiples of 1/1024, so sums in any order are exact.
void TestPostgresLedger::dashboardSums_sameOnBothEnginesAndAsTheRawRows()
{
    const QDateTime start = utc(2026, 3, 2, 0);
    const QStringList providers = { "pa", "pb", "pc", "pd" };
    QList<RequestRecord> records;
    for (int i = 0; i < 720; ++i) { // three days, ten an hour
        const QString provider = providers[i % 4];
        RequestRecord r = request(start.addSecs(i * 360 + (i % 7) * 11),
                                  QStringLiteral("m-%1-%2").arg(provider).arg(i % 3), provider, (i % 13 + 1) / 1024.0);
        if (i % 10 == 0) {
            r.costUsd.reset(); // unpriced
        }
        r.latencyMs = 100 + (i * 37) % 3000;
        r.ttftMs = r.latencyMs / 4;
        if (i % 9 == 0) { // failed over from the next provider
            const QString from = providers[(i + 1) % 4];
            r.attempts.prepend(attempt(QStringLiteral("m-%1-x").arg(from), from, r.startedAt, QStringLiteral("failed"),
                                       QStringLiteral("server_error")));
            r.failovers = { FailoverRecord { r.startedAt.addMSecs(100), QStringLiteral("m-%1-x").arg(from),
                                             r.finalModel, QStringLiteral("server_error"), QStringLiteral("503") } };
        }
        records << r;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("ledger.sqlite"));
    const QString url = m_server.createDatabase();
    for (const QString& location : { file, url }) {
        Ledger ledger;
        QVERIFY2(ledger.open(location), qPrintable(ledger.errorString()));
        QVERIFY(recordAll(ledger, records));
    }
    LedgerFilter filter; // partial days at both ends
    filter.from = start.addSecs(5 * 3600 + 600);
    filter.until = start.addDays(3).addSecs(-7 * 3600);
    LedgerQueries sqlite(file);
    LedgerQueries postgres(url);

    const QList<SpendRow> spend = postgres.spendOverTime(filter, LedgerBucket::Hour, LedgerSplit::Provider);
    QCOMPARE(spend, sqlite.spendOverTime(filter, LedgerBucket::Hour, LedgerSplit::Provider));
    RawDb raw(url);
    QSqlQuery query(raw.db());
    // The rollups hold whole hours: the raw rows of the hours the period touches.
    QVERIFY(
        query.exec(QStringLiteral("SELECT (started_at / 3600000) * 3600, final_provider, SUM(COALESCE(cost_usd, 0)),"
                                  " COUNT(*), SUM(CASE WHEN cost_usd IS NULL THEN 1 ELSE 0 END) FROM requests"
                                  " WHERE started_at >= %1 AND started_at < %2 GROUP BY 1, 2 ORDER BY 1, 2")
                       .arg(LedgerRollup::hourOf(filter.from) * 1000)
                       .arg(LedgerRollup::hourOf(filter.until.addSecs(3599)) * 1000)));
    QList<SpendRow> fromRows;
    while (query.next()) {
        fromRows << SpendRow { QDateTime::fromSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC),
                               query.value(1).toString(), query.value(2).toDouble(), query.value(3).toLongLong(),
                               query.value(4).toLongLong() };
    }
    QCOMPARE(spend.size(), 4 * (72 - 5 - 7));
    QCOMPARE(spend, fromRows);

    const UptimeReport uptime = postgres.uptime(filter, LedgerBucket::Hour);
    const UptimeReport uptimeThere = sqlite.uptime(filter, LedgerBucket::Hour);
    QCOMPARE(uptime.buckets, uptimeThere.buckets);
    QCOMPARE(uptime.overall, uptimeThere.overall);
    QVERIFY(std::any_of(uptime.overall.cbegin(), uptime.overall.cend(),
                        [](const UptimeRow& row) { return row.providerFaults > 0; }));

    for (const LedgerBucket bucket : { LedgerBucket::Hour, LedgerBucket::Day, LedgerBucket::Week }) {
        QCOMPARE(postgres.failoverCounts(filter, bucket), sqlite.failoverCounts(filter, bucket));
    }
    QVERIFY(!postgres.failoverCounts(filter, LedgerBucket::Day).isEmpty());
    LedgerFilter oneProvider = filter; // joins the request on PostgreSQL, cached keys on SQLite
    oneProvider.providers = { QStringLiteral("pb") };
    oneProvider.tiers = { QStringLiteral("fast") };
    const QList<FailoverCountRow> fromPb = postgres.failoverCounts(oneProvider, LedgerBucket::Day);
    QCOMPARE(fromPb, sqlite.failoverCounts(oneProvider, LedgerBucket::Day));
    QVERIFY(!fromPb.isEmpty());
    qint64 failoversOfPb = 0;
    for (const FailoverCountRow& row : fromPb) {
        failoversOfPb += row.count;
    }
    const QList<FailoverCountRow> all = postgres.failoverCounts(filter, LedgerBucket::Day);
    const qint64 failovers = std::accumulate(all.cbegin(), all.cend(), qint64(0),
                                             [](qint64 sum, const FailoverCountRow& row) { return sum + row.count; });
    QVERIFY(failoversOfPb > 0 && failoversOfPb < failovers);

    const QList<LatencyRow> latency = postgres.latencyPercentiles(filter);
    const QList<LatencyRow> latencyThere = sqlite.latencyPercentiles(filter);
    QCOMPARE(latency.size(), 12);
    QCOMPARE(latency.size(), latencyThere.size());
    for (qsizetype i = 0; i < latency.size(); ++i) {
        QCOMPARE(latency[i].model, latencyThere[i].model);
        for (const auto& [here, there] : { std::pair { latency[i].latency, latencyThere[i].latency },
                                           std::pair { latency[i].ttft, latencyThere[i].ttft } }) {
            QCOMPARE(here.samples, there.samples);
            QCOMPARE(here.p50, there.p50);
            QCOMPARE(here.p90, there.p90);
            QCOMPARE(here.p99, there.p99);
        }
    }
}

void TestPostgresLedger::sameRequestTwice_storedAndCountedOnce()
{
    // What a batch replayed after a commit whose acknowledgement was lost looks like.
    const QString url = m_server.createDatabase();
    Ledger ledger;
    QVERIFY2(ledger.open(url), qPrintable(ledger.errorString()));
    RequestRecord once = request(utc(2026, 3, 2, 10), "m-a", "pa", 0.5);
    once.failovers = { FailoverRecord { once.startedAt, "m-b", "m-a", "server_error", "x" } };
    QVERIFY(recordAll(ledger, { once }));
    QVERIFY(recordAll(ledger, { once, request(utc(2026, 3, 2, 11), "m-a", "pa", 0.25) }));
    QVERIFY(ledger.stallReason().isEmpty());
    RawDb raw(url);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests").toInt(), 2);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM attempts").toInt(), 2);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM failovers").toInt(), 1);
    // The replayed batch was copied again after its first copy hit the unique index: its
    // failover is counted once in the rollups too.
    QCOMPARE(raw.scalar("SELECT SUM(failovers) FROM failover_hourly").toInt(), 1);
    QCOMPARE(raw.scalar("SELECT SUM(failovers) FROM failover_daily").toInt(), 1);
    const LedgerTotals totals = LedgerQueries(url).totals({});
    QCOMPARE(totals.requests, 2);
    QCOMPARE(totals.spendUsd, 0.75);
}

void TestPostgresLedger::serverRestart_rowsInFlightWrittenOnce()
{
    PostgresServer server;
    QVERIFY(server.start());
    const QString url = server.createDatabase();
    Ledger ledger;
    QVERIFY2(ledger.open(url), qPrintable(ledger.errorString()));
    QList<RequestRecord> before;
    for (int i = 0; i < 20; ++i) {
        before << request(utc(2026, 3, 2, 10).addSecs(i), "m-a", "pa", 0.01);
    }
    QVERIFY(recordAll(ledger, before));

    QSignalSpy stalled(&ledger, &Ledger::writeStalled);
    QSignalSpy resumed(&ledger, &Ledger::writeResumed);
    QVERIFY(server.pause());
    for (int i = 0; i < 30; ++i) {
        RequestRecord r = request(utc(2026, 3, 2, 11).addSecs(i), "m-b", "pb", 0.02);
        if (i % 2 == 0) {
            r.failovers = { FailoverRecord { r.startedAt, "m-a", "m-b", "server_error", "503" } };
        }
        ledger.record(r);
    }
    QTRY_COMPARE_WITH_TIMEOUT(stalled.size(), 1, 10000);
    QVERIFY(server.resume());
    QTRY_COMPARE_WITH_TIMEOUT(resumed.size(), 1, 15000);
    ledger.close();

    RawDb raw(url);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests").toInt(), 50);
    QCOMPARE(raw.scalar("SELECT COUNT(DISTINCT uuid) FROM requests").toInt(), 50);
    LedgerQueries queries(url);
    const LedgerTotals totals = queries.totals({});
    QCOMPARE(totals.requests, 50);
    QCOMPARE(totals.spendUsd, 20 * 0.01 + 30 * 0.02);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM failovers").toInt(), 15);
    QCOMPARE(queries.failoverCounts({}, LedgerBucket::Hour),
             (QList<FailoverCountRow> { { utc(2026, 3, 2, 11), QStringLiteral("server_error"), 15 } }));
    QCOMPARE(raw.scalar("SELECT SUM(failovers) FROM failover_daily").toInt(), 15);
}

void TestPostgresLedger::closedDuringOutage_spilledAndWrittenOnceOnNextOpen()
{
    PostgresServer server;
    QVERIFY(server.start());
    const QString url = server.createDatabase();
    {
        Ledger ledger;
        QVERIFY2(ledger.open(url), qPrintable(ledger.errorString()));
        QVERIFY(server.pause());
        for (int i = 0; i < 12; ++i) {
            ledger.record(request(utc(2026, 3, 2, 11).addSecs(i), "m-b", "pb", 0.25));
        }
        ledger.close();
        QCOMPARE(ledger.closeReport().spilled, 12);
        QVERIFY(QFile::exists(ledger.closeReport().spillPath));
        QVERIFY2(!ledger.closeReport().spillPath.contains(QStringLiteral("postgresql:")),
                 qPrintable(ledger.closeReport().spillPath));
    }
    QVERIFY(server.resume());
    {
        Ledger ledger;
        QVERIFY2(ledger.open(url), qPrintable(ledger.errorString()));
        QVERIFY(recordAll(ledger, {}));
    }
    {
        // Opened again: the spill is gone and nothing is written twice.
        Ledger ledger;
        QVERIFY2(ledger.open(url), qPrintable(ledger.errorString()));
        QVERIFY(recordAll(ledger, {}));
    }
    RawDb raw(url);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests").toInt(), 12);
    QCOMPARE(raw.scalar("SELECT SUM(cost_usd) FROM requests").toDouble(), 3.0);
}

// A spill (or spool) may repeat rows the ledger has (a crashed run's journal keeps rows until a
// flush confirms them): the unique index on uuid turns the copy back and the rows are written
// once, their failovers counted once.
void TestPostgresLedger::spillRepeatingWrittenRows_eachWrittenOnce()
{
    const QString url = m_server.createDatabase();
    QList<RequestRecord> records;
    for (int i = 0; i < 12; ++i) {
        RequestRecord r = request(utc(2026, 3, 2, 11).addSecs(i * 60), "m-b", "pb", 0.25);
        if (i % 3 == 0) {
            r.failovers = { FailoverRecord { r.startedAt, "m-a", "m-b", "server_error", "503" } };
        }
        records << r;
    }
    {
        Ledger ledger;
        QVERIFY2(ledger.open(url), qPrintable(ledger.errorString()));
        QVERIFY(recordAll(ledger, records.mid(0, 5)));
    }
    LedgerSpill spill;
    spill.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    spill.requests = records; // the first five are in the ledger already
    const QString spillPath = LedgerSpill::pathFor(url);
    QString error;
    QVERIFY2(spill.save(spillPath, &error), qPrintable(error));
    {
        Ledger ledger;
        QVERIFY2(ledger.open(url), qPrintable(ledger.errorString()));
        QTRY_VERIFY(!QFile::exists(spillPath));
        QVERIFY(recordAll(ledger, {}));
        QVERIFY2(ledger.stallReason().isEmpty(), qPrintable(ledger.stallReason()));
    }
    RawDb raw(url);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests").toInt(), 12);
    QCOMPARE(raw.scalar("SELECT COUNT(DISTINCT uuid) FROM requests").toInt(), 12);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM attempts").toInt(), 12);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM failovers").toInt(), 4);
    QCOMPARE(raw.scalar("SELECT SUM(failovers) FROM failover_daily").toInt(), 4);
    QCOMPARE(LedgerQueries(url).totals({}).requests, 12);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM meta WHERE key = '%1'").arg(spill.metaKey())).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestPostgresLedger)
#include "tst_PostgresLedger.moc"
