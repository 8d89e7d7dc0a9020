#include "LedgerTestUtil.h"

#include "core/ledger/LedgerQueries.h"
#include "core/ledger/LedgerSchema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace LedgerTestUtil;

// Old schemas exactly as v1 and v2 builds wrote them, so upgrades are tested against real files.
namespace {
const QStringList kV1 = {
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE requests(rid INTEGER PRIMARY KEY, uuid TEXT NOT NULL, started_at INTEGER NOT NULL,"
    " source TEXT NOT NULL, prompt TEXT NOT NULL, tier TEXT NOT NULL, rule TEXT NOT NULL,"
    " final_model TEXT NOT NULL, final_provider TEXT NOT NULL, status TEXT NOT NULL,"
    " ttft_ms INTEGER NOT NULL, latency_ms INTEGER NOT NULL, prompt_tokens INTEGER NOT NULL,"
    " completion_tokens INTEGER NOT NULL, cached_tokens INTEGER NOT NULL,"
    " reasoning_tokens INTEGER NOT NULL, usage_estimated INTEGER NOT NULL, cost_usd REAL,"
    " cost_estimated INTEGER NOT NULL, price_version INTEGER NOT NULL, cached_answer INTEGER NOT NULL,"
    " compare_group TEXT NOT NULL, failure_class TEXT NOT NULL, error_message TEXT NOT NULL)",
    "CREATE INDEX requests_started_at ON requests(started_at)",
    "CREATE TABLE attempts(request_rid INTEGER NOT NULL REFERENCES requests(rid) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL, model_id TEXT NOT NULL, provider_id TEXT NOT NULL, started_at INTEGER,"
    " ended_at INTEGER, outcome TEXT NOT NULL, failure_class TEXT NOT NULL, http_status INTEGER NOT NULL,"
    " message TEXT NOT NULL)",
    "CREATE INDEX attempts_request ON attempts(request_rid)",
    "INSERT INTO meta VALUES('schema_version', '1')",
};
const QStringList kV2 = {
    "CREATE TABLE failovers(request_rid INTEGER NOT NULL REFERENCES requests(rid) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL, at INTEGER NOT NULL, from_model TEXT NOT NULL, to_model TEXT NOT NULL,"
    " failure_class TEXT NOT NULL, message TEXT NOT NULL)",
    "CREATE INDEX failovers_request ON failovers(request_rid)",
    "CREATE TABLE votes(id INTEGER PRIMARY KEY, compare_group TEXT NOT NULL, winner_model TEXT NOT NULL,"
    " tie INTEGER NOT NULL, at INTEGER NOT NULL)",
    "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
};

const qint64 kT0 = utc(2026, 3, 2, 10).toMSecsSinceEpoch();

// Two requests as a v1 build stored them: one priced and ok, one unpriced that failed over.
void insertV1Rows(RawDb& raw)
{
    raw.exec(QStringLiteral("INSERT INTO requests VALUES(1, 'u-1', %1, 'workbench', 'first prompt', 'fast', 'r',"
                            " 'm-a', 'pa', 'ok', 30, 300, 1000, 100, 0, 0, 0, 0.25, 0, 1, 0, '', '', '')")
                 .arg(kT0));
    raw.exec(QStringLiteral("INSERT INTO requests VALUES(2, 'u-2', %1, 'route', 'second prompt', 'smart', 'r',"
                            " 'm-c', 'pc', 'ok', 60, 900, 2000, 200, 0, 0, 1, NULL, 0, 1, 0, 'g', '', '')")
                 .arg(kT0 + 60000));
    raw.exec(QStringLiteral("INSERT INTO attempts VALUES(1, 0, 'm-a', 'pa', %1, %2, 'ok', '', 200, '')")
                 .arg(kT0)
                 .arg(kT0 + 300));
    raw.exec(
        QStringLiteral("INSERT INTO attempts VALUES(2, 0, 'm-b', 'pb', %1, %2, 'failed', 'server_error', 503, 'x')")
            .arg(kT0 + 60000)
            .arg(kT0 + 60100));
    raw.exec(QStringLiteral("INSERT INTO attempts VALUES(2, 1, 'm-c', 'pc', %1, %2, 'ok', '', 200, '')")
                 .arg(kT0 + 60100)
                 .arg(kT0 + 60900));
}
} // namespace

class TestLedgerSchema : public QObject
{
    Q_OBJECT

private slots:
    void newFile_getsCurrentSchemaInWalMode();
    void v1File_upgradesInPlaceKeepingRows();
    void v2File_upgradesInPlaceKeepingFailoversAndVotes();
    void clientKey_roundTripsAndIsQueriedBySpend();
    void everyEarlierVersion_upgradesToCostDimensions_data();
    void everyEarlierVersion_upgradesToCostDimensions();
    void everyEarlierVersion_upgradesToLearnedDecisions_data();
    void everyEarlierVersion_upgradesToLearnedDecisions();
    void v5File_upgradesToKeptAnswers();
    void v14File_upgradesToOfferedTools();
    void newerFile_refusedAndByteIdentical();
    void garbageFile_reportedDamagedAndCanBeMovedAside();
    void corruptPages_reportedDamaged();
    void foreignDatabase_refusedAsNotALedger();
    void lockedFile_reportedLocked_data();
    void lockedFile_reportedLocked();
    void reopen_keepsSchemaAndRows();

private:
    QTemporaryDir m_dir;
};

void TestLedgerSchema::newFile_getsCurrentSchemaInWalMode()
{
    const QString path = m_dir.filePath(QStringLiteral("new.sqlite"));
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    ledger.close();
    RawDb raw(path);
    QCOMPARE(raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'").toInt(), LedgerSchema::kVersion);
    QCOMPARE(raw.scalar("PRAGMA journal_mode").toString(), QStringLiteral("wal"));
    for (const char* table : { "requests", "attempts", "failovers", "votes", "rollup_hourly", "rollup_daily",
                               "latency_hourly", "latency_daily", "uptime_hourly", "uptime_daily", "evaluations",
                               "evaluation_cells", "failover_hourly", "failover_daily" }) {
        QVERIFY2(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = '%1'").arg(table)).toInt()
                     == 1,
                 table);
    }
}

void TestLedgerSchema::v1File_upgradesInPlaceKeepingRows()
{
    const QString path = m_dir.filePath(QStringLiteral("v1.sqlite"));
    {
        RawDb raw(path);
        for (const QString& sql : kV1) {
            QVERIFY(raw.exec(sql));
        }
        insertV1Rows(raw);
    }
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    ledger.close();

    RawDb raw(path);
    QCOMPARE(raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'").toInt(), LedgerSchema::kVersion);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests").toInt(), 2);
    // v4: rows from before client keys belong to no key.
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests WHERE client_key = ''").toInt(), 2);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM attempts").toInt(), 3);

    LedgerQueries queries(path);
    const QList<RequestRecord> history = queries.recentRequests(10);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0].id, QStringLiteral("u-2"));
    QCOMPARE(history[0].attempts.size(), 2);
    QVERIFY(!history[0].costUsd.has_value());
    QVERIFY(history[0].usage.estimated);
    QCOMPARE(history[1].prompt, QStringLiteral("first prompt"));
    // The rollups were backfilled from the old rows.
    const LedgerTotals totals = queries.totals({});
    QCOMPARE(totals.requests, 2);
    QCOMPARE(totals.spendUsd, 0.25);
    QCOMPARE(totals.unpricedRequests, 1);
    QCOMPARE(totals.estimatedUsageRequests, 1);
    const UptimeReport uptime = queries.uptime({}, LedgerBucket::Day);
    QCOMPARE(uptime.overall.size(), 3);
    QCOMPARE(uptime.overall[1].provider, QStringLiteral("pb"));
    QCOMPARE(uptime.overall[1].providerFaults, 1);
}

