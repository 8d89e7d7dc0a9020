#include "LedgerTestUtil.h"

#include "core/common/Clock.h"
#include "core/ledger/LedgerExport.h"
#include "core/ledger/LedgerQueries.h"
#include "core/ledger/LedgerSpill.h"
#include "core/ledger/LedgerWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>

using namespace LedgerTestUtil;

class TestLedgerWriter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void record_roundTripsEveryField();
    void manyRecords_committedInBatchesOfAtMostTheBatchSize();
    void recordVote_storedWithTie();
    void notOpen_reportsWriteFailed();
    void promptStorage_data();
    void promptStorage();
    void apiKeyFromEnvironment_neverInFileOrExports();
    void deleteOlderThan_dropsOldRawRowsKeepsRollups();
    void offeredTools_storedOncePerDocument_data();
    void offeredTools_storedOncePerDocument();
    void deleteOlderThan_dropsToolDocumentsNoRowNames();
    void deleteOlderThan_waitsForABatchNamingTheDocument();
    void exportCsv_headerAndQuotedRows();
    void exportJsonl_parsesBack();
    void killedWriter_keepsEveryReportedCommit();
    void lockedPastBusyTimeout_batchWaitsAndIsWrittenOnce();
    void closedWhileLocked_spillWrittenOnceOnNextOpen();
    void unreadableSpill_keptAsideNeverDeleted();
    void lockedLong_rowsSpooledToDisk_writtenOnceAfter();
    void closedWithSpools_writtenOnceOnNextOpen();

private:
    QString freshPath(const QString& name) { return m_backends.newLocation(m_dir, name); }
    QTemporaryDir m_dir;
    Backends m_backends;
};

void TestLedgerWriter::initTestCase_data()
{
    Backends::addRows();
}

void TestLedgerWriter::init()
{
    if (!Backends::isPostgres()) {
        return;
    }
    // Locks held by another program and the spill file beside the ledger are SQLite's story; the
    // server's own outage is tested in tst_postgresledger.
    static const QList<QByteArray> sqliteOnly
        = { "killedWriter_keepsEveryReportedCommit",         "lockedPastBusyTimeout_batchWaitsAndIsWrittenOnce",
            "closedWhileLocked_spillWrittenOnceOnNextOpen",  "unreadableSpill_keptAsideNeverDeleted",
            "lockedLong_rowsSpooledToDisk_writtenOnceAfter", "closedWithSpools_writtenOnceOnNextOpen" };
    if (sqliteOnly.contains(QTest::currentTestFunction())) {
        QSKIP("a SQLite file's locks and spill");
    }
    if (!m_backends.server().start()) {
        QSKIP(qPrintable(m_backends.skipReason()));
    }
}

namespace {
RequestRecord richRecord()
{
    const QDateTime at = utc(2026, 3, 2, 10, 15, 30).addMSecs(123);
    RequestRecord r = request(at, QStringLiteral("m-c"), QStringLiteral("pc"), std::nullopt);
    r.source = RequestSource::Route;
    r.prompt = QStringLiteral("Résumé, \"quoted\"\nsecond line");
    r.tier = QStringLiteral("smart");
    r.rule = QStringLiteral("long-context");
    r.ttftMs = -1;
    r.usage = TokenUsage { 3000, 700, 1200, 300, true };
    r.costEstimated = false;
    r.priceVersion = 4;
    r.cachedAnswer = false;
    r.compareGroup = QStringLiteral("cmp-7");
    r.attempts = { attempt("m-b", "pb", at, "failed", "server_error"), attempt("m-c", "pc", at.addMSecs(700)),
                   attempt("m-d", "pd", at.addMSecs(100), "hedge_lost") };
    r.attempts[1].endedAt = QDateTime(); // still unknown: stored as NULL
    r.failovers = { FailoverRecord { at.addMSecs(650), "m-b", "m-c", "server_error", "upstream said no" } };
    r.answer = QStringLiteral("Merge sort is stable; «quicksort» is not.\n```\ncode\n```");
    r.reasoning = QStringLiteral("Stability means equal keys keep their order.");
    r.toolCalls = { ToolCall { "call_1", "lookup", "{\"q\":\"stable sort\"}" }, ToolCall { "call_2", "noop", "" } };
    r.settings = QStringLiteral("temperature=0.2 max_tokens=512");
    r.exchange = QStringLiteral("{\"column\":1,\"question\":\"Why «stable»?\",\"tools\":[]}");
    r.system = QStringLiteral("You sort «things».\nBe brief.");
    r.tools = QJsonDocument::fromJson(R"([{"type":"function","function":{"name":"lookup","description":"Finds a term",
        "parameters":{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}}}])")
                  .array();
    r.toolChoice = QJsonObject { { "type", "function" }, { "function", QJsonObject { { "name", "lookup" } } } };
    return r;
}

