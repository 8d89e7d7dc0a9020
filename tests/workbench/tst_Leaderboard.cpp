#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerQueries.h"
#include "core/workbench/BradleyTerry.h"
#include "core/workbench/Leaderboard.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

// The rating math and the leaderboard over fixtures of votes whose ratings are worked out by hand
// in the comments (Elo scale: rating = 1000 + 400 log10(e) theta = 1000 + 173.7178 ln p).
namespace {
using Games = QList<BradleyTerry::Game>;
using Ratings = QList<double>;

QDateTime day(int d)
{
    return QDateTime(QDate(2026, 3, d), QTime(12, 0), Qt::UTC);
}

VotedColumn column(const QString& model, std::optional<double> cost, const QString& settings = {},
                   const QString& tier = {}, const QString& rule = {})
{
    return { model, settings, tier, rule, cost };
}

VotedRun run(int d, const QList<VotedColumn>& columns, const QString& winner, const QString& winnerSettings = {},
             const QString& tag = {})
{
    VotedRun r;
    r.compareGroup = QStringLiteral("g%1").arg(d);
    r.at = day(d);
    r.winnerModel = winner;
    r.winnerSettings = winnerSettings;
    r.tie = winner.isEmpty();
    r.tag = tag;
    r.columns = columns;
    return r;
}

// Seven voted comparisons: A beats B three times out of four (1-4 March), A and B tie (5 March),
// A at temperature 0.2 beats A at temperature 1 (6 March), C beats D routed through tier "fast"
// by rule "short", tagged "coding" (7 March; C unpriced).
QList<VotedRun> fixture()
{
    const VotedColumn a = column(QStringLiteral("A"), 0.01);
    const VotedColumn b = column(QStringLiteral("B"), 0.02);
    const QString cool = QStringLiteral("temperature=0.2");
    const QString warm = QStringLiteral("temperature=1");
    return {
        run(1, { a, b }, QStringLiteral("A")),
        run(2, { a, b }, QStringLiteral("A")),
        run(3, { b, a }, QStringLiteral("A")),
        run(4, { a, b }, QStringLiteral("B")),
        run(5, { a, b }, QString()),
        run(6, { column(QStringLiteral("A"), 0.01, warm), column(QStringLiteral("A"), 0.01, cool) },
            QStringLiteral("A"), cool),
        run(7,
            { column(QStringLiteral("C"), std::nullopt, {}, QStringLiteral("fast"), QStringLiteral("short")),
              column(QStringLiteral("D"), 0.03, {}, QStringLiteral("fast"), QStringLiteral("short")) },
            QStringLiteral("C"), {}, QStringLiteral("coding")),
    };
}

// "model|settings|wins|losses|ties" per row, best first.
QStringList standings(const QList<Leaderboard::Row>& rows)
{
    QStringList lines;
    for (const auto& row : rows) {
        lines << QStringLiteral("%1|%2|%3|%4|%5")
                     .arg(row.model, row.settings)
                     .arg(row.wins)
                     .arg(row.losses)
                     .arg(row.ties);
    }
    return lines;
}
} // namespace

Q_DECLARE_METATYPE(BradleyTerry::Game)
Q_DECLARE_METATYPE(Leaderboard::Filter)

