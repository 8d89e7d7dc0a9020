#pragma once

#include "core/common/ProviderTypes.h"

#include <QList>

// The providers and models the workbench may offer, with lookups by id.
struct ModelCatalog
{
    QList<ProviderConfig> providers;
    QList<ModelConfig> models;

    const ModelConfig* model(const QString& id) const;
    const ProviderConfig* provider(const QString& id) const;
    const ProviderConfig* providerOf(const QString& modelId) const;
    QString providerName(const QString& providerId) const;
};
