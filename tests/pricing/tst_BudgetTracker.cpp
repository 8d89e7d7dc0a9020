#include "core/common/Clock.h"
#include "core/pricing/BudgetTracker.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

namespace {
// gpt-4o: 1000 prompt + 20000 max tokens = 0.0025 + 0.2 = 0.2025 USD worst case.
const ModelPrice Gpt4o { 2.5, 10, 1.25, true };
constexpr double Gpt4oWorstCase = 0.2025;
const ModelPrice Free { 0, 0, 0, true };
const ModelPrice Unpriced {};

// Local time two hours ahead of UTC, so local and UTC days differ between 22:00 and 24:00 UTC.
const QTimeZone Plus2(2 * 3600);

QDateTime utc(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

const ScopeUsage* find(const QList<ScopeUsage>& scopes, const QString& id)
{
    for (const ScopeUsage& scope : scopes) {
        if (scope.scope.id() == id) {
            return &scope;
        }
    }
    return nullptr;
}
} // namespace

Q_DECLARE_METATYPE(BudgetRequest)

class TestBudgetTracker : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void concurrentReservations_refuseTheOneThatWouldOvershoot();
    void commit_replacesReservationWithActualCost();
    void release_dropsReservation();
    void threshold_signalledOnceAt80Percent();
    void limitReached_signalledOncePerPeriod();
    void day_rollsOverAtLocalMidnight();
    void month_rollsOverAtLocalMonthStart();
    void freeModel_isExempt();
    void unpricedModel_refusedUnderALimitUnlessAllowed_data();
    void unpricedModel_refusedUnderALimitUnlessAllowed();
    void wholeRequest_reservedAtItsDearestRates_data();
    void wholeRequest_reservedAtItsDearestRates();
    void providerLimit_independentOfGlobal();
    void globalLimit_coversEveryProvider();
    void action_data();
    void action();
    void spendSource_countedOnceWithCommitsSince();
    void batchHolds_countedByTheChecksShownApartAndAskedAgain();
    void check_doesNotReserve();
    void parallelThreads_neverOvershoot();
    void days_followDaylightSavingTime();

private:
    BudgetSettings settings(double globalDaily, double globalMonthly = 0,
                            BudgetAction action = BudgetAction::Refuse) const;

    MockClock m_clock { utc(2026, 3, 14, 10) };
};

void TestBudgetTracker::init()
{
    m_clock.setNow(utc(2026, 3, 14, 10));
    Clock::setInstance(&m_clock);
}

void TestBudgetTracker::cleanup()
{
    Clock::setInstance(nullptr);
}

BudgetSettings TestBudgetTracker::settings(double globalDaily, double globalMonthly, BudgetAction action) const
{
    BudgetSettings s;
    s.global = { globalDaily, globalMonthly };
    s.action = action;
    s.timeZone = Plus2;
    return s;
}

void TestBudgetTracker::concurrentReservations_refuseTheOneThatWouldOvershoot()
{
    BudgetTracker tracker;
    tracker.setSettings(settings(1.0));
    // Four parallel requests reserve 4 x 0.2025 = 0.81; a fifth would make 1.0125 > 1.
    QList<Reservation> held;
    for (int i = 0; i < 4; ++i) {
        held.append(tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000));
        QVERIFY2(held.constLast().ok, qPrintable(held.constLast().refusalReason));
        QCOMPARE(held.constLast().reservedUsd, Gpt4oWorstCase);
    }
    const Reservation fifth = tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000);
    QVERIFY(!fifth.ok);
    QCOMPARE(fifth.id, quint64(0));
    QVERIFY2(fifth.refusalReason.contains(QStringLiteral("daily budget")), qPrintable(fifth.refusalReason));
    QVERIFY2(fifth.refusalReason.contains(QStringLiteral("$0.81 reserved")), qPrintable(fifth.refusalReason));
    QCOMPARE(tracker.activeReservations(), 4);

    // A smaller request still fits in the remaining 0.19.
    QVERIFY(tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 10000).ok);
}

