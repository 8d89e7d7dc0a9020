#include "LedgerTestUtil.h"

#include "core/common/Clock.h"
#include "core/ledger/LedgerMigration.h"
#include "core/ledger/LedgerQueries.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <numeric>

using namespace LedgerTestUtil;

// A SQLite ledger copied into PostgreSQL: every row and the rollups arrive once, the dashboard
// reads the same figures from the copy, an interrupted copy resumes where its last batch ended.
class TestLedgerMigration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void copy_matchesTheSourceFigureForFigure();
    void serverLostMidway_secondRunResumesWithoutDuplicates();
    void missingSource_namedAndNothingWritten();

private:
    // A SQLite ledger of `count` requests over three days (every third failed over, a vote), with
    // the oldest day's raw rows pruned so that only its rollups remain.
    QString makeSource(const QString& name, int count);

    QTemporaryDir m_dir;
    PostgresServer m_server;
};

void TestLedgerMigration::initTestCase()
{
    if (!m_server.start()) {
        QSKIP(qPrintable(m_server.skipReason()));
    }
}

QString TestLedgerMigration::makeSource(const QString& name, int count)
{
    const QString path = m_dir.filePath(name + QStringLiteral(".sqlite"));
    Ledger ledger;
    if (!ledger.open(path)) {
        return {};
    }
    QList<RequestRecord> records;
    for (int i = 0; i < count; ++i) {
        RequestRecord r = request(utc(2026, 3, 1).addSecs(i * 60), i % 2 ? "m-a" : "m-b", i % 2 ? "pa" : "pb",
                                  i % 7 == 0 ? std::nullopt : std::optional<double>(0.001 * (i % 13)));
        r.usage.promptTokens = 100 + i;
        r.clientKey = i % 5 == 0 ? QStringLiteral("k1") : QString();
        if (i % 4 == 0) {
            // A gateway client's system prompt and one of two tool sets: two documents in all.
            r.source = RequestSource::Gateway;
            r.system = QStringLiteral("Agent %1").arg(i % 8);
            r.tools = QJsonArray { QJsonObject {
                { "type", "function" }, { "function", QJsonObject { { "name", i % 8 ? "read" : "write" } } } } };
            r.toolChoice = QStringLiteral("auto");
        }
        if (i % 3 == 0) {
            r.attempts.prepend(attempt("m-c", "pc", r.startedAt, "failed", "server_error"));
            r.failovers = { FailoverRecord { r.startedAt.addMSecs(400), "m-c", r.finalModel, "server_error", "503" } };
        }
        records << r;
    }
    if (!recordAll(ledger, records)) {
        return {};
    }
    ledger.recordVote(VoteRecord { "cmp-1", "m-a", false, utc(2026, 3, 2) });
    ledger.recordVote(VoteRecord { "cmp-1", "m-b", true, utc(2026, 3, 2, 1) });
    if (!recordAll(ledger, {})) {
        return {};
    }
    // Two evaluations of three cells, each naming a request of the last half day (kept by retention).
    {
        RawDb raw(path);
        for (int e = 1; e <= 2; ++e) {
            if (!raw.exec(
                    QStringLiteral("INSERT INTO evaluations(id, created_at, name, prompts, models, graders, state)"
                                   " VALUES(%1, 0, 'set-%1.jsonl', '[]', '[\"m-a\"]', '[]', 'complete')")
                        .arg(e))) {
                return {};
            }
            for (int p = 0; p < 3; ++p) {
                const RequestRecord& answered = records.at(count - 1 - (e * 3 + p));
                if (!raw.exec(
                        QStringLiteral("INSERT INTO evaluation_cells(evaluation_id, prompt_index, prompt_id, model,"
                                       " state, outcome, score, reason, answer, request_uuid, judge_request_uuid,"
                                       " cost_usd, judge_cost_usd, latency_ms, error, updated_at) VALUES(%1, %2,"
                                       " 'p%2', 'm-a', 'done', 'pass', NULL, '', 'yes', '%3', '', 0.001, NULL,"
                                       " 400, '', 0)")
                            .arg(e)
                            .arg(p)
                            .arg(answered.id))) {
                    return {};
                }
            }
        }
    }
    // Two provider batch jobs (one recorded) and two cooldowns.
    {
        RawDb raw(path);
        for (const QString& sql :
             { QStringLiteral("INSERT INTO batch_jobs VALUES('batch_1', 'pa', 'm-a', 'a-1', 'in.jsonl',"
                              " '{\"c1\":\"hi\"}', 1, 'ended', 10, 20, 30)"),
               QStringLiteral("INSERT INTO batch_jobs VALUES('batch_2', 'pb', 'm-b', 'b-1', 'in.jsonl',"
                              " '{\"c1\":\"ho\"}', 1, 'in_progress', 40, 50, 0)"),
               QStringLiteral("INSERT INTO cooldowns VALUES('provider', 'pa', 5000, 'rate limited')"),
               QStringLiteral("INSERT INTO cooldowns VALUES('model', 'm-b@pb', 7000, 'server error')") }) {
            if (!raw.exec(sql)) {
                return {};
            }
        }
    }
    MockClock clock(utc(2026, 3, 2, 12));
    Clock::setInstance(&clock);
    QSignalSpy pruned(&ledger, &Ledger::pruned);
    ledger.deleteOlderThan(1); // everything before 2026-03-01 12:00
    const bool ok = pruned.wait(10000);
    Clock::setInstance(nullptr);
    return ok ? path : QString();
}

