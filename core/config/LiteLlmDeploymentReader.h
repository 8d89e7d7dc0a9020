#pragma once

#include "core/config/LiteLlmBedrockParams.h"
#include "core/config/LiteLlmConfig.h"
#include "core/config/LiteLlmKeyVariables.h"
#include "core/config/LiteLlmProviders.h"
#include "core/config/LiteLlmYamlReader.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

// model_list of a LiteLLM config: each deployment becomes a model of its group (ids: the group
// name, then "name#2", ...) on a provider derived per (kind, base URL, key variable, access), as
// LiteLLM would route it: its prefix or inferred provider, api_base, the key bound to the host it
// was configured for, Azure's api-version and Entra ID, Bedrock's region and profile, prices from
// litellm_params and model_info, timeouts and weights. A deployment that cannot run is named and
// skipped, not the file.
class LiteLlmDeploymentReader
{
public:
    LiteLlmDeploymentReader(LiteLlmYamlReader& yaml, LiteLlmKeyVariables& keys, LiteLlmImportResult* result)
        : m_yaml(yaml)
        , m_keys(keys)
        , m_result(result)
        , m_bedrock(yaml)
    {
    }

    void readModelList(const YAML::Node& list);

private:
    struct ProviderKey
    {
        ProviderKind kind;
        QString base;
        QString keyEnv;
        QString apiVersion;
        ProviderAuth auth = ProviderAuth::ApiKey;
        QString aws; // Bedrock: region and profile
        bool operator==(const ProviderKey&) const = default;
    };
    // How a deployment reaches its provider beyond base URL and key: Azure's api_version and auth.
    struct Access
    {
        QString apiVersion;
        ProviderAuth auth = ProviderAuth::ApiKey;
    };
    // Prices may come from litellm_params (LiteLLM's custom pricing) and model_info; both are read.
    struct PriceParts
    {
        std::optional<double> input;
        std::optional<double> output;
        std::optional<double> cachedInput;
        YAML::Node node; // where a half-given price is reported
        QString path;
    };

    void readDeployment(const YAML::Node& entry, const QString& path);
    // model_name "*" with model "*": a pattern per provider (LiteLlmProviders::inferredWildcards),
    // after the whole list, so that the file's own patterns win.
    void addInferredWildcards();
    void addToGroup(const QString& groupName, ModelConfig model, double weight);
    bool skipUnroutable(const LiteLlmModelRoute& route, const QString& path, const YAML::Node& node);
    bool acceptWildcard(const QString& groupName, const LiteLlmModelRoute& route, const QString& path,
                        const YAML::Node& node);
    std::optional<QUrl> baseFor(const LiteLlmPrefix& prefix, const YAML::Node& params, const QString& paramsPath);
    std::optional<QString> keyFor(const LiteLlmPrefix& prefix, const QUrl& base, const YAML::Node& params,
                                  const QString& paramsPath, Access* access);
    // Azure: tenant_id, client_id, client_secret (Entra ID client credentials), noted where they differ
    // from the variables Switchyard reads them from.
    void readEntraCredentials(const YAML::Node& params, const QString& paramsPath);
    // Azure: api_version (or AZURE_API_VERSION while importing, as LiteLLM reads it).
    std::optional<QString> azureApiVersion(const QUrl& base, const YAML::Node& params, const QString& paramsPath);
    QString providerFor(const LiteLlmPrefix& prefix, const QUrl& base, const QString& keyEnv, const Access& access,
                        const LiteLlmBedrockParams::Aws& aws = {});
    void readPrice(const QString& name, const YAML::Node& value, const QString& path, PriceParts* price);
    void applyPrice(const PriceParts& price, ModelConfig* model);
    void readModelInfo(const YAML::Node& info, const QString& path, ModelConfig* model, PriceParts* price);
    void applyWeights();

    LiteLlmYamlReader& m_yaml;
    LiteLlmKeyVariables& m_keys;
    LiteLlmImportResult* m_result;
    LiteLlmBedrockParams m_bedrock;
    QList<ProviderKey> m_providerKeys; // parallel to m_result->config.providers
    QHash<QString, QList<double>> m_weights; // per group, parallel to its deployments (LiteLLM allows 0.3)
    // The model node of a "*" -> "*" deployment, expanded by addInferredWildcards (optional: a
    // default YAML::Node counts as defined, and assigning to one would write into the file's tree).
    std::optional<YAML::Node> m_inferAll;
    QString m_inferAllPath;
};