// An OpenAI tools array of one function with this name and description.
QJsonArray toolsNamed(const QString& name, const QString& description = QStringLiteral("Looks it up"))
{
    return QJsonArray { QJsonObject {
        { "type", "function" },
        { "function",
          QJsonObject {
              { "name", name },
              { "description", description },
              { "parameters", QJsonObject { { "type", "object" }, { "properties", QJsonObject {} } } } } } } };
}
} // namespace

void TestLedgerWriter::record_roundTripsEveryField()
{
    const QString path = freshPath("roundtrip");
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    QSignalSpy recorded(&ledger, &Ledger::recorded);
    RequestRecord priced = request(utc(2026, 3, 2, 9), "m-a", "pa", 0.0125);
    priced.costEstimated = true;
    priced.cachedAnswer = true;
    priced.status = RequestStatus::Cached;
    priced.failureClass = QString();
    const RequestRecord rich = richRecord();
    ledger.record(priced);
    ledger.record(rich);
    // No flush: the writer's timer commits on its own.
    QTRY_COMPARE(recorded.size(), 1);
    QCOMPARE(recorded[0][0].toInt(), 2);

    LedgerQueries queries(path);
    const QList<RequestRecord> history = queries.recentRequests(10);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0], rich);
    QCOMPARE(history[1], priced);
    QVERIFY(!history[0].costUsd.has_value());
    QCOMPARE(*history[1].costUsd, 0.0125);
}

void TestLedgerWriter::manyRecords_committedInBatchesOfAtMostTheBatchSize()
{
    Ledger ledger;
    QVERIFY2(ledger.open(freshPath("batches")), qPrintable(ledger.errorString()));
    QSignalSpy recorded(&ledger, &Ledger::recorded);
    // PostgreSQL's batches are larger: COPY takes any number of rows (LedgerWriter::kPostgresBatchSize).
    const int batch = Backends::isPostgres() ? LedgerWriter::kPostgresBatchSize : LedgerWriter::kBatchSize;
    const int count = batch * 12 / 5;
    for (int i = 0; i < count; ++i) {
        ledger.record(request(utc(2026, 3, 2, 10).addSecs(i), "m-a", "pa"));
    }
    int total = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            total = 0;
            for (const QList<QVariant>& signal : std::as_const(recorded)) {
                total += signal[0].toInt();
            }
            return total == count;
        }(),
        10000);
    QVERIFY(recorded.size() >= 3);
    for (const QList<QVariant>& signal : std::as_const(recorded)) {
        QVERIFY(signal[0].toInt() <= batch);
    }
}

void TestLedgerWriter::recordVote_storedWithTie()
{
    const QString path = freshPath("votes");
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    QSignalSpy flushed(&ledger, &Ledger::flushed);
    const VoteRecord first { "cmp-1", "m-a", false, utc(2026, 3, 2, 10), "temperature=0.2", "coding" };
    ledger.recordVote(first);
    ledger.recordVote(VoteRecord { "cmp-1", QString(), true, utc(2026, 3, 2, 11) });
    ledger.flush();
    QVERIFY(flushed.wait(5000));
    LedgerQueries queries(path);
    const QList<VoteRecord> votes = queries.votesInCompareGroup("cmp-1");
    QCOMPARE(votes.size(), 2);
    QCOMPARE(votes[0], first);
    QVERIFY(votes[1].tie);
    QVERIFY(votes[1].winnerModel.isEmpty());
}

void TestLedgerWriter::notOpen_reportsWriteFailed()
{
    Ledger ledger;
    QSignalSpy failed(&ledger, &Ledger::writeFailed);
    ledger.record(request(utc(2026, 3, 2, 10), "m-a", "pa"));
    QCOMPARE(failed.size(), 1);
}

void TestLedgerWriter::promptStorage_data()
{
    QTest::addColumn<bool>("store");
    QTest::newRow("prompt storage on keeps the text (control)") << true;
    QTest::newRow("prompt storage off leaves no prompt text in the file") << false;
}

