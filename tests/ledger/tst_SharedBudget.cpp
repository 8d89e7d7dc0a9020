#include "LedgerTestUtil.h"
#include "SharedBudgetScopes.h"

#include "core/common/Clock.h"
#include "core/ledger/SharedBudget.h"

#include <QScopeGuard>

#include <QTemporaryDir>
#include <QThread>

#include <atomic>

using namespace LedgerTestUtil;

// Budget holds in the database, shared by processes (here: threads with a connection each, as
// gateways have): reserve and settle are atomic, so many reservations at once never hold more
// than the limit, on SQLite and on PostgreSQL.
class TestSharedBudget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { Backends::addRows(); }
    void init();
    void reserve_refusesWhatWouldExceedAndSettleFreesTheRest();
    void periodStartsFromTheLedgersSpend();
    void concurrentReservations_neverHoldMoreThanTheLimit();
    void expireHolds_countsAHoldItsProcessNeverSettledAsSpent();
    void batchHold_livesUntilItsJobIsSettled_data();
    void batchHold_livesUntilItsJobIsSettled();
    void batchHold_pastItsWindow_countsAsSpentUntilItsResultsAreRecorded();

private:
    QString m_location;
    QTemporaryDir m_dir;
    Backends m_backends;
};

namespace {
} // namespace

void TestSharedBudget::init()
{
    static int s_run = 0; // a new file for each data row too
    m_location
        = m_backends.newLocation(m_dir, QStringLiteral("budget-%1-%2").arg(QTest::currentTestFunction()).arg(++s_run));
    if (m_location.isEmpty()) {
        QSKIP(qPrintable(m_backends.skipReason()));
    }
    Ledger ledger; // creates the schema
    QVERIFY2(ledger.open(m_location), qPrintable(ledger.errorString()));
}

void TestSharedBudget::reserve_refusesWhatWouldExceedAndSettleFreesTheRest()
{
    SharedBudget budget(m_location);
    const SharedBudget::Hold first = budget.reserve({ daily(1.0) }, 0.6);
    QVERIFY2(first.ok, qPrintable(first.error));
    const SharedBudget::Hold second = budget.reserve({ daily(1.0) }, 0.6);
    QVERIFY(!second.ok);
    QVERIFY(second.error.isEmpty());
    QVERIFY2(second.refusal.contains(QStringLiteral("1.00")), qPrintable(second.refusal));
    // The first call cost less than its worst case: the difference is free again.
    QVERIFY(budget.settle(first.id, 0.25));
    QVERIFY(!budget.settle(first.id, 0.25)); // once only
    double spent = 0;
    double held = 0;
    QVERIFY(budget.standing(daily(1.0).key, &spent, &held));
    QCOMPARE(spent, 0.25);
    QCOMPARE(held, 0.0);
    const SharedBudget::Hold third = budget.reserve({ daily(1.0) }, 0.6);
    QVERIFY2(third.ok, qPrintable(third.error));
    QVERIFY(budget.settle(third.id, 0.0)); // released: nothing spent
    QVERIFY(budget.standing(daily(1.0).key, &spent, &held));
    QCOMPARE(spent, 0.25);
    QCOMPARE(held, 0.0);
}

void TestSharedBudget::periodStartsFromTheLedgersSpend()
{
    {
        Ledger ledger;
        QVERIFY(ledger.open(m_location));
        QVERIFY(recordAll(ledger,
                          { request(kDay.addSecs(3600), "m-a", "pa", 0.7),
                            request(kDay.addSecs(-3600), "m-a", "pa", 5.0) })); // the day before
    }
    SharedBudget budget(m_location);
    QVERIFY(!budget.reserve({ daily(1.0) }, 0.4).ok);
    const SharedBudget::Hold fits = budget.reserve({ daily(1.0) }, 0.3);
    QVERIFY2(fits.ok, qPrintable(fits.error));
    SharedBudget::Scope provider = daily(0.5);
    provider.key = QStringLiteral("pb/day@2026-03-02");
    provider.providerId = QStringLiteral("pb"); // spent nothing at pb
    QVERIFY(budget.settle(fits.id, 0.0));
    QVERIFY(budget.reserve({ provider }, 0.5).ok);
}

