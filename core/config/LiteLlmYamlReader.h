#pragma once

#include "core/config/ConfigProblem.h"

#include <yaml-cpp/yaml.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// Reads the values of a LiteLLM config.yaml and reports what it finds wrong or leaves out, each
// problem with its YAML path and line:column. Wrong node types are problems, never exceptions.
// Inside model_list an error skips the deployment being read (said once, as a warning), as a bad
// deployment does not stop LiteLLM's router from serving the others.
class LiteLlmYamlReader
{
public:
    using Environment = std::function<QString(const QString& name)>;

    // `environment` empty: the process environment.
    LiteLlmYamlReader(QString fileName, Environment environment, QList<ConfigProblem>* problems);

    void report(ConfigProblem::Severity severity, const QString& path, const QString& message,
                const YAML::Node& node = YAML::Node());
    void error(const QString& path, const QString& message, const YAML::Node& node = YAML::Node());
    void note(const QString& path, const QString& message, const YAML::Node& node = YAML::Node());
    void unmapped(const QString& path, const YAML::Node& node);
    QString environment(const QString& name) const;
    const QString& fileName() const { return m_fileName; }

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

    // Between these, an error skips the deployment instead of refusing the file.
    void beginDeployment();
    // true: the deployment had an error and is left out.
    bool endDeployment();
    bool deploymentSkipped() const { return m_deploymentSkipped; }

private:
    QString m_fileName;
    Environment m_environment;
    QList<ConfigProblem>* m_problems;
    bool m_inDeployment = false;
    bool m_deploymentSkipped = false;
};

namespace LiteLlmYaml {
QString text(const YAML::Node& node);
QString key(const YAML::const_iterator& entry);
QString join(const QString& path, const QString& key);
// Given and not empty: LiteLLM treats an empty value as absent.
bool isPresent(const YAML::Node& node);
} // namespace LiteLlmYaml
