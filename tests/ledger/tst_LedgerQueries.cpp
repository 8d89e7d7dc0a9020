#include "LedgerTestUtil.h"

#include "core/common/Clock.h"
#include "core/ledger/LatencyHistogram.h"
#include "core/ledger/LedgerQueries.h"
#include "core/ledger/LedgerSchema.h"

#include <QTemporaryDir>

using namespace LedgerTestUtil;

Q_DECLARE_METATYPE(LedgerFilter)
Q_DECLARE_METATYPE(LedgerTotals)
Q_DECLARE_METATYPE(QList<SpendRow>)
Q_DECLARE_METATYPE(QList<FailoverCountRow>)
Q_DECLARE_METATYPE(LedgerBucket)
Q_DECLARE_METATYPE(LedgerSplit)

// A small data set whose every figure is worked out by hand in the rows below.
// T0 = Monday 2026-03-02 00:00 UTC.
//   r1 T0+1h10  workbench fast  m-a/pa ok      100 ms ttft 20   p1000 c200           $0.010  group cmp-1
//   r2 T0+1h20  route     fast  m-a/pa ok      200 ms ttft 40   p2000 c400 cached500 $0.020 (estimated) group cmp-1
//   r3 T0+2h05  route     smart m-b/pb failed  server_error     p300  c0             $0     attempt pb fault
//   r4 T0+2h30  route     smart m-c/pc ok      1500 ms ttft 300 p3000 c1000 (estimated usage) unpriced
//                                              failover m-b -> m-c rate_limited (not a provider fault)
//   r5 T0+1d3h  gateway   fast  m-a/pa cached  5 ms             p1000 c200           $0     cached answer, no attempt
//   r6 T0+1d4h10 cli      smart m-b/pb ok      800 ms ttft 100  p500 c500 r200       $0.050
//                                              failover m-a -> m-b server_error (pa provider fault)
//   r7 T0+8d5h  workbench fast  m-a/pa ok      3000 ms ttft 500 p100 c100            $0.001 + hedge_lost on pc
//   r8 T0+35d   route     smart m-c/pc ok      50 ms no ttft    p10 c10              unpriced
namespace {
const QDateTime T0 = utc(2026, 3, 2);

QList<RequestRecord> dataSet()
{
    auto at = [](int days, int hours, int minutes) { return T0.addDays(days).addSecs(hours * 3600 + minutes * 60); };
    auto make = [](const QDateTime& when, const char* source, const char* tier, const char* model, const char* provider,
                   std::optional<double> cost, qint64 latency, qint64 ttft, qint64 prompt, qint64 completion) {
        RequestRecord r = request(when, model, provider, cost);
        r.source = *RequestSources::fromId(QLatin1String(source));
        r.tier = QLatin1String(tier);
        r.latencyMs = latency;
        r.ttftMs = ttft;
        r.usage.promptTokens = prompt;
        r.usage.completionTokens = completion;
        return r;
    };
    RequestRecord r1 = make(at(0, 1, 10), "workbench", "fast", "m-a", "pa", 0.010, 100, 20, 1000, 200);
    r1.prompt = QStringLiteral("use 100% effort");
    r1.compareGroup = QStringLiteral("cmp-1");
    RequestRecord r2 = make(at(0, 1, 20), "route", "fast", "m-a", "pa", 0.020, 200, 40, 2000, 400);
    r2.usage.cachedTokens = 500;
    r2.costEstimated = true;
    r2.compareGroup = QStringLiteral("cmp-1");
    RequestRecord r3 = make(at(0, 2, 5), "route", "smart", "m-b", "pb", 0.0, 900, -1, 300, 0);
    r3.status = RequestStatus::Failed;
    r3.failureClass = QStringLiteral("server_error");
    r3.prompt = QStringLiteral("find the needle");
    r3.attempts = { attempt("m-b", "pb", r3.startedAt, "failed", "server_error") };
    RequestRecord r4 = make(at(0, 2, 30), "route", "smart", "m-c", "pc", std::nullopt, 1500, 300, 3000, 1000);
    r4.usage.estimated = true;
    r4.attempts = { attempt("m-b", "pb", r4.startedAt, "failed", "rate_limited"),
                    attempt("m-c", "pc", r4.startedAt.addSecs(1)) };
    r4.failovers = { FailoverRecord { r4.startedAt.addSecs(1), "m-b", "m-c", "rate_limited", "slow down" } };
    RequestRecord r5 = make(at(1, 3, 0), "gateway", "fast", "m-a", "pa", 0.0, 5, 1, 1000, 200);
    r5.status = RequestStatus::Cached;
    r5.cachedAnswer = true;
    r5.attempts = {};
    RequestRecord r6 = make(at(1, 4, 10), "cli", "smart", "m-b", "pb", 0.050, 800, 100, 500, 500);
    r6.usage.reasoningTokens = 200;
    r6.clientKey = QStringLiteral("k1");
    r6.attempts = { attempt("m-a", "pa", r6.startedAt, "failed", "server_error"),
                    attempt("m-b", "pb", r6.startedAt.addSecs(2)) };
    r6.failovers = { FailoverRecord { r6.startedAt.addSecs(2), "m-a", "m-b", "server_error", "overloaded" } };
    RequestRecord r7 = make(at(8, 5, 0), "workbench", "fast", "m-a", "pa", 0.001, 3000, 500, 100, 100);
    r7.attempts << attempt("m-c", "pc", r7.startedAt, "hedge_lost");
    RequestRecord r8 = make(at(35, 0, 0), "route", "smart", "m-c", "pc", std::nullopt, 50, -1, 10, 10);
    return { r1, r2, r3, r4, r5, r6, r7, r8 };
}

LedgerFilter range(const QDateTime& from, const QDateTime& until)
{
    LedgerFilter filter;
    filter.from = from;
    filter.until = until;
    return filter;
}

LedgerTotals totalsOf(double spend, qint64 requests, qint64 failures, qint64 failedOver, qint64 unpriced, qint64 cached,
                      qint64 estimatedCost, qint64 estimatedUsage)
{
    LedgerTotals t;
    t.spendUsd = spend;
    t.requests = requests;
    t.failures = failures;
    t.failedOverRequests = failedOver;
    t.failoverRate = requests ? double(failedOver) / double(requests) : 0;
    t.unpricedRequests = unpriced;
    t.cachedAnswers = cached;
    t.estimatedCostRequests = estimatedCost;
    t.estimatedUsageRequests = estimatedUsage;
    return t;
}

// `base` with a long-context tier above `aboveTokens` prompt tokens.
ModelPrice tiered(ModelPrice base, qint64 aboveTokens, double input, double output, double cached)
{
    base.longContext = { aboveTokens, input, output, cached, 0, 0 };
    return base;
}

QDateTime day(int n)
{
    return T0.addDays(n);
}

SpendRow spend(const QDateTime& bucket, const QString& key, double cost, qint64 requests, qint64 unpriced = 0)
{
    return SpendRow { bucket, key, cost, requests, unpriced };
}

// `count` requests every 7 minutes from `start` over the models, providers, tiers and sources the
// failover chart filters on; every fourth failed over 1.5-2.4 s after it started (so now and then
// in the next hour), every eighth twice, its second failover without a time of its own (stored,
// and counted, at the request's start).
QList<RequestRecord> failoverSet(const QDateTime& start, int first, int count)
{
    const QStringList models = { "m-a", "m-b", "m-c" };
    const QStringList providers = { "pa", "pb", "pc" };
    const QStringList classes = { "server_error", "rate_limited", "timeout" };
    QList<RequestRecord> records;
    for (int i = first; i < first + count; ++i) {
        RequestRecord r = request(start.addSecs(i * 419 + (i % 11) * 7), models[i % 3], providers[i % 3]);
        r.id = QStringLiteral("fo-%1").arg(i);
        r.tier = (i / 4) % 2 ? QStringLiteral("fast") : QStringLiteral("smart");
        r.source = i % 5 == 0 ? RequestSource::Gateway : RequestSource::Route;
        if (i % 4 == 0) {
            const QString from = models[(i + 1) % 3];
            r.failovers << FailoverRecord { r.startedAt.addMSecs(1500 + (i * 37) % 900), from, r.finalModel,
                                            classes[(i / 4) % 3], QStringLiteral("503") };
            if (i % 8 == 0) {
                r.failovers.prepend(
                    FailoverRecord { QDateTime(), models[(i + 2) % 3], from, classes[(i / 8) % 3], QString() });
            }
        }
        records << r;
    }
    return records;
}

// The failover chart worked out from the records themselves: each failover at its own time (its
// request's when it has none), in [from, until), from or to one of the models, of a request with
// one of the providers, tiers and sources.
QList<FailoverCountRow> countedFromRecords(const QList<RequestRecord>& records, const LedgerFilter& filter,
                                           LedgerBucket bucket)
{
    auto wanted = [](const QStringList& list, const QString& value) { return list.isEmpty() || list.contains(value); };
    QMap<std::pair<QDateTime, QString>, qint64> counts;
    for (const RequestRecord& r : records) {
        for (const FailoverRecord& f : r.failovers) {
            const QDateTime at = f.at.isValid() ? f.at : r.startedAt;
            if ((filter.from.isValid() && at < filter.from) || (filter.until.isValid() && at >= filter.until)
                || !(filter.models.isEmpty() || filter.models.contains(f.fromModel)
                     || filter.models.contains(f.toModel))
                || !wanted(filter.providers, r.finalProvider) || !wanted(filter.tiers, r.tier)
                || !wanted(filter.sources, RequestSources::id(r.source))) {
                continue;
            }
            const QDate date = at.date();
            QDateTime bucketStart;
            switch (bucket) {
            case LedgerBucket::Hour:
                bucketStart = QDateTime(date, QTime(at.time().hour(), 0), Qt::UTC);
                break;
            case LedgerBucket::Day:
                bucketStart = QDateTime(date, QTime(0, 0), Qt::UTC);
                break;
            case LedgerBucket::Week:
                bucketStart = QDateTime(date.addDays(1 - date.dayOfWeek()), QTime(0, 0), Qt::UTC);
                break;
            case LedgerBucket::Month:
                bucketStart = QDateTime(QDate(date.year(), date.month(), 1), QTime(0, 0), Qt::UTC);
                break;
            }
            counts[{ bucketStart, f.failureClass }] += 1;
        }
    }
    QList<FailoverCountRow> rows;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        rows << FailoverCountRow { it.key().first, it.key().second, *it };
    }
    return rows;
}

