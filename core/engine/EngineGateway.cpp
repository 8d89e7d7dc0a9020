#include "EngineGateway.h"

#include "Engine.h"
#include "ledger/LedgerQueries.h"

namespace EngineGateway {
GatewayDependencies dependencies(Engine& engine)
{
    Engine* enginePtr = &engine;
    // Not counted against the budgets again: the router's holds already committed each attempt.
    return { engine.router(), [enginePtr](const RequestRecord& record) { enginePtr->record(record, false); },
             [path = engine.ledgerPath()](const QString& keyId, const QDateTime& since) {
                 if (path.isEmpty()) {
                     return 0.0;
                 }
                 LedgerQueries queries(path);
                 return queries.clientKeySpend(keyId, since);
             },
             [enginePtr] { return enginePtr->healthProblems(); } };
}
} // namespace EngineGateway
