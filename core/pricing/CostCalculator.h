#pragma once

#include "core/common/ProviderTypes.h"
#include "core/pricing/PriceTable.h"

#include <QList>

#include <optional>

// What a call cost, split the way the UI shows it. USD.
struct CostBreakdown
{
    double input = 0; // uncached prompt tokens at the input rate
    double cached = 0; // prompt tokens read from the cache, at the cached rate
    double cacheWrite = 0; // prompt tokens written to the cache (5 min and 1 h), at the write rates
    double output = 0; // completion tokens at the output rate (reasoning too, unless priced apart)
    double reasoning = 0; // reasoning tokens when the model prices them apart
    double images = 0; // per-image charges on top of the images' tokens
    double surcharges = 0; // per-request charges (web search)
    bool longContext = false; // billed at the long-context tier
    bool estimated = false; // the usage was counted by us, not reported by the provider

    double total() const { return input + cached + cacheWrite + output + reasoning + images + surcharges; }
    bool operator==(const CostBreakdown&) const = default;
};

// Cost arithmetic as pure functions: breakdown() is THE cost of a call, every path (ledger,
// budgets, gateway, CLI, workbench, estimate panel, savings) goes through it.
//
// Inputs follow the decoders' normalisation (see TokenUsage): promptTokens INCLUDES cachedTokens
// and the cache writes, completionTokens INCLUDES reasoningTokens, for every provider
// (Anthropic's input_tokens, which excludes cache reads and writes, is converted before it gets
// here). A prompt over the model's long-context threshold bills every token at the tier's rates.
//
// An optional rate of 0 falls back to the rate that never under-reports: cached reads and cache
// writes to the input rate, 1-hour writes to the 5-minute rate, reasoning to the output rate,
// batch to the standard rates. An unpriced model (price.known == false) has no cost at all
// (nullopt), never zero; a known zero price is free.
namespace CostCalculator {

std::optional<CostBreakdown> breakdown(const ModelPrice& price, const TokenUsage& usage);
std::optional<double> cost(const ModelPrice& price, const TokenUsage& usage);

// Upper bound used for budget reservations: the cost of `planned` (the whole prompt as the
// caller counted it, images and searches included) with every prompt token at the dearest input
// rate it could be billed at (no cache discount; a cache write when the request asks for one)
// and maxTokens of output at the dearer of output and reasoning. maxTokens <= 0 counts nothing
// for output; callers pass the model's maxOutputTokens then.
std::optional<double> estimateWorstCase(const ModelPrice& price, const TokenUsage& planned, qint64 maxTokens,
                                        bool mayWriteCache = false);
std::optional<double> estimateWorstCase(const ModelPrice& price, qint64 promptTokens, qint64 maxTokens);

// The cost of many calls known only by their summed usage (rollups, savings): `total` with
// `aboveTier` the part of it made by calls whose own prompt crossed the model's long-context
// threshold. Each call is billed at the tier its own prompt reaches, never at the tier the sum of
// all prompts would reach (a thousand 1k-token prompts are not one 1M-token prompt).
std::optional<double> costOfMany(const ModelPrice& price, const TokenUsage& total, const TokenUsage& aboveTier);

// The same with a table entry (its price carries the long-context tier).
std::optional<CostBreakdown> breakdown(const PriceEntry& entry, const TokenUsage& usage);
std::optional<double> cost(const PriceEntry& entry, const TokenUsage& usage);
std::optional<double> estimateWorstCase(const PriceEntry& entry, qint64 promptTokens, qint64 maxTokens);

// Streams from Gemini and Anthropic repeat their usage on several events, each a running total,
// and some events carry only part of it (Anthropic's message_delta has output tokens only).
// The usage of the call is the field-wise maximum of the reports, never their sum.
TokenUsage finalUsage(const QList<TokenUsage>& cumulativeReports);

// The cached rate actually applied: the model's cached price, or its input price when it has none.
double effectiveCachedRate(const ModelPrice& price);

} // namespace CostCalculator