void TestLedgerWriter::promptStorage()
{
    QFETCH(bool, store);
    const QString path = freshPath(QStringLiteral("prompts-%1").arg(store));
    const QString secret = QStringLiteral("PROMPT-TEXT-zebra-1729");
    const QString answer = QStringLiteral("ANSWER-TEXT-okapi-4104");
    const QString reasoning = QStringLiteral("REASONING-TEXT-quokka-87");
    const QString arguments = QStringLiteral("{\"city\":\"TOOL-ARGS-ibex-55\"}");
    {
        Ledger ledger;
        ledger.setStorePrompts(store);
        QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
        RequestRecord record = request(utc(2026, 3, 2, 10), "m-a", "pa");
        record.prompt = secret;
        record.answer = answer;
        record.reasoning = reasoning;
        record.toolCalls = { ToolCall { "call_1", "weather", arguments } };
        record.settings = QStringLiteral("temperature=0.5");
        record.exchange = QStringLiteral("{\"earlier\":[{\"question\":\"EXCHANGE-TEXT-tapir-31\"}]}");
        record.system = QStringLiteral("SYSTEM-TEXT-gecko-12");
        record.tools = toolsNamed(QStringLiteral("lookup"), QStringLiteral("TOOLS-TEXT-lemur-77"));
        record.toolChoice = QStringLiteral("required");
        QVERIFY(recordAll(ledger, { record }));
    }
    const QByteArray bytes = storedBytes(path);
    QCOMPARE(bytes.contains(secret.toUtf8()), store);
    // An answer tells what was asked: it goes with the prompt.
    QCOMPARE(bytes.contains(answer.toUtf8()), store);
    QCOMPARE(bytes.contains(reasoning.toUtf8()), store);
    QCOMPARE(bytes.contains("TOOL-ARGS-ibex-55"), store);
    QCOMPARE(bytes.contains("EXCHANGE-TEXT-tapir-31"), store); // earlier turns are prompts too
    // The system prompt and the tools offered with it tell what was asked as well.
    QCOMPARE(bytes.contains("SYSTEM-TEXT-gecko-12"), store);
    QCOMPARE(bytes.contains("TOOLS-TEXT-lemur-77"), store);
    QCOMPARE(RawDb(path).scalar("SELECT COUNT(*) FROM tool_documents").toInt(), store ? 1 : 0);
    LedgerQueries queries(path);
    const RequestRecord stored = queries.recentRequests(1).value(0);
    QCOMPARE(stored.prompt, store ? secret : QString());
    QCOMPARE(stored.answer, store ? answer : QString());
    QCOMPARE(stored.reasoning, store ? reasoning : QString());
    QCOMPARE(stored.toolCalls.size(), store ? 1 : 0);
    QCOMPARE(stored.settings, QStringLiteral("temperature=0.5")); // settings hold no text of the user's
    QCOMPARE(stored.system, store ? QStringLiteral("SYSTEM-TEXT-gecko-12") : QString());
    QCOMPARE(stored.tools.size(), store ? 1 : 0);
    QCOMPARE(stored.toolChoice, store ? QJsonValue(QStringLiteral("required")) : QJsonValue(QJsonValue::Undefined));
    // History search finds a run by what it answered, when it was kept.
    QCOMPARE(queries.recentRequests(10, 0, QStringLiteral("okapi")).size(), store ? 1 : 0);
    QCOMPARE(queries.recentRequests(10, 0, QStringLiteral("quokka")).size(), store ? 1 : 0);
    QCOMPARE(queries.recentRequests(10, 0, QStringLiteral("giraffe")).size(), 0);
}

void TestLedgerWriter::apiKeyFromEnvironment_neverInFileOrExports()
{
    const QByteArray key = "sk-test-secret-123";
    qputenv("OPENAI_API_KEY", key);
    const QString path = freshPath("keys");
    {
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
        QList<RequestRecord> records;
        for (int i = 0; i < 20; ++i) {
            RequestRecord record = i % 2 ? richRecord() : request(utc(2026, 3, 2, 10, i), "gpt-4o", "openai");
            record.id.clear();
            record.errorMessage = QStringLiteral("HTTP 401 from openai");
            records << record;
        }
        QVERIFY(recordAll(ledger, records));
        ledger.recordVote(VoteRecord { "cmp-7", "m-c", false, {} });
        QVERIFY(recordAll(ledger, {}));
        // Still open: look at the WAL as well as the main file.
        QVERIFY(!storedBytes(path).contains(key));
    }
    LedgerExport exporter(path);
    QVERIFY(exporter.exportCsv(m_dir.filePath("keys.csv")));
    QVERIFY(exporter.exportJsonl(m_dir.filePath("keys.jsonl")));
    QCOMPARE(exporter.exportedRows(), 20);
    QVERIFY(!storedBytes(path).contains(key));
    QVERIFY(!fileBytes(m_dir.filePath("keys.csv")).contains(key));
    QVERIFY(!fileBytes(m_dir.filePath("keys.jsonl")).contains(key));
    qunsetenv("OPENAI_API_KEY");
}

