#pragma once

#include "core/gateway/GatewayTypes.h"

class Engine;

// The gateway as the app runs it: requests go through the engine's router (failover, cooldowns,
// budget holds) and end in its ledger. Shared by `switchyard serve` and the GUI's Local Gateway.
namespace EngineGateway {
// The engine must outlive the gateway built on these.
GatewayDependencies dependencies(Engine& engine);
} // namespace EngineGateway
