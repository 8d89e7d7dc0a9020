#include "CostCalculator.h"

#include <algorithm>

namespace {
constexpr double TokensPerPriceUnit = 1'000'000.0;
} // namespace

double CostCalculator::effectiveCachedRate(const ModelPrice& price)
{
    return price.cachedInputPerMTok > 0 ? price.cachedInputPerMTok : price.inputPerMTok;
}

std::optional<CostBreakdown> CostCalculator::breakdown(const ModelPrice& price, const TokenUsage& usage)
{
    if (!price.known) {
        return std::nullopt;
    }
    // A decoder that reports more cached than prompt tokens is wrong; bill the cached ones once
    // and never let the uncached part go negative.
    const qint64 cached = std::max<qint64>(0, usage.cachedTokens);
    const qint64 uncached = std::max<qint64>(0, usage.promptTokens - cached);
    const qint64 completion = std::max<qint64>(0, usage.completionTokens);

    CostBreakdown result;
    result.input = uncached * price.inputPerMTok / TokensPerPriceUnit;
    result.cached = cached * effectiveCachedRate(price) / TokensPerPriceUnit;
    result.output = completion * price.outputPerMTok / TokensPerPriceUnit;
    result.estimated = usage.estimated;
    return result;
}

std::optional<double> CostCalculator::cost(const ModelPrice& price, const TokenUsage& usage)
{
    const auto parts = breakdown(price, usage);
    if (!parts) {
        return std::nullopt;
    }
    return parts->total();
}

std::optional<double> CostCalculator::estimateWorstCase(const ModelPrice& price, qint64 promptTokens, qint64 maxTokens)
{
    if (!price.known) {
        return std::nullopt;
    }
    const qint64 prompt = std::max<qint64>(0, promptTokens);
    const qint64 output = std::max<qint64>(0, maxTokens);
    return (prompt * price.inputPerMTok + output * price.outputPerMTok) / TokensPerPriceUnit;
}

std::optional<CostBreakdown> CostCalculator::breakdown(const PriceEntry& entry, const TokenUsage& usage)
{
    return breakdown(entry.priceFor(usage.promptTokens), usage);
}

std::optional<double> CostCalculator::cost(const PriceEntry& entry, const TokenUsage& usage)
{
    return cost(entry.priceFor(usage.promptTokens), usage);
}

std::optional<double> CostCalculator::estimateWorstCase(const PriceEntry& entry, qint64 promptTokens, qint64 maxTokens)
{
    return estimateWorstCase(entry.priceFor(promptTokens), promptTokens, maxTokens);
}

TokenUsage CostCalculator::finalUsage(const QList<TokenUsage>& cumulativeReports)
{
    TokenUsage result;
    if (cumulativeReports.isEmpty()) {
        return result;
    }
    result.estimated = true;
    for (const TokenUsage& report : cumulativeReports) {
        result.promptTokens = std::max(result.promptTokens, report.promptTokens);
        result.completionTokens = std::max(result.completionTokens, report.completionTokens);
        result.cachedTokens = std::max(result.cachedTokens, report.cachedTokens);
        result.reasoningTokens = std::max(result.reasoningTokens, report.reasoningTokens);
        // One real report makes the whole usage real.
        result.estimated = result.estimated && report.estimated;
    }
    return result;
}
