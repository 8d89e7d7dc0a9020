#pragma once

#include "core/common/FailureClass.h"
#include "core/routing/RoutingPolicy.h"

// What the router does after an attempt failed. Pure, so the table is tested on its own.
enum class FailoverAction
{
    SwitchProvider, // server error, timeouts, network, broken stream, malformed, auth: skip the provider's
                    // remaining deployments in this request and go on at once
    RetrySameModel, // 429 with retry-after within the tier's cap, first time in this request
    SwitchModel, // 429 otherwise: next deployment or model
    CoolProviderAndSwitch, // quota exhausted: cool the whole provider down and skip it
    LargerContext, // context length exceeded: only models with a larger context window
    End, // other bad requests, content filter refusals: stop without burning the chain
    Stop, // cancelled
};

namespace FailoverRules {
FailoverAction actionFor(const CallError& error, const TierSettings& settings, bool rateLimitRetried);
QString actionId(FailoverAction action); // "switch_provider", "retry_same_model", ...
} // namespace FailoverRules