void TestLedgerWriter::deleteOlderThan_dropsOldRawRowsKeepsRollups()
{
    MockClock clock(utc(2026, 6, 1, 12));
    Clock::setInstance(&clock);
    const QString path = freshPath("retention");
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    RequestRecord old = richRecord(); // 2026-03-02: 91 days before the clock
    RequestRecord recent = request(utc(2026, 5, 20, 8), "m-a", "pa", 0.5);
    QVERIFY(recordAll(ledger, { old, recent }));
    ledger.recordVote(VoteRecord { "cmp-7", "m-c", false, utc(2026, 3, 2, 11) });
    QVERIFY(recordAll(ledger, {}));

    QSignalSpy pruned(&ledger, &Ledger::pruned);
    ledger.deleteOlderThan(30);
    QVERIFY(pruned.wait(5000));
    QCOMPARE(pruned[0][0].toInt(), 1);
    Clock::setInstance(nullptr);

    LedgerQueries queries(path);
    const QList<RequestRecord> left = queries.recentRequests(10);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0].id, recent.id);
    QVERIFY(queries.failoverEvents({}).isEmpty());
    QVERIFY(queries.votesInCompareGroup("cmp-7").isEmpty());
    RawDb raw(path);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM attempts").toInt(), 1);
    // Rollups keep the long-range dashboard.
    QCOMPARE(queries.totals({}).requests, 2);
}

// An agent sends the same tool definitions (20-40 KB) on every request: the ledger keeps each
// distinct document once, whatever spacing or key order it came in, across batches.
void TestLedgerWriter::offeredTools_storedOncePerDocument_data()
{
    QTest::addColumn<QStringList>("toolsTexts"); // request i offers toolsTexts[i % size] ("" none)
    QTest::addColumn<int>("flushes"); // the 50 requests in this many writer transactions
    QTest::addColumn<int>("documents");
    const QString a = QStringLiteral(R"([{"type":"function","function":{"name":"read_file","description":"Reads",)"
                                     R"("parameters":{"type":"object","properties":{"path":{"type":"string"}}}}}])");
    const QString aReordered = QStringLiteral(
        R"([ { "function": { "parameters": { "properties": { "path": { "type": "string" } }, "type": "object" },)"
        R"( "description": "Reads", "name": "read_file" }, "type": "function" } ])");
    const QString b = QStringLiteral(R"([{"type":"function","function":{"name":"write_file","parameters":{}}}])");
    QTest::newRow("50 requests with the same tools store one document") << QStringList { a } << 1 << 1;
    QTest::newRow("the same tools in five transactions store one document") << QStringList { a } << 5 << 1;
    QTest::newRow("the same tools with other key order and spacing are one document")
        << QStringList { a, aReordered } << 1 << 1;
    QTest::newRow("two tool sets in turn store two documents") << QStringList { a, b } << 2 << 2;
    QTest::newRow("requests without tools store none") << QStringList { QString() } << 1 << 0;
}

void TestLedgerWriter::offeredTools_storedOncePerDocument()
{
    QFETCH(QStringList, toolsTexts);
    QFETCH(int, flushes);
    QFETCH(int, documents);
    const QString path = freshPath(QStringLiteral("tools-%1").arg(QTest::currentDataTag()).replace(u' ', u'-'));
    QList<RequestRecord> records;
    for (int i = 0; i < 50; ++i) {
        RequestRecord record = request(utc(2026, 3, 2, 10).addSecs(i), "m-a", "pa");
        record.source = RequestSource::Gateway;
        record.system = QStringLiteral("You are a coding agent.");
        record.tools = QJsonDocument::fromJson(toolsTexts.at(i % toolsTexts.size()).toUtf8()).array();
        record.toolChoice = record.tools.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue("auto");
        records << record;
    }
    {
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
        const qsizetype each = records.size() / flushes;
        for (int f = 0; f < flushes; ++f) {
            QVERIFY(recordAll(ledger, records.mid(f * each, f + 1 == flushes ? -1 : each)));
        }
    }
    RawDb raw(path);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM tool_documents").toInt(), documents);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM requests WHERE tools_hash <> ''").toInt(), documents > 0 ? 50 : 0);
    // Each row reads back the tools it was offered, from the one document.
    LedgerQueries queries(path);
    QList<RequestRecord> history = queries.recentRequests(100);
    std::reverse(history.begin(), history.end());
    QCOMPARE(history.size(), 50);
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(history[i].tools, records[i].tools);
        QCOMPARE(history[i].toolChoice, records[i].toolChoice);
        QCOMPARE(history[i].system, records[i].system);
    }
}

