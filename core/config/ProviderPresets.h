#pragma once

#include "core/common/ProviderTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class PriceTable;

// A provider people use, ready to add: its endpoint, wire format, key variable and a few models
// to start with. Lives beside the keychain code because both serve "accounts" (who you call with
// which key); nothing here touches the network.
struct ProviderPreset
{
    QString id; // also the provider id it creates: "openai"
    QString displayName; // "OpenAI"
    ProviderKind kind = ProviderKind::OpenAiCompatible;
    QUrl baseUrl; // empty for "custom"
    QString keyEnv; // empty: no key (local servers)
    int maxConcurrent = 0;
    bool local = false; // runs on this machine; its models cost nothing
    bool hasModelList = true; // GET {baseUrl}/models answers
    QStringList models; // upstream model names to start with
    QString apiVersion; // Azure OpenAI's api-version; empty for other kinds
};

namespace ProviderPresets {
QList<ProviderPreset> all();
std::optional<ProviderPreset> find(const QString& id);

ProviderConfig providerConfig(const ProviderPreset& preset);
// One ModelConfig per starter model, id "<provider id>/<model>", with price, context window and
// maximum output from the price table when it knows the model (unpriced otherwise; free when local).
QList<ModelConfig> modelConfigs(const ProviderPreset& preset, const PriceTable& prices);
ModelConfig modelConfig(const ProviderConfig& provider, const QString& upstreamModel, const PriceTable& prices,
                        bool local = false);

// Plain http:// to a host that is not this machine: the key would travel in clear text.
bool isInsecure(const ProviderConfig& provider);
bool isLoopbackHost(const QString& host);
} // namespace ProviderPresets
