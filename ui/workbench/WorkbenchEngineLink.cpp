#include "ui/workbench/WorkbenchEngineLink.h"

#include "core/engine/Engine.h"
#include "core/routing/Router.h"
#include "core/sandbox/SandboxServer.h"
#include "core/workbench/ProviderHealth.h"
#include "ui/workbench/WorkbenchView.h"

#include <QCoreApplication>

namespace {
// What a switched-on sandbox fault does, as the health model's evidence: "HTTP 503", "no answer".
QString faultReason(const SandboxFault& fault)
{
    switch (fault.kind) {
    case SandboxFault::Kind::HttpError:
        return QCoreApplication::translate("WorkbenchEngineLink", "HTTP %1").arg(fault.httpStatus);
    case SandboxFault::Kind::FailPercent:
        return QCoreApplication::translate("WorkbenchEngineLink", "HTTP %1 on %2% of requests")
            .arg(fault.httpStatus)
            .arg(fault.percent);
    case SandboxFault::Kind::HangBeforeHeaders:
        return QCoreApplication::translate("WorkbenchEngineLink", "no answer");
    case SandboxFault::Kind::HeadersThenSilence:
        return QCoreApplication::translate("WorkbenchEngineLink", "silent after headers");
    case SandboxFault::Kind::DropMidStream:
        return QCoreApplication::translate("WorkbenchEngineLink", "drops mid-answer");
    case SandboxFault::Kind::MalformedJson:
        return QCoreApplication::translate("WorkbenchEngineLink", "malformed JSON");
    case SandboxFault::Kind::SlowTokens:
    case SandboxFault::Kind::None:
        break;
    }
    return {};
}

// The sandbox's faults as the health model's evidence, by model id and provider id.
void showSimulatedFaults(const Engine& engine, ProviderHealth* health)
{
    const SandboxServer* sandbox = engine.sandbox();
    QHash<QString, QString> models;
    QHash<QString, QString> providers;
    if (sandbox) {
        const QHash<QString, SandboxFault> modelFaults = sandbox->modelFaults();
        for (const ModelConfig& model : engine.models()) {
            const ProviderConfig* provider = engine.provider(model.providerId);
            const QString reason = faultReason(modelFaults.value(model.upstreamModel));
            if (provider && provider->simulated && !reason.isEmpty()) {
                models.insert(model.id, reason);
            }
        }
        const QHash<QString, SandboxFault> providerFaults = sandbox->providerFaults();
        for (auto it = providerFaults.cbegin(); it != providerFaults.cend(); ++it) {
            if (const QString reason = faultReason(it.value()); !reason.isEmpty()) {
                providers.insert(it.key(), reason);
            }
        }
    }
    health->setSimulatedFaults(models, providers);
}
} // namespace

namespace WorkbenchEngineLink {

void connect(Engine& engine, WorkbenchView* workbench, ProviderHealth* health)
{
    const RequestSource source = RequestSource::Workbench;
    ComparisonRun* run = workbench->comparison();
    workbench->setRouter(engine.router());
    QObject::connect(run, &ComparisonRun::callStarted, &engine,
                     [&engine, source](ProviderCall* call, const QString& group, const QString& exchange) {
                         engine.track(call, source, group, exchange);
                     });
    QObject::connect(
        run, &ComparisonRun::routedCallStarted, &engine,
        [&engine, source](RoutedCall* call, const ChatRequest& request, const QString& group, const QString& exchange) {
            engine.track(call, request, source, group, exchange);
        });
    // A saved concurrency limit, price or new model applies to the next run.
    QObject::connect(&engine, &Engine::configChanged, workbench, [&engine, workbench, health] {
        workbench->setCatalog({ engine.providers(), engine.models() });
        health->watchCooldowns(engine.router()->cooldowns(), engine.models());
    });
    health->watchCooldowns(engine.router()->cooldowns(), engine.models());
    health->watchBudgets(engine.budgets());
    // Every attempt of every recorded request (workbench, routed, gateway) is health evidence.
    QObject::connect(&engine, &Engine::requestRecorded, health, [health](const RequestRecord& record) {
        health->recordRequest(record);
        health->refresh();
    });
    if (SandboxServer* sandbox = engine.sandbox()) {
        QObject::connect(sandbox, &SandboxServer::faultsChanged, health,
                         [&engine, health] { showSimulatedFaults(engine, health); });
    }
    showSimulatedFaults(engine, health);
}

} // namespace WorkbenchEngineLink
