#pragma once

#include "core/config/LiteLlmConfig.h"
#include "core/config/LiteLlmDeploymentReader.h"
#include "core/config/LiteLlmKeyVariables.h"
#include "core/config/LiteLlmRouterSettings.h"
#include "core/config/LiteLlmYamlReader.h"

// Walks a LiteLLM config.yaml and builds the Switchyard fragment: model_list through
// LiteLlmDeploymentReader, router_settings and litellm_settings through LiteLlmRouterSettings,
// every other key named (LiteLlmYamlReader reports each with its path).
class LiteLlmImporter
{
public:
    explicit LiteLlmImporter(const LiteLlmImportOptions& options);

    LiteLlmImportResult run(const QByteArray& yaml);

private:
    void readRoot(const YAML::Node& root);

    LiteLlmImportResult m_result;
    LiteLlmYamlReader m_yaml;
    LiteLlmKeyVariables m_keys;
    LiteLlmDeploymentReader m_deployments;
    LiteLlmRouterSettings m_settings;
};
