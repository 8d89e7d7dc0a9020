#include "core/pricing/CostCalculator.h"

#include <algorithm>

namespace {
constexpr double TokensPerPriceUnit = 1'000'000.0;

qint64 nonNegative(qint64 value)
{
    return std::max<qint64>(0, value);
}

double orElse(double rate, double fallback)
{
    return rate > 0 ? rate : fallback;
}

// OpenAI prices a search by the context size the request asked for; a size without a rate of its
// own costs the default (medium) rate.
double searchRate(const ModelPrice& rates, SearchContextSize size)
{
    switch (size) {
    case SearchContextSize::Low:
        return orElse(rates.webSearchLowUsd, rates.webSearchPerRequestUsd);
    case SearchContextSize::High:
        return orElse(rates.webSearchHighUsd, rates.webSearchPerRequestUsd);
    case SearchContextSize::Medium:
        break;
    }
    return rates.webSearchPerRequestUsd;
}

// Gemini 2.x grounding bills a grounded prompt once, whatever number of queries it ran.
qint64 billedSearches(const ModelPrice& rates, const TokenUsage& usage)
{
    const qint64 searches = nonNegative(usage.webSearches);
    return rates.webSearchPerPrompt ? std::min<qint64>(searches, 1) : searches;
}
} // namespace

double CostCalculator::effectiveCachedRate(const ModelPrice& price)
{
    return orElse(price.cachedInputPerMTok, price.inputPerMTok);
}

