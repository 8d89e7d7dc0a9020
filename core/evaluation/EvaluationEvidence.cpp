#include "core/evaluation/EvaluationEvidence.h"

#include "core/evaluation/PairwiseResults.h"

#include <QHash>

namespace {
// A cell that was answered and graded (a grader's error is no verdict on the answer).
bool graded(const EvaluationCell& cell)
{
    return cell.state == CellState::Done && cell.grade.outcome != GradeOutcome::Error;
}

// prompt index -> model -> its graded cell
QHash<int, QHash<QString, const EvaluationCell*>> gradedByPrompt(const QList<EvaluationCell>& cells)
{
    QHash<int, QHash<QString, const EvaluationCell*>> byPrompt;
    for (const EvaluationCell& cell : cells) {
        if (graded(cell)) {
            byPrompt[cell.promptIndex].insert(cell.model, &cell);
        }
    }
    return byPrompt;
}
} // namespace

QList<VotedRun> EvaluationEvidence::games(const EvaluationInfo& info, const QList<EvaluationCell>& cells)
{
    const auto byPrompt = gradedByPrompt(cells);
    QList<VotedRun> runs;
    const QList<PromptItem>& items = info.prompts.items();
    const QString baseline = PairwiseResults::baseline(info);
    for (int p = 0; p < items.size(); ++p) {
        const QHash<QString, const EvaluationCell*> answered = byPrompt.value(p);
        if (!baseline.isEmpty()) {
            // Pairwise judging: each model played the baseline, as the judge saw it.
            const EvaluationCell* base = answered.value(baseline);
            for (int m = 0; m < info.models.size(); ++m) {
                const EvaluationCell* cell = answered.value(info.models.at(m));
                const auto verdict = cell ? PairwiseResults::verdict(baseline, *cell) : std::nullopt;
                if (!base || !verdict) {
                    continue;
                }
                VotedRun run;
                run.compareGroup = QStringLiteral("evaluation-%1-%2-pairwise-%3").arg(info.id).arg(p).arg(m);
                run.at = info.createdAt;
                run.tag = QLatin1String(kTag);
                run.prompt = items.at(p).prompt;
                run.tie = *verdict == PairwiseVerdict::Tie;
                if (!run.tie) {
                    run.winnerModel = *verdict == PairwiseVerdict::Win ? cell->model : base->model;
                }
                for (const EvaluationCell* played : { cell, base }) {
                    VotedColumn column;
                    column.model = played->model;
                    column.costUsd = played->costUsd;
                    run.columns.append(column);
                }
                runs.append(run);
            }
            continue;
        }
        for (int a = 0; a < info.models.size(); ++a) {
            for (int b = a + 1; b < info.models.size(); ++b) {
                const EvaluationCell* first = answered.value(info.models.at(a));
                const EvaluationCell* second = answered.value(info.models.at(b));
                if (!first || !second) {
                    continue;
                }
                VotedRun run;
                run.compareGroup = QStringLiteral("evaluation-%1-%2-%3-%4").arg(info.id).arg(p).arg(a).arg(b);
                run.at = info.createdAt;
                run.tag = QLatin1String(kTag);
                run.prompt = items.at(p).prompt;
                const bool firstPassed = first->grade.passed();
                const bool secondPassed = second->grade.passed();
                run.tie = firstPassed == secondPassed;
                if (!run.tie) {
                    run.winnerModel = firstPassed ? first->model : second->model;
                }
                for (const EvaluationCell* cell : { first, second }) {
                    VotedColumn column;
                    column.model = cell->model;
                    column.costUsd = cell->costUsd;
                    run.columns.append(column);
                }
                runs.append(run);
            }
        }
    }
    return runs;
}

std::optional<QList<VotedRun>> EvaluationEvidence::fromLedger(EvaluationStore& store, QString* error,
                                                              const QDateTime& from, const QDateTime& until)
{
    const auto evaluations = store.list(error);
    if (!evaluations) {
        return std::nullopt;
    }
    QList<VotedRun> runs;
    for (const EvaluationInfo& info : *evaluations) {
        if ((from.isValid() && info.createdAt < from) || (until.isValid() && info.createdAt >= until)) {
            continue;
        }
        const auto cells = store.cells(info.id, error);
        if (!cells) {
            return std::nullopt;
        }
        runs += games(info, *cells);
    }
    return runs;
}

QList<EvaluationEvidence::LabelledPair> EvaluationEvidence::pairs(const EvaluationInfo& info,
                                                                  const QList<EvaluationCell>& cells,
                                                                  const QString& weak, const QString& strong,
                                                                  QString* error)
{
    for (const QString& model : { weak, strong }) {
        if (!info.models.contains(model)) {
            *error = tr("evaluation %1 did not ask %2 (it asked %3)")
                         .arg(info.id)
                         .arg(model, info.models.join(QStringLiteral(", ")));
            return {};
        }
    }
    const auto byPrompt = gradedByPrompt(cells);
    QList<LabelledPair> pairs;
    const QList<PromptItem>& items = info.prompts.items();
    for (int p = 0; p < items.size(); ++p) {
        const QHash<QString, const EvaluationCell*> answered = byPrompt.value(p);
        const EvaluationCell* weakCell = answered.value(weak);
        const EvaluationCell* strongCell = answered.value(strong);
        if (weakCell && strongCell) {
            pairs.append({ items.at(p).id, items.at(p).prompt, weakCell->grade.passed() ? 1.0 : 0.0,
                           strongCell->grade.passed() ? 1.0 : 0.0 });
        }
    }
    return pairs;
}
