#include "LedgerTestUtil.h"

#include "core/ledger/FailoverRateRule.h"
#include "core/ledger/LedgerQueries.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace LedgerTestUtil;

// "Reconsider your primary" on real ledgers, a SQLite file and a PostgreSQL database (when the
// server can be started): the requests each tier sent to its primary first, those that failed
// over, and which fallback held up best.
namespace {
const QDateTime T0 = utc(2026, 5, 4, 9); // a Monday, 09:00 UTC

using Chains = QList<PrimaryReview::Chain>;

PrimaryReview::Chain chain(const QString& tier, const QStringList& models)
{
    PrimaryReview::Chain chain { tier, {} };
    for (const QString& model : models) {
        // The provider is the model's prefix: "a-1" is served by "a".
        chain.steps << PrimaryReview::Step { model, model.section(u'-', 0, 0) };
    }
    return chain;
}

// `count` requests of `tier` that tried `primary` first, one minute apart from `start`; the first
// `failedOver` of them failed over to `fallback` on a server error (a provider fault).
QList<RequestRecord> traffic(const QString& tier, const QString& primary, int count, int failedOver = 0,
                             const QString& fallback = QString(), const QDateTime& start = T0)
{
    const QString provider = primary.section(u'-', 0, 0);
    QList<RequestRecord> records;
    for (int i = 0; i < count; ++i) {
        const QDateTime at = start.addSecs(60 * i);
        RequestRecord r = request(at, primary, provider);
        r.source = RequestSource::Gateway;
        r.tier = tier;
        if (i < failedOver) {
            const QString to = fallback.section(u'-', 0, 0);
            r.finalModel = fallback;
            r.finalProvider = to;
            r.attempts
                = { attempt(primary, provider, at, "failed", "server_error"), attempt(fallback, to, at.addSecs(1)) };
            r.failovers = { FailoverRecord { at.addSecs(1), primary, fallback, "server_error", "overloaded" } };
        }
        records << r;
    }
    return records;
}

// Answers `count` requests on `model` directly (another tier), `faults` of them failing on a server error.
QList<RequestRecord> direct(const QString& model, int count, int faults)
{
    QList<RequestRecord> records = traffic(QStringLiteral("other"), model, count, 0, QString(), T0.addSecs(1800));
    for (int i = 0; i < faults; ++i) {
        records[i].status = RequestStatus::Failed;
        records[i].attempts
            = { attempt(model, model.section(u'-', 0, 0), records[i].startedAt, "failed", "server_error") };
    }
    return records;
}

QString percent(const std::optional<double>& share)
{
    return share ? QString::number(*share * 100, 'f', 1) : QStringLiteral("-");
}

// "fast a-1 11/100 reconsider, uptime 89.0, promote b-1 (100.0)", as a reader checks it.
QString describe(const PrimaryReview::Row& row)
{
    QString text = QStringLiteral("%1 %2 %3/%4").arg(row.tier, row.primary.model).arg(row.failedOver).arg(row.requests);
    if (row.reconsider) {
        text += QStringLiteral(" reconsider");
    }
    text += QStringLiteral(", uptime ") + percent(row.primary.providerUptime());
    if (const PrimaryReview::Health* best = row.bestFallback()) {
        text += QStringLiteral(", promote %1 (%2)").arg(best->model, percent(best->reliability()));
    }
    return text;
}

QStringList describe(const QList<PrimaryReview::Row>& rows)
{
    QStringList lines;
    for (const PrimaryReview::Row& row : rows) {
        lines << describe(row);
    }
    return lines;
}

LedgerFilter day()
{
    LedgerFilter filter;
    filter.from = T0.addSecs(-9 * 3600);
    filter.until = filter.from.addDays(1);
    return filter;
}
} // namespace

Q_DECLARE_METATYPE(PrimaryReview::Chain)

class TestPrimaryReview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { Backends::addRows(); }
    void rule_data();
    void rule();
    void review_data();
    void review();
    void filterTiersAndModels_pickRows();
    void largeLedger_countsEveryRequest();

