#pragma once

#include "core/config/LiteLlmConfig.h"
#include "core/config/LiteLlmKeyVariables.h"
#include "core/config/LiteLlmProviders.h"

#include <yaml-cpp/yaml.h>

#include <QHash>

#include <optional>

// Walks a LiteLLM config.yaml and builds the Switchyard fragment. Every key is either mapped or
// reported with its path; wrong node types are errors, never exceptions. Inside model_list an error
// skips that one deployment (reported as a warning), as a bad deployment does not stop LiteLLM's
// router from serving the others.
class LiteLlmImporter
{
public:
    explicit LiteLlmImporter(const LiteLlmImportOptions& options);

    LiteLlmImportResult run(const QByteArray& yaml);

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
    // Bedrock's aws_* parameters as Switchyard keeps them: the credentials stay with the AWS chain.
    struct AwsParams
    {
        QString region; // empty: AWS_REGION / AWS_DEFAULT_REGION / the profile's, read at each call
        QString profile;
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

    void report(ConfigProblem::Severity severity, const QString& path, const QString& message,
                const YAML::Node& node = YAML::Node());
    void error(const QString& path, const QString& message, const YAML::Node& node = YAML::Node());
    void note(const QString& path, const QString& message, const YAML::Node& node = YAML::Node());
    void unmapped(const QString& path, const YAML::Node& node);
    QString environment(const QString& name) const;

    bool expectMap(const YAML::Node& node, const QString& path);
    bool expectSequence(const YAML::Node& node, const QString& path);
    std::optional<QString> string(const YAML::Node& node, const QString& path);
    // Text, or the value of the variable an "os.environ/NAME" text names (LiteLLM allows that on any value).
    std::optional<QString> resolved(const YAML::Node& node, const QString& path);
    std::optional<double> number(const YAML::Node& node, const QString& path);
    std::optional<int> count(const YAML::Node& node, const QString& path);
    std::optional<int> milliseconds(const YAML::Node& node, const QString& path); // from seconds
    std::optional<bool> boolean(const YAML::Node& node, const QString& path);
    QStringList strings(const YAML::Node& node, const QString& path);

    void readRoot(const YAML::Node& root);
    void readModelList(const YAML::Node& list);
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
                        const AwsParams& aws = {});
    // Bedrock (LiteLlmImporterBedrock.cpp): aws_bedrock_runtime_endpoint or api_base (empty: the
    // region's endpoint), the aws_* parameters, an api_key that is a Bedrock API key variable.
    std::optional<QUrl> bedrockBaseFor(const YAML::Node& params, const QString& paramsPath);
    std::optional<AwsParams> awsFor(const YAML::Node& params, const QString& paramsPath);
    std::optional<QString> bedrockKeyFor(const YAML::Node& params, const QString& paramsPath);
    void readPrice(const QString& name, const YAML::Node& value, const QString& path, PriceParts* price);
    void applyPrice(const PriceParts& price, ModelConfig* model);
    void readModelInfo(const YAML::Node& info, const QString& path, ModelConfig* model, PriceParts* price);
    void readSettings(const YAML::Node& settings, const QString& path);
    void readFallbacks(const YAML::Node& node, const QString& path, bool contextWindow);
    void readGroupAliases(const YAML::Node& node, const QString& path);
    void applyDefaultFallbacks();
    void applyWeights();
    QStringList groupNames() const;

    LiteLlmImportOptions m_options;
    LiteLlmImportResult m_result;
    LiteLlmKeyVariables m_keys;
    QList<ProviderKey> m_providerKeys; // parallel to m_result.config.providers
    QHash<QString, QList<double>> m_weights; // per group, parallel to its deployments (LiteLLM allows 0.3)
    QStringList m_defaultFallbacks;
    QString m_defaultFallbacksPath;
    YAML::Node m_aliases; // router_settings.model_group_alias
    QString m_aliasesPath;
    bool m_inDeployment = false; // errors skip the deployment instead of refusing the file
    bool m_deploymentSkipped = false;
    // The model node of a "*" -> "*" deployment, expanded by addInferredWildcards (optional: a
    // default YAML::Node counts as defined, and assigning to one would write into the file's tree).
    std::optional<YAML::Node> m_inferAll;
    QString m_inferAllPath;
};

namespace LiteLlmYaml {
QString text(const YAML::Node& node);
QString key(const YAML::const_iterator& entry);
QString join(const QString& path, const QString& key);
} // namespace LiteLlmYaml