// Retention deletes old rows; a tools document goes with the last row that named it.
void TestLedgerWriter::deleteOlderThan_dropsToolDocumentsNoRowNames()
{
    MockClock clock(utc(2026, 6, 1, 12));
    Clock::setInstance(&clock);
    const QString path = freshPath("retention-tools");
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    RequestRecord oldOnly = request(utc(2026, 3, 2, 10), "m-a", "pa");
    oldOnly.tools = toolsNamed(QStringLiteral("only_in_old_rows"));
    RequestRecord oldShared = request(utc(2026, 3, 2, 11), "m-a", "pa");
    oldShared.tools = toolsNamed(QStringLiteral("still_used"));
    RequestRecord recent = request(utc(2026, 5, 20, 8), "m-a", "pa");
    recent.tools = toolsNamed(QStringLiteral("still_used"));
    QVERIFY(recordAll(ledger, { oldOnly, oldShared, recent }));
    RawDb raw(path);
    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM tool_documents").toInt(), 2);

    QSignalSpy pruned(&ledger, &Ledger::pruned);
    ledger.deleteOlderThan(30);
    QVERIFY(pruned.wait(5000));
    QCOMPARE(pruned[0][0].toInt(), 2);
    Clock::setInstance(nullptr);

    QCOMPARE(raw.scalar("SELECT COUNT(*) FROM tool_documents").toInt(), 1);
    QVERIFY(raw.scalar("SELECT tools FROM tool_documents").toString().contains(QLatin1String("still_used")));
    LedgerQueries queries(path);
    QCOMPARE(queries.recentRequests(10).value(0).tools, recent.tools);
}

// PostgreSQL, two processes on one ledger: retention in one must not delete a document that a
// batch of the other names but has not committed yet (it would see the document unnamed).
void TestLedgerWriter::deleteOlderThan_waitsForABatchNamingTheDocument()
{
    if (!Backends::isPostgres()) {
        QSKIP("SQLite's writers hold the file's write lock: no batch is in flight beside retention");
    }
    MockClock clock(utc(2026, 6, 1, 12));
    Clock::setInstance(&clock);
    const QString path = freshPath("retention-race");
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    RequestRecord old = request(utc(2026, 3, 2, 10), "m-a", "pa");
    old.tools = toolsNamed(QStringLiteral("read_file"));
    QVERIFY(recordAll(ledger, { old }));
    RawDb other(path); // the other process's writer, mid-batch: its row names the old row's document
    QVERIFY(other.exec(QStringLiteral("BEGIN")));
    QVERIFY(other.exec(QStringLiteral("SELECT pg_advisory_xact_lock_shared(7316254002)")));
    QVERIFY(
        other.exec(QStringLiteral("INSERT INTO requests(uuid, started_at, source, prompt, tier, rule, final_model,"
                                  " final_provider, status, ttft_ms, latency_ms, prompt_tokens, completion_tokens,"
                                  " cached_tokens, reasoning_tokens, usage_estimated, cost_estimated, price_version,"
                                  " cached_answer, compare_group, failure_class, error_message, tools_hash)"
                                  " SELECT 'u-new', %1, 'gateway', 'p', '', '', 'm-a', 'pa', 'ok', 0, 0, 0, 0, 0, 0,"
                                  " 0, 0, 0, 0, '', '', '', hash FROM tool_documents")
                       .arg(utc(2026, 5, 31).toMSecsSinceEpoch())));
    QSignalSpy pruned(&ledger, &Ledger::pruned);
    ledger.deleteOlderThan(30);
    // Retention waits for the batch (its exclusive lock is not granted) ...
    QTRY_COMPARE(other.scalar("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").toInt(), 1);
    QVERIFY(pruned.isEmpty());
    QVERIFY(other.exec(QStringLiteral("COMMIT")));
    // ... and then sees the new row name the document: only the old row goes.
    QVERIFY(pruned.wait(5000));
    QCOMPARE(pruned[0][0].toInt(), 1);
    Clock::setInstance(nullptr);
    QCOMPARE(other.scalar("SELECT COUNT(*) FROM tool_documents").toInt(), 1);
    QCOMPARE(LedgerQueries(path).recentRequests(10).value(0).tools, old.tools);
}

