#include "LearningFixtures.h"
#include "core/learning/PromptFile.h"
#include "core/learning/RouterTrainer.h"
#include "core/learning/RoutingQuality.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

namespace {
double heldOutApgr(const LearnedRouter& router, const std::vector<TrainingExample>& examples)
{
    std::vector<ScoredPrompt> scored;
    for (const TrainingExample& example : examples) {
        scored.push_back({ router.pStrong(example.prompt), example.weak, example.strong });
    }
    return RoutingQuality(std::move(scored)).apgr();
}
} // namespace

class TestRouterTrainer : public QObject
{
    Q_OBJECT

private slots:
    void topicDecidesNeed_learnedAndCalibrated();
    void shapeAlone_treesLearnWhatNoNgramTells();
    void boostingOff_linearRouterOnly();
    void sameSeed_sameRouterOnOneOrTwoThreads();
    void crossValidation_reportsEveryGridPointAndPicksTheBest();
    void tooFewPrompts_refused();
    void cancelled_returnsNoRouter();
    void sharedPoolSlice_beatsRandomOnHeldOutRows();
    void calibration_fitsTheMostLikelySlopeAndIntercept_data();
    void calibration_fitsTheMostLikelySlopeAndIntercept();
};

void TestRouterTrainer::topicDecidesNeed_learnedAndCalibrated()
{
    TrainingReport report;
    QString error;
    const auto router = RouterTrainer(LearningFixtures::quickOptions())
                            .train(LearningFixtures::topicExamples(600, 1), &report, &error);
    QVERIFY2(router, qPrintable(error));
    // Ranking by topic alone scores about 0.74 here (the flipped labels cannot be predicted);
    // random routing 0.5.
    const double apgr = heldOutApgr(*router, LearningFixtures::topicExamples(300, 2));
    QVERIFY2(apgr > 0.70, qPrintable(QStringLiteral("held-out APGR %1").arg(apgr)));
    // 90% of proofs need the strong model, 10% of small talk does (the flipped labels).
    const double proof = router->pStrong(u"Prove that the integral of sin x over the unit interval converges");
    const double smallTalk = router->pStrong(u"Say hello to my friend Anna in a cheerful way");
    QVERIFY2(proof > 0.7, qPrintable(QString::number(proof)));
    QVERIFY2(smallTalk < 0.3, qPrintable(QString::number(smallTalk)));
}

void TestRouterTrainer::shapeAlone_treesLearnWhatNoNgramTells()
{
    const std::vector<TrainingExample> train = LearningFixtures::countingExamples(600, 21);
    const std::vector<TrainingExample> test = LearningFixtures::countingExamples(400, 22);
    TrainingReport report;
    QString error;
    const auto boosted = RouterTrainer(LearningFixtures::shapeOnlyOptions()).train(train, &report, &error);
    QVERIFY2(boosted, qPrintable(error));
    QVERIFY(boosted->isBoosted());
    QVERIFY(report.boosted.has_value());
    QCOMPARE(report.boostingCurve.size(), 2 * 5); // depths 3 and 4 x five round counts
    // Constant linear scores rank at random (0.5); the trees count the numbers (the flipped labels
    // keep even a perfect count near 0.75).
    QVERIFY2(report.chosen.apgr < 0.55 && report.boosted->apgr > 0.7,
             qPrintable(QStringLiteral("trees %1, linear %2").arg(report.boosted->apgr).arg(report.chosen.apgr)));
    const double apgr = heldOutApgr(*boosted, test);
    QVERIFY2(apgr > 0.7, qPrintable(QStringLiteral("held-out APGR %1").arg(apgr)));
    QVERIFY(boosted->pStrong(u"Add these up: 12, 2538, 31, 7, 58, 661, 9, 4") > 0.5);
    QVERIFY(boosted->pStrong(u"Add these up: 1200, 2538") < 0.5);
}

