#include "core/config/ConfigJsonWriter.h"

#include <QJsonArray>

#include <tuple>

namespace {
QJsonValue deploymentToJson(const Deployment& deployment)
{
    if (deployment.weight == 1) {
        return deployment.modelId;
    }
    return QJsonObject { { QStringLiteral("model"), deployment.modelId },
                         { QStringLiteral("weight"), deployment.weight } };
}

QJsonArray deploymentsToJson(const QList<Deployment>& deployments)
{
    QJsonArray array;
    for (const auto& deployment : deployments) {
        array.append(deploymentToJson(deployment));
    }
    return array;
}

// A step with one deployment is just that deployment ("gpt-4o-mini"); several are an array.
QJsonValue stepToJson(const ChainStep& step)
{
    if (step.deployments.size() == 1) {
        return deploymentToJson(step.deployments.first());
    }
    return deploymentsToJson(step.deployments);
}

QJsonObject providerToJson(const ProviderConfig& provider)
{
    QJsonObject object {
        { QStringLiteral("id"), provider.id },
        { QStringLiteral("displayName"), provider.displayName },
        { QStringLiteral("kind"), ProviderKinds::id(provider.kind) },
        { QStringLiteral("baseUrl"), provider.baseUrl.toString() },
        { QStringLiteral("keyEnv"), provider.keyEnv },
        { QStringLiteral("maxConcurrent"), provider.maxConcurrent },
        { QStringLiteral("enabled"), provider.enabled },
        { QStringLiteral("simulated"), provider.simulated },
    };
    if (!provider.apiVersion.isEmpty()) {
        object.insert(QStringLiteral("apiVersion"), provider.apiVersion);
    }
    if (provider.auth != ProviderAuth::ApiKey) {
        object.insert(QStringLiteral("auth"), ProviderAuths::id(provider.auth));
    }
    if (!provider.awsRegion.isEmpty()) {
        object.insert(QStringLiteral("awsRegion"), provider.awsRegion);
    }
    if (!provider.awsProfile.isEmpty()) {
        object.insert(QStringLiteral("awsProfile"), provider.awsProfile);
    }
    if (provider.dailyBudgetUsd > 0) {
        object.insert(QStringLiteral("dailyBudgetUsd"), provider.dailyBudgetUsd);
    }
    if (provider.monthlyBudgetUsd > 0) {
        object.insert(QStringLiteral("monthlyBudgetUsd"), provider.monthlyBudgetUsd);
    }
    if (!provider.extraHeaders.isEmpty()) {
        QJsonObject headers;
        for (auto it = provider.extraHeaders.cbegin(); it != provider.extraHeaders.cend(); ++it) {
            headers.insert(it.key(), it.value());
        }
        object.insert(QStringLiteral("extraHeaders"), headers);
    }
    return object;
}

QJsonObject modelToJson(const ModelConfig& model)
{
    QJsonObject object {
        { QStringLiteral("id"), model.id },
        { QStringLiteral("provider"), model.providerId },
        { QStringLiteral("upstreamModel"), model.upstreamModel },
        { QStringLiteral("contextWindow"), model.contextWindow },
        { QStringLiteral("maxOutputTokens"), model.maxOutputTokens },
    };
    if (!model.baseModel.isEmpty()) {
        object.insert(QStringLiteral("baseModel"), model.baseModel);
    }
    // Only the model's own timeouts: the others come from its tier or the defaults.
    const QJsonObject timeouts = ConfigJsonWriter::timeoutsToJson(model.timeouts, model.timeoutsSet);
    if (!timeouts.isEmpty()) {
        object.insert(QStringLiteral("timeouts"), timeouts);
    }
    if (model.capabilities.isKnown()) {
        object.insert(QStringLiteral("supports"), QJsonArray::fromStringList(model.capabilities.ids()));
    }
    // An unknown price is absent, never zero: zero would read as "free".
    if (model.price.known) {
        object.insert(QStringLiteral("price"),
                      QJsonObject {
                          { QStringLiteral("inputPerMTok"), model.price.inputPerMTok },
                          { QStringLiteral("outputPerMTok"), model.price.outputPerMTok },
                          { QStringLiteral("cachedInputPerMTok"), model.price.cachedInputPerMTok },
                      });
    }
    return object;
}

QJsonObject tierToJson(const RoutingTier& tier)
{
    QJsonArray chain;
    for (const auto& step : tier.chain) {
        chain.append(stepToJson(step));
    }
    QJsonObject object {
        { QStringLiteral("name"), tier.name },
        { QStringLiteral("description"), tier.description },
        { QStringLiteral("chain"), chain },
    };
    if (tier.settings) {
        object.insert(QStringLiteral("settings"), ConfigJsonWriter::settingsToJson(*tier.settings));
    }
    return object;
}

QJsonObject ruleToJson(const RoutingRule& rule)
{
    QJsonObject object {
        { QStringLiteral("name"), rule.name },
        { QStringLiteral("kind"), RuleKinds::id(rule.kind) },
        { QStringLiteral("pattern"), rule.pattern },
        { QStringLiteral("tier"), rule.tier },
        { QStringLiteral("caseSensitive"), rule.caseSensitive },
        { QStringLiteral("enabled"), rule.enabled },
    };
    if (!rule.pinnedModel.isEmpty()) {
        object.insert(QStringLiteral("pinnedModel"), rule.pinnedModel);
    }
    if (rule.kind == RuleKind::Learned) {
        object.insert(QStringLiteral("weakModel"), rule.weakModel);
        object.insert(QStringLiteral("strongModel"), rule.strongModel);
        object.insert(QStringLiteral("threshold"), rule.threshold);
    }
    return object;
}

QJsonObject groupToJson(const ModelGroup& group)
{
    return QJsonObject {
        { QStringLiteral("name"), group.name },
        { QStringLiteral("deployments"), deploymentsToJson(group.deployments) },
        { QStringLiteral("fallbacks"), QJsonArray::fromStringList(group.fallbacks) },
        { QStringLiteral("contextWindowFallbacks"), QJsonArray::fromStringList(group.contextWindowFallbacks) },
    };
}
} // namespace