void TestLedgerMigration::copy_matchesTheSourceFigureForFigure()
{
    const QString source = makeSource(QStringLiteral("figures"), 3000);
    QVERIFY(!source.isEmpty());
    const QString target = m_server.createDatabase();
    {
        // A gateway on the team database cooled pa down already, for longer; m-b@pb for less.
        Ledger ledger;
        QVERIFY2(ledger.open(target), qPrintable(ledger.errorString()));
        ledger.close();
        RawDb raw(target);
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO cooldowns VALUES('provider', 'pa', 9000, 'overloaded')")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO cooldowns VALUES('model', 'm-b@pb', 6000, 'timeout')")));
    }
    LedgerMigration migration(source, target);
    QList<qint64> progress;
    migration.setProgress([&](qint64 done, qint64) { progress << done; });
    LedgerMigration::Report report;
    QVERIFY2(migration.run(&report), qPrintable(migration.errorString()));
    QVERIFY(report.verified);
    QCOMPARE(report.resumedAfter, 0);
    QCOMPARE(report.copiedRequests, report.source.requests);
    QVERIFY(report.source.requests < 3000); // retention pruned the first half day
    QVERIFY(report.source.rollupRequests == 3000); // the rollups still count it
    QCOMPARE(progress.size(),
             int((report.source.requests + LedgerMigration::kBatchSize - 1) / LedgerMigration::kBatchSize));

    // The dashboard and the history read the same from both.
    LedgerQueries from(source);
    LedgerQueries to(target);
    for (const LedgerFilter& filter : { LedgerFilter {}, [] {
                                           LedgerFilter f;
                                           f.clientKeys = { QStringLiteral("k1") };
                                           return f;
                                       }() }) {
        const LedgerTotals a = from.totals(filter);
        const LedgerTotals b = to.totals(filter);
        QVERIFY2(to.errorString().isEmpty(), qPrintable(to.errorString()));
        QCOMPARE(b.requests, a.requests);
        QVERIFY(qAbs(b.spendUsd - a.spendUsd) < 1e-9);
        QCOMPARE(b.failedOverRequests, a.failedOverRequests);
        QCOMPARE(b.unpricedRequests, a.unpricedRequests);
    }
    QCOMPARE(to.recentRequests(50), from.recentRequests(50));
    // Among them every fourth with the tools it was offered, read from the copied documents.
    const QList<RequestRecord> copied = to.recentRequests(50);
    QVERIFY(std::count_if(copied.begin(), copied.end(), [](const RequestRecord& r) { return !r.tools.isEmpty(); })
            >= 12);
    QCOMPARE(RawDb(target).scalar("SELECT COUNT(*) FROM tool_documents").toInt(), 2);
    QCOMPARE(to.votesInCompareGroup(QStringLiteral("cmp-1")).size(), 2);
    QCOMPARE(to.failoverEvents({}, 20).size(), 20);
    // The failover rollups came along: the pruned half day is still counted, as in the source.
    QCOMPARE(report.source.rollupFailovers, 1000);
    QCOMPARE(report.added.rollupFailovers, 1000);
    QVERIFY(report.source.failovers < 1000);
    for (const LedgerBucket bucket : { LedgerBucket::Hour, LedgerBucket::Day }) {
        const QList<FailoverCountRow> counts = to.failoverCounts({}, bucket);
        QCOMPARE(counts, from.failoverCounts({}, bucket));
        QCOMPARE(std::accumulate(counts.cbegin(), counts.cend(), qint64(0),
                                 [](qint64 sum, const FailoverCountRow& row) { return sum + row.count; }),
                 1000);
    }
    // The batch jobs as they were; the cooldowns ending at the later of the two ends.
    QCOMPARE(report.source.batchJobs, 2);
    QCOMPARE(report.added.batchJobs, 2);
    QCOMPARE(report.source.cooldowns, 2);
    QCOMPARE(report.added.cooldowns, 2);
    {
        RawDb raw(target);
        QCOMPARE(raw.scalar("SELECT string_agg(id || ':' || state || ':' || recorded_at || ':' || prompts, ' '"
                            " ORDER BY id) FROM batch_jobs")
                     .toString(),
                 QStringLiteral("batch_1:ended:30:{\"c1\":\"hi\"} batch_2:in_progress:0:{\"c1\":\"ho\"}"));
        QCOMPARE(raw.scalar("SELECT string_agg(kind || ':' || id || ':' || until_ms || ':' || reason, ' '"
                            " ORDER BY kind, id) FROM cooldowns")
                     .toString(),
                 QStringLiteral("model:m-b@pb:7000:server error provider:pa:9000:overloaded"));
    }
    // The evaluations came along, their cells still naming the requests they paid for.
    QCOMPARE(report.source.evaluations, 2);
    QCOMPARE(report.source.evaluationCells, 6);
    {
        RawDb raw(target);
        QCOMPARE(raw.scalar("SELECT COUNT(*) FROM evaluations").toLongLong(), 2);
        QCOMPARE(raw.scalar("SELECT COUNT(*) FROM evaluation_cells c JOIN requests r ON r.uuid = c.request_uuid"
                            " JOIN evaluations e ON e.id = c.evaluation_id WHERE e.name LIKE 'set-%'")
                     .toLongLong(),
                 6);
    }

    // Run again: nothing left to copy, nothing doubled.
    LedgerMigration again(source, target);
    QVERIFY2(again.run(&report), qPrintable(again.errorString()));
    QCOMPARE(report.copiedRequests, 0);
    QCOMPARE(report.resumedAfter, report.source.requests);
    RawDb raw(target);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests").toLongLong(), report.source.requests);
    QCOMPARE(raw.scalar("SELECT COUNT(DISTINCT uuid) FROM requests").toLongLong(), report.source.requests);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM evaluation_cells").toLongLong(), 6);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM batch_jobs").toLongLong(), 2);
    QCOMPARE(raw.scalar("SELECT SUM(failovers) FROM failover_daily").toLongLong(), 1000);
}

