#include "core/pricing/BudgetEstimate.h"

#include "core/common/PromptSize.h"
#include "core/pricing/CostCalculator.h"

BudgetRequest BudgetEstimate::of(const ModelConfig& model, const ChatRequest& request)
{
    const PromptSize prompt = PromptSize::ofRequest(request);
    BudgetRequest estimate;
    estimate.promptTokens = prompt.tokens();
    estimate.images = prompt.images;
    estimate.mayWriteCache = prompt.asksCacheWrite();
    estimate.maxOutputTokens = request.maxTokens > 0  ? request.maxTokens
        : model.maxOutputTokens > 0                   ? model.maxOutputTokens
        : model.contextWindow > estimate.promptTokens ? model.contextWindow - estimate.promptTokens
                                                      : kDefaultReservedOutputTokens;
    return estimate;
}

std::optional<double> BudgetEstimate::worstCaseUsd(const ModelPrice& price, const BudgetRequest& request)
{
    TokenUsage planned;
    planned.promptTokens = request.promptTokens;
    planned.images = request.images;
    return CostCalculator::estimateWorstCase(price, planned, request.maxOutputTokens, request.mayWriteCache);
}
