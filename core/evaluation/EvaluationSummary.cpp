#include "core/evaluation/EvaluationSummary.h"

#include "core/common/Money.h"

#include <algorithm>
#include <cmath>
#include <tuple>

std::pair<double, double> EvaluationSummary::wilson(int passes, int n)
{
    if (n <= 0) {
        return { 0.0, 1.0 };
    }
    const double p = double(passes) / n;
    const double z2 = kZ95 * kZ95;
    const double denominator = 1 + z2 / n;
    const double centre = (p + z2 / (2.0 * n)) / denominator;
    const double half = kZ95 * std::sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return { std::max(0.0, centre - half), std::min(1.0, centre + half) };
}

qint64 EvaluationSummary::percentile(QList<qint64> values, double q)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(q * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

QList<ModelSummary> EvaluationSummary::of(const QList<EvaluationCell>& cells, const QStringList& models)
{
    QList<ModelSummary> summaries;
    for (const QString& model : models) {
        ModelSummary summary;
        summary.model = model;
        QList<qint64> latencies;
        for (const EvaluationCell& cell : cells) {
            if (cell.model != model) {
                continue;
            }
            if (cell.state == CellState::Failed) {
                ++summary.failedCalls;
            }
            if (cell.state != CellState::Done) {
                continue;
            }
            ++summary.graded;
            summary.passes += cell.grade.passed() ? 1 : 0;
            summary.errors += cell.grade.outcome == GradeOutcome::Error ? 1 : 0;
            if (cell.costUsd) {
                summary.costUsd += *cell.costUsd;
            } else {
                ++summary.unpricedCalls;
            }
            summary.judgeCostUsd += cell.judgeCostUsd.value_or(0);
            latencies.append(cell.latencyMs);
        }
        if (summary.graded > 0) {
            summary.passRate = double(summary.passes) / summary.graded;
            if (summary.unpricedCalls == 0) {
                summary.costPerPrompt = summary.costUsd / summary.graded;
                if (summary.passes > 0) {
                    summary.costPerPass = summary.costUsd / summary.passes;
                }
            }
        }
        std::tie(summary.wilsonLow, summary.wilsonHigh) = wilson(summary.passes, summary.graded);
        summary.p50LatencyMs = percentile(latencies, 0.5);
        summary.p95LatencyMs = percentile(latencies, 0.95);
        summaries.append(summary);
    }
    return summaries;
}

bool EvaluationSummary::significantlyBelow(const ModelSummary& a, const ModelSummary& b)
{
    if (a.graded == 0 || b.graded == 0 || a.passRate >= b.passRate) {
        return false;
    }
    const double pooled = double(a.passes + b.passes) / (a.graded + b.graded);
    const double se = std::sqrt(pooled * (1 - pooled) * (1.0 / a.graded + 1.0 / b.graded));
    if (se <= 0) {
        return false;
    }
    return (b.passRate - a.passRate) / se > kZOneSided95;
}

EvaluationSummary::Suggestion EvaluationSummary::cheapestPassing(const QList<ModelSummary>& summaries)
{
    Suggestion suggestion;
    const ModelSummary* best = nullptr;
    for (const ModelSummary& summary : summaries) {
        if (summary.graded > 0 && (!best || summary.passRate > best->passRate)) {
            best = &summary;
        }
    }
    if (!best) {
        suggestion.reason = tr("No answer has been graded yet.");
        return suggestion;
    }
    suggestion.best = best->model;
    const ModelSummary* cheapest = nullptr;
    for (const ModelSummary& summary : summaries) {
        if (summary.graded == 0 || !summary.costPerPrompt || significantlyBelow(summary, *best)) {
            continue;
        }
        if (!cheapest || *summary.costPerPrompt < *cheapest->costPerPrompt
            || (*summary.costPerPrompt == *cheapest->costPerPrompt && summary.passRate > cheapest->passRate)) {
            cheapest = &summary;
        }
    }
    if (!cheapest) {
        suggestion.reason = tr("No priced model passes as often as %1.").arg(best->model);
        return suggestion;
    }
    suggestion.model = cheapest->model;
    if (cheapest == best) {
        suggestion.reason
            = tr("%1 passes most often (%2 %), and no cheaper model passes about as often; it costs %3 per prompt.")
                  .arg(best->model)
                  .arg(std::round(best->passRate * 1000) / 10)
                  .arg(Money::format(*cheapest->costPerPrompt));
    } else {
        suggestion.reason = tr("%1 passes %2 % against %3's %4 %, not significantly less, at %5 per prompt.")
                                .arg(cheapest->model)
                                .arg(std::round(cheapest->passRate * 1000) / 10)
                                .arg(best->model)
                                .arg(std::round(best->passRate * 1000) / 10)
                                .arg(Money::format(*cheapest->costPerPrompt));
    }
    return suggestion;
}
