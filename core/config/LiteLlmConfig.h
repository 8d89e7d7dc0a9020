#pragma once

#include "ConfigProblem.h"
#include "SwitchyardConfig.h"

#include <QByteArray>

struct LiteLlmImportResult
{
    bool ok = false; // false: the YAML could not be read or had wrong types (see problems)
    SwitchyardConfig config; // providers, models, policy.groups and policy.defaults; no tiers or rules
    QList<ConfigProblem> problems; // errors, and warnings for everything not mapped, with its YAML path
};

struct LiteLlmExportResult
{
    QByteArray yaml;
    QList<ConfigProblem> notes; // what a LiteLLM config cannot express (tiers, rules, hedging, ...)
};

// Import and export of a LiteLLM proxy config.yaml. Model groups map to ModelGroup, deployments to
// models (ids: the group name, then "name#2", ...), providers are derived per (kind, api_base, key
// variable). Keys are only ever referenced as os.environ/NAME; a literal key is reported, never kept.
class LiteLlmConfig
{
public:
    static constexpr char kFileName[] = "config.yaml";

    static LiteLlmImportResult importYaml(const QByteArray& yaml);
    static LiteLlmImportResult importFile(const QString& path);
    static LiteLlmExportResult exportYaml(const SwitchyardConfig& config);
};
