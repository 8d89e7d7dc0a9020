#pragma once

#include "core/common/ProviderTypes.h"
#include "core/pricing/BudgetTypes.h"

#include <optional>

// The one rule for what a budget holds before a request goes out, shared by the app's budgets
// (BudgetTracker) and a gateway client key's: the whole request as the provider will count it
// (every message, the system text, tools and images; PromptSize documents the rules) and all the
// output it may produce, at the dearest rates it could be billed at, and the web searches it lets
// the provider run.
namespace BudgetEstimate {

// Without max tokens a provider may answer up to the model's own limit; when that is unknown too,
// up to what the context window leaves, else this (Anthropic's wire default).
constexpr qint64 kDefaultReservedOutputTokens = 4096;
// Web searches held for Anthropic's web search tool when it sets no max_uses (the model may search
// as often as it likes; ten covers what its answers do in practice and caps the hold).
constexpr qint64 kUnboundedWebSearches = 10;

BudgetRequest of(const ModelConfig& model, const ChatRequest& request);
// CostCalculator::estimateWorstCase of the request (the long-context tier when its prompt crosses
// it); nullopt for an unpriced model.
std::optional<double> worstCaseUsd(const ModelPrice& price, const BudgetRequest& request);

} // namespace BudgetEstimate
