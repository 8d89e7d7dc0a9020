#include "core/common/Clock.h"
#include "core/routing/CooldownTracker.h"

#include <QSignalSpy>
#include <QTest>

namespace {
const QString kModel = QStringLiteral("sandbox/gpt-5");
const QString kOther = QStringLiteral("sandbox/gpt-4.1");
const QString kProvider = QStringLiteral("sandbox-openai");

TierSettings settings(int failures, int windowSec, int durationSec)
{
    TierSettings result;
    result.cooldown = { failures, windowSec, durationSec };
    result.quotaCooldownSec = 3600;
    return result;
}
} // namespace

class TestCooldownTracker : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void failuresBelowK_stayAvailable();
    void kFailuresWithinWindow_coolDownForC();
    void failuresSpreadBeyondWindow_doNotAddUp();
    void afterCooldown_exactlyOneProbe();
    void probeSuccess_closes();
    void probeFailure_reopensForC();
    void releasedProbe_canBeTakenAgain();
    void failureClasses_data();
    void failureClasses();
    void quotaExhausted_coolsWholeProviderLong();
    void rateLimitWithLongRetryAfter_coolsForThatLongAtOnce_data();
    void rateLimitWithLongRetryAfter_coolsForThatLongAtOnce();
    void providerCooldown_endsWithOneProbeForTheProvider();
    void stateChanged_isEmitted();

private:
    MockClock* m_clock = nullptr;
    CooldownTracker* m_tracker = nullptr;
};

void TestCooldownTracker::init()
{
    m_clock = new MockClock(QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC));
    Clock::setInstance(m_clock);
    m_tracker = new CooldownTracker;
}

void TestCooldownTracker::cleanup()
{
    delete m_tracker;
    Clock::setInstance(nullptr);
    delete m_clock;
}

void TestCooldownTracker::failuresBelowK_stayAvailable()
{
    for (int i = 0; i < 2; ++i) {
        m_tracker->recordFailure(kModel, kProvider, FailureClass::ServerError, settings(3, 60, 30));
    }
    QCOMPARE(m_tracker->state(kModel, kProvider).phase, CooldownState::Available);
    QVERIFY(m_tracker->tryAcquire(kModel, kProvider));
}