void TestLedgerWriter::exportCsv_headerAndQuotedRows()
{
    const QString path = freshPath("csv");
    const RequestRecord rich = richRecord();
    const RequestRecord priced = request(utc(2026, 3, 3, 10), "m-a", "pa", 0.25);
    {
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
        QVERIFY(recordAll(ledger, { priced, rich }));
    }
    const QString csvPath = m_dir.filePath("history.csv");
    LedgerExport exporter(path);
    QVERIFY2(exporter.exportCsv(csvPath), qPrintable(exporter.errorString()));
    QCOMPARE(exporter.exportedRows(), 2);
    const QString text = QString::fromUtf8(fileBytes(csvPath));
    const QStringList lines = text.split(QStringLiteral("\r\n"));
    QCOMPARE(lines[0],
             QStringLiteral("id,started_at,source,tier,rule,final_model,final_provider,status,ttft_ms,latency_ms,"
                            "prompt_tokens,completion_tokens,cached_tokens,reasoning_tokens,usage_estimated,cost_usd,"
                            "cost_estimated,price_version,cached_answer,compare_group,failure_class,error_message,"
                            "attempts,failovers,prompt,system,tools"));
    // Oldest first; unpriced cost is an empty cell; the multi-line prompt is quoted.
    QVERIFY(lines[1].startsWith(rich.id
                                + QStringLiteral(",2026-03-02T10:15:30.123Z,route,smart,long-context,m-c,pc,ok,-1,400,"
                                                 "3000,700,1200,300,1,,0,4,0,cmp-7,,,3,1,")));
    QVERIFY(text.contains(QStringLiteral("\"Résumé, \"\"quoted\"\"\nsecond line\"")));
    // The system prompt (quoted: it has a line break) and the offered tools by name close the row.
    QVERIFY(text.contains(QStringLiteral(",\"You sort «things».\nBe brief.\",lookup\r\n")));
    QVERIFY(text.contains(priced.id
                          + QStringLiteral(",2026-03-03T10:00:00.000Z,workbench,fast,default,m-a,pa,ok,50,400,"
                                           "100,20,0,0,0,0.25,0,1,0,,,,1,0,hello,,\r\n")));
    QVERIFY(text.endsWith(QStringLiteral("\r\n")));
}

void TestLedgerWriter::exportJsonl_parsesBack()
{
    const QString path = freshPath("jsonl");
    const RequestRecord rich = richRecord();
    const RequestRecord priced = request(utc(2026, 3, 3, 10), "m-a", "pa", 0.25);
    {
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
        QVERIFY(recordAll(ledger, { priced, rich }));
    }
    const QString jsonPath = m_dir.filePath("history.jsonl");
    LedgerFilter onlySmart;
    onlySmart.tiers = { QStringLiteral("smart") };
    LedgerExport exporter(path);
    QVERIFY(exporter.exportJsonl(jsonPath));
    QList<QJsonObject> objects;
    for (const QByteArray& line : fileBytes(jsonPath).split('\n')) {
        if (line.isEmpty()) {
            continue;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        objects << doc.object();
    }
    QCOMPARE(objects.size(), 2);
    QCOMPARE(objects[0]["id"].toString(), rich.id);
    QVERIFY(objects[0]["cost_usd"].isNull());
    QCOMPARE(objects[0]["prompt"].toString(), rich.prompt);
    QCOMPARE(objects[0]["usage_estimated"].toBool(), true);
    QCOMPARE(objects[0]["attempts"].toArray().size(), 3);
    QCOMPARE(objects[0]["attempts"].toArray()[0].toObject()["failure_class"].toString(),
             QStringLiteral("server_error"));
    QCOMPARE(objects[0]["failovers"].toArray()[0].toObject()["to_model"].toString(), QStringLiteral("m-c"));
    QCOMPARE(objects[1]["cost_usd"].toDouble(), 0.25);
    // What the client offered besides its prompt; a row that offered nothing has none of it.
    QCOMPARE(objects[0]["system"].toString(), rich.system);
    QCOMPARE(objects[0]["tools"].toArray(), rich.tools);
    QCOMPARE(objects[0]["tool_choice"], rich.toolChoice);
    QVERIFY(!objects[1].contains(QLatin1String("system")));
    QVERIFY(!objects[1].contains(QLatin1String("tools")));
    QVERIFY(!objects[1].contains(QLatin1String("tool_choice")));

    QVERIFY(exporter.exportJsonl(jsonPath, onlySmart));
    QCOMPARE(exporter.exportedRows(), 1);
}

void TestLedgerWriter::killedWriter_keepsEveryReportedCommit()
{
    const QString path = freshPath("killed");
    QProcess child;
    QByteArray output;
    connect(&child, &QProcess::readyReadStandardOutput, this, [&] { output += child.readAllStandardOutput(); });
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(LEDGER_WRITER_CHILD), { path });
    auto reports = [&] { return output.split('\n').size() - 1; };
    QTRY_VERIFY_WITH_TIMEOUT(reports() >= 5, 30000);
    child.kill(); // SIGKILL, mid-burst
    QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 10000);
    output += child.readAllStandardOutput();
    const QList<QByteArray> lines = output.trimmed().split('\n');
    const qint64 lastReported = lines.last().toLongLong();
    QVERIFY(lastReported > 0);

    RawDb raw(path);
    QCOMPARE(raw.scalar("PRAGMA integrity_check").toString(), QStringLiteral("ok"));
    const qint64 rows = raw.scalar("SELECT COUNT(*) FROM requests").toLongLong();
    QVERIFY2(rows >= lastReported, qPrintable(QStringLiteral("%1 rows, %2 reported").arg(rows).arg(lastReported)));
    // Rollups were committed with their rows.
    QCOMPARE(raw.scalar("SELECT SUM(requests) FROM rollup_hourly").toLongLong(), rows);
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
}