void TestBudgetTracker::commit_replacesReservationWithActualCost()
{
    BudgetTracker tracker;
    tracker.setSettings(settings(1.0));
    QList<Reservation> held;
    for (int i = 0; i < 4; ++i) {
        held.append(tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000));
    }
    QVERIFY(tracker.commit(held.at(0).id, 0.01));
    const ScopeUsage day = tracker.usage().constFirst();
    QCOMPARE(day.spentUsd, 0.01);
    QCOMPARE(day.reservedUsd, 3 * Gpt4oWorstCase);
    QVERIFY(qAbs(day.usedFraction() - 0.6175) < 1e-12);
    // The freed worst case makes room for another request.
    QVERIFY(tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000).ok);
    QVERIFY(!tracker.commit(held.at(0).id, 0.01)); // once only
    QVERIFY(!tracker.commit(4242, 0.01));
}

void TestBudgetTracker::release_dropsReservation()
{
    BudgetTracker tracker;
    tracker.setSettings(settings(1.0));
    const Reservation r = tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000);
    QVERIFY(tracker.release(r.id));
    QCOMPARE(tracker.activeReservations(), 0);
    QCOMPARE(tracker.usage().constFirst().usedFraction(), 0.0);
    QVERIFY(!tracker.release(r.id));
    QVERIFY(!tracker.commit(r.id, 1.0));
}

void TestBudgetTracker::threshold_signalledOnceAt80Percent()
{
    BudgetTracker tracker;
    tracker.setSettings(settings(10.0));
    QSignalSpy threshold(&tracker, &BudgetTracker::thresholdReached);
    auto spend = [&](double amount) {
        const Reservation r = tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 100, 100);
        QVERIFY(r.ok);
        tracker.commit(r.id, amount);
    };
    spend(3.0);
    spend(3.0);
    spend(1.9); // 79 %
    QCOMPARE(threshold.count(), 0);
    spend(0.6); // 85 %
    QCOMPARE(threshold.count(), 1);
    QCOMPARE(threshold.at(0).at(0).value<BudgetScope>().id(), QStringLiteral("global/day"));
    QVERIFY(qAbs(threshold.at(0).at(1).toDouble() - 0.85) < 1e-9);
    spend(0.5); // 90 %: already told
    QCOMPARE(threshold.count(), 1);

    m_clock.advanceMs(24 * 3600 * 1000); // a new day warns again
    spend(8.5);
    QCOMPARE(threshold.count(), 2);
}

void TestBudgetTracker::limitReached_signalledOncePerPeriod()
{
    BudgetTracker tracker;
    tracker.setSettings(settings(1.0));
    QSignalSpy limit(&tracker, &BudgetTracker::limitReached);
    const Reservation r = tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000);
    tracker.commit(r.id, 1.0);
    QCOMPARE(limit.count(), 1);
    QVERIFY(!tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000).ok);
    QCOMPARE(limit.count(), 1);
}

void TestBudgetTracker::day_rollsOverAtLocalMidnight()
{
    m_clock.setNow(utc(2026, 3, 14, 21, 30)); // 23:30 local
    BudgetTracker tracker;
    tracker.setSettings(settings(1.0, 100.0));
    const Reservation r = tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 100, 100);
    tracker.commit(r.id, 0.95);
    QVERIFY(!tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000).ok);

    m_clock.setNow(utc(2026, 3, 14, 22, 1)); // 00:01 local: same UTC day, new local day
    const QList<ScopeUsage> usage = tracker.usage();
    QCOMPARE(find(usage, QStringLiteral("global/day"))->spentUsd, 0.0);
    QCOMPARE(find(usage, QStringLiteral("global/month"))->spentUsd, 0.95);
    QVERIFY(tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000).ok);
}

void TestBudgetTracker::month_rollsOverAtLocalMonthStart()
{
    m_clock.setNow(utc(2026, 3, 31, 20)); // 22:00 local on the last day of March
    QList<QDateTime> asked;
    BudgetTracker tracker;
    tracker.setSettings(settings(0, 5.0));
    tracker.setSpendSource([&](const QString&, const QDateTime& from, const QDateTime&) {
        asked.append(from);
        return 4.0; // the ledger's March
    });
    const Reservation r = tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 100, 100);
    tracker.commit(r.id, 0.9);
    QCOMPARE(tracker.usage().constFirst().spentUsd, 4.9);
    QCOMPARE(asked.constFirst(), utc(2026, 2, 28, 22)); // March 1st 00:00 local
    QVERIFY(!tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000).ok);

    m_clock.setNow(utc(2026, 3, 31, 22, 30)); // April 1st 00:30 local
    QCOMPARE(tracker.usage().constFirst().spentUsd, 0.0);
    QVERIFY(tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000).ok);
}