private:
    QString ledgerWith(const QList<RequestRecord>& records);
    QTemporaryDir m_dir;
    Backends m_backends;
    int m_files = 0;
};

QString TestPrimaryReview::ledgerWith(const QList<RequestRecord>& records)
{
    const QString path = m_backends.newLocation(m_dir, QStringLiteral("ledger-%1").arg(++m_files));
    Ledger ledger;
    if (path.isEmpty() || !ledger.open(path)) {
        return {};
    }
    // Waits until every record is committed: 30,000 take a while on PostgreSQL.
    QSignalSpy recorded(&ledger, &Ledger::recorded);
    for (const RequestRecord& record : records) {
        ledger.record(record);
    }
    ledger.flush();
    auto committed = [&] {
        qint64 total = 0;
        for (const QList<QVariant>& arguments : std::as_const(recorded)) {
            total += arguments.at(0).toInt();
        }
        return total;
    };
    QElapsedTimer waited;
    waited.start();
    while (committed() < records.size() && waited.elapsed() < 120000) {
        recorded.wait(1000);
    }
    return committed() == records.size() ? path : QString();
}

void TestPrimaryReview::rule_data()
{
    QTest::addColumn<double>("percent");
    QTest::addColumn<int>("minRequests");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("failedOver");
    QTest::addColumn<bool>("exceeded");

    QTest::newRow("11 of 100 is above 10 %") << 10.0 << 10 << 100 << 11 << true;
    QTest::newRow("10 of 100 is exactly 10 %, not above") << 10.0 << 10 << 100 << 10 << false;
    QTest::newRow("1 of 10 is exactly 10 %, not above") << 10.0 << 10 << 10 << 1 << false;
    QTest::newRow("2 of 10 is above, with just enough requests") << 10.0 << 10 << 10 << 2 << true;
    QTest::newRow("5 of 9 is too few requests to judge") << 10.0 << 10 << 9 << 5 << false;
    QTest::newRow("no requests is never above") << 10.0 << 0 << 0 << 0 << false;
    QTest::newRow("a 2.5 % threshold: 3 of 100 is above") << 2.5 << 10 << 100 << 3 << true;
    QTest::newRow("a 2.5 % threshold: 1 of 40 is at it") << 2.5 << 10 << 40 << 1 << false;
}

void TestPrimaryReview::rule()
{
    QFETCH(double, percent);
    QFETCH(int, minRequests);
    QFETCH(int, requests);
    QFETCH(int, failedOver);
    QFETCH(bool, exceeded);
    QCOMPARE((FailoverRateRule { percent, minRequests }.exceeded(requests, failedOver)), exceeded);
}