namespace {
QList<RequestRecord> numbered(int count)
{
    QList<RequestRecord> records;
    for (int i = 0; i < count; ++i) {
        RequestRecord r = request(utc(2026, 3, 2, 10).addSecs(i), "m-a", "pa", 0.001);
        r.id = QStringLiteral("req-%1").arg(i);
        if (i % 3 == 0) {
            r.answer = QStringLiteral("answer %1").arg(i);
            r.reasoning = QStringLiteral("because %1").arg(i);
            r.toolCalls = { ToolCall { QStringLiteral("c%1").arg(i), "f", "{}" } };
            r.settings = QStringLiteral("max_tokens=%1").arg(i);
            r.exchange = QStringLiteral("{\"column\":%1}").arg(i);
        }
        records.append(r);
    }
    return records;
}

int distinctRows(RawDb& db)
{
    return db.scalar(QStringLiteral("SELECT COUNT(DISTINCT uuid) FROM requests")).toInt();
}
} // namespace

void TestLedgerWriter::lockedPastBusyTimeout_batchWaitsAndIsWrittenOnce()
{
    const QString path = freshPath("locked");
    Ledger ledger;
    ledger.setBusyTimeoutMs(200);
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    QSignalSpy stalled(&ledger, &Ledger::writeStalled);
    QSignalSpy resumed(&ledger, &Ledger::writeResumed);
    QSignalSpy failed(&ledger, &Ledger::writeFailed);
    RawDb other(path);
    QVERIFY(other.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    for (const RequestRecord& record : numbered(20)) {
        ledger.record(record);
    }
    QTRY_COMPARE(stalled.size(), 1);
    QVERIFY(!ledger.stallReason().isEmpty());
    QTest::qWait(1000); // several retries run into the lock
    QCOMPARE(stalled.size(), 1);
    QVERIFY(other.exec(QStringLiteral("COMMIT")));
    QTRY_COMPARE_WITH_TIMEOUT(resumed.size(), 1, 5000);
    QVERIFY(ledger.stallReason().isEmpty());
    QCOMPARE(failed.size(), 0);
    QCOMPARE(other.scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toInt(), 20);
    QCOMPARE(distinctRows(other), 20);
}

void TestLedgerWriter::closedWhileLocked_spillWrittenOnceOnNextOpen()
{
    const QString path = freshPath("spill");
    const QString spillPath = LedgerSpill::pathFor(path);
    const QList<RequestRecord> records = numbered(30);
    {
        Ledger ledger;
        ledger.setBusyTimeoutMs(200);
        QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
        RawDb other(path);
        QVERIFY(other.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        for (const RequestRecord& record : records) {
            ledger.record(record);
        }
        ledger.close();
        QCOMPARE(ledger.closeReport().spilled, 30);
        QCOMPARE(ledger.closeReport().spillPath, spillPath);
        QVERIFY(ledger.closeReport().error.isEmpty());
        QVERIFY(other.exec(QStringLiteral("COMMIT")));
        QCOMPARE(other.scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toInt(), 0);
    }
    QVERIFY(QFile::exists(spillPath));
    QVERIFY(QFile::copy(spillPath, spillPath + QStringLiteral(".copy")));
    QString error;
    const std::optional<LedgerSpill> kept = LedgerSpill::load(spillPath, &error);
    QVERIFY2(kept, qPrintable(error));
    QCOMPARE(kept->requests, records); // every field, as the ledger would have stored it

    for (int run = 0; run < 2; ++run) {
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
        QTRY_VERIFY(!QFile::exists(spillPath));
        ledger.close();
        RawDb db(path);
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toInt(), 30);
        QCOMPARE(distinctRows(db), 30);
        if (run == 0) {
            // The same spill found again, as after a crash between its commit and its removal.
            QVERIFY(QFile::copy(spillPath + QStringLiteral(".copy"), spillPath));
        }
    }
}

void TestLedgerWriter::unreadableSpill_keptAsideNeverDeleted()
{
    const QString path = freshPath("badspill");
    const QString spillPath = LedgerSpill::pathFor(path);
    QFile spill(spillPath);
    QVERIFY(spill.open(QIODevice::WriteOnly));
    spill.write("{\"format\":\"switchyard-ledger-spill\",\"version\":1,\"requ");
    spill.close();
    Ledger ledger;
    QSignalSpy failed(&ledger, &Ledger::writeFailed);
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(spillPath));
    QVERIFY(!QFile::exists(spillPath));
    QVERIFY(QFile::exists(spillPath + QStringLiteral(".unreadable")));
    QVERIFY(recordAll(ledger, numbered(3)));
}

