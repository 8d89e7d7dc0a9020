#pragma once

#include "LiteLlmConfig.h"
#include "LiteLlmProviders.h"

#include <yaml-cpp/yaml.h>

#include <optional>

// Walks a LiteLLM config.yaml and builds the Switchyard fragment. Every key is either mapped or
// reported with its path; wrong node types are errors, never exceptions.
class LiteLlmImporter
{
public:
    LiteLlmImportResult run(const QByteArray& yaml);

private:
    struct ProviderKey
    {
        ProviderKind kind;
        QString base;
        QString keyEnv;
        bool operator==(const ProviderKey&) const = default;
    };

    void report(ConfigProblem::Severity severity, const QString& path, const QString& message,
                const YAML::Node& node = YAML::Node());
    void error(const QString& path, const QString& message, const YAML::Node& node = YAML::Node());
    void note(const QString& path, const QString& message, const YAML::Node& node = YAML::Node());
    void unmapped(const QString& path, const YAML::Node& node);

    bool expectMap(const YAML::Node& node, const QString& path);
    bool expectSequence(const YAML::Node& node, const QString& path);
    std::optional<QString> string(const YAML::Node& node, const QString& path);
    std::optional<double> number(const YAML::Node& node, const QString& path);
    std::optional<int> count(const YAML::Node& node, const QString& path);
    std::optional<int> milliseconds(const YAML::Node& node, const QString& path); // from seconds
    std::optional<bool> boolean(const YAML::Node& node, const QString& path);
    QStringList strings(const YAML::Node& node, const QString& path);

    void readRoot(const YAML::Node& root);
    void readModelList(const YAML::Node& list);
    void readDeployment(const YAML::Node& entry, const QString& path);
    QString providerFor(const LiteLlmPrefix& prefix, const QUrl& base, const QString& keyEnv);
    void readModelInfo(const YAML::Node& info, const QString& path, ModelConfig* model);
    void readSettings(const YAML::Node& settings, const QString& path);
    void readFallbacks(const YAML::Node& node, const QString& path, bool contextWindow);
    void applyDefaultFallbacks();
    QStringList groupNames() const;

    LiteLlmImportResult m_result;
    QList<ProviderKey> m_providerKeys; // parallel to m_result.config.providers
    QStringList m_defaultFallbacks;
    QString m_defaultFallbacksPath;
};

namespace LiteLlmYaml {
QString text(const YAML::Node& node);
QString key(const YAML::const_iterator& entry);
QString join(const QString& path, const QString& key);
} // namespace LiteLlmYaml
