#include "ui/settings/SandboxExample.h"

#include "core/engine/Engine.h"
#include "core/routing/Router.h"
#include "core/sandbox/SandboxServer.h"

SandboxExample SandboxExample::prepare(Engine& engine, const QString& prompt)
{
    SandboxExample example;
    example.prompt = prompt;
    SandboxServer* sandbox = engine.sandbox();
    if (!sandbox) {
        return example;
    }
    const Explanation explanation = engine.router()->explain(prompt);
    example.rule = explanation.rule.ruleName;
    example.tier = explanation.tier;
    for (const ExplainedStep& step : explanation.chain) {
        if (!step.deployments.isEmpty()) {
            example.chain.append(step.deployments.first().modelId);
        }
    }
    if (example.chain.size() < 2) {
        return example; // nothing to fail over to: do not break the only model
    }
    const ModelConfig* primary = engine.model(example.chain.first());
    const ProviderConfig* provider = primary ? engine.provider(primary->providerId) : nullptr;
    if (!primary || !provider || !provider->simulated) {
        return example;
    }
    sandbox->setFault(primary->upstreamModel, SandboxFault::httpError(503));
    example.downModel = primary->id;
    example.fallbackModel = example.chain.at(1);
    return example;
}
