#include "core/engine/EngineGateway.h"

#include "core/engine/Engine.h"
#include "core/ledger/LedgerQueries.h"
#include "core/ledger/LedgerUrl.h"
#include "core/pricing/PriceTable.h"
#include "core/telemetry/OtlpExporter.h"

namespace EngineGateway {
GatewayDependencies dependencies(Engine& engine)
{
    Engine* enginePtr = &engine;
    return { engine.router(), &engine.recorder(),
             [path = engine.ledgerPath()](const QString& keyId, const QDateTime& since) {
                 if (path.isEmpty()) {
                     return 0.0;
                 }
                 LedgerQueries queries(path);
                 return queries.clientKeySpend(keyId, since);
             },
             [enginePtr] { return enginePtr->healthProblems(); }, [enginePtr] { return enginePtr->metricsText(); },
             [enginePtr](const ModelConfig& model) { return enginePtr->prices().modeOf(model); },
             // Read at each count: tracing may be switched on after the gateway started.
             [enginePtr](const RequestRecord& record) {
                 if (OtlpExporter* traces = enginePtr->traceExporter()) {
                     traces->observe(record);
                 }
             },
             LedgerUrl::isUrl(engine.ledgerPath()) ? engine.ledgerPath() : QString() };
}
} // namespace EngineGateway
