#pragma once

#include "core/config/LiteLlmConfig.h"

#include <yaml-cpp/yaml.h>

#include <QList>
#include <QString>

#include <utility>

// Writes a Switchyard config as a LiteLLM proxy config.yaml: models as model_list entries under
// their groups (weights kept), fallbacks, context-window fallbacks and aliases, the routing
// defaults LiteLLM has; keys only as os.environ/NAME. What LiteLLM cannot express (tiers, rules,
// hedging, ...) is named in the notes.
class LiteLlmExporter
{
public:
    explicit LiteLlmExporter(const SwitchyardConfig& config);

    LiteLlmExportResult run();

private:
    void note(const QString& path, const QString& message);

    // The groups a model is exported under (one model_list entry each): every group that holds it, and
    // its own id when it is in none or when a fallback names the model itself (LiteLLM only knows groups).
    QList<std::pair<QString, int>> groupsOf(const ModelConfig& model) const;

    // A group with exactly the deployments and fallbacks of an earlier one is an alias of it (what
    // importing model_group_alias makes); empty when the group is its own.
    QString aliasTarget(const ModelGroup& group) const;

    void writeModel(YAML::Emitter& out, const ModelConfig& model, const QString& groupName, int weight);

    void writeFallbacks(YAML::Emitter& out, const char* key, bool contextWindow);

    void writeRouterSettings(YAML::Emitter& out);

    void noteUnexported();

    const SwitchyardConfig& m_config;
    LiteLlmExportResult m_result;
};
