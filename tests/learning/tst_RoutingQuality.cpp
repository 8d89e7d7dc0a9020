#include "core/learning/RoutingQuality.h"

#include <QTest>

Q_DECLARE_METATYPE(std::vector<ScoredPrompt>)

// The figures of RouteLLM's evaluation on tables small enough to check by hand:
// PGR(k) = (quality with the top k on strong - all weak) / (all strong - all weak).
class TestRoutingQuality : public QObject
{
    Q_OBJECT

private slots:
    void figures_data();
    void figures();
    void threshold_countsPromptsAtOrAbove();
    void curve_runsFromAllWeakToAllStrong();
};

void TestRoutingQuality::figures_data()
{
    QTest::addColumn<std::vector<ScoredPrompt>>("prompts");
    QTest::addColumn<double>("apgr");
    QTest::addColumn<double>("cpt50");
    QTest::addColumn<double>("cpt80");

    // Two of four prompts need the strong model.
    QTest::newRow("perfect ranking: the gap is closed after half the prompts")
        << std::vector<ScoredPrompt> { { 0.9, 0, 1 }, { 0.8, 0, 1 }, { 0.2, 1, 1 }, { 0.1, 1, 1 } } << 0.75 << 0.25
        << 0.5;
    QTest::newRow("reversed ranking: the prompts that need strong come last")
        << std::vector<ScoredPrompt> { { 0.1, 0, 1 }, { 0.2, 0, 1 }, { 0.8, 1, 1 }, { 0.9, 1, 1 } } << 0.25 << 0.75
        << 1.0;
    QTest::newRow("the weak model better on one prompt: recovered gap goes back down")
        << std::vector<ScoredPrompt> { { 0.9, 0, 1 }, { 0.5, 1, 0 }, { 0.1, 0, 1 } } << 0.5 << 1.0 / 3 << 1.0 / 3;
    QTest::newRow("no gap to recover: the figures of random routing")
        << std::vector<ScoredPrompt> { { 0.9, 1, 1 }, { 0.7, 0, 0 }, { 0.5, 1, 1 }, { 0.3, 1, 1 }, { 0.1, 0, 0 } }
        << 0.5 << 0.6 << 0.8;
    QTest::newRow("ties in p_strong keep the file order")
        << std::vector<ScoredPrompt> { { 0.5, 1, 1 }, { 0.5, 0, 1 } } << 0.25 << 1.0 << 1.0;
}

void TestRoutingQuality::figures()
{
    QFETCH(std::vector<ScoredPrompt>, prompts);
    QFETCH(double, apgr);
    QFETCH(double, cpt50);
    QFETCH(double, cpt80);
    const RoutingQuality quality(prompts);
    QCOMPARE(quality.apgr(), apgr);
    QCOMPARE(quality.cpt(0.5), cpt50);
    QCOMPARE(quality.cpt(0.8), cpt80);
}

void TestRoutingQuality::threshold_countsPromptsAtOrAbove()
{
    const RoutingQuality quality({ { 0.9, 0, 1 }, { 0.8, 0, 1 }, { 0.2, 1, 1 }, { 0.1, 1, 1 } });
    const QualityPoint atHalf = quality.atThreshold(0.5);
    QCOMPARE(atHalf.strongShare, 0.5);
    QCOMPARE(atHalf.gapRecovered, 1.0);
    const QualityPoint exact = quality.atThreshold(0.8); // 0.8 itself goes to strong
    QCOMPARE(exact.strongShare, 0.5);
    QCOMPARE(quality.atThreshold(0.95).strongShare, 0.0);
    QCOMPARE(quality.atThreshold(0.0).strongShare, 1.0);
}

void TestRoutingQuality::curve_runsFromAllWeakToAllStrong()
{
    const RoutingQuality quality({ { 0.9, 0, 1 }, { 0.8, 0, 1 }, { 0.2, 1, 1 }, { 0.1, 1, 1 } });
    const QList<QualityPoint> curve = quality.curve(5);
    QCOMPARE(curve.size(), 5);
    QCOMPARE(curve.first().strongShare, 0.0);
    QCOMPARE(curve.first().gapRecovered, 0.0);
    QCOMPARE(curve.at(1).gapRecovered, 0.5);
    QCOMPARE(curve.at(1).threshold, 0.9);
    QCOMPARE(curve.last().strongShare, 1.0);
    QCOMPARE(curve.last().gapRecovered, 1.0);
}

QTEST_GUILESS_MAIN(TestRoutingQuality)
#include "tst_RoutingQuality.moc"