class tst_Leaderboard : public QObject
{
    Q_OBJECT

private slots:
    void bradleyTerry_matchesHandComputedRatings_data()
    {
        QTest::addColumn<int>("players");
        QTest::addColumn<Games>("games");
        QTest::addColumn<double>("prior");
        QTest::addColumn<Ratings>("expected");

        // p_A / p_B = 3 / 1, normalised to sqrt(3) and 1/sqrt(3): 1000 +- 200 log10(3).
        QTest::newRow("three wins to one: ratio 3") << 2 << Games { { 0, 1, 1 }, { 0, 1, 1 }, { 0, 1, 1 }, { 1, 0, 1 } }
                                                    << 0.0 << Ratings { 1095.4243, 904.5757 };
        QTest::newRow("ties only: equal")
            << 2 << Games { { 0, 1, 0.5 }, { 1, 0, 0.5 } } << 0.0 << Ratings { 1000, 1000 };
        QTest::newRow("a beats b beats c beats a: equal")
            << 3 << Games { { 0, 1, 1 }, { 1, 2, 1 }, { 2, 0, 1 } } << 0.0 << Ratings { 1000, 1000, 1000 };
        // p = (4, 2, 1) fits exactly: A wins 3 x 4/6 + 5 x 4/5 = 6 of A-B 2:1 and A-C 4:1, B wins
        // 3 x 2/6 + 3 x 2/3 = 3, C wins 5 x 1/5 + 3 x 1/3 = 2. Normalised: 1000 + 400 log10(2) x (1, 0, -1).
        QTest::newRow("2:1, 2:1 and 4:1: strengths 4, 2, 1")
            << 3 << Games { { 0, 1, 1 }, { 0, 1, 1 }, { 1, 0, 1 }, { 1, 2, 1 }, { 1, 2, 1 }, { 2, 1, 1 },
                            { 0, 2, 1 }, { 0, 2, 1 }, { 0, 2, 1 }, { 0, 2, 1 }, { 2, 0, 1 } }
            << 0.0 << Ratings { 1120.4120, 1000, 879.5880 };
        // One win and one virtual tie each against the reference (p = 1). By symmetry p_B = 1/p_A = 1/x;
        // A's score equals its expectation: 1 + 0.5 = x/(x + 1/x) + x/(x + 1), so x = 2.130395 and
        // the ratings are 1000 +- 173.7178 ln(2.130395) = 1000 +- 131.3841.
        QTest::newRow("one win with the prior: finite")
            << 2 << Games { { 0, 1, 1 } } << 1.0 << Ratings { 1131.3841, 868.6159 };
        QTest::newRow("no games with the prior: the reference") << 2 << Games {} << 1.0 << Ratings { 1000, 1000 };
    }
    void bradleyTerry_matchesHandComputedRatings()
    {
        QFETCH(int, players);
        QFETCH(Games, games);
        QFETCH(double, prior);
        QFETCH(Ratings, expected);
        const BradleyTerry::Fit fit = BradleyTerry::fit(players, games, prior);
        QVERIFY(fit.converged);
        QCOMPARE(fit.theta.size(), expected.size());
        for (int i = 0; i < players; ++i) {
            QVERIFY2(std::abs(BradleyTerry::rating(fit.theta[i]) - expected[i]) < 1e-3,
                     qPrintable(QStringLiteral("player %1: %2, expected %3")
                                    .arg(i)
                                    .arg(BradleyTerry::rating(fit.theta[i]), 0, 'f', 4)
                                    .arg(expected[i], 0, 'f', 4)));
        }
    }

    void bradleyTerry_intervalFromTheHessian()
    {
        // Three to one: p = sqrt(3), 1/sqrt(3); each game weighs p_A p_B / (p_A + p_B)^2 = 3/16, so
        // the information is 4 x 3/16 = 3/4 along A - B; with theta_A = -theta_B the variance of
        // theta_A is 1 / (4 x 3/4) = 1/3, the 95 % half-width 1.96 x sqrt(1/3) x 173.7178 = 196.58.
        const BradleyTerry::Fit fit = BradleyTerry::fit(2, { { 0, 1, 1 }, { 0, 1, 1 }, { 0, 1, 1 }, { 1, 0, 1 } }, 0.0);
        for (double se : fit.standardError) {
            QVERIFY(std::abs(BradleyTerry::kZ95 * se * BradleyTerry::ratingScale() - 196.5766) < 1e-3);
        }
        // More of the same evidence narrows it: 30 to 10 has a tenth of the variance.
        Games many;
        for (int i = 0; i < 10; ++i) {
            many << BradleyTerry::Game { 0, 1, 1 } << BradleyTerry::Game { 0, 1, 1 } << BradleyTerry::Game { 0, 1, 1 }
                 << BradleyTerry::Game { 1, 0, 1 };
        }
        const BradleyTerry::Fit more = BradleyTerry::fit(2, many, 0.0);
        QVERIFY(std::abs(more.standardError[0] - std::sqrt(1.0 / 30)) < 1e-9);
        QVERIFY(std::abs(more.theta[0] - fit.theta[0]) < 1e-9);
    }

