#include "core/common/Clock.h"
#include "core/ledger/LedgerRecords.h"
#include "core/pricing/BudgetTracker.h"
#include "core/routing/CooldownTracker.h"
#include "core/workbench/ProviderHealth.h"

#include <QSignalSpy>
#include <QTest>

// The provider states the status bar shows: the last call's outcome, overlaid by cooldowns
// (with the time left, on a mock clock) and by spent budgets.
class tst_ProviderHealth : public QObject
{
    Q_OBJECT

private:
    MockClock m_clock { QDateTime(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC) };
    const QList<ModelConfig> m_models {
        { QStringLiteral("p/a"), QStringLiteral("p"), QStringLiteral("a"), {}, 0, 0, {} },
        { QStringLiteral("p/b"), QStringLiteral("p"), QStringLiteral("b"), {}, 0, 0, {} },
        { QStringLiteral("q/c"), QStringLiteral("q"), QStringLiteral("c"), {}, 0, 0, {} }
    };

    static TierSettings coolAfterOneFailure()
    {
        TierSettings settings;
        settings.cooldown.failures = 1;
        settings.cooldown.durationSec = 90;
        return settings;
    }

private slots:
    void init() { Clock::setInstance(&m_clock); }
    void cleanup() { Clock::setInstance(nullptr); }