void TestSharedBudget::concurrentReservations_neverHoldMoreThanTheLimit()
{
    // 16 threads x 8 attempts at $0.10 against $5.00: exactly 50 fit, whoever comes first.
    constexpr int kThreads = 16;
    constexpr int kAttempts = 8;
    std::atomic<int> granted = 0;
    std::atomic<int> errors = 0;
    QList<QThread*> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads << QThread::create([&, location = m_location] {
            SharedBudget budget(location);
            for (int i = 0; i < kAttempts; ++i) {
                const SharedBudget::Hold hold = budget.reserve({ daily(5.0) }, 0.1);
                granted += hold.ok ? 1 : 0;
                errors += hold.error.isEmpty() ? 0 : 1;
                if (!hold.error.isEmpty()) {
                    qWarning() << hold.error;
                }
            }
        });
    }
    for (QThread* thread : std::as_const(threads)) {
        thread->start();
    }
    for (QThread* thread : std::as_const(threads)) {
        QVERIFY(thread->wait(60000));
        delete thread;
    }
    QCOMPARE(errors.load(), 0);
    QCOMPARE(granted.load(), 50);
    SharedBudget budget(m_location);
    double spent = 0;
    double held = 0;
    QVERIFY(budget.standing(daily(5.0).key, &spent, &held));
    QVERIFY(qAbs(held - 5.0) < 1e-9);
}

// A gateway that died between reserve and settle leaves its hold behind; expired, it counts as
// spent at its worst case (the call may have been paid for), and no longer blocks the limit.
void TestSharedBudget::expireHolds_countsAHoldItsProcessNeverSettledAsSpent()
{
    SharedBudget budget(m_location);
    const SharedBudget::Hold stale = budget.reserve({ daily(1.0) }, 0.3);
    QVERIFY2(stale.ok, qPrintable(stale.error));
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(1);
    QTest::qWait(1100); // the next hold is younger than the cutoff
    const SharedBudget::Hold fresh = budget.reserve({ daily(1.0) }, 0.2);
    QVERIFY2(fresh.ok, qPrintable(fresh.error));

    QCOMPARE(budget.expireHolds(cutoff), 1);
    double spent = 0;
    double held = 0;
    QVERIFY(budget.standing(daily(1.0).key, &spent, &held));
    QVERIFY2(qAbs(spent - 0.3) < 1e-9, qPrintable(QString::number(spent)));
    QVERIFY2(qAbs(held - 0.2) < 1e-9, qPrintable(QString::number(held)));
    QVERIFY(!budget.settle(stale.id, 0.1)); // gone: its process cannot settle it twice
    QCOMPARE(budget.expireHolds(cutoff), 0);
    QVERIFY(budget.settle(fresh.id, 0.1));
    QVERIFY(budget.standing(daily(1.0).key, &spent, &held));
    QVERIFY(qAbs(spent - 0.4) < 1e-9);
    QVERIFY(qAbs(held) < 1e-9);
}

void TestSharedBudget::batchHold_livesUntilItsJobIsSettled_data()
{
    QTest::addColumn<double>("actualUsd");
    QTest::newRow("results recorded: the real cost stays spent") << 0.15;
    QTest::newRow("failed or cancelled before anything ran: released") << 0.0;
}

