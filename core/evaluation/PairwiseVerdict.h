#pragma once

#include <QString>

#include <optional>

// How a model's answer fared against the baseline's in pairwise judging (llm-pairwise).
enum class PairwiseVerdict
{
    Win, // the judge preferred it in both orders
    Tie, // a tie, or the judge's preference followed the position (the two orders disagree)
    Loss, // the judge preferred the baseline's in both orders
};

namespace PairwiseVerdicts {
// Stable identifiers, only where JSON, CSV or the command line need a string: "win", "tie", "loss".
QString id(PairwiseVerdict verdict);
std::optional<PairwiseVerdict> fromId(const QString& id);
// The grade's score a verdict is kept as in the ledger: 1, 0.5, 0 (a game's points).
double points(PairwiseVerdict verdict);
std::optional<PairwiseVerdict> fromPoints(double points);
// The verdict of the two orders, each from the model's side: agreeing ones stand, others tie.
PairwiseVerdict combine(PairwiseVerdict first, PairwiseVerdict second);
// "win", "tie", "loss" for people (translated).
QString label(PairwiseVerdict verdict);
} // namespace PairwiseVerdicts