    void leaderboard_fromVotes_data()
    {
        QTest::addColumn<int>("grouping");
        QTest::addColumn<Leaderboard::Filter>("filter");
        QTest::addColumn<double>("prior");
        QTest::addColumn<QStringList>("expectedStandings");
        QTest::addColumn<Ratings>("expectedRatings");

        const int byModel = int(Leaderboard::Grouping::Model);
        const int bySettings = int(Leaderboard::Grouping::ModelAndSettings);
        Leaderboard::Filter firstFour;
        firstFour.until = day(5);
        QTest::newRow("period: A won three of four against B")
            << byModel << firstFour << 0.0 << QStringList { "A||3|1|0", "B||1|3|0" } << Ratings { 1095.4243, 904.5757 };
        // The tie adds half a win each: 3.5 to 1.5, a ratio of 7/3: 1000 +- 200 log10(7/3) = 1000 +- 73.5954.
        Leaderboard::Filter firstFive;
        firstFive.until = day(6);
        QTest::newRow("period: a tie counts half a win each")
            << byModel << firstFive << 0.0 << QStringList { "A||3|1|1", "B||1|3|1" } << Ratings { 1073.5954, 926.4046 };
        Leaderboard::Filter sixth;
        sixth.from = day(6);
        sixth.until = day(7);
        QTest::newRow("one model in both columns: nothing to weigh by model")
            << byModel << sixth << 1.0 << QStringList {} << Ratings {};
        // As "one win with the prior" above: 1000 +- 131.3841.
        QTest::newRow("one model in both columns: settings tell them apart")
            << bySettings << sixth << 1.0 << QStringList { "A|temperature=0.2|1|0|0", "A|temperature=1|0|1|0" }
            << Ratings { 1131.3841, 868.6159 };
        Leaderboard::Filter fast;
        fast.tier = QStringLiteral("fast");
        QTest::newRow("tier: only runs routed through it")
            << byModel << fast << 1.0 << QStringList { "C||1|0|0", "D||0|1|0" } << Ratings { 1131.3841, 868.6159 };
        Leaderboard::Filter shortRule;
        shortRule.rule = QStringLiteral("short");
        QTest::newRow("rule: only runs routed by it")
            << byModel << shortRule << 1.0 << QStringList { "C||1|0|0", "D||0|1|0" } << Ratings { 1131.3841, 868.6159 };
        Leaderboard::Filter coding;
        coding.tag = QStringLiteral("coding");
        QTest::newRow("tag: only runs tagged with it")
            << byModel << coding << 1.0 << QStringList { "C||1|0|0", "D||0|1|0" } << Ratings { 1131.3841, 868.6159 };
        Leaderboard::Filter nothing;
        nothing.tag = QStringLiteral("summaries");
        QTest::newRow("a tag nobody used: empty") << byModel << nothing << 1.0 << QStringList {} << Ratings {};
    }
    void leaderboard_fromVotes()
    {
        QFETCH(int, grouping);
        QFETCH(Leaderboard::Filter, filter);
        QFETCH(double, prior);
        QFETCH(QStringList, expectedStandings);
        QFETCH(Ratings, expectedRatings);
        const QList<Leaderboard::Row> rows
            = Leaderboard::compute(fixture(), Leaderboard::Grouping(grouping), filter, prior);
        QCOMPARE(standings(rows), expectedStandings);
        for (int i = 0; i < rows.size(); ++i) {
            QVERIFY2(std::abs(rows[i].rating - expectedRatings[i]) < 1e-3,
                     qPrintable(QStringLiteral("%1: %2").arg(rows[i].model).arg(rows[i].rating, 0, 'f', 4)));
            QVERIFY(rows[i].ratingLow < rows[i].rating && rows[i].rating < rows[i].ratingHigh);
        }
    }

    void costPerWin_isPricedCostOverWins()
    {
        Leaderboard::Filter firstFour;
        firstFour.until = day(5);
        const QList<Leaderboard::Row> rows = Leaderboard::compute(fixture(), Leaderboard::Grouping::Model, firstFour);
        // A answered four times at $0.01 and won three; B four times at $0.02 and won once.
        QCOMPARE(rows[0].model, QStringLiteral("A"));
        QVERIFY(std::abs(*rows[0].costPerWinUsd - 0.04 / 3) < 1e-12);
        QVERIFY(std::abs(*rows[1].costPerWinUsd - 0.08) < 1e-12);

        // All votes: the 6 March run of A against itself weighs nothing and its answers cost nothing here.
        const QList<Leaderboard::Row> all = Leaderboard::compute(fixture(), Leaderboard::Grouping::Model);
        const auto rowA = std::find_if(all.cbegin(), all.cend(), [](const auto& row) { return row.model == "A"; });
        QVERIFY(rowA != all.cend());
        QVERIFY(std::abs(rowA->costUsd - 0.05) < 1e-12);

        Leaderboard::Filter coding;
        coding.tag = QStringLiteral("coding");
        const QList<Leaderboard::Row> unpriced = Leaderboard::compute(fixture(), Leaderboard::Grouping::Model, coding);
        QCOMPARE(unpriced[0].model, QStringLiteral("C"));
        QCOMPARE(unpriced[0].unpriced, 1);
        QCOMPARE(unpriced[1].model, QStringLiteral("D"));
        QVERIFY(!unpriced[1].costPerWinUsd); // no win, no cost per win
    }