void TestLedgerSchema::v2File_upgradesInPlaceKeepingFailoversAndVotes()
{
    const QString path = m_dir.filePath(QStringLiteral("v2.sqlite"));
    {
        RawDb raw(path);
        for (const QString& sql : kV1 + kV2) {
            QVERIFY(raw.exec(sql));
        }
        insertV1Rows(raw);
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO failovers VALUES(2, 0, %1, 'm-b', 'm-c', 'server_error', 'x')")
                             .arg(kT0 + 60100)));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO votes VALUES(1, 'g', 'm-c', 0, %1)").arg(kT0 + 70000)));
    }
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    ledger.close();

    LedgerQueries queries(path);
    const QList<FailoverEvent> events = queries.failoverEvents({});
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].fromModel, QStringLiteral("m-b"));
    QCOMPARE(events[0].toModel, QStringLiteral("m-c"));
    QCOMPARE(events[0].requestId, QStringLiteral("u-2"));
    QCOMPARE(queries.totals({}).failedOverRequests, 1);
    // v14 counted the failover once (the v3 backfill, which runs later, leaves failovers out).
    QCOMPARE(queries.failoverCounts({}, LedgerBucket::Day),
             (QList<FailoverCountRow> { { utc(2026, 3, 2), QStringLiteral("server_error"), 1 } }));
    {
        RawDb raw(path);
        QCOMPARE(raw.scalar("SELECT SUM(failovers) FROM failover_hourly").toInt(), 1);
        QCOMPARE(raw.scalar("SELECT SUM(failovers) FROM failover_daily").toInt(), 1);
    }
    const QList<VoteRecord> votes = queries.votesInCompareGroup(QStringLiteral("g"));
    QCOMPARE(votes.size(), 1);
    QCOMPARE(votes[0].winnerModel, QStringLiteral("m-c"));
    QCOMPARE(queries.requestsInCompareGroup(QStringLiteral("g")).size(), 1);
}

