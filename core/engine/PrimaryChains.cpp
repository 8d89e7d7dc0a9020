#include "core/engine/PrimaryChains.h"

#include "core/alerts/AlertRules.h"
#include "core/common/ProviderTypes.h"
#include "core/routing/RoutingPolicy.h"

#include <QDir>

QList<PrimaryReview::Chain> PrimaryChains::of(const RoutingPolicy& policy, const ModelLookup& model)
{
    QList<PrimaryReview::Chain> chains;
    for (const RoutingTier& tier : policy.tiers) {
        PrimaryReview::Chain chain { tier.name, {} };
        for (const ChainStep& step : tier.chain) {
            const QString id = step.primaryModelId();
            const ModelConfig* config = model ? model(id) : nullptr;
            chain.steps << PrimaryReview::Step { id, config ? config->providerId : QString() };
        }
        chains << chain;
    }
    return chains;
}

FailoverRateRule PrimaryChains::rule(const QString& homeDir)
{
    if (homeDir.isEmpty()) {
        return AlertRules().failoverRateRule();
    }
    QStringList errors;
    return AlertRules::load(QDir(homeDir).filePath(AlertRules::fileName()), &errors)
        .value_or(AlertRules())
        .failoverRateRule();
}
