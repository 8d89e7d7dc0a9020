#pragma once

#include "core/common/ProviderTypes.h"
#include "core/routing/RoutingPolicy.h"

// The sandbox catalogue as the router sees it, without starting a server.
namespace RoutingFixtures {

inline ModelConfig model(const QString& name, const QString& provider, int contextWindow = 128000)
{
    ModelConfig config;
    config.id = QStringLiteral("sandbox/") + name;
    config.providerId = provider;
    config.upstreamModel = name;
    config.contextWindow = contextWindow;
    config.price = { 1.0, 2.0, 0.1, true };
    return config;
}

inline QList<ModelConfig> sandboxModels()
{
    return {
        model(QStringLiteral("gemini-2.5-flash"), QStringLiteral("sandbox-gemini")),
        model(QStringLiteral("gpt-4.1-mini"), QStringLiteral("sandbox-openai")),
        model(QStringLiteral("gpt-5"), QStringLiteral("sandbox-openai")),
        model(QStringLiteral("gpt-4.1"), QStringLiteral("sandbox-openai")),
        model(QStringLiteral("deepseek-chat"), QStringLiteral("sandbox-deepseek")),
        model(QStringLiteral("codestral-latest"), QStringLiteral("sandbox-mistral")),
        model(QStringLiteral("claude-sonnet-4-5"), QStringLiteral("sandbox-anthropic")),
        model(QStringLiteral("claude-haiku-4-5"), QStringLiteral("sandbox-anthropic")),
    };
}

inline QList<ProviderConfig> sandboxProviders()
{
    QList<ProviderConfig> list;
    for (const char* id :
         { "sandbox-gemini", "sandbox-openai", "sandbox-deepseek", "sandbox-mistral", "sandbox-anthropic" }) {
        ProviderConfig provider;
        provider.id = QString::fromLatin1(id);
        provider.simulated = true;
        list.append(provider);
    }
    return list;
}

inline RoutingRule rule(const QString& name, RuleKind kind, const QString& pattern, const QString& tier,
                        const QString& pinnedModel = {})
{
    RoutingRule result;
    result.name = name;
    result.kind = kind;
    result.pattern = pattern;
    result.tier = tier;
    result.pinnedModel = pinnedModel;
    return result;
}

inline ProviderConfig provider(const QString& id, bool simulated = true)
{
    ProviderConfig result;
    result.id = id;
    result.simulated = simulated;
    return result;
}

// "a -> b -> c" with the "sandbox/" prefix stripped, for readable comparisons.
inline QString chainText(const QList<ChainStep>& chain)
{
    QStringList names;
    for (const ChainStep& step : chain) {
        QStringList deployments;
        for (const Deployment& deployment : step.deployments) {
            deployments.append(deployment.modelId.section(QLatin1Char('/'), -1));
        }
        names.append(deployments.join(QLatin1Char('|')));
    }
    return names.join(QStringLiteral(" -> "));
}

} // namespace RoutingFixtures
