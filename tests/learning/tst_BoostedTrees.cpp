#include "core/learning/BoostedTrees.h"

#include <QTest>

#include <cmath>
#include <random>

// Boosted regression trees: they learn what a line over feature 0 cannot, are deterministic for
// a seed, and stored trees are accepted only when every walk ends.
class TestBoostedTrees : public QObject
{
    Q_OBJECT

private slots:
    void fit_learnsAStepTheLineMisses();
    void sameSeed_sameTrees();
    void truncate_keepsTheFirstRounds();
    void predict_followsTheNodes_data();
    void predict_followsTheNodes();
    void average_predictsTheMeanOfItsModels_data();
    void average_predictsTheMeanOfItsModels();
    void fromParts_refusesTreesThatCannotBeWalked_data();
    void fromParts_refusesTreesThatCannotBeWalked();
};

namespace {
// Two features: x0 a noisy score the target follows linearly, x1 a step (target +1 above 0.5).
struct Data
{
    std::vector<float> x;
    std::vector<double> y;
    std::vector<std::size_t> rows;
};

Data stepData(int count, unsigned seed)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> uniform(0, 1);
    Data data;
    for (int i = 0; i < count; ++i) {
        const float x0 = uniform(random);
        const float x1 = uniform(random);
        data.x.push_back(x0);
        data.x.push_back(x1);
        data.y.push_back(0.5 * x0 + (x1 > 0.5f ? 1.0 : 0.0));
        data.rows.push_back(std::size_t(i));
    }
    return data;
}

BoostingSettings quick()
{
    BoostingSettings settings;
    settings.depth = 2;
    settings.rounds = 300;
    settings.shrinkage = 0.05;
    return settings;
}
} // namespace

void TestBoostedTrees::fit_learnsAStepTheLineMisses()
{
    const Data data = stepData(2000, 1);
    const BoostedTrees trees = BoostedTrees::fit(data.x, 2, data.y, data.rows, quick(), 7);
    QCOMPARE(trees.rounds(), 300);
    QVERIFY(std::abs(trees.slope() - 0.5) < 0.15); // the line over feature 0 comes first
    const float low[] = { 0.5f, 0.2f };
    const float high[] = { 0.5f, 0.8f };
    QVERIFY2(std::abs(trees.predict(high) - trees.predict(low) - 1.0) < 0.1,
             qPrintable(QStringLiteral("%1 vs %2").arg(trees.predict(high)).arg(trees.predict(low))));
    // No trees: the line alone, the same for both.
    QCOMPARE(trees.predict(high, 0), trees.predict(low, 0));
}

void TestBoostedTrees::sameSeed_sameTrees()
{
    const Data data = stepData(500, 2);
    const BoostedTrees first = BoostedTrees::fit(data.x, 2, data.y, data.rows, quick(), 3);
    const BoostedTrees second = BoostedTrees::fit(data.x, 2, data.y, data.rows, quick(), 3);
    QCOMPARE(first.nodes().size(), second.nodes().size());
    for (std::size_t i = 0; i < first.nodes().size(); ++i) {
        QCOMPARE(first.nodes()[i].threshold, second.nodes()[i].threshold);
        QCOMPARE(first.nodes()[i].value, second.nodes()[i].value);
    }
}

void TestBoostedTrees::truncate_keepsTheFirstRounds()
{
    const Data data = stepData(500, 4);
    BoostedTrees trees = BoostedTrees::fit(data.x, 2, data.y, data.rows, quick(), 5);
    const float x[] = { 0.3f, 0.7f };
    const double at100 = trees.predict(x, 100);
    trees.truncate(100);
    QCOMPARE(trees.rounds(), 100);
    QCOMPARE(trees.predict(x), at100);
}

// What predict() computes, walked node by node: the stored trees are what a file keeps, and the
// laid-out copy predict() reads must agree with them exactly.
double walk(const BoostedTrees& trees, const float* x)
{
    double sum = trees.base() + trees.slope() * x[0];
    const std::vector<BoostedTrees::Node>& nodes = trees.nodes();
    for (quint32 root : trees.roots()) {
        const BoostedTrees::Node* node = &nodes[root];
        while (node->feature >= 0) {
            node = &nodes[x[node->feature] <= node->threshold ? node->left : node->right];
        }
        sum += node->value;
    }
    return sum;
}

void TestBoostedTrees::predict_followsTheNodes_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("minLeaf");

    QTest::newRow("stumps") << 1 << 20;
    QTest::newRow("depth 4, full trees") << 4 << 5;
    QTest::newRow("depth 4, leaves above the bottom (large minimum leaf)") << 4 << 150;
    QTest::newRow("depth 6, most branches stop early") << 6 << 60;
    QTest::newRow("depth 10: deeper than the laid-out copy, walked") << 10 << 2;
}

