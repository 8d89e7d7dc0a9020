#pragma once

#include "core/evaluation/EvaluationStore.h"
#include "core/evaluation/PairwiseVerdict.h"

#include <optional>

// Pairwise judging's results read from an evaluation: its baseline, each cell's verdict against
// the baseline (kept in the ledger as the grade's score: 1 win, 0.5 tie, 0 loss) and each model's
// tally. Pure.
namespace PairwiseResults {
// The model the others are compared with; empty when no llm-pairwise grader grades the evaluation.
QString baseline(const EvaluationInfo& info);
// A judged cell's verdict; nullopt for the baseline's own cells, cells not judged and other evaluations.
std::optional<PairwiseVerdict> verdict(const QString& baseline, const EvaluationCell& cell);

struct Tally
{
    int wins = 0;
    int ties = 0;
    int losses = 0;
};
Tally tally(const QString& baseline, const QList<EvaluationCell>& cells, const QString& model);
} // namespace PairwiseResults
