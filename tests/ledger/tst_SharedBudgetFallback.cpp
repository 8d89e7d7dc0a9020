#include "core/ledger/SharedBudgetFallback.h"

#include <QTest>

// While the team's budget database cannot be asked, one instance may spend only a share (10%) of
// what a scope had left when the database last answered; what it spent is handed over later.
class tst_SharedBudgetFallback : public QObject
{
    Q_OBJECT

private slots:
    void reserve_data();
    void reserve();
    void settle_replacesTheHoldByTheCost_handedOverOnce();
};

namespace {
SharedBudget::Scope day(double limitUsd)
{
    return { QStringLiteral("global/day@2026-12-06"), QString(), limitUsd, {}, {} };
}
} // namespace

void tst_SharedBudgetFallback::reserve_data()
{
    QTest::addColumn<double>("remaining"); // left at the last answer; < 0: the database never answered
    QTest::addColumn<QList<double>>("amounts"); // reserved in order
    QTest::addColumn<QList<bool>>("allowed");
    // $10 limit, $4 left: $0.40 may be spent during the outage.
    QTest::newRow("within 10% of what was left")
        << 4.0 << QList<double> { 0.1, 0.2, 0.1 } << QList<bool> { true, true, true };
    QTest::newRow("the next cent past it is refused")
        << 4.0 << QList<double> { 0.3, 0.11, 0.1 } << QList<bool> { true, false, true };
    QTest::newRow("nothing left: nothing during the outage") << 0.0 << QList<double> { 0.01 } << QList<bool> { false };
    QTest::newRow("never answered: 10% of the limit")
        << -1.0 << QList<double> { 0.9, 0.2 } << QList<bool> { true, false };
}

void tst_SharedBudgetFallback::reserve()
{
    QFETCH(double, remaining);
    QFETCH(QList<double>, amounts);
    QFETCH(QList<bool>, allowed);
    SharedBudgetFallback fallback;
    if (remaining >= 0) {
        fallback.recordStanding({ { day(10).key, remaining } });
    }
    for (int i = 0; i < amounts.size(); ++i) {
        const SharedBudgetFallback::Decision decision = fallback.reserve(quint64(i + 1), { day(10) }, amounts[i]);
        QCOMPARE(decision.ok, allowed[i]);
        if (!decision.ok) {
            QVERIFY2(decision.refusal.contains(QLatin1String("cannot be reached")), qPrintable(decision.refusal));
            QVERIFY2(decision.refusal.contains(QLatin1String("10%")), qPrintable(decision.refusal));
        }
    }
}

void tst_SharedBudgetFallback::settle_replacesTheHoldByTheCost_handedOverOnce()
{
    SharedBudgetFallback fallback;
    fallback.recordStanding({ { day(10).key, 4.0 } });
    QVERIFY(fallback.reserve(1, { day(10) }, 0.3).ok);
    QVERIFY(fallback.reserve(2, { day(10) }, 0.1).ok);
    QVERIFY(!fallback.reserve(3, { day(10) }, 0.05).ok);
    QVERIFY(fallback.settle(1, 0.02)); // cost far less than its worst case: room again
    QVERIFY(!fallback.settle(1, 0.02)); // once
    QCOMPARE(fallback.used(day(10).key), 0.12);
    QVERIFY(fallback.reserve(3, { day(10) }, 0.05).ok);

    const QHash<QString, double> spent = fallback.takeOutageSpend();
    QCOMPARE(spent.value(day(10).key), 0.02); // only what settled; 2 and 3 still run
    QVERIFY(fallback.takeOutageSpend().isEmpty());
    QVERIFY(fallback.settle(2, 0.03));
    QCOMPARE(fallback.takeOutageSpend().value(day(10).key), 0.03);
}

QTEST_GUILESS_MAIN(tst_SharedBudgetFallback)
#include "tst_SharedBudgetFallback.moc"
