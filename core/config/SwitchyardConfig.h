#pragma once

#include "core/common/ProviderTypes.h"
#include "core/routing/RoutingPolicy.h"

#include <QList>

// Everything the user configures: providers, the models they serve, and the routing policy.
// Stored as providers.json + routing.json by ConfigStore; imported from LiteLLM by LiteLlmConfig.
struct SwitchyardConfig
{
    QList<ProviderConfig> providers;
    QList<ModelConfig> models;
    RoutingPolicy policy;

    const ProviderConfig* provider(const QString& id) const;
    const ModelConfig* model(const QString& id) const;
    QStringList providerIds() const;
    QStringList modelIds() const;

    bool operator==(const SwitchyardConfig&) const = default;
};