LedgerFilter narrowed(LedgerFilter filter, QStringList LedgerFilter::*field, const QStringList& values)
{
    filter.*field = values;
    return filter;
}
} // namespace

class TestLedgerQueries : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void totals_data();
    void totals();
    void routedOnly_leavesOutWorkbenchAndEvaluations();
    void spendOverTime_data();
    void spendOverTime();
    void requestsAndTokensByTier_matchesHandSums();
    void failoverEvents_data();
    void failoverEvents();
    void failoverCounts_byDayAndClass();
    void failoverCounts_filteredByRequest_data();
    void failoverCounts_filteredByRequest();
    void failoverCounts_filteredAgain_countsFailoversRecordedSince();
    void failoverRollup_v13LedgerBackfilledThenKeptByTheWriter();
    void failoverCounts_fromRollupsAndEdges_sameAsTheRecords_data();
    void failoverCounts_fromRollupsAndEdges_sameAsTheRecords();
    void failoverCounts_afterRetention_wholeHoursStillCounted();
    void uptime_countsOnlyProviderFaults();
    void latencyPercentiles_withinTheTrueValuesBucket();
    void savings_data();
    void savings();
    void savingsByClass_routedTierByModel();
    void spendInPeriod_data();
    void spendInPeriod();
    void recentRequests_data();
    void recentRequests();
    void requestsInCompareGroup_withAttempts();
    void keys_listWhatTheFilterLeaves();
    void requests_data();
    void requests();
    void requests_returnWholeRecords();

private:
    QTemporaryDir m_dir;
    Backends m_backends;
    QHash<QString, QString> m_locations; // the data set, by backend
    QString m_path; // the current row's
    QList<RequestRecord> m_records;
    // failoverRollup_v13LedgerBackfilledThenKeptByTheWriter's ledgers, by backend, and their records.
    QHash<QString, QString> m_failoverLocations;
    QList<RequestRecord> m_failoverRecords;
};

// Every query runs against both backends over the same hand-counted data set.
void TestLedgerQueries::initTestCase_data()
{
    Backends::addRows();
}

void TestLedgerQueries::initTestCase()
{
    m_records = dataSet();
    const QString sqlite = m_dir.filePath(QStringLiteral("queries.sqlite"));
    const QString postgres = m_backends.server().start() ? m_backends.server().createDatabase() : QString();
    for (const QString& location : { sqlite, postgres }) {
        if (location.isEmpty()) {
            continue;
        }
        Ledger ledger;
        QVERIFY2(ledger.open(location), qPrintable(ledger.errorString()));
        QVERIFY(recordAll(ledger, m_records));
    }
    m_locations.insert(QStringLiteral("sqlite"), sqlite);
    m_locations.insert(QStringLiteral("postgresql"), postgres);
}

void TestLedgerQueries::init()
{
    m_path = m_locations.value(Backends::current());
    if (m_path.isEmpty()) {
        QSKIP(qPrintable(m_backends.skipReason()));
    }
}