void TestCooldownTracker::kFailuresWithinWindow_coolDownForC()
{
    const qint64 start = m_clock->currentMSecsSinceEpoch();
    for (int i = 0; i < 3; ++i) {
        m_clock->advanceMs(10'000);
        m_tracker->recordFailure(kModel, kProvider, FailureClass::ServerError, settings(3, 60, 30));
    }
    const CooldownState state = m_tracker->state(kModel, kProvider);
    QCOMPARE(state.phase, CooldownState::CoolingDown);
    QCOMPARE(state.untilMs, start + 30'000 + 30'000);
    QCOMPARE(state.reason, QStringLiteral("server_error"));
    QVERIFY(!m_tracker->tryAcquire(kModel, kProvider));
    QCOMPARE(m_tracker->state(kOther, kProvider).phase, CooldownState::Available); // per deployment
    m_clock->advanceMs(29'999);
    QCOMPARE(m_tracker->state(kModel, kProvider).phase, CooldownState::CoolingDown);
    m_clock->advanceMs(1);
    QCOMPARE(m_tracker->state(kModel, kProvider).phase, CooldownState::HalfOpen);
}

void TestCooldownTracker::failuresSpreadBeyondWindow_doNotAddUp()
{
    // Every 31 s: any three span 62 s, more than the 60 s window.
    for (int i = 0; i < 5; ++i) {
        m_tracker->recordFailure(kModel, kProvider, FailureClass::ServerError, settings(3, 60, 30));
        QCOMPARE(m_tracker->state(kModel, kProvider).phase, CooldownState::Available);
        m_clock->advanceMs(31'000);
    }
    // The last one (31 s ago) and two more now: three within the window.
    m_tracker->recordFailure(kModel, kProvider, FailureClass::ServerError, settings(3, 60, 30));
    QCOMPARE(m_tracker->state(kModel, kProvider).phase, CooldownState::Available);
    m_tracker->recordFailure(kModel, kProvider, FailureClass::ServerError, settings(3, 60, 30));
    QCOMPARE(m_tracker->state(kModel, kProvider).phase, CooldownState::CoolingDown);
}

void TestCooldownTracker::afterCooldown_exactlyOneProbe()
{
    m_tracker->recordFailure(kModel, kProvider, FailureClass::FirstTokenTimeout, settings(1, 60, 30));
    m_clock->advanceMs(30'000);
    QCOMPARE(m_tracker->state(kModel, kProvider).phase, CooldownState::HalfOpen);
    QVERIFY(!m_tracker->state(kModel, kProvider).probeTaken);
    QVERIFY(m_tracker->tryAcquire(kModel, kProvider));
    QVERIFY(m_tracker->state(kModel, kProvider).probeTaken);
    QVERIFY(!m_tracker->tryAcquire(kModel, kProvider));
    QVERIFY(!m_tracker->tryAcquire(kModel, kProvider));
}

void TestCooldownTracker::probeSuccess_closes()
{
    m_tracker->recordFailure(kModel, kProvider, FailureClass::ServerError, settings(1, 60, 30));
    m_clock->advanceMs(30'000);
    QVERIFY(m_tracker->tryAcquire(kModel, kProvider));
    m_tracker->recordSuccess(kModel, kProvider);
    QCOMPARE(m_tracker->state(kModel, kProvider).phase, CooldownState::Available);
    QVERIFY(m_tracker->tryAcquire(kModel, kProvider));
    QVERIFY(m_tracker->tryAcquire(kModel, kProvider));
}

void TestCooldownTracker::probeFailure_reopensForC()
{
    m_tracker->recordFailure(kModel, kProvider, FailureClass::ServerError, settings(3, 60, 30));
    m_tracker->recordFailure(kModel, kProvider, FailureClass::ServerError, settings(3, 60, 30));
    m_tracker->recordFailure(kModel, kProvider, FailureClass::ServerError, settings(3, 60, 30));
    m_clock->advanceMs(30'000);
    QVERIFY(m_tracker->tryAcquire(kModel, kProvider));
    const qint64 failedAt = m_clock->currentMSecsSinceEpoch();
    // One failure re-opens, although K is 3.
    m_tracker->recordFailure(kModel, kProvider, FailureClass::StreamBroken, settings(3, 60, 30));
    const CooldownState state = m_tracker->state(kModel, kProvider);
    QCOMPARE(state.phase, CooldownState::CoolingDown);
    QCOMPARE(state.untilMs, failedAt + 30'000);
    QCOMPARE(state.reason, QStringLiteral("stream_broken"));
}

void TestCooldownTracker::releasedProbe_canBeTakenAgain()
{
    m_tracker->recordFailure(kModel, kProvider, FailureClass::ServerError, settings(1, 60, 30));
    m_clock->advanceMs(30'000);
    QVERIFY(m_tracker->tryAcquire(kModel, kProvider));
    m_tracker->releaseProbe(kModel, kProvider);
    QVERIFY(m_tracker->tryAcquire(kModel, kProvider));
}

void TestCooldownTracker::failureClasses_data()
{
    QTest::addColumn<int>("failureClass");
    QTest::addColumn<bool>("counts");
    for (FailureClass failureClass : FailureClasses::all()) {
        const bool counts = FailureClasses::isProviderFault(failureClass) || failureClass == FailureClass::RateLimited;
        QTest::newRow(qPrintable(FailureClasses::id(failureClass))) << int(failureClass) << counts;
    }
}

void TestCooldownTracker::failureClasses()
{
    QFETCH(int, failureClass);
    QFETCH(bool, counts);
    m_tracker->recordFailure(kModel, kProvider, FailureClass(failureClass), settings(1, 60, 30));
    const CooldownState state = m_tracker->state(kModel, kProvider);
    // Quota exhausted does not count toward K: it cools the whole provider at once.
    const bool quota = FailureClass(failureClass) == FailureClass::QuotaExhausted;
    QCOMPARE(state.phase == CooldownState::CoolingDown, counts || quota);
    QCOMPARE(state.providerWide, quota);
    QCOMPARE(CooldownTracker::countsTowardCooldown(FailureClass(failureClass)), counts);
}

void TestCooldownTracker::rateLimitWithLongRetryAfter_coolsForThatLongAtOnce_data()
{
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<qint64>("coolsForMs"); // 0: not cooled by the first 429

    // The tier waits up to rateLimitWaitCapMs (5 s) for a retry; a longer wait named by the provider
    // (Azure's retry-after / retry-after-ms / "retry after N seconds") keeps the deployment out that long.
    QTest::newRow("retry-after 90 s: cooled 90 s at the first 429") << qint64(90'000) << qint64(90'000);
    QTest::newRow("retry-after-ms 5,500: cooled 6 s (whole seconds, rounded up)") << qint64(5'500) << qint64(6'000);
    QTest::newRow("within the cap: counted like any failure") << qint64(3'000) << qint64(0);
    QTest::newRow("no retry-after: counted like any failure") << qint64(-1) << qint64(0);
}

void TestCooldownTracker::rateLimitWithLongRetryAfter_coolsForThatLongAtOnce()
{
    QFETCH(qint64, retryAfterMs);
    QFETCH(qint64, coolsForMs);
    const qint64 start = m_clock->currentMSecsSinceEpoch();
    m_tracker->recordFailure(kModel, kProvider, FailureClass::RateLimited, settings(3, 60, 30), retryAfterMs);
    const CooldownState state = m_tracker->state(kModel, kProvider);
    if (coolsForMs == 0) {
        QCOMPARE(state.phase, CooldownState::Available);
        return;
    }
    QCOMPARE(state.phase, CooldownState::CoolingDown);
    QCOMPARE(state.untilMs, start + coolsForMs);
    QVERIFY(!state.providerWide);
    QCOMPARE(m_tracker->state(kOther, kProvider).phase, CooldownState::Available);
}

void TestCooldownTracker::quotaExhausted_coolsWholeProviderLong()
{
    const qint64 now = m_clock->currentMSecsSinceEpoch();
    m_tracker->recordFailure(kModel, kProvider, FailureClass::QuotaExhausted, settings(3, 60, 30));
    for (const QString& model : { kModel, kOther }) {
        const CooldownState state = m_tracker->state(model, kProvider);
        QCOMPARE(state.phase, CooldownState::CoolingDown);
        QVERIFY(state.providerWide);
        QCOMPARE(state.untilMs, now + 3'600'000);
    }
    QCOMPARE(m_tracker->state(kModel, QStringLiteral("sandbox-anthropic")).phase, CooldownState::Available);
    m_clock->advanceMs(3'599'000);
    QVERIFY(!m_tracker->tryAcquire(kOther, kProvider));
}

void TestCooldownTracker::providerCooldown_endsWithOneProbeForTheProvider()
{
    m_tracker->coolProvider(kProvider, 60, QStringLiteral("quota_exhausted"));
    m_clock->advanceMs(60'000);
    QCOMPARE(m_tracker->state(kModel, kProvider).phase, CooldownState::HalfOpen);
    QVERIFY(m_tracker->tryAcquire(kModel, kProvider));
    QVERIFY(!m_tracker->tryAcquire(kOther, kProvider)); // the provider's one probe is in flight
    m_tracker->recordSuccess(kModel, kProvider);
    QVERIFY(m_tracker->tryAcquire(kOther, kProvider));
    QCOMPARE(m_tracker->state(kOther, kProvider).phase, CooldownState::Available);
}

void TestCooldownTracker::stateChanged_isEmitted()
{
    QSignalSpy spy(m_tracker, &CooldownTracker::stateChanged);
    m_tracker->recordFailure(kModel, kProvider, FailureClass::ServerError, settings(2, 60, 30));
    QCOMPARE(spy.count(), 0);
    m_tracker->recordFailure(kModel, kProvider, FailureClass::ServerError, settings(2, 60, 30));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), kModel);
    QCOMPARE(spy.at(0).at(1).value<CooldownState>().phase, CooldownState::CoolingDown);
    m_clock->advanceMs(30'000);
    QVERIFY(m_tracker->tryAcquire(kModel, kProvider));
    m_tracker->recordSuccess(kModel, kProvider);
    QCOMPARE(spy.last().at(1).value<CooldownState>().phase, CooldownState::Available);
}

QTEST_GUILESS_MAIN(TestCooldownTracker)
#include "tst_CooldownTracker.moc"
