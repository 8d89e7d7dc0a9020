#include "core/workbench/BestValues.h"

#include <cmath>
#include <functional>

namespace {
// Returns the indices holding the best value; `value` yields nullopt when a column lacks the figure.
QSet<int> pick(const QList<BestValues::Candidate>& candidates,
               const std::function<std::optional<double>(const ColumnFigures&)>& value, bool lowerIsBetter)
{
    std::optional<double> bestValue;
    int competitors = 0;
    for (const auto& candidate : candidates) {
        const auto v = candidate.finished ? value(candidate.figures) : std::nullopt;
        if (!v) {
            continue;
        }
        ++competitors;
        if (!bestValue || (lowerIsBetter ? *v < *bestValue : *v > *bestValue)) {
            bestValue = v;
        }
    }
    QSet<int> result;
    if (competitors < 2) {
        return result;
    }
    for (int i = 0; i < candidates.size(); ++i) {
        const auto v = candidates[i].finished ? value(candidates[i].figures) : std::nullopt;
        if (v && std::abs(*v - *bestValue) <= 1e-12 * std::max(1.0, std::abs(*bestValue))) {
            result.insert(i);
        }
    }
    // Everyone tied is no information: mark nobody.
    if (result.size() == competitors) {
        result.clear();
    }
    return result;
}
} // namespace

BestValues BestValues::compute(const QList<Candidate>& candidates)
{
    BestValues values;
    values.m_best[TimeToFirstToken] = pick(
        candidates,
        [](const ColumnFigures& f) { return f.ttftMs >= 0 ? std::optional<double>(f.ttftMs) : std::nullopt; }, true);
    values.m_best[Latency] = pick(
        candidates,
        [](const ColumnFigures& f) { return f.latencyMs >= 0 ? std::optional<double>(f.latencyMs) : std::nullopt; },
        true);
    values.m_best[TokensPerSecond] = pick(
        candidates, [](const ColumnFigures& f) { return f.tokensPerSecond; }, false);
    values.m_best[Cost] = pick(
        candidates, [](const ColumnFigures& f) { return f.priced ? f.costUsd : std::nullopt; }, true);
    return values;
}