void TestLedgerQueries::totals_data()
{
    QTest::addColumn<LedgerFilter>("filter");
    QTest::addColumn<LedgerTotals>("expected");
    LedgerFilter fast;
    fast.tiers = { "fast" };
    LedgerFilter pc;
    pc.providers = { "pc" };
    LedgerFilter routeAndGateway;
    routeAndGateway.sources = { "route", "gateway" };
    LedgerFilter mbLater = range(day(1), day(40));
    mbLater.models = { "m-b" };

    QTest::newRow("no filter counts everything, unpriced apart")
        << LedgerFilter {} << totalsOf(0.081, 8, 1, 2, 2, 1, 1, 1);
    QTest::newRow("tier fast") << fast << totalsOf(0.031, 4, 0, 0, 0, 1, 1, 0);
    QTest::newRow("provider pc is all unpriced, not zero-cost") << pc << totalsOf(0, 2, 0, 1, 2, 0, 0, 1);
    QTest::newRow("sources route + gateway") << routeAndGateway << totalsOf(0.020, 5, 1, 1, 2, 1, 1, 1);
    QTest::newRow("first day only (whole day from the daily rollup)")
        << range(day(0), day(1)) << totalsOf(0.030, 4, 1, 1, 1, 0, 1, 1);
    QTest::newRow("model m-b after day one") << mbLater << totalsOf(0.050, 1, 0, 1, 0, 0, 0, 0);
    QTest::newRow("hour-aligned range across a day edge (hourly edges + daily middle)")
        << range(T0.addSecs(3600), day(1).addSecs(4 * 3600)) << totalsOf(0.030, 5, 1, 1, 1, 1, 1, 1);
    QTest::newRow("until inside an hour takes that whole hour")
        << range(T0.addSecs(3600), day(1).addSecs(4 * 3600 + 60)) << totalsOf(0.080, 6, 1, 2, 1, 1, 1, 1);
    QTest::newRow("open start, until day 9") << range({}, day(9)) << totalsOf(0.081, 7, 1, 2, 1, 1, 1, 1);
    QTest::newRow("from day 2, open end") << range(day(2), {}) << totalsOf(0.001, 2, 0, 0, 1, 0, 0, 0);
    QTest::newRow("range with no rows") << range(day(100), day(101)) << totalsOf(0, 0, 0, 0, 0, 0, 0, 0);
}

void TestLedgerQueries::totals()
{
    QFETCH(LedgerFilter, filter);
    QFETCH(LedgerTotals, expected);
    LedgerQueries queries(m_path);
    const LedgerTotals actual = queries.totals(filter);
    QVERIFY2(queries.errorString().isEmpty(), qPrintable(queries.errorString()));
    QCOMPARE(actual.requests, expected.requests);
    QCOMPARE(actual.spendUsd, expected.spendUsd);
    QCOMPARE(actual.failures, expected.failures);
    QCOMPARE(actual.failedOverRequests, expected.failedOverRequests);
    QCOMPARE(actual.failoverRate, expected.failoverRate);
    QCOMPARE(actual.unpricedRequests, expected.unpricedRequests);
    QCOMPARE(actual.cachedAnswers, expected.cachedAnswers);
    QCOMPARE(actual.estimatedCostRequests, expected.estimatedCostRequests);
    QCOMPARE(actual.estimatedUsageRequests, expected.estimatedUsageRequests);
}

void TestLedgerQueries::spendOverTime_data()
{
    QTest::addColumn<LedgerFilter>("filter");
    QTest::addColumn<LedgerBucket>("bucket");
    QTest::addColumn<LedgerSplit>("split");
    QTest::addColumn<QList<SpendRow>>("expected");

    QTest::newRow("by day, no split") << LedgerFilter {} << LedgerBucket::Day << LedgerSplit::None
                                      << QList<SpendRow> { spend(day(0), "", 0.030, 4, 1), spend(day(1), "", 0.050, 2),
                                                           spend(day(8), "", 0.001, 1), spend(day(35), "", 0, 1, 1) };
    QTest::newRow("by week starting Monday")
        << LedgerFilter {} << LedgerBucket::Week << LedgerSplit::None
        << QList<SpendRow> { spend(day(0), "", 0.080, 6, 1), spend(day(7), "", 0.001, 1), spend(day(35), "", 0, 1, 1) };
    QTest::newRow("by calendar month") << LedgerFilter {} << LedgerBucket::Month << LedgerSplit::None
                                       << QList<SpendRow> { spend(utc(2026, 3, 1), "", 0.081, 7, 1),
                                                            spend(utc(2026, 4, 1), "", 0, 1, 1) };
    QTest::newRow("by hour and model on the first day")
        << range(day(0), day(1)) << LedgerBucket::Hour << LedgerSplit::Model
        << QList<SpendRow> { spend(T0.addSecs(3600), "m-a", 0.030, 2), spend(T0.addSecs(7200), "m-b", 0, 1),
                             spend(T0.addSecs(7200), "m-c", 0, 1, 1) };
    QTest::newRow("by day and tier") << LedgerFilter {} << LedgerBucket::Day << LedgerSplit::Tier
                                     << QList<SpendRow> {
                                            spend(day(0), "fast", 0.030, 2), spend(day(0), "smart", 0, 2, 1),
                                            spend(day(1), "fast", 0, 1),     spend(day(1), "smart", 0.050, 1),
                                            spend(day(8), "fast", 0.001, 1), spend(day(35), "smart", 0, 1, 1)
                                        };
    LedgerFilter workbench;
    workbench.sources = { "workbench" };
    QTest::newRow("by day and provider, workbench only")
        << workbench << LedgerBucket::Day << LedgerSplit::Provider
        << QList<SpendRow> { spend(day(0), "pa", 0.010, 1), spend(day(8), "pa", 0.001, 1) };
}

void TestLedgerQueries::spendOverTime()
{
    QFETCH(LedgerFilter, filter);
    QFETCH(LedgerBucket, bucket);
    QFETCH(LedgerSplit, split);
    QFETCH(QList<SpendRow>, expected);
    LedgerQueries queries(m_path);
    const QList<SpendRow> actual = queries.spendOverTime(filter, bucket, split);
    QVERIFY2(queries.errorString().isEmpty(), qPrintable(queries.errorString()));
    QCOMPARE(actual.size(), expected.size());
    for (int i = 0; i < actual.size(); ++i) {
        QCOMPARE(actual[i].bucketStart, expected[i].bucketStart);
        QCOMPARE(actual[i].key, expected[i].key);
        QCOMPARE(actual[i].costUsd, expected[i].costUsd);
        QCOMPARE(actual[i].requests, expected[i].requests);
        QCOMPARE(actual[i].unpricedRequests, expected[i].unpricedRequests);
    }
}

void TestLedgerQueries::requestsAndTokensByTier_matchesHandSums()
{
    LedgerQueries queries(m_path);
    const QList<TierUsageRow> rows = queries.requestsAndTokensByTier({});
    QCOMPARE(rows.size(), 2);
    const TierUsageRow fast { "fast", 4, 0, 4100, 900, 500, 0, 0, 0.031, 0 };
    const TierUsageRow smart { "smart", 4, 1, 3810, 1510, 0, 200, 1, 0.050, 2 };
    QCOMPARE(rows[0].tier, fast.tier);
    QCOMPARE(rows[0].costUsd, fast.costUsd);
    TierUsageRow fastActual = rows[0];
    fastActual.costUsd = fast.costUsd;
    QCOMPARE(fastActual, fast);
    TierUsageRow smartActual = rows[1];
    QCOMPARE(smartActual.costUsd, smart.costUsd);
    smartActual.costUsd = smart.costUsd;
    QCOMPARE(smartActual, smart);
}

void TestLedgerQueries::failoverEvents_data()
{
    QTest::addColumn<LedgerFilter>("filter");
    QTest::addColumn<QStringList>("expectedTo"); // newest first
    LedgerFilter fast;
    fast.tiers = { "fast" };
    LedgerFilter toMc;
    toMc.models = { "m-c" };
    LedgerFilter fromMa;
    fromMa.models = { "m-a" };
    LedgerFilter finalPb;
    finalPb.providers = { "pb" };
    LedgerFilter cli;
    cli.sources = { "cli" };
    QTest::newRow("all, newest first") << LedgerFilter {} << QStringList { "m-b", "m-c" };
    QTest::newRow("tier fast had none") << fast << QStringList {};
    QTest::newRow("model filter matches the target") << toMc << QStringList { "m-c" };
    QTest::newRow("model filter matches the origin") << fromMa << QStringList { "m-b" };
    QTest::newRow("provider filter uses the request's final provider") << finalPb << QStringList { "m-b" };
    QTest::newRow("source cli") << cli << QStringList { "m-b" };
    QTest::newRow("exact time bounds") << range(day(0), day(0).addSecs(2 * 3600 + 30 * 60)) << QStringList {};
}