void TestRouterTrainer::boostingOff_linearRouterOnly()
{
    TrainingOptions options = LearningFixtures::quickOptions();
    options.boosting = false;
    TrainingReport report;
    QString error;
    QList<int> progress;
    const auto router = RouterTrainer(options).train(LearningFixtures::countingExamples(300, 23), &report, &error,
                                                     [&progress](int done, int) { progress.append(done); });
    QVERIFY2(router, qPrintable(error));
    QVERIFY(!router->isBoosted());
    QVERIFY(report.boostingCurve.isEmpty());
    QVERIFY(!report.boosted);
    QCOMPARE(progress.last(), 2 * 2 * 3); // labels x lambdas x folds; the weights are their mean
}

void TestRouterTrainer::sameSeed_sameRouterOnOneOrTwoThreads()
{
    const std::vector<TrainingExample> examples = LearningFixtures::topicExamples(300, 3);
    TrainingOptions one = LearningFixtures::quickOptions();
    one.threads = 1;
    TrainingOptions two = LearningFixtures::quickOptions();
    two.threads = 2;
    QString error;
    TrainingReport reportOne;
    TrainingReport reportTwo;
    const auto first = RouterTrainer(one).train(examples, &reportOne, &error);
    const auto second = RouterTrainer(two).train(examples, &reportTwo, &error);
    QVERIFY(first && second);
    for (const TrainingExample& example : LearningFixtures::topicExamples(50, 4)) {
        QCOMPARE(first->pStrong(example.prompt), second->pStrong(example.prompt));
    }
    for (qsizetype i = 0; i < reportOne.curve.size(); ++i) {
        QCOMPARE(reportOne.curve.at(i).apgr, reportTwo.curve.at(i).apgr);
    }
    QCOMPARE(reportOne.boostingCurve.size(), reportTwo.boostingCurve.size());
    for (qsizetype i = 0; i < reportOne.boostingCurve.size(); ++i) {
        QCOMPARE(reportOne.boostingCurve.at(i).apgr, reportTwo.boostingCurve.at(i).apgr);
    }
}

void TestRouterTrainer::crossValidation_reportsEveryGridPointAndPicksTheBest()
{
    TrainingOptions options = LearningFixtures::quickOptions();
    options.lambdas = { 1e-5, 1e-3, 1e-1 };
    TrainingReport report;
    QString error;
    QList<int> progress;
    const auto router = RouterTrainer(options).train(LearningFixtures::topicExamples(300, 5), &report, &error,
                                                     [&progress](int done, int) { progress.append(done); });
    QVERIFY(router);
    QCOMPARE(report.curve.size(), 2 * 3);
    QCOMPARE(report.examples, 300);
    double best = 0;
    for (const CrossValidationPoint& point : report.curve) {
        QVERIFY(point.apgr > 0 && point.apgr <= 1.5);
        QVERIFY(point.cpt50 <= point.cpt80);
        best = std::max(best, point.apgr);
    }
    QCOMPARE(report.chosen.apgr, best);
    // One report per fold fit (2 x 3 points x 3 folds), per fold of the two extra linear scores
    // (2 x 3) and of each depth of boosted trees (2 x 3), and one at the end (the trees fitted on
    // all examples).
    QCOMPARE(progress.size(), 18 + 6 + 6 + 1);
    QCOMPARE(progress.last(), 30);
    // The threshold table: a higher threshold sends fewer prompts to the strong model.
    QCOMPARE(report.thresholds.size(), 19);
    QCOMPARE(report.thresholds.first().threshold, 0.05);
    QCOMPARE(report.thresholds.last().threshold, 0.95);
    for (qsizetype i = 1; i < report.thresholds.size(); ++i) {
        QVERIFY(report.thresholds.at(i).strongShare <= report.thresholds.at(i - 1).strongShare);
    }
    QVERIFY(report.thresholds.first().gapRecovered > report.thresholds.last().gapRecovered);
    // The report travels with the model.
    QCOMPARE(router->report().value(QStringLiteral("cross_validation")).toArray().size(), 6);
}

