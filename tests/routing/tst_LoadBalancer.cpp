#include "core/routing/LoadBalancer.h"

#include <QHash>
#include <QTest>

namespace {
QList<Deployment> deployments(const QList<int>& weights)
{
    QList<Deployment> list;
    for (int i = 0; i < weights.size(); ++i) {
        list.append({ QStringLiteral("m%1").arg(i), weights.at(i) });
    }
    return list;
}
} // namespace

class TestLoadBalancer : public QObject
{
    Q_OBJECT

private slots:
    void shuffle_followsWeights();
    void shuffle_sameSeedSameOrder();
    void shuffle_orderHoldsEveryUsableDeploymentOnce();
    void leastBusy_picksFewestInFlight();
    void latency_unknownFirstThenLowestAverage();
    void latency_averageFollowsRecentSamples();
    void unusable_areSkipped_data();
    void unusable_areSkipped();
    void noneUsable_pickIsMinusOne();
};

void TestLoadBalancer::shuffle_followsWeights()
{
    LoadBalancer balancer(42);
    const QList<Deployment> list = deployments({ 1, 3 });
    QHash<int, int> picks;
    for (int i = 0; i < 4000; ++i) {
        ++picks[balancer.pick(list, LoadBalanceStrategy::SimpleShuffle)];
    }
    // Expected 1000 / 3000; a generous band still fails an unweighted pick.
    QVERIFY2(picks.value(0) > 850 && picks.value(0) < 1150, qPrintable(QString::number(picks.value(0))));
}

void TestLoadBalancer::shuffle_sameSeedSameOrder()
{
    LoadBalancer a(7);
    LoadBalancer b(7);
    const QList<Deployment> list = deployments({ 1, 1, 1, 1, 1 });
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(a.order(list, LoadBalanceStrategy::SimpleShuffle), b.order(list, LoadBalanceStrategy::SimpleShuffle));
    }
}

void TestLoadBalancer::shuffle_orderHoldsEveryUsableDeploymentOnce()
{
    LoadBalancer balancer(3);
    QList<int> order = balancer.order(deployments({ 5, 0, 2, 1 }), LoadBalanceStrategy::SimpleShuffle);
    std::sort(order.begin(), order.end());
    QCOMPARE(order, (QList<int> { 0, 1, 2, 3 }));
}

void TestLoadBalancer::leastBusy_picksFewestInFlight()
{
    LoadBalancer balancer(1);
    QHash<QString, int> busy { { "m0", 3 }, { "m1", 1 }, { "m2", 2 } };
    balancer.setInFlightCounter([&busy](const QString& id) { return busy.value(id); });
    QCOMPARE(balancer.order(deployments({ 1, 1, 1 }), LoadBalanceStrategy::LeastBusy), (QList<int> { 1, 2, 0 }));
    busy["m2"] = 0;
    QCOMPARE(balancer.pick(deployments({ 1, 1, 1 }), LoadBalanceStrategy::LeastBusy), 2);
}

void TestLoadBalancer::latency_unknownFirstThenLowestAverage()
{
    LoadBalancer balancer(1);
    balancer.recordLatency(QStringLiteral("m0"), 900);
    balancer.recordLatency(QStringLiteral("m2"), 300);
    QCOMPARE(balancer.order(deployments({ 1, 1, 1 }), LoadBalanceStrategy::LatencyBased), (QList<int> { 1, 2, 0 }));
    balancer.recordLatency(QStringLiteral("m1"), 500);
    QCOMPARE(balancer.order(deployments({ 1, 1, 1 }), LoadBalanceStrategy::LatencyBased), (QList<int> { 2, 1, 0 }));
}

void TestLoadBalancer::latency_averageFollowsRecentSamples()
{
    LoadBalancer balancer(1);
    balancer.setLatencyAlpha(0.5);
    balancer.recordLatency(QStringLiteral("m0"), 1000);
    balancer.recordLatency(QStringLiteral("m0"), 200);
    QCOMPARE(*balancer.latencyMs(QStringLiteral("m0")), 600.0);
    QVERIFY(!balancer.latencyMs(QStringLiteral("m1")));
}

void TestLoadBalancer::unusable_areSkipped_data()
{
    QTest::addColumn<int>("strategy");
    QTest::newRow("simple-shuffle") << int(LoadBalanceStrategy::SimpleShuffle);
    QTest::newRow("least-busy") << int(LoadBalanceStrategy::LeastBusy);
    QTest::newRow("latency-based-routing") << int(LoadBalanceStrategy::LatencyBased);
}

void TestLoadBalancer::unusable_areSkipped()
{
    QFETCH(int, strategy);
    LoadBalancer balancer(9);
    const auto coolingM0M2 = [](const Deployment& d) { return d.modelId != "m0" && d.modelId != "m2"; };
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(balancer.order(deployments({ 10, 1, 10 }), LoadBalanceStrategy(strategy), coolingM0M2),
                 QList<int> { 1 });
    }
}

void TestLoadBalancer::noneUsable_pickIsMinusOne()
{
    LoadBalancer balancer(1);
    QCOMPARE(balancer.pick(deployments({ 1, 1 }), LoadBalanceStrategy::SimpleShuffle,
                           [](const Deployment&) { return false; }),
             -1);
    QCOMPARE(balancer.pick({}, LoadBalanceStrategy::LeastBusy), -1);
}

QTEST_GUILESS_MAIN(TestLoadBalancer)
#include "tst_LoadBalancer.moc"