void TestLedgerMigration::serverLostMidway_secondRunResumesWithoutDuplicates()
{
    const QString source = makeSource(QStringLiteral("resume"), 5000);
    QVERIFY(!source.isEmpty());
    PostgresServer server;
    QVERIFY(server.start());
    const QString target = server.createDatabase();
    LedgerMigration migration(source, target);
    // The server goes away right after the first batch is committed.
    migration.setProgress([&](qint64 done, qint64) {
        if (done == LedgerMigration::kBatchSize) {
            server.pause();
        }
    });
    LedgerMigration::Report report;
    QVERIFY(!migration.run(&report));
    QVERIFY(!migration.errorString().isEmpty());
    QCOMPARE(report.copiedRequests, LedgerMigration::kBatchSize);
    QVERIFY(server.resume());

    LedgerMigration resumed(source, target);
    QVERIFY2(resumed.run(&report), qPrintable(resumed.errorString()));
    QCOMPARE(report.resumedAfter, LedgerMigration::kBatchSize);
    QCOMPARE(report.copiedRequests, report.source.requests - LedgerMigration::kBatchSize);
    QVERIFY(report.verified);
    RawDb raw(target);
    QCOMPARE(raw.scalar("SELECT COUNT(DISTINCT uuid) FROM requests").toLongLong(), report.source.requests);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests").toLongLong(), report.source.requests);
}

void TestLedgerMigration::missingSource_namedAndNothingWritten()
{
    const QString target = m_server.createDatabase();
    LedgerMigration migration(m_dir.filePath(QStringLiteral("nowhere.sqlite")), target);
    LedgerMigration::Report report;
    QVERIFY(!migration.run(&report));
    QVERIFY2(migration.errorString().contains(QStringLiteral("nowhere.sqlite")), qPrintable(migration.errorString()));
    RawDb raw(target);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'").toInt(), 0);
}

QTEST_GUILESS_MAIN(TestLedgerMigration)
#include "tst_LedgerMigration.moc"