QJsonObject ConfigJsonWriter::timeoutsToJson(const Timeouts& timeouts, quint8 set)
{
    QJsonObject object;
    for (const auto& [key, bit, value] : { std::tuple { "connectMs", ConnectTimeoutField, timeouts.connectMs },
                                           std::tuple { "firstTokenMs", FirstTokenTimeoutField, timeouts.firstTokenMs },
                                           std::tuple { "idleMs", IdleTimeoutField, timeouts.idleMs },
                                           std::tuple { "totalMs", TotalTimeoutField, timeouts.totalMs } }) {
        if (set & bit) {
            object.insert(QLatin1String(key), value);
        }
    }
    return object;
}

QJsonObject ConfigJsonWriter::settingsToJson(const TierSettings& settings)
{
    return QJsonObject {
        { QStringLiteral("timeouts"), timeoutsToJson(settings.timeouts, settings.timeoutsSet) },
        { QStringLiteral("rateLimitWaitCapMs"), settings.rateLimitWaitCapMs },
        { QStringLiteral("quotaCooldownSec"), settings.quotaCooldownSec },
        { QStringLiteral("cooldown"),
          QJsonObject {
              { QStringLiteral("failures"), settings.cooldown.failures },
              { QStringLiteral("windowSec"), settings.cooldown.windowSec },
              { QStringLiteral("durationSec"), settings.cooldown.durationSec },
          } },
        { QStringLiteral("strategy"), LoadBalanceStrategies::id(settings.strategy) },
        { QStringLiteral("midStream"), MidStreamPolicies::id(settings.midStream) },
        { QStringLiteral("hedging"), settings.hedging },
        { QStringLiteral("hedgeAfterMs"), settings.hedgeAfterMs },
        { QStringLiteral("cacheEnabled"), settings.cacheEnabled },
    };
}

QJsonObject ConfigJsonWriter::providersDocument(const SwitchyardConfig& config)
{
    QJsonArray providers;
    for (const auto& provider : config.providers) {
        providers.append(providerToJson(provider));
    }
    QJsonArray models;
    for (const auto& model : config.models) {
        models.append(modelToJson(model));
    }
    return QJsonObject {
        { QStringLiteral("format"), QLatin1String(ConfigJson::kProvidersFormat) },
        { QStringLiteral("version"), ConfigJson::kVersion },
        { QStringLiteral("providers"), providers },
        { QStringLiteral("models"), models },
    };
}

QJsonObject ConfigJsonWriter::routingDocument(const RoutingPolicy& policy)
{
    QJsonArray tiers;
    for (const auto& tier : policy.tiers) {
        tiers.append(tierToJson(tier));
    }
    QJsonArray rules;
    for (const auto& rule : policy.rules) {
        rules.append(ruleToJson(rule));
    }
    QJsonArray groups;
    for (const auto& group : policy.groups) {
        groups.append(groupToJson(group));
    }
    return QJsonObject {
        { QStringLiteral("format"), QLatin1String(ConfigJson::kRoutingFormat) },
        { QStringLiteral("version"), ConfigJson::kVersion },
        { QStringLiteral("defaultTier"), policy.defaultTier },
        { QStringLiteral("defaults"), settingsToJson(policy.defaults) },
        { QStringLiteral("tiers"), tiers },
        { QStringLiteral("rules"), rules },
        { QStringLiteral("groups"), groups },
    };
}