void TestLedgerSchema::clientKey_roundTripsAndIsQueriedBySpend()
{
    const QString path = m_dir.filePath(QStringLiteral("keys.sqlite"));
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    RequestRecord keyed = request(utc(2026, 3, 2, 10), QStringLiteral("m-a"), QStringLiteral("pa"));
    keyed.clientKey = QStringLiteral("0a1b2c3d");
    keyed.costUsd = 0.5;
    RequestRecord earlier = keyed;
    earlier.startedAt = utc(2026, 3, 1, 10);
    RequestRecord other = keyed;
    other.clientKey.clear();
    QVERIFY(recordAll(ledger, { keyed, earlier, other }));
    ledger.close();

    LedgerQueries queries(path);
    QCOMPARE(queries.clientKeySpend(QStringLiteral("0a1b2c3d"), utc(2026, 3, 2, 0)), 0.5);
    QCOMPARE(queries.clientKeySpend(QStringLiteral("0a1b2c3d"), utc(2026, 3, 1, 0)), 1.0);
    QCOMPARE(queries.clientKeySpend(QStringLiteral("ffffffff"), utc(2026, 3, 1, 0)), 0.0);
    const QList<RequestRecord> history = queries.recentRequests(10);
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.at(0).clientKey.isEmpty() + history.at(1).clientKey.isEmpty() + history.at(2).clientKey.isEmpty(),
             1);
}

void TestLedgerSchema::everyEarlierVersion_upgradesToCostDimensions_data()
{
    QTest::addColumn<int>("version");
    for (int version = 1; version < LedgerSchema::kVersion; ++version) {
        QTest::addRow("v%d file", version) << version;
    }
}

void TestLedgerSchema::everyEarlierVersion_upgradesToCostDimensions()
{
    QFETCH(int, version);
    const QString path = m_dir.filePath(QStringLiteral("dimensions-v%1.sqlite").arg(version));
    {
        // A file exactly as a version-N build left it: old steps are never edited.
        RawDb raw(path);
        for (int step = 1; step <= version; ++step) {
            for (const QString& sql : LedgerSchema::stepSql(step)) {
                QVERIFY2(raw.exec(sql), qPrintable(sql));
            }
            if (step == 1) {
                insertV1Rows(raw);
            }
        }
        QVERIFY(raw.exec(QStringLiteral("INSERT OR REPLACE INTO meta VALUES('schema_version', '%1')").arg(version)));
    }
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    RequestRecord cached = request(utc(2026, 3, 3, 10), QStringLiteral("claude-sonnet-4-5"), QStringLiteral("pa"));
    cached.usage = { 9100, 500, 0, 0, false };
    cached.usage.cacheWrite5mTokens = 1000;
    cached.usage.cacheWrite1hTokens = 8000;
    cached.usage.images = 2;
    cached.usage.webSearches = 1;
    cached.usage.batch = true;
    QVERIFY(recordAll(ledger, { cached }));
    ledger.close();

    RawDb raw(path);
    QCOMPARE(raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'").toInt(), LedgerSchema::kVersion);
    // Old rows: no cache writes, images, searches, no batch.
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests WHERE cache_write_5m_tokens = 0 AND cache_write_1h_tokens = 0"
                        " AND images = 0 AND web_searches = 0 AND batch = 0")
                 .toInt(),
             2);
    LedgerQueries queries(path);
    const QList<RequestRecord> history = queries.recentRequests(10);
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.at(0).usage, cached.usage);
}

