#pragma once

#include "core/common/ProviderTypes.h"

// Models that think before their first word: OpenAI's reasoning families and deepseek-reasoner
// by name, and a Claude asked to think (`thinking` enabled or adaptive in the client's body).
// They get a longer first-token timeout by default (EffectiveTimeouts), and their first-token
// timeout is met by the first byte of any event of the stream, reasoning included (ProviderCall).
namespace ReasoningModels {
bool thinksFirst(const ModelConfig& model, const ChatRequest& request);
} // namespace ReasoningModels
