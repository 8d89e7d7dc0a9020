#include "WorkbenchEngineLink.h"

#include "WorkbenchView.h"
#include "engine/Engine.h"
#include "routing/Router.h"
#include "workbench/ProviderHealth.h"

namespace WorkbenchEngineLink {

void connect(Engine& engine, WorkbenchView* workbench, ProviderHealth* health)
{
    const RequestSource source = RequestSource::Workbench;
    ComparisonRun* run = workbench->comparison();
    workbench->setRouter(engine.router());
    QObject::connect(
        run, &ComparisonRun::callStarted, &engine,
        [&engine, source](ProviderCall* call, const QString& group) { engine.track(call, source, group); });
    QObject::connect(run, &ComparisonRun::routedCallStarted, &engine,
                     [&engine, source](RoutedCall* call, const ChatRequest& request, const QString& group) {
                         engine.track(call, request, source, group);
                     });
    // A saved concurrency limit, price or new model applies to the next run.
    QObject::connect(&engine, &Engine::configChanged, workbench, [&engine, workbench, health] {
        workbench->setCatalog({ engine.providers(), engine.models() });
        health->watchCooldowns(engine.router()->cooldowns(), engine.models());
    });
    health->watchCooldowns(engine.router()->cooldowns(), engine.models());
    health->watchBudgets(engine.budgets());
    QObject::connect(&engine, &Engine::requestRecorded, health, &ProviderHealth::refresh);
}

} // namespace WorkbenchEngineLink