void TestLedgerQueries::failoverEvents()
{
    QFETCH(LedgerFilter, filter);
    QFETCH(QStringList, expectedTo);
    LedgerQueries queries(m_path);
    QStringList to;
    const QList<FailoverEvent> events = queries.failoverEvents(filter);
    for (const FailoverEvent& event : events) {
        to << event.toModel;
    }
    QVERIFY2(queries.errorString().isEmpty(), qPrintable(queries.errorString()));
    QCOMPARE(to, expectedTo);
    if (!events.isEmpty() && events[0].toModel == QLatin1String("m-b")) {
        QCOMPARE(events[0],
                 (FailoverEvent { m_records[5].failovers[0].at, "m-a", "m-b", "server_error", "overloaded",
                                  m_records[5].id }));
    }
}

void TestLedgerQueries::failoverCounts_byDayAndClass()
{
    LedgerQueries queries(m_path);
    const QList<FailoverCountRow> rows = queries.failoverCounts({}, LedgerBucket::Day);
    QCOMPARE(rows, (QList<FailoverCountRow> { { day(0), "rate_limited", 1 }, { day(1), "server_error", 1 } }));
    QCOMPARE(queries.failoverCounts(range(day(0), day(1)), LedgerBucket::Month),
             (QList<FailoverCountRow> { { utc(2026, 3, 1), "rate_limited", 1 } }));
}

void TestLedgerQueries::failoverCounts_filteredByRequest_data()
{
    QTest::addColumn<QStringList>("providers");
    QTest::addColumn<QStringList>("tiers");
    QTest::addColumn<QStringList>("sources");
    QTest::addColumn<QList<FailoverCountRow>>("expected");
    const FailoverCountRow r4 { day(0), "rate_limited", 1 };
    const FailoverCountRow r6 { day(1), "server_error", 1 };
    QTest::newRow("tier smart has both") << QStringList() << QStringList { "smart" } << QStringList()
                                         << QList<FailoverCountRow> { r4, r6 };
    QTest::newRow("tier fast has none") << QStringList() << QStringList { "fast" } << QStringList()
                                        << QList<FailoverCountRow> {};
    QTest::newRow("provider is the request's final one: pc is r4")
        << QStringList { "pc" } << QStringList() << QStringList() << QList<FailoverCountRow> { r4 };
    QTest::newRow("provider pa was only left, never final")
        << QStringList { "pa" } << QStringList() << QStringList() << QList<FailoverCountRow> {};
    QTest::newRow("source cli is r6") << QStringList() << QStringList() << QStringList { "cli" }
                                      << QList<FailoverCountRow> { r6 };
    QTest::newRow("tier and provider together") << QStringList { "pb", "pc" } << QStringList { "smart" }
                                                << QStringList { "route" } << QList<FailoverCountRow> { r4 };
}

void TestLedgerQueries::failoverCounts_filteredByRequest()
{
    QFETCH(QStringList, providers);
    QFETCH(QStringList, tiers);
    QFETCH(QStringList, sources);
    QFETCH(QList<FailoverCountRow>, expected);
    LedgerFilter filter;
    filter.providers = providers;
    filter.tiers = tiers;
    filter.sources = sources;
    LedgerQueries queries(m_path);
    // Twice on one instance: the same answer again.
    for (int pass = 0; pass < 2; ++pass) {
        QCOMPARE(queries.failoverCounts(filter, LedgerBucket::Day), expected);
        QVERIFY2(queries.errorString().isEmpty(), qPrintable(queries.errorString()));
    }
}

void TestLedgerQueries::failoverCounts_filteredAgain_countsFailoversRecordedSince()
{
    QTemporaryDir dir;
    const QString path = m_backends.newLocation(dir, QStringLiteral("live"));
    Ledger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    QVERIFY(recordAll(ledger, m_records));
    LedgerQueries queries(path);
    LedgerFilter smart;
    smart.tiers = { "smart" };
    QCOMPARE(queries.failoverCounts(smart, LedgerBucket::Day).size(), 2);

    RequestRecord later = m_records[5]; // r6 again a day later: smart, failed over with server_error
    later.id = QStringLiteral("r6-again");
    later.startedAt = later.startedAt.addDays(1);
    later.failovers[0].at = later.failovers[0].at.addDays(1);
    for (AttemptRecord& a : later.attempts) {
        a.startedAt = a.startedAt.addDays(1);
        a.endedAt = a.endedAt.addDays(1);
    }
    RequestRecord fast = later; // and a fast one, which the filter must leave out
    fast.id = QStringLiteral("fast-again");
    fast.tier = QStringLiteral("fast");
    QVERIFY(recordAll(ledger, { later, fast }));
    const QList<FailoverCountRow> rows = queries.failoverCounts(smart, LedgerBucket::Day);
    QCOMPARE(rows,
             (QList<FailoverCountRow> {
                 { day(0), "rate_limited", 1 }, { day(1), "server_error", 1 }, { day(2), "server_error", 1 } }));
}

// A v13 ledger (no failover rollups yet) with failovers: the v14 step fills the rollups from the
// raw failovers, and the writer keeps them in step with the rows it adds afterwards.
void TestLedgerQueries::failoverRollup_v13LedgerBackfilledThenKeptByTheWriter()
{
    const QDateTime start = utc(2026, 4, 6, 0, 3);
    const QList<RequestRecord> before = failoverSet(start, 0, 600); // ~2.9 days
    const QList<RequestRecord> after = failoverSet(start, 600, 300);
    const QString location = m_backends.newLocation(m_dir, QStringLiteral("failovers-v13"));
    QVERIFY(!location.isEmpty());
    {
        Ledger ledger;
        QVERIFY2(ledger.open(location), qPrintable(ledger.errorString()));
        QVERIFY(recordAll(ledger, before));
    }
    {
        // What a v13 build left: the same tables and rows, no failover rollups.
        RawDb raw(location);
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE failover_hourly")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE failover_daily")));
        // Nor what v15 added.
        for (const char* sql :
             { "DROP INDEX requests_tools_hash", "DROP TABLE tool_documents",
               "ALTER TABLE requests DROP COLUMN system_prompt", "ALTER TABLE requests DROP COLUMN tools_hash",
               "ALTER TABLE requests DROP COLUMN tool_choice" }) {
            QVERIFY2(raw.exec(QString::fromLatin1(sql)), sql);
        }
        QVERIFY(raw.exec(QStringLiteral("UPDATE meta SET value = '13' WHERE key = 'schema_version'")));
    }
    const qint64 rawBefore = [&] {
        qint64 n = 0;
        for (const RequestRecord& r : before) {
            n += r.failovers.size();
        }
        return n;
    }();
    QCOMPARE(rawBefore, 150 + 75);
    Ledger ledger;
    QVERIFY2(ledger.open(location), qPrintable(ledger.errorString()));
    {
        RawDb raw(location);
        QCOMPARE(raw.scalar("SELECT value FROM meta WHERE key = 'schema_version'").toInt(), LedgerSchema::kVersion);
        QCOMPARE(raw.scalar("SELECT COUNT(*) FROM failovers").toLongLong(), rawBefore);
        QCOMPARE(raw.scalar("SELECT SUM(failovers) FROM failover_hourly").toLongLong(), rawBefore);
        QCOMPARE(raw.scalar("SELECT SUM(failovers) FROM failover_daily").toLongLong(), rawBefore);
    }
    LedgerQueries queries(location);
    QCOMPARE(queries.failoverCounts({}, LedgerBucket::Hour), countedFromRecords(before, {}, LedgerBucket::Hour));

    QVERIFY(recordAll(ledger, after));
    {
        RawDb raw(location);
        QCOMPARE(raw.scalar("SELECT SUM(failovers) FROM failover_hourly").toLongLong(), rawBefore + 113);
        QCOMPARE(raw.scalar("SELECT SUM(failovers) FROM failover_daily").toLongLong(), rawBefore + 113);
    }
    m_failoverRecords = before + after;
    QCOMPARE(queries.failoverCounts({}, LedgerBucket::Day),
             countedFromRecords(m_failoverRecords, {}, LedgerBucket::Day));
    m_failoverLocations.insert(Backends::current(), location);
}

