#include "core/workbench/ModelCatalog.h"

const ModelConfig* ModelCatalog::model(const QString& id) const
{
    for (const auto& candidate : models) {
        if (candidate.id == id) {
            return &candidate;
        }
    }
    return nullptr;
}

const ProviderConfig* ModelCatalog::provider(const QString& id) const
{
    for (const auto& candidate : providers) {
        if (candidate.id == id) {
            return &candidate;
        }
    }
    return nullptr;
}

const ProviderConfig* ModelCatalog::providerOf(const QString& modelId) const
{
    const ModelConfig* found = model(modelId);
    return found ? provider(found->providerId) : nullptr;
}

QString ModelCatalog::providerName(const QString& providerId) const
{
    const ProviderConfig* found = provider(providerId);
    if (found && !found->displayName.isEmpty()) {
        return found->displayName;
    }
    return providerId;
}
