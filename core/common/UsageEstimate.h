#pragma once

#include "core/common/ProviderTypes.h"

// The one estimator of what a call used when the provider did not say (no usage reported, a
// stream cut short by the user, a client, a cap or a timeout): input from the request's
// messages, output from the text, reasoning and tool calls that came back. Flagged estimated.
namespace UsageEstimate {
// PromptSize::ofRequest: each message's text, images and framing.
qint64 inputTokens(const ChatRequest& request);
// Text, reasoning, refusal and tool-call arguments received so far.
qint64 outputTokens(const CallResult& result);
TokenUsage of(const ChatRequest& request, const CallResult& result);

// How far an answer may pass the request's max_tokens before Switchyard stops it: the estimate
// counts about 4 characters per token and real tokenizers differ (by up to ~1.5x on English
// and code), so an answer is cut once its estimate exceeds 1.5 x max_tokens + 32. 0: no limit.
qint64 outputCap(int maxTokens);
} // namespace UsageEstimate