// Whole hours come from the rollups (whole days from the daily one), partial hours at the edges
// from the raw failovers: every filter and bucket counts what the records say.
void TestLedgerQueries::failoverCounts_fromRollupsAndEdges_sameAsTheRecords_data()
{
    QTest::addColumn<LedgerFilter>("filter");
    QTest::addColumn<LedgerBucket>("bucket");
    const QDateTime start = utc(2026, 4, 6);
    const LedgerFilter partial
        = range(start.addSecs(5 * 3600 + 17 * 60 + 3), start.addSecs(3 * 86400 + 7 * 3600 + 41 * 60));
    QTest::newRow("everything by day: the daily rollup") << LedgerFilter {} << LedgerBucket::Day;
    QTest::newRow("everything by hour: the hourly rollup") << LedgerFilter {} << LedgerBucket::Hour;
    QTest::newRow("everything by week") << LedgerFilter {} << LedgerBucket::Week;
    QTest::newRow("everything by month") << LedgerFilter {} << LedgerBucket::Month;
    QTest::newRow("partial hours at both ends, by day (raw, hourly, daily, hourly, raw)")
        << partial << LedgerBucket::Day;
    QTest::newRow("partial hours at both ends, by hour") << partial << LedgerBucket::Hour;
    QTest::newRow("hour-aligned, across two day edges")
        << range(start.addSecs(20 * 3600), start.addSecs(2 * 86400 + 3 * 3600)) << LedgerBucket::Day;
    QTest::newRow("inside one hour: raw rows only")
        << range(start.addSecs(30 * 3600 + 5 * 60), start.addSecs(30 * 3600 + 50 * 60)) << LedgerBucket::Hour;
    QTest::newRow("across an hour edge, no whole hour")
        << range(start.addSecs(30 * 3600 + 40 * 60), start.addSecs(31 * 3600 + 20 * 60)) << LedgerBucket::Hour;
    QTest::newRow("open start, until inside an hour")
        << range({}, start.addSecs(50 * 3600 + 1234)) << LedgerBucket::Day;
    QTest::newRow("from inside an hour, open end") << range(start.addSecs(26 * 3600 + 999), {}) << LedgerBucket::Day;
    QTest::newRow("model m-b, failed over from or to it")
        << narrowed(partial, &LedgerFilter::models, { "m-b" }) << LedgerBucket::Day;
    QTest::newRow("providers pa and pc: the request's final provider")
        << narrowed(partial, &LedgerFilter::providers, { "pa", "pc" }) << LedgerBucket::Hour;
    QTest::newRow("tier smart") << narrowed(partial, &LedgerFilter::tiers, { "smart" }) << LedgerBucket::Day;
    QTest::newRow("source gateway, model m-c")
        << narrowed(narrowed(partial, &LedgerFilter::sources, { "gateway" }), &LedgerFilter::models, { "m-c" })
        << LedgerBucket::Day;
    QTest::newRow("a provider nobody ended on")
        << narrowed(partial, &LedgerFilter::providers, { "pz" }) << LedgerBucket::Day;
}

void TestLedgerQueries::failoverCounts_fromRollupsAndEdges_sameAsTheRecords()
{
    QFETCH(LedgerFilter, filter);
    QFETCH(LedgerBucket, bucket);
    const QString location = m_failoverLocations.value(Backends::current());
    QVERIFY2(!location.isEmpty(), "failoverRollup_v13LedgerBackfilledThenKeptByTheWriter built no ledger");
    LedgerQueries queries(location);
    const QList<FailoverCountRow> rows = queries.failoverCounts(filter, bucket);
    QVERIFY2(queries.errorString().isEmpty(), qPrintable(queries.errorString()));
    QCOMPARE(rows, countedFromRecords(m_failoverRecords, filter, bucket));
    if (filter.providers != QStringList { "pz" }) {
        QVERIFY(!rows.isEmpty());
    }
}

// Retention deletes raw failovers with their requests; the failover rollups stay, as the other
// rollups do, so the chart keeps counting whole hours that only the rollups still hold.
void TestLedgerQueries::failoverCounts_afterRetention_wholeHoursStillCounted()
{
    QTemporaryDir dir;
    const QString location = m_backends.newLocation(dir, QStringLiteral("failover-retention"));
    QVERIFY(!location.isEmpty());
    const QDateTime start = utc(2026, 4, 6, 0, 3);
    const QList<RequestRecord> records = failoverSet(start, 0, 600);
    Ledger ledger;
    QVERIFY2(ledger.open(location), qPrintable(ledger.errorString()));
    QVERIFY(recordAll(ledger, records));
    LedgerQueries queries(location);
    const QList<FailoverCountRow> byHour = countedFromRecords(records, {}, LedgerBucket::Hour);
    QCOMPARE(queries.failoverCounts({}, LedgerBucket::Hour), byHour);

    MockClock clock(utc(2026, 4, 8, 1, 30)); // keeps one day: rows from 2026-04-07 01:30 on
    Clock::setInstance(&clock);
    QSignalSpy pruned(&ledger, &Ledger::pruned);
    ledger.deleteOlderThan(1);
    const bool done = pruned.wait(10000);
    Clock::setInstance(nullptr);
    QVERIFY(done);
    QVERIFY(pruned.first().first().toInt() > 200);
    RawDb raw(location);
    const qint64 kept = raw.scalar("SELECT COUNT(*) FROM failovers").toLongLong();
    QVERIFY(kept > 0 && kept < 225);
    QCOMPARE(queries.failoverCounts({}, LedgerBucket::Hour), byHour);
    QCOMPARE(queries.failoverCounts({}, LedgerBucket::Day), countedFromRecords(records, {}, LedgerBucket::Day));
    // A period starting inside a pruned hour: that partial hour came from raw rows, now gone.
    const LedgerFilter fromInside = range(utc(2026, 4, 6, 10, 30), {});
    LedgerFilter wholeHours = fromInside;
    wholeHours.from = utc(2026, 4, 6, 11);
    QCOMPARE(queries.failoverCounts(fromInside, LedgerBucket::Hour),
             countedFromRecords(records, wholeHours, LedgerBucket::Hour));
}