void TestPrimaryReview::review_data()
{
    QTest::addColumn<QList<RequestRecord>>("records");
    QTest::addColumn<Chains>("chains");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("11 of 100 failed over: reconsider, promote the fallback")
        << traffic("fast", "a-1", 100, 11, "b-1") << Chains { chain("fast", { "a-1", "b-1" }) }
        << QStringList { "fast a-1 11/100 reconsider, uptime 89.0, promote b-1 (100.0)" };
    QTest::newRow("10 of 100 failed over: exactly at 10 %, not marked")
        << traffic("fast", "a-1", 100, 10, "b-1") << Chains { chain("fast", { "a-1", "b-1" }) }
        << QStringList { "fast a-1 10/100, uptime 90.0, promote b-1 (100.0)" };
    QTest::newRow("no traffic: nothing counted, nothing known")
        << QList<RequestRecord> {} << Chains { chain("fast", { "a-1", "b-1" }) }
        << QStringList { "fast a-1 0/0, uptime -" };
    QTest::newRow("a primary with no fallback: marked, nothing to promote")
        << traffic("solo", "a-1", 20, 5, "b-1") << Chains { chain("solo", { "a-1" }) }
        << QStringList { "solo a-1 5/20 reconsider, uptime 75.0" };
    QTest::newRow("two tiers sharing a primary are counted apart")
        << traffic("fast", "a-1", 50, 10, "b-1") + traffic("smart", "a-1", 40, 2, "c-1", T0.addSecs(3600))
        << Chains { chain("fast", { "a-1", "b-1" }), chain("smart", { "a-1", "c-1" }) }
        << QStringList { "fast a-1 10/50 reconsider, uptime 86.7, promote b-1 (100.0)",
                         "smart a-1 2/40, uptime 86.7, promote c-1 (100.0)" };
    QTest::newRow("3 of 9 failed over: too few requests to judge")
        << traffic("fast", "a-1", 9, 3, "b-1") << Chains { chain("fast", { "a-1", "b-1" }) }
        << QStringList { "fast a-1 3/9, uptime 66.7, promote b-1 (100.0)" };
    QTest::newRow("the most reliable fallback wins over chain order")
        << traffic("fast", "a-1", 30, 6, "c-1") + direct("b-1", 10, 4) + direct("c-1", 10, 0)
        << Chains { chain("fast", { "a-1", "b-1", "c-1" }) }
        << QStringList { "fast a-1 6/30 reconsider, uptime 80.0, promote c-1 (100.0)" };
    QTest::newRow("equally reliable fallbacks: the earlier in the chain")
        << traffic("fast", "a-1", 30, 6, "c-1") + direct("b-1", 10, 0)
        << Chains { chain("fast", { "a-1", "b-1", "c-1" }) }
        << QStringList { "fast a-1 6/30 reconsider, uptime 80.0, promote b-1 (100.0)" };
    QTest::newRow("a fallback without attempts is judged by its provider's uptime")
        << traffic("fast", "a-1", 30, 6, "c-1") + direct("b-2", 10, 5)
        << Chains { chain("fast", { "a-1", "b-1", "c-1" }) }
        << QStringList { "fast a-1 6/30 reconsider, uptime 80.0, promote c-1 (100.0)" };
    QList<RequestRecord> cached = traffic("fast", "a-1", 20, 4, "b-1");
    for (int i = 0; i < 5; ++i) {
        RequestRecord r = request(T0.addSecs(7200 + i), "a-1", "a");
        r.tier = QStringLiteral("fast");
        r.status = RequestStatus::Cached;
        r.cachedAnswer = true;
        r.attempts = {};
        cached << r;
    }
    QTest::newRow("answers from the cache tried no primary")
        << cached << Chains { chain("fast", { "a-1", "b-1" }) }
        << QStringList { "fast a-1 4/20 reconsider, uptime 80.0, promote b-1 (100.0)" };
    // Issue 20: a request stopped by its client (or cut off by its process dying) before it failed
    // over says nothing about the primary; one that failed over first still counts as failed over.
    QList<RequestRecord> stopped = traffic("fast", "a-1", 20, 2, "b-1");
    for (int i = 10; i < 20; ++i) {
        stopped[i].status = i < 16 ? RequestStatus::Cancelled : RequestStatus::Interrupted;
        stopped[i].attempts = { attempt("a-1", "a", stopped[i].startedAt, "cancelled", "cancelled") };
    }
    stopped[0].status = RequestStatus::Cancelled; // failed over, then stopped on the fallback
    QTest::newRow("stopped before an outcome: not counted as staying, failed over first: counted")
        << stopped << Chains { chain("fast", { "a-1", "b-1" }) }
        << QStringList { "fast a-1 2/10 reconsider, uptime 80.0, promote b-1 (100.0)" };
    QTest::newRow("requests outside the period are not counted")
        << traffic("fast", "a-1", 20, 4, "b-1") + traffic("fast", "a-1", 20, 20, "b-1", T0.addDays(2))
        << Chains { chain("fast", { "a-1", "b-1" }) }
        << QStringList { "fast a-1 4/20 reconsider, uptime 80.0, promote b-1 (100.0)" };
    QTest::newRow("a chain listing the primary again offers it no fallback")
        << traffic("fast", "a-1", 20, 4, "b-1") << Chains { chain("fast", { "a-1", "a-1" }), chain("empty", {}) }
        << QStringList { "fast a-1 4/20 reconsider, uptime 80.0" };
}