void TestLedgerSchema::everyEarlierVersion_upgradesToLearnedDecisions_data()
{
    QTest::addColumn<int>("version");
    for (int version = 1; version < 6; ++version) {
        QTest::addRow("v%d file", version) << version;
    }
}

void TestLedgerSchema::everyEarlierVersion_upgradesToLearnedDecisions()
{
    QFETCH(int, version);
    const QString path = m_dir.filePath(QStringLiteral("learned-v%1.sqlite").arg(version));
    {
        RawDb raw(path);
        for (int step = 1; step <= version; ++step) {
            for (const QString& sql : LedgerSchema::stepSql(step)) {
                QVERIFY2(raw.exec(sql), qPrintable(sql));
            }
            if (step == 1) {
                insertV1Rows(raw);
            }
        }
        QVERIFY(raw.exec(QStringLiteral("INSERT OR REPLACE INTO meta VALUES('schema_version', '%1')").arg(version)));
    }
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    RequestRecord strong = request(utc(2026, 3, 3, 10), QStringLiteral("m-strong"), QStringLiteral("pa"));
    strong.learned = LearnedRouteRecord { 0.8125, true };
    RequestRecord weak = request(utc(2026, 3, 3, 11), QStringLiteral("m-weak"), QStringLiteral("pa"));
    weak.learned = LearnedRouteRecord { 0.25, false };
    QVERIFY(recordAll(ledger, { strong, weak }));
    ledger.close();

    RawDb raw(path);
    QCOMPARE(raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'").toInt(), LedgerSchema::kVersion);
    // Rows from before learned rules: no decision at all, not a "weak" one.
    QCOMPARE(
        raw.scalar("SELECT COUNT(*) FROM requests WHERE learned_p_strong IS NULL AND learned_strong IS NULL").toInt(),
        2);
    LedgerQueries queries(path);
    const QList<RequestRecord> history = queries.recentRequests(10);
    QCOMPARE(history.size(), 4);
    QCOMPARE(history.at(0).learned, weak.learned);
    QCOMPARE(history.at(1).learned, strong.learned);
    QVERIFY(!history.at(2).learned.has_value());
    QVERIFY(!history.at(3).learned.has_value());
}

void TestLedgerSchema::newerFile_refusedAndByteIdentical()
{
    const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
    {
        RawDb raw(path);
        QVERIFY(raw.exec("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
        QVERIFY(raw.exec("INSERT INTO meta VALUES('schema_version', '99')"));
        QVERIFY(raw.exec("CREATE TABLE requests_v99(x)"));
    }
    const QByteArray before = fileBytes(path);
    QVERIFY(!before.isEmpty());
    Ledger ledger;
    QVERIFY(!ledger.open(path));
    QCOMPARE(ledger.openError(), LedgerOpenError::NewerVersion);
    QVERIFY2(ledger.errorString().contains(QStringLiteral("newer")), qPrintable(ledger.errorString()));
    QVERIFY(!ledger.isOpen());
    QCOMPARE(fileBytes(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestLedgerSchema::garbageFile_reportedDamagedAndCanBeMovedAside()
{
    const QString path = m_dir.filePath(QStringLiteral("garbage.sqlite"));
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i) {
        garbage.append(char((i * 37) % 251));
    }
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    Ledger ledger;
    QVERIFY(!ledger.open(path));
    QCOMPARE(ledger.openError(), LedgerOpenError::Damaged);
    QVERIFY2(ledger.errorString().contains(QStringLiteral("damaged")), qPrintable(ledger.errorString()));
    QCOMPARE(fileBytes(path), garbage);

    const QString aside = Ledger::moveAside(path);
    QVERIFY(!aside.isEmpty());
    QCOMPARE(fileBytes(aside), garbage); // kept, never deleted
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
}

void TestLedgerSchema::corruptPages_reportedDamaged()
{
    const QString path = m_dir.filePath(QStringLiteral("corrupt.sqlite"));
    {
        Ledger ledger;
        QVERIFY(ledger.open(path));
        QList<RequestRecord> records;
        for (int i = 0; i < 200; ++i) {
            records << request(utc(2026, 3, 2, 10).addSecs(i), QStringLiteral("m-a"), QStringLiteral("pa"));
        }
        QVERIFY(recordAll(ledger, records));
    } // closing the last connection checkpoints the WAL into the file
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    QVERIFY(size > 8 * 4096);
    file.seek(4096); // keep page 1 (header + schema), scramble the rest
    file.write(QByteArray(int(size - 4096), char(0xA5)));
    file.close();

    Ledger ledger;
    QVERIFY(!ledger.open(path));
    QCOMPARE(ledger.openError(), LedgerOpenError::Damaged);
    QVERIFY2(ledger.errorString().contains(QStringLiteral("damaged")), qPrintable(ledger.errorString()));
}

void TestLedgerSchema::foreignDatabase_refusedAsNotALedger()
{
    const QString path = m_dir.filePath(QStringLiteral("foreign.sqlite"));
    {
        RawDb raw(path);
        QVERIFY(raw.exec("CREATE TABLE bookmarks(url TEXT)"));
    }
    const QByteArray before = fileBytes(path);
    Ledger ledger;
    QVERIFY(!ledger.open(path));
    QCOMPARE(ledger.openError(), LedgerOpenError::NotALedger);
    QCOMPARE(fileBytes(path), before);
}

void TestLedgerSchema::lockedFile_reportedLocked_data()
{
    QTest::addColumn<bool>("walFile");
    QTest::newRow("current ledger in WAL mode held by BEGIN EXCLUSIVE") << true;
    QTest::newRow("v1 file in rollback-journal mode held by BEGIN EXCLUSIVE") << false;
}

void TestLedgerSchema::lockedFile_reportedLocked()
{
    QFETCH(bool, walFile);
    const QString path = m_dir.filePath(QStringLiteral("locked-%1.sqlite").arg(walFile));
    if (walFile) {
        Ledger ledger;
        QVERIFY(ledger.open(path));
    } else {
        RawDb raw(path);
        for (const QString& sql : kV1) {
            QVERIFY(raw.exec(sql));
        }
    }
    RawDb holder(path);
    QVERIFY(holder.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    QVERIFY(holder.exec(QStringLiteral("INSERT INTO meta VALUES('held', 'yes')")));

    Ledger ledger;
    ledger.setBusyTimeoutMs(100);
    QVERIFY(!ledger.open(path));
    QCOMPARE(ledger.openError(), LedgerOpenError::Locked);
    QVERIFY2(ledger.errorString().contains(QStringLiteral("locked")), qPrintable(ledger.errorString()));

    QVERIFY(holder.exec(QStringLiteral("ROLLBACK")));
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
}

void TestLedgerSchema::reopen_keepsSchemaAndRows()
{
    const QString path = m_dir.filePath(QStringLiteral("reopen.sqlite"));
    {
        Ledger ledger;
        QVERIFY(ledger.open(path));
        QVERIFY(recordAll(ledger, { request(utc(2026, 3, 2, 10), "m-a", "pa") }));
    }
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    QVERIFY(recordAll(ledger, { request(utc(2026, 3, 2, 11), "m-a", "pa") }));
    ledger.close();
    LedgerQueries queries(path);
    QCOMPARE(queries.totals({}).requests, 2);
}

void TestLedgerSchema::v5File_upgradesToKeptAnswers()
{
    const QString path = m_dir.filePath(QStringLiteral("answers-v5.sqlite"));
    {
        // A file exactly as a version-5 build left it, with a voted comparison.
        RawDb raw(path);
        for (int step = 1; step <= 5; ++step) {
            for (const QString& sql : LedgerSchema::stepSql(step)) {
                QVERIFY2(raw.exec(sql), qPrintable(sql));
            }
            if (step == 1) {
                insertV1Rows(raw);
            }
        }
        QVERIFY(
            raw.exec(QStringLiteral("INSERT INTO votes(compare_group, winner_model, tie, at) VALUES('g', 'm-c', 0, %1)")
                         .arg(kT0 + 70000)));
        QVERIFY(raw.exec(QStringLiteral("INSERT OR REPLACE INTO meta VALUES('schema_version', '5')")));
    }
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    RequestRecord answered = request(utc(2026, 3, 3, 10), QStringLiteral("m-a"), QStringLiteral("pa"));
    answered.compareGroup = QStringLiteral("g2");
    answered.answer = QStringLiteral("Merge sort is stable.");
    answered.reasoning = QStringLiteral("Equal keys keep their order.");
    answered.toolCalls = { ToolCall { QStringLiteral("call_1"), QStringLiteral("lookup"), QStringLiteral("{}") } };
    answered.settings = QStringLiteral("temperature=0.2");
    QVERIFY(recordAll(ledger, { answered }));
    ledger.close();

    RawDb raw(path);
    QCOMPARE(raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'").toInt(), LedgerSchema::kVersion);
    // Old rows kept no answers; the old vote names no settings and no tag.
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests WHERE answer = '' AND reasoning = '' AND tool_calls = ''"
                        " AND settings = ''")
                 .toInt(),
             2);
    QCOMPARE(raw.scalar("SELECT winner_settings || tag FROM votes").toString(), QString());
    LedgerQueries queries(path);
    const QList<RequestRecord> history = queries.recentRequests(10);
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.at(0), answered);
    QCOMPARE(history.at(2).prompt, QStringLiteral("first prompt"));
    QCOMPARE(queries.votesInCompareGroup(QStringLiteral("g")).value(0).winnerModel, QStringLiteral("m-c"));
    QCOMPARE(queries.votedRuns().size(), 1);
}

// v15 keeps what a gateway, `ask` or `route` client sent besides its prompt; a v14 file's rows
// stay as they were (no system prompt, no tools) and new rows keep theirs, in the same file.
void TestLedgerSchema::v14File_upgradesToOfferedTools()
{
    const QString path = m_dir.filePath(QStringLiteral("tools-v14.sqlite"));
    {
        // A file exactly as a version-14 build left it.
        RawDb raw(path);
        for (int step = 1; step <= 14; ++step) {
            for (const QString& sql : LedgerSchema::stepSql(step)) {
                QVERIFY2(raw.exec(sql), qPrintable(sql));
            }
            if (step == 1) {
                insertV1Rows(raw);
            }
        }
        QVERIFY(raw.exec(QStringLiteral("INSERT OR REPLACE INTO meta VALUES('schema_version', '14')")));
    }
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    RequestRecord agent = request(utc(2026, 3, 3, 10), QStringLiteral("m-a"), QStringLiteral("pa"));
    agent.source = RequestSource::Gateway;
    agent.system = QStringLiteral("You are a coding agent.");
    agent.tools = QJsonArray { QJsonObject {
        { "type", "function" },
        { "function",
          QJsonObject { { "name", "read_file" }, { "parameters", QJsonObject { { "type", "object" } } } } } } };
    agent.toolChoice = QStringLiteral("auto");
    RequestRecord again = agent; // the agent's next request: the same tools
    again.id = QStringLiteral("u-again");
    again.startedAt = agent.startedAt.addSecs(1);
    QVERIFY(recordAll(ledger, { agent, again }));
    ledger.close();

    RawDb raw(path);
    QCOMPARE(raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'").toInt(), LedgerSchema::kVersion);
    QCOMPARE(
        raw.scalar("SELECT COUNT(*) FROM requests WHERE system_prompt = '' AND tools_hash = '' AND tool_choice = ''"
                   " AND uuid IN ('u-1', 'u-2')")
            .toInt(),
        2);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM tool_documents").toInt(), 1); // two rows, one document
    LedgerQueries queries(path);
    const QList<RequestRecord> history = queries.recentRequests(10);
    QCOMPARE(history.size(), 4);
    QCOMPARE(history.at(1), agent);
    QCOMPARE(history.at(3).prompt, QStringLiteral("first prompt"));
    QVERIFY(history.at(3).tools.isEmpty());
    QVERIFY(history.at(3).system.isEmpty());
    QVERIFY(history.at(3).toolChoice.isUndefined());
    QCOMPARE(history.at(3).attempts.size(), 1);
}

QTEST_GUILESS_MAIN(TestLedgerSchema)
#include "tst_LedgerSchema.moc"