void TestBoostedTrees::predict_followsTheNodes()
{
    QFETCH(int, depth);
    QFETCH(int, minLeaf);
    const Data data = stepData(1500, 9);
    BoostingSettings settings = quick();
    settings.depth = depth;
    settings.minLeaf = minLeaf;
    settings.rounds = 40;
    const BoostedTrees trees = BoostedTrees::fit(data.x, 2, data.y, data.rows, settings, 13);
    std::mt19937 random(17);
    std::uniform_real_distribution<float> uniform(-0.2f, 1.2f);
    for (int i = 0; i < 500; ++i) {
        const float x[] = { uniform(random), uniform(random) };
        QCOMPARE(trees.predict(x), walk(trees, x));
    }
    // The stored edges themselves, where <= decides.
    for (const BoostedTrees::Node& node : trees.nodes()) {
        if (node.feature >= 0) {
            float x[] = { 0.5f, 0.5f };
            x[node.feature] = node.threshold;
            QCOMPARE(trees.predict(x), walk(trees, x));
        }
    }
}

void TestBoostedTrees::average_predictsTheMeanOfItsModels_data()
{
    QTest::addColumn<int>("models");
    QTest::addColumn<float>("x0");
    QTest::addColumn<float>("x1");

    QTest::newRow("one model: itself, below the step") << 1 << 0.2f << 0.3f;
    QTest::newRow("two models, above the step") << 2 << 0.6f << 0.9f;
    QTest::newRow("six models, at the edge of the data") << 6 << 1.0f << 0.0f;
    QTest::newRow("six models, outside the data") << 6 << -3.0f << 7.0f;
}

void TestBoostedTrees::average_predictsTheMeanOfItsModels()
{
    QFETCH(int, models);
    QFETCH(float, x0);
    QFETCH(float, x1);
    const Data data = stepData(600, 8);
    std::vector<BoostedTrees> bag;
    double expected = 0;
    const float x[] = { x0, x1 };
    for (int m = 0; m < models; ++m) {
        BoostingSettings settings = quick();
        settings.rounds = 50 + 20 * m; // models of different sizes
        bag.push_back(BoostedTrees::fit(data.x, 2, data.y, data.rows, settings, quint32(11 + m)));
        expected += bag.back().predict(x) / models;
    }
    const BoostedTrees mean = BoostedTrees::average(bag);
    QCOMPARE(mean.featureCount(), 2);
    int rounds = 0;
    for (const BoostedTrees& model : bag) {
        rounds += model.rounds();
    }
    QCOMPARE(mean.rounds(), rounds);
    QVERIFY2(std::abs(mean.predict(x) - expected) < 1e-5,
             qPrintable(QStringLiteral("%1 vs %2").arg(mean.predict(x)).arg(expected)));
    // What a file holds is walked and checked again on loading: the merged trees pass.
    QVERIFY(BoostedTrees::fromParts(2, mean.base(), mean.slope(), mean.roots(), mean.nodes()).has_value());
}

using Nodes = std::vector<BoostedTrees::Node>;
Q_DECLARE_METATYPE(Nodes)
Q_DECLARE_METATYPE(std::vector<quint32>)

void TestBoostedTrees::fromParts_refusesTreesThatCannotBeWalked_data()
{
    QTest::addColumn<std::vector<quint32>>("roots");
    QTest::addColumn<Nodes>("nodes");
    QTest::addColumn<bool>("accepted");
    const BoostedTrees::Node leaf { -1, 0, 0, 0, 0.5f };
    QTest::newRow("a stump and a single leaf")
        << std::vector<quint32> { 0, 3 } << Nodes { { 1, 0.5f, 1, 2, 0 }, leaf, leaf, leaf } << true;
    QTest::newRow("no trees at all") << std::vector<quint32> {} << Nodes {} << true;
    QTest::newRow("a child pointing back at its parent")
        << std::vector<quint32> { 0 } << Nodes { { 0, 0.5f, 0, 1, 0 }, leaf } << false;
    QTest::newRow("a child in the next tree")
        << std::vector<quint32> { 0, 2 } << Nodes { { 0, 0.5f, 1, 2, 0 }, leaf, leaf } << false;
    QTest::newRow("a feature the rows do not have")
        << std::vector<quint32> { 0 } << Nodes { { 2, 0.5f, 1, 2, 0 }, leaf, leaf } << false;
    QTest::newRow("a root past the nodes") << std::vector<quint32> { 0, 5 } << Nodes { leaf, leaf } << false;
    QTest::newRow("roots out of order") << std::vector<quint32> { 1, 0 } << Nodes { leaf, leaf } << false;
}

void TestBoostedTrees::fromParts_refusesTreesThatCannotBeWalked()
{
    QFETCH(std::vector<quint32>, roots);
    QFETCH(Nodes, nodes);
    QFETCH(bool, accepted);
    const auto trees = BoostedTrees::fromParts(2, 0.1, 1.0, roots, nodes);
    QCOMPARE(trees.has_value(), accepted);
    if (trees) {
        const float x[] = { 0.0f, 0.0f };
        QCOMPARE(trees->predict(x), 0.1 + 0.5 * double(roots.size()));
    }
}

QTEST_GUILESS_MAIN(TestBoostedTrees)
#include "tst_BoostedTrees.moc"