void TestPrimaryReview::review()
{
    QFETCH(QList<RequestRecord>, records);
    QFETCH(Chains, chains);
    QFETCH(QStringList, expected);
    if (Backends::isPostgres() && !m_backends.server().start()) {
        QSKIP(qPrintable(m_backends.skipReason()));
    }
    const QString path = ledgerWith(records);
    QVERIFY(!path.isEmpty());
    LedgerQueries queries(path);
    const QList<PrimaryReview::Row> rows = queries.primaryReview(day(), chains, FailoverRateRule {});
    QVERIFY2(queries.errorString().isEmpty(), qPrintable(queries.errorString()));
    QCOMPARE(describe(rows), expected);
}

void TestPrimaryReview::filterTiersAndModels_pickRows()
{
    if (Backends::isPostgres() && !m_backends.server().start()) {
        QSKIP(qPrintable(m_backends.skipReason()));
    }
    const QString path = ledgerWith(traffic("fast", "a-1", 50, 10, "b-1") + traffic("smart", "b-1", 40, 8, "a-1"));
    QVERIFY(!path.isEmpty());
    LedgerQueries queries(path);
    const Chains chains { chain("fast", { "a-1", "b-1" }), chain("smart", { "b-1", "a-1" }) };
    LedgerFilter filter = day();
    filter.tiers = { "smart" };
    QCOMPARE(describe(queries.primaryReview(filter, chains, {})),
             QStringList { "smart b-1 8/40 reconsider, uptime 84.0, promote a-1 (82.8)" });
    filter.tiers.clear();
    filter.models = { "a-1" };
    QCOMPARE(describe(queries.primaryReview(filter, chains, {})),
             QStringList { "fast a-1 10/50 reconsider, uptime 82.8, promote b-1 (84.0)" });
    filter.models.clear();
    filter.sources = { RequestSources::id(RequestSource::Workbench) };
    QCOMPARE(describe(queries.primaryReview(filter, chains, {})),
             (QStringList { "fast a-1 0/0, uptime -", "smart b-1 0/0, uptime -" }));
}

void TestPrimaryReview::largeLedger_countsEveryRequest()
{
    // 40 days of traffic, 30,000 requests, every seventh failing over: every one is counted.
    QList<RequestRecord> records;
    const QDateTime start = utc(2026, 3, 1);
    int failedOver = 0;
    for (int i = 0; i < 30000; ++i) {
        const QDateTime at = start.addSecs(qint64(i) * 115);
        const bool fails = i % 7 == 0;
        failedOver += fails ? 1 : 0;
        RequestRecord r = traffic("fast", "a-1", 1, fails ? 1 : 0, "b-1", at).first();
        records << r;
    }
    if (Backends::isPostgres() && !m_backends.server().start()) {
        QSKIP(qPrintable(m_backends.skipReason()));
    }
    const QString path = ledgerWith(records);
    QVERIFY(!path.isEmpty());
    LedgerQueries queries(path);
    LedgerFilter all;
    all.from = start;
    all.until = start.addDays(40);
    QElapsedTimer timer;
    timer.start();
    const QList<PrimaryReview::Row> rows = queries.primaryReview(all, { chain("fast", { "a-1", "b-1" }) }, {});
    qInfo("primary review over 30,000 requests: %lld ms", timer.elapsed());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].requests, qint64(30000));
    QCOMPARE(rows[0].failedOver, qint64(failedOver));
    QVERIFY(rows[0].reconsider);
    QCOMPARE(rows[0].primary.modelAttempts.attempts, qint64(30000));
    QCOMPARE(rows[0].primary.modelAttempts.faults, qint64(failedOver));
    QCOMPARE(rows[0].fallbacks[0].modelAttempts.attempts, qint64(failedOver));
}

QTEST_GUILESS_MAIN(TestPrimaryReview)
#include "tst_PrimaryReview.moc"