void TestBudgetTracker::freeModel_isExempt()
{
    BudgetTracker tracker;
    tracker.setSettings(settings(0.01));
    const Reservation paid = tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000);
    QVERIFY(!paid.ok);
    const Reservation local = tracker.reserve(QStringLiteral("ollama"), QStringLiteral("llama3"), Free, 100000, 100000);
    QVERIFY(local.ok);
    QVERIFY(local.check.exempt);
    QCOMPARE(local.reservedUsd, 0.0);
    QVERIFY(tracker.commit(local.id, 0));
}

void TestBudgetTracker::unpricedModel_refusedUnderALimitUnlessAllowed_data()
{
    QTest::addColumn<double>("dailyLimit");
    QTest::addColumn<bool>("allowUnpriced");
    QTest::addColumn<bool>("sent");

    QTest::newRow("no limit: sent, nothing to bound") << 0.0 << false << true;
    QTest::newRow("a limit: refused, naming the model") << 1.0 << false << false;
    QTest::newRow("a limit, unpriced allowed: sent, reserves nothing") << 1.0 << true << true;
}

void TestBudgetTracker::unpricedModel_refusedUnderALimitUnlessAllowed()
{
    QFETCH(double, dailyLimit);
    QFETCH(bool, allowUnpriced);
    QFETCH(bool, sent);

    BudgetTracker tracker;
    BudgetSettings budget = settings(dailyLimit);
    budget.allowUnpriced = allowUnpriced;
    tracker.setSettings(budget);
    const Reservation r = tracker.reserve(QStringLiteral("x"), QStringLiteral("mystery"), Unpriced, 100000, 100000);
    QCOMPARE(r.ok, sent);
    QVERIFY(r.check.unpriced);
    QVERIFY(!r.check.exempt);
    QCOMPARE(r.reservedUsd, 0.0);
    if (sent) {
        QVERIFY2(r.check.reason.contains(QStringLiteral("Unpriced")), qPrintable(r.check.reason));
    } else {
        QVERIFY2(r.refusalReason.contains(QStringLiteral("mystery has no price")), qPrintable(r.refusalReason));
        QCOMPARE(tracker.activeReservations(), 0);
    }
}

void TestBudgetTracker::wholeRequest_reservedAtItsDearestRates_data()
{
    QTest::addColumn<BudgetRequest>("request");
    QTest::addColumn<double>("worstCase");

    // Claude Sonnet 4.5 with its 200k tier: 3 / 15 below, 6 / 22.5 above; writes 3.75 / 6
    // below and 7.5 / 12 above.
    QTest::newRow("10k prompt + 1000 out: base rates") << BudgetRequest { 10000, 0, 1000, false } << 0.045;
    QTest::newRow("250k prompt + 1000 out: every token at the long-context rates")
        << BudgetRequest { 250000, 0, 1000, false } << 1.5225;
    QTest::newRow("10k prompt asking for a cache write: the 1-hour write rate")
        << BudgetRequest { 10000, 0, 1000, true } << 0.075;
    QTest::newRow("250k prompt asking for a cache write: the 1-hour long-context write rate")
        << BudgetRequest { 250000, 0, 1000, true } << 3.0225;
}

void TestBudgetTracker::wholeRequest_reservedAtItsDearestRates()
{
    QFETCH(BudgetRequest, request);
    QFETCH(double, worstCase);

    ModelPrice sonnet { 3, 15, 0.3, true };
    sonnet.cacheWrite5mPerMTok = 3.75;
    sonnet.cacheWrite1hPerMTok = 6;
    sonnet.longContext = { 200000, 6, 22.5, 0.6, 7.5, 12 };
    BudgetTracker tracker;
    tracker.setSettings(settings(100.0));
    const Reservation r
        = tracker.reserve(QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5"), sonnet, request);
    QVERIFY(r.ok);
    QVERIFY2(qAbs(r.reservedUsd - worstCase) < 1e-12, qPrintable(QString::number(r.reservedUsd, 'g', 17)));
}

void TestBudgetTracker::providerLimit_independentOfGlobal()
{
    BudgetTracker tracker;
    BudgetSettings s = settings(100.0);
    s.perProvider.insert(QStringLiteral("openai"), { 1.0, 0 });
    tracker.setSettings(s);
    const Reservation r = tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 100, 100);
    tracker.commit(r.id, 1.0);

    const Reservation openai = tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000);
    QVERIFY(!openai.ok);
    QVERIFY2(openai.refusalReason.contains(QStringLiteral("daily budget for openai")),
             qPrintable(openai.refusalReason));
    QVERIFY(find(openai.check.scopes, QStringLiteral("openai/day"))->wouldExceed());
    QVERIFY(!find(openai.check.scopes, QStringLiteral("global/day"))->wouldExceed());

    const Reservation other = tracker.reserve(QStringLiteral("azure"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000);
    QVERIFY(other.ok);
    QCOMPARE(other.check.scopes.size(), 1); // azure has no limit of its own
}

