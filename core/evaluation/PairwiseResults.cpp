#include "core/evaluation/PairwiseResults.h"

namespace PairwiseResults {

QString baseline(const EvaluationInfo& info)
{
    QList<GraderSpec> graders = info.graders;
    for (const PromptItem& item : info.prompts.items()) {
        graders += item.graders;
    }
    for (const GraderSpec& spec : graders) {
        if (spec.kind == GraderKind::LlmPairwise) {
            return spec.baselineModel.isEmpty() ? info.models.value(0) : spec.baselineModel;
        }
    }
    return {};
}

std::optional<PairwiseVerdict> verdict(const QString& baseline, const EvaluationCell& cell)
{
    if (baseline.isEmpty() || cell.model == baseline || cell.state != CellState::Done
        || cell.grade.outcome == GradeOutcome::Error || !cell.grade.score) {
        return std::nullopt;
    }
    return PairwiseVerdicts::fromPoints(*cell.grade.score);
}

Tally tally(const QString& baseline, const QList<EvaluationCell>& cells, const QString& model)
{
    Tally result;
    for (const EvaluationCell& cell : cells) {
        if (cell.model != model) {
            continue;
        }
        if (const auto v = verdict(baseline, cell)) {
            result.wins += *v == PairwiseVerdict::Win ? 1 : 0;
            result.ties += *v == PairwiseVerdict::Tie ? 1 : 0;
            result.losses += *v == PairwiseVerdict::Loss ? 1 : 0;
        }
    }
    return result;
}

} // namespace PairwiseResults