namespace {
// The rows the spool files beside a ledger hold.
int spooledRows(const QString& path)
{
    int rows = 0;
    for (const QString& file : LedgerSpill::spoolsFor(path)) {
        QString error;
        const std::optional<LedgerSpill> spool = LedgerSpill::load(file, &error);
        rows += spool ? int(spool->requests.size()) : 0;
    }
    return rows;
}
} // namespace

// Issue 21 item 3: while the ledger cannot be written, at most kSpoolRows rows wait in memory; the
// rest go to spool files on disk, written exactly once when it answers again.
void TestLedgerWriter::lockedLong_rowsSpooledToDisk_writtenOnceAfter()
{
    const QString path = freshPath("spool");
    const int wave = LedgerWriter::kSpoolRows + 10;
    const QList<RequestRecord> records = numbered(2 * wave + 700);
    Ledger ledger;
    ledger.setBusyTimeoutMs(100);
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    QSignalSpy resumed(&ledger, &Ledger::writeResumed);
    QSignalSpy failed(&ledger, &Ledger::writeFailed);
    RawDb other(path);
    QVERIFY(other.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    for (int i = 0; i < wave; ++i) {
        ledger.record(records[i]);
    }
    QTRY_COMPARE_WITH_TIMEOUT(LedgerSpill::spoolsFor(path).size(), 1, 10000);
    for (int i = wave; i < 2 * wave; ++i) {
        ledger.record(records[i]);
    }
    QTRY_COMPARE_WITH_TIMEOUT(LedgerSpill::spoolsFor(path).size(), 2, 10000);
    for (int i = 2 * wave; i < records.size(); ++i) {
        ledger.record(records[i]);
    }
    QTest::qWait(500);
    // What is not on disk waits in memory, and that is under the bound.
    QCOMPARE(spooledRows(path), 2 * wave);
    QCOMPARE(LedgerSpill::spoolsFor(path).size(), 2);

    QVERIFY(other.exec(QStringLiteral("COMMIT")));
    QTRY_COMPARE_WITH_TIMEOUT(resumed.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(other.scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toInt(),
                              int(records.size()), 10000);
    QCOMPARE(distinctRows(other), int(records.size()));
    QVERIFY(LedgerSpill::spoolsFor(path).isEmpty());
    QCOMPARE(failed.size(), 0);
}

// Spool files outlive the process: the next open writes them (and the spill) exactly once, also
// when a file is found again after a crash between its commit and its removal.
void TestLedgerWriter::closedWithSpools_writtenOnceOnNextOpen()
{
    const QString path = freshPath("spools");
    const int total = LedgerWriter::kSpoolRows + 300;
    QString copy;
    {
        Ledger ledger;
        ledger.setBusyTimeoutMs(100);
        QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
        RawDb other(path);
        QVERIFY(other.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        const QList<RequestRecord> records = numbered(total);
        for (int i = 0; i < LedgerWriter::kSpoolRows; ++i) {
            ledger.record(records[i]);
        }
        QTRY_COMPARE_WITH_TIMEOUT(LedgerSpill::spoolsFor(path).size(), 1, 10000);
        for (int i = LedgerWriter::kSpoolRows; i < total; ++i) {
            ledger.record(records[i]);
        }
        ledger.close();
        QCOMPARE(ledger.closeReport().spilled, 300); // the rest, in the spill
        QVERIFY(other.exec(QStringLiteral("COMMIT")));
        copy = LedgerSpill::spoolsFor(path).first() + QStringLiteral(".copy");
        QVERIFY(QFile::copy(LedgerSpill::spoolsFor(path).first(), copy));
    }
    for (int run = 0; run < 2; ++run) {
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
        QTRY_VERIFY(LedgerSpill::spoolsFor(path).isEmpty() && !QFile::exists(LedgerSpill::pathFor(path)));
        ledger.close();
        RawDb db(path);
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toInt(), total);
        QCOMPARE(distinctRows(db), total);
        if (run == 0) {
            QVERIFY(QFile::copy(copy, QString(copy).chopped(5))); // found again
        }
    }
}

QTEST_GUILESS_MAIN(TestLedgerWriter)
#include "tst_LedgerWriter.moc"
