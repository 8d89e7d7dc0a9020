#pragma once

#include "core/config/ConfigProblem.h"
#include "core/config/SwitchyardConfig.h"

#include <QByteArray>

#include <functional>

// A literal api_key in the file, bound to the host it was written for. The key itself is never
// kept: the user puts it into the named environment variable.
struct LiteLlmKeyVariable
{
    QString name; // "SWITCHYARD_KEY_API_EXAMPLE_COM", "..._2" for a second key on the same host
    QString host; // "api.example.com", with ":port" when the file names one
    int line = 0; // where the key is written in the file
    bool isSet = false; // the variable already holds exactly this key
    bool operator==(const LiteLlmKeyVariable&) const = default;
};

struct LiteLlmImportOptions
{
    QString fileName = QStringLiteral("config.yaml"); // named in every problem
    // The routing defaults of the home the import goes into: what the file does not set stays as it is.
    TierSettings baseDefaults;
    // Reads an environment variable (os.environ/NAME values, and whether a key variable is taken).
    // Default: the process environment.
    std::function<QString(const QString&)> environment;
};

struct LiteLlmImportResult
{
    bool ok = false; // false: the YAML could not be read or had wrong types (see problems)
    SwitchyardConfig config; // providers, models, policy.groups and policy.defaults; no tiers or rules
    QList<ConfigProblem> problems; // errors, and warnings for everything not mapped, with its YAML path
    QList<LiteLlmKeyVariable> keyVariables; // literal keys: the variables to set, one per distinct key and host
    int skippedDeployments = 0; // deployments named in problems and left out
};

struct LiteLlmExportResult
{
    QByteArray yaml;
    QList<ConfigProblem> notes; // what a LiteLLM config cannot express (tiers, rules, hedging, ...)
};

// Import and export of a LiteLLM proxy config.yaml. Model groups map to ModelGroup, deployments to
// models (ids: the group name, then "name#2", ...), providers are derived per (kind, api_base, key
// variable). Keys are only ever referenced as os.environ/NAME: a key is bound to the host it was
// configured for, and a literal key gets a variable of its own named after that host.
class LiteLlmConfig
{
public:
    static constexpr char kFileName[] = "config.yaml";

    static LiteLlmImportResult importYaml(const QByteArray& yaml, const LiteLlmImportOptions& options = {});
    // options.fileName is taken from path.
    static LiteLlmImportResult importFile(const QString& path, LiteLlmImportOptions options = {});
    static LiteLlmExportResult exportYaml(const SwitchyardConfig& config);
};