// A batch job holds its worst case from before its submit until its results are recorded: the
// shared limits see it, a process checking the ledger alone counts it (batchHeld), and the sweep
// for holds of dead processes leaves it, however old, within the providers' 24-hour window.
void TestSharedBudget::batchHold_livesUntilItsJobIsSettled()
{
    QFETCH(double, actualUsd);
    SharedBudget budget(m_location);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime submitted = now.addSecs(-10 * 3600); // ten hours ago: long past any stale hold
    const SharedBudget::Hold job = budget.reserveBatch({ daily(1.0) }, 0.7, QStringLiteral("pa"), submitted);
    QVERIFY2(job.ok, qPrintable(job.error));
    QString error;
    QVERIFY2(budget.nameBatch(job.id, QStringLiteral("batch_abc"), &error), qPrintable(error));

    QVERIFY(!budget.reserve({ daily(1.0) }, 0.4).ok); // an ordinary request over the room left
    QVERIFY(!budget.reserveBatch({ daily(1.0) }, 0.7, QStringLiteral("pa"), now).ok); // a second job
    QCOMPARE(budget.batchHeld(QStringLiteral("pa"), submitted, submitted.addSecs(1)), std::optional<double>(0.7));
    QCOMPARE(budget.batchHeld(QString(), submitted, QDateTime()), std::optional<double>(0.7));
    QCOMPARE(budget.batchHeld(QStringLiteral("pb"), submitted, QDateTime()), std::optional<double>(0.0));
    QCOMPARE(budget.batchHeld(QStringLiteral("pa"), submitted.addSecs(1), QDateTime()), std::optional<double>(0.0));

    // The sweep for holds of dead processes: a job may run for 24 hours, its hold stays.
    QCOMPARE(budget.expireHolds(now.addSecs(-3600)), 0);
    double spent = 0;
    double held = 0;
    QVERIFY(budget.standing(daily(1.0).key, &spent, &held));
    QVERIFY(qAbs(held - 0.7) < 1e-9);

    QVERIFY(!budget.settleBatch(QStringLiteral("batch_other"), 0.1)); // another job holds nothing
    QVERIFY2(budget.settleBatch(QStringLiteral("batch_abc"), actualUsd, &error), qPrintable(error));
    QVERIFY(!budget.settleBatch(QStringLiteral("batch_abc"), actualUsd)); // once only
    QVERIFY(budget.standing(daily(1.0).key, &spent, &held));
    QVERIFY2(qAbs(spent - actualUsd) < 1e-9, qPrintable(QString::number(spent)));
    QVERIFY(qAbs(held) < 1e-9);
    QCOMPARE(budget.batchHeld(QStringLiteral("pa"), submitted, QDateTime()), std::optional<double>(0.0));

    // A job nobody recorded past the window (and its margin) counts as spent at its worst case.
    const SharedBudget::Hold forgotten = budget.reserveBatch({ daily(1.0) }, 0.1, QStringLiteral("pa"),
                                                             now.addSecs(-SharedBudget::kBatchHoldSecs - 60));
    QVERIFY2(forgotten.ok, qPrintable(forgotten.error));
    QCOMPARE(budget.expireHolds(now.addSecs(-3600)), 1);
    QVERIFY(budget.standing(daily(1.0).key, &spent, &held));
    QVERIFY2(qAbs(spent - actualUsd - 0.1) < 1e-9, qPrintable(QString::number(spent)));
    // The room is the real costs' complement.
    QVERIFY(budget.reserve({ daily(1.0) }, 0.9 - actualUsd).ok);
}

// The providers' window is 24 hours: 26 hours after its submit (kBatchHoldSecs, by the Clock) a
// job nobody recorded no longer holds its worst case as running, it counts it as spent, as
// PostgreSQL's sweep books it; until the job's results are recorded, which replace it by their cost.
void TestSharedBudget::batchHold_pastItsWindow_countsAsSpentUntilItsResultsAreRecorded()
{
    MockClock clock(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
    Clock::setInstance(&clock);
    const auto restore = qScopeGuard([] { Clock::setInstance(nullptr); });
    SharedBudget budget(m_location);
    const QDateTime submitted = clock.currentDateTimeUtc();
    const QDateTime month(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
    const SharedBudget::Hold job = budget.reserveBatch({}, 0.4, QStringLiteral("pa"), submitted);
    QVERIFY2(job.ok, qPrintable(job.error));
    QVERIFY(budget.nameBatch(job.id, QStringLiteral("batch_late")));
    const auto standing = [&] {
        const auto now = budget.batchStanding(QStringLiteral("pa"), month, QDateTime());
        return now ? std::pair(now->heldUsd, now->expiredUsd) : std::pair(-1.0, -1.0);
    };
    QCOMPARE(standing(), std::pair(0.4, 0.0));
    clock.advanceMs(qint64(SharedBudget::kBatchHoldSecs - 60) * 1000);
    QCOMPARE(standing(), std::pair(0.4, 0.0)); // a minute before the end of its window: running
    QCOMPARE(budget.expireHolds(clock.currentDateTimeUtc().addSecs(-3600)), 0);
    clock.advanceMs(120 * 1000);
    QCOMPARE(standing(), std::pair(0.0, 0.4)); // past it: spent at its worst case
    QCOMPARE(budget.batchHeld(QString(), month, QDateTime()), std::optional<double>(0.0));

    // Its results fetched late: their real cost replaces the worst case.
    QVERIFY(budget.settleBatch(QStringLiteral("batch_late"), 0.05));
    QCOMPARE(standing(), std::pair(0.0, 0.0));

    // The sweep (PostgreSQL's gateways run it) follows the same Clock.
    const SharedBudget::Hold forgotten = budget.reserveBatch({}, 0.3, QStringLiteral("pa"), clock.currentDateTimeUtc());
    QVERIFY(forgotten.ok);
    clock.advanceMs(qint64(SharedBudget::kBatchHoldSecs + 60) * 1000);
    QCOMPARE(budget.expireHolds(clock.currentDateTimeUtc().addSecs(-3600)), 1);
}

QTEST_GUILESS_MAIN(TestSharedBudget)
#include "tst_SharedBudget.moc"
