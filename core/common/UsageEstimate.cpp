#include "core/common/UsageEstimate.h"

#include "core/common/PromptSize.h"

namespace UsageEstimate {

qint64 inputTokens(const ChatRequest& request)
{
    return PromptSize::ofRequest(request).tokens();
}

qint64 outputTokens(const CallResult& result)
{
    qint64 tokens = estimateTokens(result.text) + estimateTokens(result.reasoning) + estimateTokens(result.refusal);
    for (const ToolCall& call : result.toolCalls) {
        tokens += estimateTokens(call.name) + estimateTokens(call.arguments);
    }
    return tokens;
}

TokenUsage of(const ChatRequest& request, const CallResult& result)
{
    TokenUsage usage;
    const PromptSize prompt = PromptSize::ofRequest(request);
    usage.promptTokens = prompt.tokens();
    usage.images = prompt.images;
    usage.completionTokens = outputTokens(result);
    usage.reasoningTokens = estimateTokens(result.reasoning);
    usage.estimated = true;
    return usage;
}

qint64 outputCap(int maxTokens)
{
    return maxTokens > 0 ? qint64(maxTokens) * 3 / 2 + 32 : 0;
}

} // namespace UsageEstimate