    void filterChoices_comeFromTheVotes()
    {
        QCOMPARE(Leaderboard::tiers(fixture()), QStringList { "fast" });
        QCOMPARE(Leaderboard::rules(fixture()), QStringList { "short" });
        QCOMPARE(Leaderboard::tags(fixture()), QStringList { "coding" });
    }

    void csv_holdsTheTableAndTheVotes()
    {
        Leaderboard::Filter firstFour;
        firstFour.until = day(5);
        const QString table = QString::fromUtf8(
            Leaderboard::toCsv(Leaderboard::compute(fixture(), Leaderboard::Grouping::Model, firstFour, 0.0)));
        const QStringList lines = table.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0],
                 QStringLiteral("model,settings,wins,losses,ties,rating,rating_low,rating_high,cost_usd,"
                                "unpriced_answers,cost_per_win_usd"));
        QVERIFY2(lines[1].startsWith(QStringLiteral("A,,3,1,0,1095.4,898.8,1292.0,0.04")), qPrintable(lines[1]));

        const QStringList votes = QString::fromUtf8(Leaderboard::votesCsv(fixture(), firstFour))
                                      .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(votes.size(), 1 + 4 * 2); // header, two columns of each of the four runs
        QVERIFY2(votes[1].startsWith(QStringLiteral("g1,2026-03-01T12:00:00.000Z,,false,A,,A,,,,0.01")),
                 qPrintable(votes[1]));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("leaderboard.csv"));
        QString error;
        QVERIFY2(Leaderboard::save(table.toUtf8(), path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), table.toUtf8());
        QVERIFY(!Leaderboard::save(table.toUtf8(), dir.filePath(QStringLiteral("missing/dir/x.csv")), &error));
        QVERIFY(!error.isEmpty());
    }

    // Votes as the workbench stores them, read back from a real ledger file: the latest vote of a
    // comparison counts, a rerun column counts once, settings come from the rows.
    void ledgerVotes_giveTheHandComputedRatings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
        const auto record
            = [&ledger](const QString& group, int d, const QString& model, double cost, const QString& settings = {}) {
                  RequestRecord r;
                  r.startedAt = day(d);
                  r.source = RequestSource::Workbench;
                  r.prompt = QStringLiteral("which sort is stable?");
                  r.finalModel = model;
                  r.finalProvider = QStringLiteral("sandbox");
                  r.costUsd = cost;
                  r.compareGroup = group;
                  r.settings = settings;
                  ledger.record(r);
              };
        for (int d = 1; d <= 4; ++d) {
            const QString group = QStringLiteral("g%1").arg(d);
            record(group, d, QStringLiteral("A"), 0.01);
            record(group, d, QStringLiteral("B"), 0.02);
            // A changed mind on the first run: B first, then A (the latest counts).
            if (d == 1) {
                ledger.recordVote({ group, QStringLiteral("B"), false, day(d).addSecs(60) });
            }
            ledger.recordVote(
                { group, d == 4 ? QStringLiteral("B") : QStringLiteral("A"), false, day(d).addSecs(120) });
        }
        // A rerun of B in g2 leaves two rows for it: one contestant, its last cost.
        record(QStringLiteral("g2"), 2, QStringLiteral("B"), 0.03);
        QSignalSpy flushed(&ledger, &Ledger::flushed);
        ledger.flush();
        QVERIFY(flushed.wait(10000));

        LedgerQueries queries(path);
        const QList<VotedRun> runs = queries.votedRuns();
        QCOMPARE(runs.size(), 4);
        QCOMPARE(runs[0].winnerModel, QStringLiteral("A"));
        QCOMPARE(runs[1].columns.size(), 2);
        QVERIFY(runs[1].columns[1].costUsd && std::abs(*runs[1].columns[1].costUsd - 0.03) < 1e-12);
        QCOMPARE(queries.votedRuns(day(2), day(4)).size(), 2);

        const QList<Leaderboard::Row> rows = Leaderboard::compute(runs, Leaderboard::Grouping::Model, {}, 0.0);
        QCOMPARE(standings(rows), (QStringList { "A||3|1|0", "B||1|3|0" }));
        QVERIFY(std::abs(rows[0].rating - 1095.4243) < 1e-3);
        QVERIFY(std::abs(rows[1].costUsd - 0.09) < 1e-12);
    }
};

QTEST_MAIN(tst_Leaderboard)
#include "tst_Leaderboard.moc"