void TestLedgerQueries::uptime_countsOnlyProviderFaults()
{
    LedgerQueries queries(m_path);
    const UptimeReport report = queries.uptime({}, LedgerBucket::Day);
    QCOMPARE(report.buckets,
             (QList<UptimeRow> { { day(0), "pa", 2, 0, 1.0 },
                                 { day(0), "pb", 2, 1, 0.5 }, // r3's server_error counts, r4's rate_limited does not
                                 { day(0), "pc", 1, 0, 1.0 },
                                 { day(1), "pa", 1, 1, 0.0 },
                                 { day(1), "pb", 1, 0, 1.0 },
                                 { day(8), "pa", 1, 0, 1.0 }, // the hedge-lost attempt on pc is not counted
                                 { day(35), "pc", 1, 0, 1.0 } }));
    QCOMPARE(report.overall.size(), 3);
    QCOMPARE(report.overall[0], (UptimeRow { {}, "pa", 4, 1, 0.75 }));
    QCOMPARE(report.overall[1].attempts, 3);
    QCOMPARE(report.overall[1].providerFaults, 1);
    QCOMPARE(report.overall[1].uptimeShare, 2.0 / 3.0);
    QCOMPARE(report.overall[2], (UptimeRow { {}, "pc", 2, 0, 1.0 }));

    LedgerFilter pa = range(day(1), day(2));
    pa.providers = { "pa" };
    const UptimeReport hourly = queries.uptime(pa, LedgerBucket::Hour);
    QCOMPARE(hourly.buckets, (QList<UptimeRow> { { day(1).addSecs(4 * 3600), "pa", 1, 1, 0.0 } }));
}

void TestLedgerQueries::latencyPercentiles_withinTheTrueValuesBucket()
{
    LedgerQueries queries(m_path);
    const QList<LatencyRow> rows = queries.latencyPercentiles({});
    QCOMPARE(rows.size(), 3);
    // The estimate lies in the bucket that holds the true value: (lower, upper].
    auto sameBucket = [](double estimate, qint64 truth) {
        const int bucket = LatencyHistogram::bucketFor(truth);
        return estimate > LatencyHistogram::lowerBound(bucket)
            && estimate <= LatencyHistogram::upperBound(bucket) + 1e-9;
    };
    // m-a: answered 100, 200, 3000 (the cached 5 ms answer is left out).
    QCOMPARE(rows[0].model, QStringLiteral("m-a"));
    QCOMPARE(rows[0].latency.samples, 3);
    QVERIFY2(sameBucket(rows[0].latency.p50, 200), qPrintable(QString::number(rows[0].latency.p50)));
    QVERIFY(!sameBucket(rows[0].latency.p50, 100)); // and the check can tell buckets apart
    QVERIFY(sameBucket(rows[0].latency.p90, 3000));
    QVERIFY(sameBucket(rows[0].latency.p99, 3000));
    QCOMPARE(rows[0].ttft.samples, 3);
    QVERIFY(sameBucket(rows[0].ttft.p50, 40));
    // m-b: only r6 (r3 failed).
    QCOMPARE(rows[1].latency.samples, 1);
    QVERIFY(sameBucket(rows[1].latency.p95, 800));
    // m-c: 50 and 1500; r8 had no first token.
    QCOMPARE(rows[2].latency.samples, 2);
    QVERIFY(sameBucket(rows[2].latency.p50, 50));
    QVERIFY(sameBucket(rows[2].latency.p99, 1500));
    QCOMPARE(rows[2].ttft.samples, 1);
    QVERIFY(sameBucket(rows[2].ttft.p50, 300));

    LedgerFilter fast;
    fast.tiers = { "fast" };
    fast.until = day(2);
    const QList<LatencyRow> filtered = queries.latencyPercentiles(fast);
    QCOMPARE(filtered.size(), 1);
    QCOMPARE(filtered[0].latency.samples, 2);
    QVERIFY(sameBucket(filtered[0].latency.p99, 200));
}

void TestLedgerQueries::savings_data()
{
    QTest::addColumn<LedgerFilter>("filter");
    QTest::addColumn<ModelPrice>("reference");
    QTest::addColumn<double>("actual");
    QTest::addColumn<double>("referenceCost"); // -1 = unpriced reference
    QTest::addColumn<qint64>("priced");
    QTest::addColumn<qint64>("unpriced");
    // Priced requests: prompt 4900 (500 cached), completion 1400.
    QTest::newRow("reference with a cached price") << LedgerFilter {} << ModelPrice { 10, 30, 1, true } << 0.081
                                                   << (4400 * 10 + 500 * 1 + 1400 * 30) / 1e6 << qint64(6) << qint64(2);
    QTest::newRow("reference without a cached price bills cached tokens as input")
        << LedgerFilter {} << ModelPrice { 10, 30, 0, true } << 0.081 << (4900 * 10 + 1400 * 30) / 1e6 << qint64(6)
        << qint64(2);
    QTest::newRow("unknown reference price gives no figure")
        << LedgerFilter {} << ModelPrice {} << 0.081 << -1.0 << qint64(6) << qint64(2);
    LedgerFilter smart;
    smart.tiers = { "smart" };
    QTest::newRow("smart tier: r3 and r6 priced")
        << smart << ModelPrice { 1, 2, 0, true } << 0.050 << (800 * 1 + 500 * 2) / 1e6 << qint64(2) << qint64(2);
    // Routed traffic: r2, r3, r5, r6 (r1 and r7 are workbench runs): prompt 3800 (500 cached),
    // completion 1100.
    LedgerFilter routed;
    routed.routedOnly = true;
    QTest::newRow("routed only: workbench comparisons left out")
        << routed << ModelPrice { 10, 30, 1, true } << 0.070 << (3300 * 10 + 500 * 1 + 1100 * 30) / 1e6 << qint64(4)
        << qint64(2);
    LedgerFilter gateway;
    gateway.sources = { "gateway" };
    QTest::newRow("gateway source: r5") << gateway << ModelPrice { 1, 2, 0, true } << 0.0 << (1000 * 1 + 200 * 2) / 1e6
                                        << qint64(1) << qint64(0);
    LedgerFilter key;
    key.clientKeys = { "k1" };
    QTest::newRow("client key k1 (from the raw rows): r6")
        << key << ModelPrice { 1, 2, 0, true } << 0.050 << (500 * 1 + 500 * 2) / 1e6 << qint64(1) << qint64(0);

    // A reference with a long-context tier bills each request at the tier its own prompt reaches.
    // Above 1,500 prompt tokens 20 / 45 / 2: only r2 (p2000, 500 cached, c400) crosses it.
    // The others: prompt 2900, completion 1000 at 10 / 30; r2: 1500*20 + 500*2 + 400*45.
    QTest::newRow("tiered reference: only the request over the threshold at the tier")
        << LedgerFilter {} << tiered(ModelPrice { 10, 30, 1, true }, 1500, 20, 45, 2) << 0.081
        << (2900 * 10 + 1000 * 30 + 1500 * 20 + 500 * 2 + 400 * 45) / 1e6 << qint64(6) << qint64(2);
    // r3 (p300) and r6 (p500, c500) are each under a 600-token tier, their sum is not: base rates.
    QTest::newRow("tiered reference: prompts under the tier whose sum crosses it stay at the base rate")
        << smart << tiered(ModelPrice { 1, 2, 0, true }, 600, 2, 4, 0) << 0.050 << (800 * 1 + 500 * 2) / 1e6
        << qint64(2) << qint64(2);
}

