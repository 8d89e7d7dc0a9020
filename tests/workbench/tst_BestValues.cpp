#include "core/workbench/BestValues.h"

#include <QTest>

namespace {
BestValues::Candidate done(qint64 ttft, qint64 latency, std::optional<double> rate, std::optional<double> cost)
{
    ColumnFigures f;
    f.ttftMs = ttft;
    f.latencyMs = latency;
    f.tokensPerSecond = rate;
    f.costUsd = cost;
    f.priced = cost.has_value();
    return { f, true };
}
} // namespace

using Candidates = QList<BestValues::Candidate>;
using Indices = QList<int>;

class tst_BestValues : public QObject
{
    Q_OBJECT

private slots:
    void best_data()
    {
        QTest::addColumn<Candidates>("candidates");
        QTest::addColumn<int>("figure");
        QTest::addColumn<Indices>("expected");

        const Candidates three { done(300, 2000, 80, 0.002), done(120, 2500, 95, 0.0001), done(500, 1500, 60, 0.01) };
        QTest::newRow("lowest first-token time wins") << three << int(BestValues::TimeToFirstToken) << Indices { 1 };
        QTest::newRow("lowest latency wins") << three << int(BestValues::Latency) << Indices { 2 };
        QTest::newRow("highest tokens per second wins") << three << int(BestValues::TokensPerSecond) << Indices { 1 };
        QTest::newRow("cheapest wins") << three << int(BestValues::Cost) << Indices { 1 };

        Candidates withFailed = three;
        withFailed[1].finished = false;
        QTest::newRow("a failed column never wins") << withFailed << int(BestValues::TimeToFirstToken) << Indices { 0 };

        const Candidates unpriced { done(100, 1000, 50, std::nullopt), done(200, 1000, 50, 0.5),
                                    done(200, 1000, 50, 0.7) };
        QTest::newRow("unpriced is not cheapest") << unpriced << int(BestValues::Cost) << Indices { 1 };
        QTest::newRow("ties mark every tied column")
            << Candidates { done(100, 900, 1, 1), done(100, 900, 1, 2), done(200, 900, 1, 3) }
            << int(BestValues::TimeToFirstToken) << Indices { 0, 1 };
        QTest::newRow("everyone tied marks nobody") << unpriced << int(BestValues::Latency) << Indices {};
        QTest::newRow("a lone finished column is not best")
            << Candidates { done(100, 900, 1, 1), { ColumnFigures {}, false } } << int(BestValues::TimeToFirstToken)
            << Indices {};
        QTest::newRow("a free model is cheapest")
            << Candidates { done(1, 1, 1, 0.0), done(1, 1, 1, 0.01) } << int(BestValues::Cost) << Indices { 0 };
    }
    void best()
    {
        QFETCH(Candidates, candidates);
        QFETCH(int, figure);
        QFETCH(Indices, expected);
        const BestValues values = BestValues::compute(candidates);
        Indices actual = values.best(BestValues::Figure(figure)).values();
        std::sort(actual.begin(), actual.end());
        QCOMPARE(actual, expected);
    }
};

QTEST_GUILESS_MAIN(tst_BestValues)
#include "tst_BestValues.moc"
