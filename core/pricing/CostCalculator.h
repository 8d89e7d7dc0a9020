#pragma once

#include "PriceTable.h"
#include "common/ProviderTypes.h"

#include <QList>

#include <optional>

// What a call cost, split the way the UI shows it. USD.
struct CostBreakdown
{
    double input = 0; // uncached prompt tokens at the input rate
    double cached = 0; // prompt tokens read from the cache, at the cached rate
    double output = 0; // completion tokens (reasoning included) at the output rate
    bool estimated = false; // the usage was counted by us, not reported by the provider

    double total() const { return input + cached + output; }
    bool operator==(const CostBreakdown&) const = default;
};

// Cost arithmetic as pure functions. Inputs follow the decoders' normalisation (see TokenUsage):
// promptTokens INCLUDES cachedTokens and completionTokens INCLUDES reasoningTokens, for every
// provider (Anthropic's input_tokens, which excludes cache reads, is converted before it gets here).
//
// A model's cached rate of 0 means "no cached price": cached tokens are then billed at the input
// rate, which over- rather than under-reports. An unpriced model (price.known == false) has no
// cost at all (nullopt), never zero; a known zero price is free.
namespace CostCalculator {

std::optional<CostBreakdown> breakdown(const ModelPrice& price, const TokenUsage& usage);
std::optional<double> cost(const ModelPrice& price, const TokenUsage& usage);

// Upper bound used for budget reservations: every prompt token at the full input rate (no cache
// discount assumed) plus maxTokens of output. maxTokens <= 0 ("provider default") counts nothing
// for output; callers should pass the model's maxOutputTokens then.
std::optional<double> estimateWorstCase(const ModelPrice& price, qint64 promptTokens, qint64 maxTokens);

// The same with a table entry: picks the long-context rates when the prompt is over the entry's
// threshold (Gemini 2.5 Pro, Claude Sonnet 4.x bill every token of such a request at that rate).
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