void TestLedgerQueries::savingsByClass_routedTierByModel()
{
    LedgerQueries queries(m_path);
    LedgerFilter routed;
    routed.routedOnly = true;
    const QList<SavingsClassRow> rows = queries.savingsByClass(routed, ModelPrice { 10, 30, 1, true });
    QCOMPARE(rows.size(), 2);
    // Dearest first: smart/m-b (r3 + r6), then fast/m-a (r2 + r5); r4 and r8 are unpriced.
    const auto same = [](const SavingsClassRow& row, const SavingsClassRow& expected) {
        return row.tier == expected.tier && row.model == expected.model && row.requests == expected.requests
            && row.promptTokens == expected.promptTokens && row.completionTokens == expected.completionTokens
            && qAbs(row.costUsd - expected.costUsd) < 1e-12
            && qAbs(row.referenceCostUsd.value_or(-1) - *expected.referenceCostUsd) < 1e-12;
    };
    QVERIFY(same(rows[0], { "smart", "m-b", 2, 800, 500, 0.050, (800 * 10 + 500 * 30) / 1e6 }));
    QVERIFY(same(rows[1], { "fast", "m-a", 2, 3000, 600, 0.020, (2500 * 10 + 500 * 1 + 600 * 30) / 1e6 }));
    QVERIFY(qAbs(*rows[0].savingsShare() - (0.023 - 0.050) / 0.023) < 1e-12);
    QVERIFY(qAbs(*rows[1].savingsShare() - (0.0435 - 0.020) / 0.0435) < 1e-12);
    QVERIFY(!queries.savingsByClass(routed, ModelPrice {}).constFirst().savingsShare());

    // The same classes against a reference dearer above 1,500 prompt tokens (20 / 45 / 2): in
    // fast/m-a only r2 crosses it (1500*20 + 500*2 + 400*45), r5 stays at the base rates.
    const QList<SavingsClassRow> tieredRows
        = queries.savingsByClass(routed, tiered(ModelPrice { 10, 30, 1, true }, 1500, 20, 45, 2));
    QCOMPARE(tieredRows.size(), 2);
    QVERIFY(same(tieredRows[0], { "smart", "m-b", 2, 800, 500, 0.050, (800 * 10 + 500 * 30) / 1e6 }));
    QVERIFY(
        same(tieredRows[1],
             { "fast", "m-a", 2, 3000, 600, 0.020, (1500 * 20 + 500 * 2 + 400 * 45 + 1000 * 10 + 200 * 30) / 1e6 }));
}

void TestLedgerQueries::savings()
{
    QFETCH(LedgerFilter, filter);
    QFETCH(ModelPrice, reference);
    QFETCH(double, actual);
    QFETCH(double, referenceCost);
    QFETCH(qint64, priced);
    QFETCH(qint64, unpriced);
    LedgerQueries queries(m_path);
    const SavingsResult result = queries.savings(filter, reference);
    QCOMPARE(result.actualCostUsd, actual);
    QCOMPARE(result.pricedRequests, priced);
    QCOMPARE(result.unpricedRequests, unpriced);
    if (referenceCost < 0) {
        QVERIFY(!result.referenceCostUsd.has_value());
        QVERIFY(!result.savingsUsd.has_value());
    } else {
        QVERIFY(result.referenceCostUsd.has_value());
        QCOMPARE(*result.referenceCostUsd, referenceCost);
        QCOMPARE(*result.savingsUsd, referenceCost - actual);
    }
}

void TestLedgerQueries::spendInPeriod_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("until");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<double>("expected");
    QTest::newRow("everything") << QDateTime() << QDateTime() << QString() << 0.081;
    QTest::newRow("starts mid-hour: r1 at :10 out, r2 at :20 in")
        << T0.addSecs(3600 + 15 * 60) << day(2) << QString() << 0.070;
    QTest::newRow("within one hour: raw rows only")
        << T0.addSecs(3600 + 15 * 60) << T0.addSecs(3600 + 25 * 60) << QString() << 0.020;
    QTest::newRow("provider pa before r2") << T0 << T0.addSecs(3600 + 15 * 60) << "pa" << 0.010;
    QTest::newRow("provider pb over a month") << utc(2026, 3, 1) << utc(2026, 4, 1) << "pb" << 0.050;
    QTest::newRow("provider pc is unpriced: nothing spent") << QDateTime() << QDateTime() << "pc" << 0.0;
    QTest::newRow("until excludes its own instant") << T0 << T0.addSecs(3600 + 20 * 60) << QString() << 0.010;
}

void TestLedgerQueries::spendInPeriod()
{
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, until);
    QFETCH(QString, provider);
    QFETCH(double, expected);
    LedgerQueries queries(m_path);
    QCOMPARE(queries.spendInPeriod(from, until, provider), expected);
    QVERIFY2(queries.errorString().isEmpty(), qPrintable(queries.errorString()));
}

void TestLedgerQueries::recentRequests_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QList<int>>("expected"); // indexes into the data set, r1 = 0
    QTest::newRow("newest first") << 3 << 0 << QString() << QList<int> { 7, 6, 5 };
    QTest::newRow("second page") << 2 << 2 << QString() << QList<int> { 5, 4 };
    QTest::newRow("search in prompts") << 10 << 0 << "NEEDLE" << QList<int> { 2 };
    QTest::newRow("search final model") << 10 << 0 << "m-c" << QList<int> { 7, 3 };
    QTest::newRow("percent sign is literal") << 10 << 0 << "100%" << QList<int> { 0 };
    QTest::newRow("lone percent sign is literal") << 10 << 0 << "%" << QList<int> { 0 };
    QTest::newRow("search compare group") << 10 << 0 << "cmp-1" << QList<int> { 1, 0 };
    QTest::newRow("no match") << 10 << 0 << "zzz" << QList<int> {};
}

void TestLedgerQueries::recentRequests()
{
    QFETCH(int, limit);
    QFETCH(int, offset);
    QFETCH(QString, search);
    QFETCH(QList<int>, expected);
    LedgerQueries queries(m_path);
    QStringList ids;
    for (const RequestRecord& record : queries.recentRequests(limit, offset, search)) {
        ids << record.id;
    }
    QStringList expectedIds;
    for (int index : expected) {
        expectedIds << m_records[index].id;
    }
    QCOMPARE(ids, expectedIds);
}

void TestLedgerQueries::requestsInCompareGroup_withAttempts()
{
    LedgerQueries queries(m_path);
    const QList<RequestRecord> group = queries.requestsInCompareGroup(QStringLiteral("cmp-1"));
    QCOMPARE(group, (QList<RequestRecord> { m_records[0], m_records[1] }));
    QVERIFY(queries.requestsInCompareGroup(QStringLiteral("none")).isEmpty());
    QCOMPARE(queries.recentRequests(1, 4).value(0), m_records[3]); // r4 with both attempts and its failover
}