void TestBudgetTracker::globalLimit_coversEveryProvider()
{
    BudgetTracker tracker;
    tracker.setSettings(settings(1.0));
    QVERIFY(tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 40000).ok); // 0.4025
    QVERIFY(tracker.reserve(QStringLiteral("azure"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 40000).ok); // 0.805
    QVERIFY(!tracker.reserve(QStringLiteral("other"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 40000).ok); // 1.2075
}

void TestBudgetTracker::action_data()
{
    QTest::addColumn<BudgetAction>("budgetAction");
    QTest::addColumn<bool>("sent");
    QTest::addColumn<bool>("downgrade");
    QTest::addColumn<QString>("reasonEnds");

    QTest::newRow("warn only: sent, overrun reported")
        << BudgetAction::WarnOnly << true << false << "Sent anyway (warn only).";
    QTest::newRow("refuse: not sent") << BudgetAction::Refuse << false << false << "Refused.";
    QTest::newRow("downgrade: not sent, router told to use a cheaper tier")
        << BudgetAction::DowngradeTier << false << true << "A cheaper tier should be used.";
}

void TestBudgetTracker::action()
{
    QFETCH(BudgetAction, budgetAction);
    QFETCH(bool, sent);
    QFETCH(bool, downgrade);
    QFETCH(QString, reasonEnds);

    BudgetTracker tracker;
    tracker.setSettings(settings(0.1, 0, budgetAction));
    const Reservation r = tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000);
    QCOMPARE(r.ok, sent);
    QCOMPARE(r.check.allowed, sent);
    QVERIFY(r.check.overLimit);
    QCOMPARE(r.check.shouldDowngrade(), downgrade);
    QCOMPARE(r.check.action, budgetAction);
    QVERIFY2(r.check.reason.endsWith(reasonEnds), qPrintable(r.check.reason));
    QCOMPARE(tracker.activeReservations(), sent ? 1 : 0);
}

void TestBudgetTracker::spendSource_countedOnceWithCommitsSince()
{
    BudgetTracker tracker;
    tracker.setSettings(settings(1.0));
    QList<QDateTime> untils;
    int calls = 0;
    tracker.setSpendSource([&](const QString& provider, const QDateTime& from, const QDateTime& until) {
        ++calls;
        untils.append(until);
        return provider.isEmpty() && from == utc(2026, 3, 13, 22) ? 0.5 : 0.0;
    });
    const QDateTime baseline = m_clock.currentDateTimeUtc();
    m_clock.advanceMs(60000);
    const Reservation r = tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 100, 100);
    tracker.commit(r.id, 0.3);
    QCOMPARE(tracker.usage().constFirst().spentUsd, 0.8);
    // The ledger is asked only about the time before the tracker took over, and only once.
    QVERIFY(!untils.isEmpty());
    for (const QDateTime& until : std::as_const(untils)) {
        QCOMPARE(until, baseline);
    }
    const int before = calls;
    tracker.usage();
    QCOMPARE(calls, before);
}