std::optional<CostBreakdown> CostCalculator::breakdown(const ModelPrice& price, const TokenUsage& usage)
{
    if (!price.known) {
        return std::nullopt;
    }
    const ModelPrice rates = price.ratesFor(usage.promptTokens);
    // A decoder that reports more cached or written than prompt tokens is wrong; bill those once
    // and never let the uncached part go negative.
    const qint64 cached = nonNegative(usage.cachedTokens);
    const qint64 write5m = nonNegative(usage.cacheWrite5mTokens);
    const qint64 write1h = nonNegative(usage.cacheWrite1hTokens);
    const qint64 uncached = nonNegative(usage.promptTokens - cached - write5m - write1h);
    const qint64 completion = nonNegative(usage.completionTokens);
    const bool reasoningApart = rates.reasoningPerMTok > 0;
    const qint64 reasoning = reasoningApart ? std::min(nonNegative(usage.reasoningTokens), completion) : 0;

    // Batch discounts apply to every input (cache reads and writes too) and output dimension alike.
    const double inputScale = usage.batch && rates.batchInputPerMTok > 0 && rates.inputPerMTok > 0
        ? rates.batchInputPerMTok / rates.inputPerMTok
        : 1;
    const double outputScale = usage.batch && rates.batchOutputPerMTok > 0 && rates.outputPerMTok > 0
        ? rates.batchOutputPerMTok / rates.outputPerMTok
        : 1;
    const double write5mRate = orElse(rates.cacheWrite5mPerMTok, rates.inputPerMTok);
    const double write1hRate = orElse(rates.cacheWrite1hPerMTok, write5mRate);

    CostBreakdown result;
    result.input = uncached * rates.inputPerMTok * inputScale / TokensPerPriceUnit;
    result.cached = cached * effectiveCachedRate(rates) * inputScale / TokensPerPriceUnit;
    result.cacheWrite = (write5m * write5mRate + write1h * write1hRate) * inputScale / TokensPerPriceUnit;
    result.output = (completion - reasoning) * rates.outputPerMTok * outputScale / TokensPerPriceUnit;
    result.reasoning = reasoning * rates.reasoningPerMTok * outputScale / TokensPerPriceUnit;
    result.images = double(nonNegative(usage.images)) * rates.perImageUsd;
    result.surcharges = double(billedSearches(rates, usage)) * searchRate(rates, usage.searchContext);
    result.longContext = price.hasLongContext() && usage.promptTokens > price.longContext.aboveTokens;
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

std::optional<double> CostCalculator::costOfMany(const ModelPrice& price, const TokenUsage& total,
                                                 const TokenUsage& aboveTier)
{
    if (!price.known) {
        return std::nullopt;
    }
    const bool tiered = price.hasLongContext();
    TokenUsage below = total;
    if (tiered) {
        below.promptTokens = nonNegative(total.promptTokens - aboveTier.promptTokens);
        below.completionTokens = nonNegative(total.completionTokens - aboveTier.completionTokens);
        below.cachedTokens = nonNegative(total.cachedTokens - aboveTier.cachedTokens);
        below.reasoningTokens = nonNegative(total.reasoningTokens - aboveTier.reasoningTokens);
        below.cacheWrite5mTokens = nonNegative(total.cacheWrite5mTokens - aboveTier.cacheWrite5mTokens);
        below.cacheWrite1hTokens = nonNegative(total.cacheWrite1hTokens - aboveTier.cacheWrite1hTokens);
        below.images = nonNegative(total.images - aboveTier.images);
        below.webSearches = nonNegative(total.webSearches - aboveTier.webSearches);
    }
    // ratesFor() resolves the tier and drops it, so the sums below are billed at one set of rates.
    // Summed searches cannot tell how many grounded prompts they came from: each is billed, which
    // over-reports Gemini 2.x grounding rather than under-reporting it.
    ModelPrice base = price.ratesFor(0);
    base.webSearchPerPrompt = false;
    double result = *cost(base, below);
    if (tiered) {
        ModelPrice tier = price.ratesFor(price.longContext.aboveTokens + 1);
        tier.webSearchPerPrompt = false;
        result += *cost(tier, aboveTier);
    }
    return result;
}

std::optional<double> CostCalculator::estimateWorstCase(const ModelPrice& price, const TokenUsage& planned,
                                                        qint64 maxTokens, bool mayWriteCache)
{
    if (!price.known) {
        return std::nullopt;
    }
    TokenUsage worst = planned;
    worst.promptTokens = nonNegative(planned.promptTokens);
    worst.cachedTokens = 0;
    worst.cacheWrite5mTokens = 0;
    worst.cacheWrite1hTokens = 0;
    worst.completionTokens = nonNegative(maxTokens);
    worst.batch = false;
    worst.searchContext = SearchContextSize::High; // the dearest a search could be asked for
    const ModelPrice rates = price.ratesFor(worst.promptTokens);
    if (mayWriteCache) {
        // The dearest write the request could make: a 1-hour one unless only 5-minute writes are priced.
        const double write1h = orElse(rates.cacheWrite1hPerMTok, orElse(rates.cacheWrite5mPerMTok, 0));
        if (write1h > rates.inputPerMTok) {
            worst.cacheWrite1hTokens = worst.promptTokens;
        }
    }
    worst.reasoningTokens = rates.reasoningPerMTok > rates.outputPerMTok ? worst.completionTokens : 0;
    return cost(price, worst);
}

std::optional<double> CostCalculator::estimateWorstCase(const ModelPrice& price, qint64 promptTokens, qint64 maxTokens)
{
    TokenUsage planned;
    planned.promptTokens = promptTokens;
    return estimateWorstCase(price, planned, maxTokens);
}

std::optional<CostBreakdown> CostCalculator::breakdown(const PriceEntry& entry, const TokenUsage& usage)
{
    return breakdown(entry.price, usage);
}

std::optional<double> CostCalculator::cost(const PriceEntry& entry, const TokenUsage& usage)
{
    return cost(entry.price, usage);
}

std::optional<double> CostCalculator::estimateWorstCase(const PriceEntry& entry, qint64 promptTokens, qint64 maxTokens)
{
    return estimateWorstCase(entry.price, promptTokens, maxTokens);
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
        result.cacheWrite5mTokens = std::max(result.cacheWrite5mTokens, report.cacheWrite5mTokens);
        result.cacheWrite1hTokens = std::max(result.cacheWrite1hTokens, report.cacheWrite1hTokens);
        result.images = std::max(result.images, report.images);
        result.webSearches = std::max(result.webSearches, report.webSearches);
        result.batch = result.batch || report.batch;
        // One real report makes the whole usage real.
        result.estimated = result.estimated && report.estimated;
    }
    return result;
}
