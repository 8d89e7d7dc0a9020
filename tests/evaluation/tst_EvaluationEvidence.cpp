#include "core/evaluation/EvaluationEvidence.h"

#include <QTest>

// An evaluation's graded cells as leaderboard games and as the router's labelled pairs: pure, over
// hand-made cells. A cell that was not answered, or whose grader could not judge it, is no evidence.
class tst_EvaluationEvidence : public QObject
{
    Q_OBJECT

private slots:
    void games_data();
    void games();
    void pairs_scoreAPassOne();
    void pairs_modelNotAsked_named();
};

namespace {
// One prompt, the models' outcomes as "p" (pass), "f" (fail), "e" (grader error), "x" (call failed).
void oneprompt(const QString& outcomes, EvaluationInfo* info, QList<EvaluationCell>* cells)
{
    info->id = 7;
    info->createdAt = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
    info->prompts = PromptSet::of({ { QStringLiteral("q1"), QStringLiteral("Is it so?"), {}, {}, 1 } });
    info->models.clear();
    for (int m = 0; m < outcomes.size(); ++m) {
        const QString model = QStringLiteral("m%1").arg(m);
        info->models.append(model);
        EvaluationCell cell;
        cell.model = model;
        cell.state = outcomes.at(m) == u'x' ? CellState::Failed : CellState::Done;
        cell.grade = outcomes.at(m) == u'p' ? Grade::pass()
            : outcomes.at(m) == u'f'        ? Grade::fail(QStringLiteral("no"))
                                            : Grade::error(QStringLiteral("unreadable"));
        cell.costUsd = 0.001 * (m + 1);
        cells->append(cell);
    }
}
} // namespace

void tst_EvaluationEvidence::games_data()
{
    QTest::addColumn<QString>("outcomes");
    QTest::addColumn<QStringList>("expected"); // "A>B" a win, "A=B" a tie, in model pair order
    QTest::newRow("pass beats fail") << "pf" << QStringList { "m0>m1" };
    QTest::newRow("fail loses to pass, whichever column") << "fp" << QStringList { "m1>m0" };
    QTest::newRow("both pass: a tie") << "pp" << QStringList { "m0=m1" };
    QTest::newRow("both fail: a tie") << "ff" << QStringList { "m0=m1" };
    QTest::newRow("three models: every two play once") << "pfp" << QStringList { "m0>m1", "m0=m2", "m2>m1" };
    QTest::newRow("a grader error is no verdict: no game") << "pe" << QStringList {};
    QTest::newRow("a failed call is no answer: no game") << "xp" << QStringList {};
}

void tst_EvaluationEvidence::games()
{
    QFETCH(QString, outcomes);
    QFETCH(QStringList, expected);
    EvaluationInfo info;
    QList<EvaluationCell> cells;
    oneprompt(outcomes, &info, &cells);
    QStringList actual;
    for (const VotedRun& run : EvaluationEvidence::games(info, cells)) {
        QCOMPARE(run.columns.size(), 2);
        QCOMPARE(run.tag, QStringLiteral("evaluation"));
        QCOMPARE(run.at, info.createdAt);
        QCOMPARE(run.prompt, QStringLiteral("Is it so?"));
        QVERIFY(run.columns.at(0).costUsd.has_value());
        const QString a = run.columns.at(0).model;
        const QString b = run.columns.at(1).model;
        actual << (run.tie ? a + u'=' + b : run.winnerModel + u'>' + (run.winnerModel == a ? b : a));
    }
    QCOMPARE(actual, expected);
}

void tst_EvaluationEvidence::pairs_scoreAPassOne()
{
    EvaluationInfo info;
    QList<EvaluationCell> cells;
    oneprompt(QStringLiteral("fpp"), &info, &cells);
    QString error;
    const auto pairs = EvaluationEvidence::pairs(info, cells, QStringLiteral("m0"), QStringLiteral("m1"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(pairs.size(), 1);
    QCOMPARE(pairs.first().prompt, QStringLiteral("Is it so?"));
    QCOMPARE(pairs.first().weakScore, 0.0);
    QCOMPARE(pairs.first().strongScore, 1.0);
}

void tst_EvaluationEvidence::pairs_modelNotAsked_named()
{
    EvaluationInfo info;
    QList<EvaluationCell> cells;
    oneprompt(QStringLiteral("pp"), &info, &cells);
    QString error;
    QVERIFY(EvaluationEvidence::pairs(info, cells, QStringLiteral("m0"), QStringLiteral("gpt-9"), &error).isEmpty());
    QCOMPARE(error, QStringLiteral("evaluation 7 did not ask gpt-9 (it asked m0, m1)"));
}

QTEST_GUILESS_MAIN(tst_EvaluationEvidence)
#include "tst_EvaluationEvidence.moc"
