#include "EngineGateway.h"

#include "Engine.h"

namespace EngineGateway {
GatewayDependencies dependencies(Engine& engine)
{
    Engine* enginePtr = &engine;
    // Not counted against the budgets again: the router's holds already committed each attempt.
    return { engine.router(), [enginePtr](const RequestRecord& record) { enginePtr->record(record, false); } };
}
} // namespace EngineGateway