void TestRouterTrainer::tooFewPrompts_refused()
{
    QString error;
    QVERIFY(
        !RouterTrainer(LearningFixtures::quickOptions()).train(LearningFixtures::topicExamples(5, 6), nullptr, &error));
    QCOMPARE(error, QStringLiteral("at least 6 prompts are needed to train, got 5"));
}

void TestRouterTrainer::cancelled_returnsNoRouter()
{
    std::atomic_bool cancel { true };
    QString error;
    QVERIFY(!RouterTrainer(LearningFixtures::quickOptions())
                 .train(LearningFixtures::topicExamples(300, 7), nullptr, &error, {}, &cancel));
    QCOMPARE(error, QStringLiteral("training cancelled"));
}

void TestRouterTrainer::sharedPoolSlice_beatsRandomOnHeldOutRows()
{
    const PromptFile file = PromptFile::read(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/router-train/train.jsonl"));
    QVERIFY2(file.ok(), qPrintable(file.errorString()));
    std::vector<TrainingExample> train;
    std::vector<TrainingExample> test;
    for (const PromptRow& row : file.rows()) {
        const TrainingExample example { row.prompt, row.scores.value(QStringLiteral("mixtral-8x7b-instruct")),
                                        row.scores.value(QStringLiteral("gpt-4-1106-preview")) };
        // The benchmark's split: ids whose first 8 hex digits are 0-2 mod 10 are held out.
        const bool heldOut = row.id.left(8).toULongLong(nullptr, 16) % 10 < 3;
        if (heldOut && test.size() < 1500) {
            test.push_back(example);
        } else if (!heldOut && train.size() < 3000) {
            train.push_back(example);
        }
    }
    TrainingOptions options;
    options.lambdas = { 3e-4, 1e-3 };
    options.labelModes = { LabelMode::ScoreGap };
    QString error;
    const auto router = RouterTrainer(options).train(train, nullptr, &error);
    QVERIFY2(router, qPrintable(error));
    const double apgr = heldOutApgr(*router, test);
    QVERIFY2(apgr > 0.56, qPrintable(QStringLiteral("held-out APGR %1").arg(apgr)));
}

void TestRouterTrainer::calibration_fitsTheMostLikelySlopeAndIntercept_data()
{
    QTest::addColumn<QList<double>>("margins");
    QTest::addColumn<QList<double>>("targets");
    QTest::addColumn<double>("slope");
    QTest::addColumn<double>("intercept");
    // Shares 1/3 at margin 0 and 2/3 at margin 1: intercept ln(1/2), slope ln 4.
    QTest::newRow("a third strong at 0, two thirds at 1")
        << QList<double> { 0, 0, 0, 1, 1, 1 } << QList<double> { 0, 0, 1, 0, 1, 1 } << std::log(4.0) << std::log(0.5);
    QTest::newRow("margins that say nothing: slope 0, even odds")
        << QList<double> { -1, 1, -1, 1 } << QList<double> { 0, 1, 1, 0 } << 0.0 << 0.0;
    // A full Newton step from slope 1 overshoots here and ran away to slope 17,847.
    QTest::newRow("one strong win among weak ones, far from slope 1")
        << QList<double> { 2, 2.5, 3, 3.5 } << QList<double> { 0, 0, 1, 0 } << 1.1332409687035758 << -4.313530128680236;
}

void TestRouterTrainer::calibration_fitsTheMostLikelySlopeAndIntercept()
{
    QFETCH(QList<double>, margins);
    QFETCH(QList<double>, targets);
    QFETCH(double, slope);
    QFETCH(double, intercept);
    const auto [fittedSlope, fittedIntercept] = Calibration::fit(std::vector<double>(margins.begin(), margins.end()),
                                                                 std::vector<double>(targets.begin(), targets.end()));
    QVERIFY2(std::abs(fittedSlope - slope) < 1e-6 && std::abs(fittedIntercept - intercept) < 1e-6,
             qPrintable(QStringLiteral("slope %1, intercept %2").arg(fittedSlope).arg(fittedIntercept)));
}

QTEST_GUILESS_MAIN(TestRouterTrainer)
#include "tst_RouterTrainer.moc"
