#include "common/Clock.h"
#include "pricing/BudgetTracker.h"
#include "routing/CooldownTracker.h"
#include "workbench/ProviderHealth.h"

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