void TestLedgerQueries::keys_listWhatTheFilterLeaves()
{
    LedgerQueries queries(m_path);
    QCOMPARE(queries.keys({}),
             (LedgerKeys { { "m-a", "m-b", "m-c" }, { "pa", "pb", "pc" }, { "fast", "smart" }, { "k1" } }));
    QCOMPARE(queries.keys(range(day(1), day(2))),
             (LedgerKeys { { "m-a", "m-b" }, { "pa", "pb" }, { "fast", "smart" }, { "k1" } }));
    LedgerFilter smart;
    smart.tiers = { "smart" };
    QCOMPARE(queries.keys(smart), (LedgerKeys { { "m-b", "m-c" }, { "pb", "pc" }, { "smart" }, { "k1" } }));
    LedgerFilter fast;
    fast.tiers = { "fast" };
    QCOMPARE(queries.keys(fast).clientKeys, QStringList());
    QCOMPARE(queries.keys(range(day(20), day(21))), LedgerKeys {});
}

void TestLedgerQueries::requests_data()
{
    QTest::addColumn<LedgerFilter>("filter");
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("failedOverOnly");
    QTest::addColumn<QString>("failureClass");
    QTest::addColumn<int>("requestIndex"); // -1: any request
    QTest::addColumn<QList<int>>("expected"); // indexes into the data set, r1 = 0, newest first
    auto with = [](LedgerFilter filter, QStringList LedgerFilter::*list, const QStringList& values) {
        filter.*list = values;
        return filter;
    };
    const LedgerFilter all;
    const LedgerFilter firstDay = range(day(0), day(1));
    const LedgerFilter r4FailoverMinute = range(T0.addSecs(2 * 3600 + 30 * 60 + 1), T0.addSecs(2 * 3600 + 31 * 60));
    QTest::newRow("a day bucket, newest first")
        << firstDay << 10 << false << QString() << -1 << QList<int> { 3, 2, 1, 0 };
    QTest::newRow("limit keeps the newest") << firstDay << 2 << false << QString() << -1 << QList<int> { 3, 2 };
    QTest::newRow("an old bucket behind newer requests")
        << range(day(1), day(2)) << 10 << false << QString() << -1 << QList<int> { 5, 4 };
    QTest::newRow("tier") << with(range(day(0), day(2)), &LedgerFilter::tiers, { "smart" }) << 10 << false << QString()
                          << -1 << QList<int> { 5, 3, 2 };
    QTest::newRow("provider") << with(all, &LedgerFilter::providers, { "pa" }) << 10 << false << QString() << -1
                              << QList<int> { 6, 4, 1, 0 };
    QTest::newRow("final model") << with(all, &LedgerFilter::models, { "m-c" }) << 10 << false << QString() << -1
                                 << QList<int> { 7, 3 };
    QTest::newRow("source") << with(all, &LedgerFilter::sources, { "cli", "gateway" }) << 10 << false << QString() << -1
                            << QList<int> { 5, 4 };
    QTest::newRow("empty bucket") << range(day(20), day(21)) << 10 << false << QString() << -1 << QList<int> {};
    QTest::newRow("failed over only") << all << 10 << true << QString() << -1 << QList<int> { 5, 3 };
    QTest::newRow("failed over with a class") << all << 10 << true << "server_error" << -1 << QList<int> { 5 };
    QTest::newRow("failover time, not start time, picks the bucket")
        << r4FailoverMinute << 10 << true << QString() << -1 << QList<int> { 3 };
    QTest::newRow("start time for all requests") << r4FailoverMinute << 10 << false << QString() << -1 << QList<int> {};
    QTest::newRow("failover model matches the model failed over from")
        << with(all, &LedgerFilter::models, { "m-a" }) << 10 << true << QString() << -1 << QList<int> { 5 };
    QTest::newRow("failover model matches the model failed over to")
        << with(all, &LedgerFilter::models, { "m-c" }) << 10 << true << QString() << -1 << QList<int> { 3 };
    QTest::newRow("failover and tier") << with(all, &LedgerFilter::tiers, { "fast" }) << 10 << true << QString() << -1
                                       << QList<int> {};
    QTest::newRow("one request by id") << all << 10 << false << QString() << 5 << QList<int> { 5 };
    QTest::newRow("a request id outside the range") << firstDay << 10 << false << QString() << 5 << QList<int> {};
}

void TestLedgerQueries::requests()
{
    QFETCH(LedgerFilter, filter);
    QFETCH(int, limit);
    QFETCH(bool, failedOverOnly);
    QFETCH(QString, failureClass);
    QFETCH(int, requestIndex);
    QFETCH(QList<int>, expected);
    RequestMatch match;
    match.failedOverOnly = failedOverOnly;
    match.failureClass = failureClass;
    if (requestIndex >= 0) {
        match.requestId = m_records[requestIndex].id;
    }
    LedgerQueries queries(m_path);
    QStringList ids;
    for (const RequestRecord& record : queries.requests(filter, limit, match)) {
        ids << record.id;
    }
    QCOMPARE(queries.errorString(), QString());
    QStringList expectedIds;
    for (int index : expected) {
        expectedIds << m_records[index].id;
    }
    QCOMPARE(ids, expectedIds);
}

void TestLedgerQueries::requests_returnWholeRecords()
{
    LedgerQueries queries(m_path);
    RequestMatch failedOver;
    failedOver.failedOverOnly = true;
    QCOMPARE(queries.requests(range(day(0), day(1)), 5, failedOver), QList<RequestRecord> { m_records[3] });
}

// Evaluation cells, like workbench columns, pick their model by hand: not routed traffic, not
// the volume a routing projection scales to; route and gateway calls are.
void TestLedgerQueries::routedOnly_leavesOutWorkbenchAndEvaluations()
{
    if (Backends::current() != QLatin1String("sqlite")) {
        QSKIP("the sources' SQL is the dialects' common part: checked once");
    }
    const QString path = m_dir.filePath(QStringLiteral("sources.sqlite"));
    QList<RequestRecord> records;
    for (const RequestSource source : { RequestSource::Workbench, RequestSource::Evaluation, RequestSource::Route,
                                        RequestSource::Gateway, RequestSource::Evaluation }) {
        RequestRecord r = request(T0.addSecs(60 * records.size()), QStringLiteral("m-a"), QStringLiteral("pa"), 0.01);
        r.source = source;
        r.tier = QStringLiteral("smart");
        records.append(r);
    }
    {
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
        QVERIFY(recordAll(ledger, records));
    }
    LedgerQueries queries(path);
    LedgerFilter routed;
    routed.routedOnly = true;
    QCOMPARE(queries.savings(routed, ModelPrice { 1, 2, 0, true }).pricedRequests, qint64(2));
    QCOMPARE(queries.savings(LedgerFilter {}, ModelPrice { 1, 2, 0, true }).pricedRequests, qint64(5));
    LedgerFilter evaluations;
    evaluations.sources = { RequestSources::id(RequestSource::Evaluation) };
    QCOMPARE(queries.totals(evaluations).requests, qint64(2));
    int traffic = 0;
    QVERIFY(queries.scanUsage(T0.addDays(-1), RequestSources::comparisons(),
                              [&traffic](const HistoryQueries::PricedUsage&) { ++traffic; }));
    QCOMPARE(traffic, 2);
}

QTEST_GUILESS_MAIN(TestLedgerQueries)
#include "tst_LedgerQueries.moc"
