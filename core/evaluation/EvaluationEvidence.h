#pragma once

#include "core/evaluation/EvaluationStore.h"
#include "core/ledger/LedgerQueryTypes.h"

#include <QCoreApplication>

// What an evaluation's graded cells say about two models, for the leaderboard and the learned
// router. Pure over cells; `fromLedger` reads every evaluation.
//
// Leaderboard games: on each prompt, every two models that both have a graded answer play one
// game: the one that passed beats the one that did not; both passing, or both not, is a tie. Each
// game is a VotedRun of two columns tagged "evaluation" (so `leaderboard --tag evaluation` shows
// only them), dated when the evaluation was created, with the columns' costs.
//
// Labelled pairs: each prompt both models of a (weak, strong) pair answered and had graded, with
// score 1 for a pass and 0 otherwise, as the router's training file has them.
class EvaluationEvidence final
{
    Q_DECLARE_TR_FUNCTIONS(EvaluationEvidence)

public:
    static constexpr const char* kTag = "evaluation";

    static QList<VotedRun> games(const EvaluationInfo& info, const QList<EvaluationCell>& cells);
    // Every evaluation in the ledger whose creation falls in [from, until) (invalid bounds open).
    static std::optional<QList<VotedRun>> fromLedger(EvaluationStore& store, QString* error, const QDateTime& from = {},
                                                     const QDateTime& until = {});

    struct LabelledPair
    {
        QString promptId;
        QString prompt;
        double weakScore = 0;
        double strongScore = 0;
    };
    // Empty with `error` set when the evaluation did not ask both models.
    static QList<LabelledPair> pairs(const EvaluationInfo& info, const QList<EvaluationCell>& cells,
                                     const QString& weak, const QString& strong, QString* error);
};
