#include "core/evaluation/EvaluationSummary.h"

#include <QTest>

#include <cmath>

Q_DECLARE_METATYPE(EvaluationCell)

// The totals of an evaluation as a table: Wilson intervals, percentiles, cost per pass, and the
// cheapest model whose pass rate is not significantly below the best.
class tst_EvaluationSummary : public QObject
{
    Q_OBJECT

private slots:
    void wilson_data();
    void wilson();
    void percentile_data();
    void percentile();
    void of_countsPassesCostsAndLatencies();
    void cheapestPassing_data();
    void cheapestPassing();
};

namespace {
// `passes` of `n` cells of `model`, each costing `cost` (nullopt: unpriced), latencies 100, 200, ...
QList<EvaluationCell> cells(const QString& model, int passes, int n, std::optional<double> cost)
{
    QList<EvaluationCell> list;
    for (int i = 0; i < n; ++i) {
        EvaluationCell cell;
        cell.promptIndex = i;
        cell.model = model;
        cell.state = CellState::Done;
        cell.grade = i < passes ? Grade::pass() : Grade::fail(QStringLiteral("no"));
        cell.costUsd = cost;
        cell.latencyMs = 100 * (i + 1);
        list.append(cell);
    }
    return list;
}
} // namespace

void tst_EvaluationSummary::wilson_data()
{
    QTest::addColumn<int>("passes");
    QTest::addColumn<int>("n");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    // Reference values: the Wilson score interval at z = 1.96 (e.g. Newcombe 1998, table I).
    QTest::newRow("8 of 10") << 8 << 10 << 0.4902 << 0.9433;
    QTest::newRow("0 of 10: the interval still has width") << 0 << 10 << 0.0 << 0.2775;
    QTest::newRow("10 of 10") << 10 << 10 << 0.7225 << 1.0;
    QTest::newRow("81 of 263") << 81 << 263 << 0.2553 << 0.3662;
    QTest::newRow("nothing graded: all is possible") << 0 << 0 << 0.0 << 1.0;
}

void tst_EvaluationSummary::wilson()
{
    QFETCH(int, passes);
    QFETCH(int, n);
    QFETCH(double, low);
    QFETCH(double, high);
    const auto [gotLow, gotHigh] = EvaluationSummary::wilson(passes, n);
    QVERIFY2(std::abs(gotLow - low) < 5e-4, qPrintable(QString::number(gotLow)));
    QVERIFY2(std::abs(gotHigh - high) < 5e-4, qPrintable(QString::number(gotHigh)));
}

void tst_EvaluationSummary::percentile_data()
{
    QTest::addColumn<QList<qint64>>("values");
    QTest::addColumn<double>("q");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("median of an odd count") << QList<qint64> { 30, 10, 20 } << 0.5 << qint64(20);
    QTest::newRow("median of an even count: the lower one") << QList<qint64> { 40, 10, 30, 20 } << 0.5 << qint64(20);
    QTest::newRow("p95 of 20 values is the 19th") << [] {
        QList<qint64> values;
        for (int i = 1; i <= 20; ++i) {
            values.append(i);
        }
        return values;
    }() << 0.95 << qint64(19);
    QTest::newRow("p95 of one value") << QList<qint64> { 7 } << 0.95 << qint64(7);
    QTest::newRow("none") << QList<qint64> {} << 0.5 << qint64(0);
}

void tst_EvaluationSummary::percentile()
{
    QFETCH(QList<qint64>, values);
    QFETCH(double, q);
    QFETCH(qint64, expected);
    QCOMPARE(EvaluationSummary::percentile(values, q), expected);
}

void tst_EvaluationSummary::of_countsPassesCostsAndLatencies()
{
    QList<EvaluationCell> all = cells(QStringLiteral("a"), 3, 4, 0.01);
    all[0].judgeCostUsd = 0.002;
    EvaluationCell failedCall;
    failedCall.model = QStringLiteral("a");
    failedCall.state = CellState::Failed;
    all.append(failedCall);
    EvaluationCell judgeError = cells(QStringLiteral("b"), 0, 1, std::nullopt).first();
    judgeError.grade = Grade::error(QStringLiteral("judge unreachable"));
    all.append(judgeError);
    const QList<ModelSummary> summaries
        = EvaluationSummary::of(all, { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") });
    QCOMPARE(summaries.size(), 3);
    const ModelSummary& a = summaries.at(0);
    QCOMPARE(a.graded, 4);
    QCOMPARE(a.passes, 3);
    QCOMPARE(a.failedCalls, 1);
    QCOMPARE(a.passRate, 0.75);
    QVERIFY(std::abs(a.costUsd - 0.04) < 1e-12);
    QVERIFY(std::abs(*a.costPerPass - 0.04 / 3) < 1e-12);
    QVERIFY(std::abs(*a.costPerPrompt - 0.01) < 1e-12);
    QVERIFY(std::abs(a.judgeCostUsd - 0.002) < 1e-12);
    QCOMPARE(a.p50LatencyMs, qint64(200));
    QCOMPARE(a.p95LatencyMs, qint64(400));
    const ModelSummary& b = summaries.at(1);
    QCOMPARE(b.graded, 1);
    QCOMPARE(b.errors, 1);
    QCOMPARE(b.unpricedCalls, 1);
    QVERIFY(!b.costPerPrompt);
    QVERIFY(!b.costPerPass);
    QCOMPARE(summaries.at(2).graded, 0);
}

void tst_EvaluationSummary::cheapestPassing_data()
{
    QTest::addColumn<QList<EvaluationCell>>("cells");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("best");

    QTest::newRow("a cheap model close to the best wins: 18/20 vs 19/20")
        << cells("strong", 19, 20, 0.05) + cells("cheap", 18, 20, 0.001) << "cheap"
        << "strong";
    QTest::newRow("a cheap model significantly below loses: 8/20 vs 19/20")
        << cells("strong", 19, 20, 0.05) + cells("cheap", 8, 20, 0.001) << "strong"
        << "strong";
    QTest::newRow("of two close ones the cheaper: 20/20, 19/20 at less, 18/20 at least")
        << cells("top", 20, 20, 0.05) + cells("mid", 19, 20, 0.01) + cells("low", 18, 20, 0.002) << "low"
        << "top";
    QTest::newRow("an unpriced model is never suggested")
        << cells("strong", 10, 10, 0.05) + cells("free?", 10, 10, std::nullopt) << "strong"
        << "strong";
    QTest::newRow("few prompts prove little: 2/3 is not significantly below 3/3")
        << cells("strong", 3, 3, 0.05) + cells("cheap", 2, 3, 0.001) << "cheap"
        << "strong";
    QTest::newRow("nothing graded") << QList<EvaluationCell> {} << ""
                                    << "";
}

void tst_EvaluationSummary::cheapestPassing()
{
    QFETCH(QList<EvaluationCell>, cells);
    QFETCH(QString, model);
    QFETCH(QString, best);
    QStringList models;
    for (const EvaluationCell& cell : cells) {
        if (!models.contains(cell.model)) {
            models.append(cell.model);
        }
    }
    const auto suggestion = EvaluationSummary::cheapestPassing(EvaluationSummary::of(cells, models));
    QCOMPARE(suggestion.model, model);
    QCOMPARE(suggestion.best, best);
    QVERIFY(!suggestion.reason.isEmpty());
}

QTEST_GUILESS_MAIN(tst_EvaluationSummary)
#include "tst_EvaluationSummary.moc"
