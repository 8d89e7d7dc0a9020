#include "core/pricing/BudgetEstimate.h"

#include "core/common/LeanJsonDocument.h"
#include "core/common/PromptSize.h"
#include "core/pricing/CostCalculator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// The most web searches a client's body lets the provider bill: OpenAI's web_search_options is
// one search per request; Anthropic's web search tool runs up to its max_uses, and without one
// as often as the model likes, so kUnboundedWebSearches are held. Bodies without either are not
// parsed (the common case costs one substring search).
qint64 webSearchesOf(const ChatRequest& request)
{
    if (!request.hasClientBody()
        || (!request.clientBody.contains("\"web_search_options\"") && !request.clientBody.contains("\"web_search_"))) {
        return 0;
    }
    const QJsonObject body = LeanJsonDocument::fromJson(request.clientBody).object();
    qint64 searches = body.contains(QLatin1String("web_search_options")) ? 1 : 0;
    for (const QJsonValue& value : body.value(QLatin1String("tools")).toArray()) {
        const QJsonObject tool = value.toObject();
        if (tool.value(QLatin1String("type")).toString().startsWith(QLatin1String("web_search_"))) {
            const qint64 maxUses = tool.value(QLatin1String("max_uses")).toInteger();
            searches += maxUses > 0 ? maxUses : BudgetEstimate::kUnboundedWebSearches;
        }
    }
    return searches;
}
} // namespace

BudgetRequest BudgetEstimate::of(const ModelConfig& model, const ChatRequest& request)
{
    const PromptSize prompt = PromptSize::ofRequest(request);
    BudgetRequest estimate;
    estimate.promptTokens = prompt.tokens();
    estimate.images = prompt.images;
    estimate.mayWriteCache = prompt.asksCacheWrite();
    estimate.webSearches = webSearchesOf(request);
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
    planned.webSearches = request.webSearches;
    return CostCalculator::estimateWorstCase(price, planned, request.maxOutputTokens, request.mayWriteCache);
}