// A running batch job's hold is no spend (nothing is billed yet) but every check counts it, and
// it ends when any process records the job's results: asked again once the answer is a minute old.
void TestBudgetTracker::batchHolds_countedByTheChecksShownApartAndAskedAgain()
{
    BudgetTracker tracker;
    tracker.setSettings(settings(1.0));
    tracker.setSpendSource([](const QString&, const QDateTime&, const QDateTime&) { return 0.1; });
    double held = 0.7;
    int asked = 0;
    tracker.setBatchHoldSource([&](const QString& provider, const QDateTime& from) {
        ++asked;
        return from == utc(2026, 3, 13, 22) && (provider.isEmpty() || provider == QLatin1String("openai")) ? held : 0.0;
    });
    m_clock.advanceMs(1000);
    const ScopeUsage day = tracker.usage().constFirst();
    QCOMPARE(day.spentUsd, 0.1);
    QCOMPARE(day.batchHeldUsd, 0.7);
    QVERIFY(qAbs(day.usedFraction() - 0.8) < 1e-12);

    // gpt-4o's worst case of $0.2025 fits in $1.00 less the $0.10 spent, not less the hold as well.
    const BudgetCheck over = tracker.check(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000);
    QVERIFY(!over.allowed);
    QVERIFY2(over.reason.contains(QStringLiteral("$0.10 spent, $0.70 held by running batch jobs, $0.00 reserved")),
             qPrintable(over.reason));
    const int answers = asked;
    m_clock.advanceMs((BudgetTracker::kBatchHoldRefreshSecs - 1) * 1000);
    tracker.usage();
    QCOMPARE(asked, answers); // within the minute: the answer stands

    held = 0; // the job's results were recorded (by another process): its hold is gone
    m_clock.advanceMs(2000);
    QCOMPARE(tracker.usage().constFirst().batchHeldUsd, 0.0);
    QVERIFY(asked > answers);
    const BudgetCheck within = tracker.check(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000);
    QVERIFY2(within.allowed, qPrintable(within.reason));
}

void TestBudgetTracker::check_doesNotReserve()
{
    BudgetTracker tracker;
    tracker.setSettings(settings(1.0, 10.0));
    for (int i = 0; i < 3; ++i) {
        const BudgetCheck c = tracker.check(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000);
        QVERIFY(c.allowed);
        QCOMPARE(c.worstCaseUsd, Gpt4oWorstCase);
        QCOMPARE(c.scopes.size(), 2);
        QCOMPARE(find(c.scopes, QStringLiteral("global/day"))->fractionWithRequest(), Gpt4oWorstCase);
        QCOMPARE(find(c.scopes, QStringLiteral("global/month"))->fractionWithRequest(), Gpt4oWorstCase / 10);
        QCOMPARE(c.reason, QStringLiteral("Within budget"));
    }
    QCOMPARE(tracker.activeReservations(), 0);
}

void TestBudgetTracker::parallelThreads_neverOvershoot()
{
    BudgetTracker tracker;
    tracker.setSettings(settings(1.0));
    std::atomic<int> granted = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 10; ++i) {
                if (tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 1000, 20000).ok) {
                    ++granted;
                }
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    QCOMPARE(granted.load(), 4); // floor(1.0 / 0.2025)
    QCOMPARE(tracker.activeReservations(), 4);
}

void TestBudgetTracker::days_followDaylightSavingTime()
{
    const QTimeZone berlin("Europe/Berlin");
    if (!berlin.isValid()) {
        QSKIP("no tz database");
    }
    // Clocks go forward on 2026-03-29: that day starts at 23:00 UTC (CET), the next at 22:00 UTC (CEST).
    m_clock.setNow(utc(2026, 3, 28, 22, 30)); // 23:30 on the 28th, local
    QList<QDateTime> asked;
    BudgetTracker tracker;
    BudgetSettings s = settings(1.0);
    s.timeZone = berlin;
    tracker.setSettings(s);
    tracker.setSpendSource([&](const QString&, const QDateTime& from, const QDateTime&) {
        asked.append(from);
        return 0.1; // earlier that day, says the ledger
    });
    const Reservation r = tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 100, 100);
    tracker.commit(r.id, 0.6);
    QCOMPARE(tracker.usage().constFirst().spentUsd, 0.7);
    QCOMPARE(asked, QList<QDateTime> { utc(2026, 3, 27, 23) }); // midnight CET

    m_clock.setNow(utc(2026, 3, 28, 23, 30)); // 00:30 on the 29th
    QCOMPARE(tracker.usage().constFirst().spentUsd, 0.0);
    const Reservation r2 = tracker.reserve(QStringLiteral("openai"), QStringLiteral("gpt-4o"), Gpt4o, 100, 100);
    tracker.commit(r2.id, 0.2);
    m_clock.setNow(utc(2026, 3, 29, 21, 59)); // 23:59 on the 29th (CEST)
    QCOMPARE(tracker.usage().constFirst().spentUsd, 0.2);
    m_clock.setNow(utc(2026, 3, 29, 22, 0)); // 00:00 on the 30th
    QCOMPARE(tracker.usage().constFirst().spentUsd, 0.0);
    // Days that began after the tracker took over are not asked about.
    QCOMPARE(asked.size(), 1);
}

QTEST_GUILESS_MAIN(TestBudgetTracker)
#include "tst_BudgetTracker.moc"
