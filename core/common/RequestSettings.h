#pragma once

#include "core/common/ProviderTypes.h"

#include <QString>

// What makes two calls of one model differ besides the prompt: "temperature=0.2 max_tokens=512
// system=1a2b3c4d" (the system prompt by a short hash, never its text). Empty when the request
// leaves everything to the provider. The ledger keeps it with each workbench answer and with each
// vote, so the leaderboard can tell two columns of the same model apart. A key, not prose: it is
// the same in every language.
namespace RequestSettings {
QString describe(const ChatRequest& request);
} // namespace RequestSettings