    void formatTimeLeft_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("part of a second rounds up") << qint64(200) << QStringLiteral("1 s");
        QTest::newRow("under a minute in seconds") << qint64(42000) << QStringLiteral("42 s");
        QTest::newRow("a minute and more in whole minutes, rounded up") << qint64(61000) << QStringLiteral("2 min");
        QTest::newRow("hours and minutes") << qint64(65 * 60000) << QStringLiteral("1 h 5 min");
    }
    void formatTimeLeft()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(ProviderHealth::formatTimeLeft(ms), text);
    }

    void callOutcomes_healthyThenFailing_butNotForOurOwnBadRequests()
    {
        ProviderHealth health;
        QCOMPARE(health.state(QStringLiteral("p")), ProviderHealth::State::Unknown);
        health.recordSuccess(QStringLiteral("p"));
        QCOMPARE(health.state(QStringLiteral("p")), ProviderHealth::State::Healthy);
        health.recordFailure(QStringLiteral("p"), FailureClass::BadRequest, QStringLiteral("bad"));
        QCOMPARE(health.state(QStringLiteral("p")), ProviderHealth::State::Healthy);
        health.recordFailure(QStringLiteral("p"), FailureClass::ServerError, QStringLiteral("down"));
        QCOMPARE(health.state(QStringLiteral("p")), ProviderHealth::State::Failing);
    }

    void attempts_oneModelDownIsDegraded_allDownIsDown()
    {
        ProviderHealth health;
        CooldownTracker cooldowns;
        health.watchCooldowns(&cooldowns, m_models);
        RequestRecord record;
        record.finalModel = QStringLiteral("p/b");
        record.finalProvider = QStringLiteral("p");
        AttemptRecord failed { QStringLiteral("p/a"),
                               QStringLiteral("p"),
                               {},
                               {},
                               AttemptOutcome::Failed,
                               FailureClasses::id(FailureClass::ServerError),
                               503,
                               QStringLiteral("overloaded") };
        AttemptRecord answered { QStringLiteral("p/b"), QStringLiteral("p"), {}, {}, AttemptOutcome::Ok, {}, 0, {} };
        record.attempts = { failed, answered };
        health.recordRequest(record);
        ProviderHealth::Entry entry = health.entry(QStringLiteral("p"));
        QCOMPARE(entry.state, ProviderHealth::State::Degraded);
        QCOMPARE(ProviderHealth::describe(entry), QStringLiteral("degraded (HTTP 503)"));
        QCOMPARE(entry.downModels, QStringList { QStringLiteral("p/a") });
        QCOMPARE(ProviderHealth::describe(health.modelEntry(QStringLiteral("p/a"), QStringLiteral("p"))),
                 QStringLiteral("down (HTTP 503)"));
        QCOMPARE(ProviderHealth::describe(health.modelEntry(QStringLiteral("p/b"), QStringLiteral("p"))),
                 QStringLiteral("up"));

        record.attempts = { failed, answered };
        record.attempts[1].modelId = QStringLiteral("p/b");
        record.attempts[1].outcome = AttemptOutcome::Failed;
        record.attempts[1].failureClass = FailureClasses::id(FailureClass::ServerError);
        record.attempts[1].httpStatus = 500;
        health.recordRequest(record);
        QCOMPARE(health.state(QStringLiteral("p")), ProviderHealth::State::Failing);

        // A success brings the model back.
        health.recordSuccess(QStringLiteral("p"), QStringLiteral("p/b"));
        QCOMPARE(health.state(QStringLiteral("p")), ProviderHealth::State::Degraded);
    }

    void simulatedFaults_areDown_andClearingThemDropsTheirFailures()
    {
        ProviderHealth health;
        CooldownTracker cooldowns;
        health.watchCooldowns(&cooldowns, m_models);
        QSignalSpy changed(&health, &ProviderHealth::changed);
        health.setSimulatedFaults({ { QStringLiteral("p/a"), QStringLiteral("HTTP 503") } }, {});
        QVERIFY(changed.contains({ QStringLiteral("p") }));
        QCOMPARE(ProviderHealth::describe(health.entry(QStringLiteral("p"))), QStringLiteral("degraded (HTTP 503)"));
        health.recordFailure(QStringLiteral("p"), FailureClass::ServerError, QStringLiteral("overloaded"),
                             QStringLiteral("p/a"), 503);
        health.setSimulatedFaults({}, { { QStringLiteral("q"), QStringLiteral("no answer") } });
        QCOMPARE(health.state(QStringLiteral("p")), ProviderHealth::State::Unknown);
        QCOMPARE(ProviderHealth::describe(health.modelEntry(QStringLiteral("q/c"), QStringLiteral("q"))),
                 QStringLiteral("down (no answer)"));
        health.setSimulatedFaults({}, {});
        QCOMPARE(health.state(QStringLiteral("q")), ProviderHealth::State::Unknown);
    }

    void cooldown_showsTimeLeft_andEndsWithTheCooldown()
    {
        CooldownTracker cooldowns;
        ProviderHealth health;
        health.recordSuccess(QStringLiteral("p"));
        health.watchCooldowns(&cooldowns, m_models);
        QSignalSpy changed(&health, &ProviderHealth::changed);

        cooldowns.recordFailure(QStringLiteral("p/a"), QStringLiteral("p"), FailureClass::ServerError,
                                coolAfterOneFailure());
        QVERIFY(changed.contains({ QStringLiteral("p") }));
        ProviderHealth::Entry entry = health.entry(QStringLiteral("p"));
        QCOMPARE(entry.state, ProviderHealth::State::CoolingDown);
        QCOMPARE(entry.coolingLeftMs, qint64(90000));
        QCOMPARE(entry.coolingModels, QStringList { QStringLiteral("p/a") });
        QCOMPARE(health.state(QStringLiteral("q")), ProviderHealth::State::Unknown);

        m_clock.advanceMs(30000);
        QCOMPARE(health.entry(QStringLiteral("p")).coolingLeftMs, qint64(60000));
        m_clock.advanceMs(60001);
        health.refresh();
        QCOMPARE(health.state(QStringLiteral("p")), ProviderHealth::State::Healthy);
    }

    void overBudget_winsOverCoolingDown_andCountsOnlySpendNotReservations()
    {
        CooldownTracker cooldowns;
        BudgetTracker budgets;
        BudgetSettings settings;
        settings.perProvider.insert(QStringLiteral("p"), BudgetLimits { 1.0, 0 });
        budgets.setSettings(settings);
        ProviderHealth health;
        health.watchCooldowns(&cooldowns, m_models);
        health.watchBudgets(&budgets);

        const ModelPrice price { 1000, 1000, 0, true };
        const Reservation held = budgets.reserve(QStringLiteral("p"), QStringLiteral("p/a"), price, 100, 1000);
        QVERIFY(held.ok);
        health.refresh();
        QCOMPARE(health.state(QStringLiteral("p")), ProviderHealth::State::Unknown); // only reserved

        cooldowns.recordFailure(QStringLiteral("p/b"), QStringLiteral("p"), FailureClass::ServerError,
                                coolAfterOneFailure());
        QCOMPARE(health.state(QStringLiteral("p")), ProviderHealth::State::CoolingDown);
        QVERIFY(budgets.commit(held.id, 1.5));
        health.refresh();
        const ProviderHealth::Entry entry = health.entry(QStringLiteral("p"));
        QCOMPARE(entry.state, ProviderHealth::State::OverBudget);
        QCOMPARE(entry.budgetScope, BudgetScope({ QStringLiteral("p"), BudgetPeriod::Day }).displayName());
        QCOMPARE(health.state(QStringLiteral("q")), ProviderHealth::State::Unknown);

        // A raised limit shows at once, without waiting for the next request.
        settings.perProvider.insert(QStringLiteral("p"), BudgetLimits { 5.0, 0 });
        budgets.setSettings(settings);
        QCOMPARE(health.state(QStringLiteral("p")), ProviderHealth::State::CoolingDown);
    }
};

QTEST_MAIN(tst_ProviderHealth)
#include "tst_ProviderHealth.moc"
