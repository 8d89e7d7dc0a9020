#include "core/gateway/GatewayModels.h"

#include "core/gateway/GatewayJson.h"
#include "core/routing/Router.h"

namespace GatewayModels {

Target resolve(const Router& router, const QString& requested)
{
    if (requested == QLatin1String("auto")) {
        return { Kind::Auto, {} };
    }
    const RoutingPolicy& policy = router.policy();
    if (policy.routableGroup(requested)) {
        return { Kind::Group, requested };
    }
    if (policy.tier(requested)) {
        return { Kind::Tier, requested };
    }
    if (const ModelConfig* model = router.isConfiguredModel(requested) ? router.model(requested) : nullptr) {
        return model->passesClientModel() ? Target {} : Target { Kind::Model, requested };
    }
    // The provider's own name ("gpt-4.1-mini" for "sandbox/gpt-4.1-mini"), when it is unambiguous.
    const ModelConfig* found = nullptr;
    for (const ModelConfig& model : router.models()) {
        if (model.passesClientModel()) {
            continue;
        }
        if (model.upstreamModel == requested || model.id.endsWith(QLatin1Char('/') + requested)) {
            if (found && found->id != model.id) {
                return {};
            }
            found = &model;
        }
    }
    if (found) {
        return Target { Kind::Model, found->id };
    }
    return policy.wildcardFor(requested) ? Target { Kind::Wildcard, requested } : Target {};
}

QByteArray listJson(const Router& router)
{
    QByteArray out = "{\"object\":\"list\",\"data\":[";
    bool first = true;
    auto add = [&](const QString& id, const QString& owner) {
        if (!first) {
            out += ',';
        }
        first = false;
        out += "{\"id\":";
        JsonText::appendString(out, id);
        out += ",\"object\":\"model\",\"created\":0,\"owned_by\":";
        JsonText::appendString(out, owner);
        out += '}';
    };
    add(QStringLiteral("auto"), QStringLiteral("switchyard"));
    for (const ModelGroup& group : router.policy().groups) {
        add(group.name,
            group.isWildcard() ? QStringLiteral("switchyard-wildcard") : QStringLiteral("switchyard-group"));
    }
    // What the wildcards take that their providers are known to serve, as LiteLLM lists them
    // ("anthropic/claude-sonnet-4-5" for "anthropic/*"), owned by the provider they go to.
    for (const ModelGroup& group : router.policy().groups) {
        if (!group.isWildcard()) {
            continue;
        }
        const ModelConfig* first
            = group.deployments.isEmpty() ? nullptr : router.model(group.deployments.first().modelId);
        for (const QString& name : router.wildcardNames(group)) {
            add(name, first ? first->providerId : QStringLiteral("switchyard-wildcard"));
        }
    }
    for (const RoutingTier& tier : router.policy().tiers) {
        add(tier.name, QStringLiteral("switchyard-tier"));
    }
    for (const ModelConfig& model : router.models()) {
        if (!model.passesClientModel()) {
            add(model.id, model.providerId);
        }
    }
    out += "]}";
    return out;
}

} // namespace GatewayModels
