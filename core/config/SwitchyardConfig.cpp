#include "core/config/SwitchyardConfig.h"

const ProviderConfig* SwitchyardConfig::provider(const QString& id) const
{
    for (const auto& candidate : providers) {
        if (candidate.id == id) {
            return &candidate;
        }
    }
    return nullptr;
}

const ModelConfig* SwitchyardConfig::model(const QString& id) const
{
    for (const auto& candidate : models) {
        if (candidate.id == id) {
            return &candidate;
        }
    }
    return nullptr;
}

QStringList SwitchyardConfig::providerIds() const
{
    QStringList ids;
    for (const auto& provider : providers) {
        ids.append(provider.id);
    }
    return ids;
}

QStringList SwitchyardConfig::modelIds() const
{
    QStringList ids;
    for (const auto& model : models) {
        ids.append(model.id);
    }
    return ids;
}
