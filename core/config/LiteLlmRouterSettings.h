#pragma once

#include "core/config/LiteLlmYamlReader.h"
#include "core/config/SwitchyardConfig.h"

#include <QString>
#include <QStringList>

// router_settings and litellm_settings of a LiteLLM config onto the routing policy: its defaults
// (strategy, timeouts, cooldowns), the groups' fallbacks and context-window fallbacks, default
// fallbacks and model_group_alias. Read after model_list, so references to groups are checked.
class LiteLlmRouterSettings
{
public:
    LiteLlmRouterSettings(LiteLlmYamlReader& yaml, SwitchyardConfig* config)
        : m_yaml(yaml)
        , m_config(config)
    {
    }

    // One of the two sections; litellm_settings first, so router_settings wins where both set a value.
    void readSettings(const YAML::Node& settings, const QString& path);
    // After every section: default fallbacks onto the groups, then the aliases.
    void finish();

private:
    void readFallbacks(const YAML::Node& node, const QString& path, bool contextWindow);
    void readGroupAliases(const YAML::Node& node, const QString& path);
    void applyDefaultFallbacks();
    QStringList groupNames() const;

    LiteLlmYamlReader& m_yaml;
    SwitchyardConfig* m_config;
    QStringList m_defaultFallbacks;
    QString m_defaultFallbacksPath;
    YAML::Node m_aliases; // router_settings.model_group_alias
    QString m_aliasesPath;
};
