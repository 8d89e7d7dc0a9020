#include "core/config/LiteLlmRouterSettings.h"

#include <QCoreApplication>

using namespace LiteLlmYaml;

namespace {
// lupdate files these strings under the class whose members call tr(); the lookup must match.
QString tr(const char* text)
{
    return QCoreApplication::translate("LiteLlmRouterSettings", text);
}
} // namespace

QStringList LiteLlmRouterSettings::groupNames() const
{
    QStringList names;
    for (const auto& group : m_config->policy.groups) {
        names.append(group.name);
    }
    return names;
}

// router_settings and litellm_settings share most keys; each is mapped onto the policy's defaults.
void LiteLlmRouterSettings::readSettings(const YAML::Node& settings, const QString& path)
{
    TierSettings& defaults = m_config->policy.defaults;
    const bool router = path == QLatin1String("router_settings");
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        const QString name = key(it);
        const QString itemPath = join(path, name);
        const YAML::Node value = it->second; // a copy: it-> yields a temporary
        if (router && name == QLatin1String("routing_strategy")) {
            const auto text = m_yaml.string(value, itemPath);
            if (const auto strategy = text ? LoadBalanceStrategies::fromId(*text) : std::nullopt) {
                defaults.strategy = *strategy;
            } else if (text) {
                m_yaml.note(
                    itemPath,
                    tr("routing strategy \"%1\" is not supported (simple-shuffle, least-busy, latency-based-routing); "
                       "simple-shuffle is used")
                        .arg(*text),
                    value);
            }
        } else if (name == QLatin1String("num_retries")) {
            m_yaml.note(
                itemPath,
                tr("not mapped: Switchyard never retries the same provider behind your back; a failed call moves "
                   "on to the next deployment in the chain"),
                value);
        } else if ((router && name == QLatin1String("timeout"))
                   || (!router && name == QLatin1String("request_timeout"))) {
            if (auto ms = m_yaml.milliseconds(value, itemPath)) {
                defaults.timeouts.totalMs = *ms;
                defaults.timeoutsSet |= TotalTimeoutField;
            }
        } else if (name == QLatin1String("allowed_fails")) {
            if (auto failures = m_yaml.count(value, itemPath)) {
                // LiteLLM cools a deployment down when a failure takes the count above allowed_fails
                // (router_utils/cooldown_handlers.py: updated_fails > allowed_fails); ours at the
                // failure that reaches cooldown.failures.
                defaults.cooldown.failures = *failures + 1;
            }
        } else if (name == QLatin1String("cooldown_time")) {
            if (auto ms = m_yaml.milliseconds(value, itemPath)) {
                defaults.cooldown.durationSec = (*ms + 999) / 1000;
            }
        } else if (name == QLatin1String("fallbacks")) {
            readFallbacks(value, itemPath, false);
        } else if (name == QLatin1String("context_window_fallbacks")) {
            readFallbacks(value, itemPath, true);
        } else if (router && name == QLatin1String("model_group_alias")) {
            m_aliases = value; // after the fallbacks, which the alias takes over
            m_aliasesPath = itemPath;
        } else if (name == QLatin1String("default_fallbacks")) {
            m_defaultFallbacks = m_yaml.strings(value, itemPath);
            m_defaultFallbacksPath = itemPath;
        } else if (!router && name == QLatin1String("cache")) {
            if (auto enabled = m_yaml.boolean(value, itemPath)) {
                defaults.cacheEnabled = *enabled;
                if (*enabled) {
                    m_yaml.note(itemPath,
                                tr("mapped to Switchyard's exact-match cache, which answers only when every deployment "
                                   "failed (LiteLLM answers from its cache first)"),
                                value);
                }
            }
        } else {
            m_yaml.unmapped(itemPath, value);
        }
    }
}

// [{"gpt-4o": ["claude-sonnet", "gpt-4o-mini"]}, ...] onto each group's (context window) fallbacks.
void LiteLlmRouterSettings::readFallbacks(const YAML::Node& node, const QString& path, bool contextWindow)
{
    if (!m_yaml.expectSequence(node, path)) {
        return;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
        const QString entryPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        const YAML::Node entry = node[i];
        if (!entry.IsMap()) {
            m_yaml.error(entryPath, tr("expected a mapping like {group: [fallback groups]}"), entry);
            continue;
        }
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            const QString groupName = key(it);
            const QString groupPath = join(entryPath, groupName);
            ModelGroup* group = nullptr;
            for (auto& candidate : m_config->policy.groups) {
                group = candidate.name == groupName ? &candidate : group;
            }
            const QStringList targets = m_yaml.strings(it->second, groupPath);
            if (!group) {
                m_yaml.note(groupPath,
                            tr("no model group \"%1\" in model_list%2; these fallbacks were skipped")
                                .arg(groupName, ConfigProblems::didYouMean(groupName, groupNames())),
                            it->first);
                continue;
            }
            QStringList known;
            for (qsizetype t = 0; t < targets.size(); ++t) {
                if (m_config->policy.group(targets.at(t))) {
                    known.append(targets.at(t));
                } else {
                    m_yaml.note(QStringLiteral("%1[%2]").arg(groupPath).arg(t),
                                tr("no model group \"%1\" in model_list%2; skipped")
                                    .arg(targets.at(t), ConfigProblems::didYouMean(targets.at(t), groupNames())),
                                it->second);
                }
            }
            (contextWindow ? group->contextWindowFallbacks : group->fallbacks) = known;
        }
    }
}

// LiteLLM uses default_fallbacks for any group without its own; Switchyard has no policy-wide list, so
// they are written into those groups.
void LiteLlmRouterSettings::applyDefaultFallbacks()
{
    if (m_defaultFallbacks.isEmpty()) {
        return;
    }
    QStringList known;
    for (qsizetype i = 0; i < m_defaultFallbacks.size(); ++i) {
        if (m_config->policy.group(m_defaultFallbacks.at(i))) {
            known.append(m_defaultFallbacks.at(i));
        } else {
            m_yaml.note(
                QStringLiteral("%1[%2]").arg(m_defaultFallbacksPath).arg(i),
                tr("no model group \"%1\" in model_list%2; skipped")
                    .arg(m_defaultFallbacks.at(i), ConfigProblems::didYouMean(m_defaultFallbacks.at(i), groupNames())));
        }
    }
    QStringList receivers;
    for (auto& group : m_config->policy.groups) {
        if (!group.fallbacks.isEmpty()) {
            continue;
        }
        for (const QString& fallback : known) {
            if (fallback != group.name) {
                group.fallbacks.append(fallback);
            }
        }
        if (!group.fallbacks.isEmpty()) {
            receivers.append(group.name);
        }
    }
    if (!receivers.isEmpty()) {
        m_yaml.note(m_defaultFallbacksPath,
                    tr("applied as the fallbacks of the groups without their own: %1")
                        .arg(receivers.join(QStringLiteral(", "))));
    }
}

// {"gpt-4": "gpt-4o"} or {"gpt-4": {model: "gpt-4o", hidden: true}}: the alias becomes a group with the
// target's deployments and fallbacks, so callers asking for the alias get what LiteLLM gives them.
void LiteLlmRouterSettings::readGroupAliases(const YAML::Node& node, const QString& path)
{
    if (!m_yaml.expectMap(node, path)) {
        return;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        const QString alias = key(it);
        const QString aliasPath = join(path, alias);
        const YAML::Node value = it->second;
        const YAML::Node targetNode = value.IsMap() ? value["model"] : value;
        if (!targetNode.IsDefined()) {
            m_yaml.error(join(aliasPath, QStringLiteral("model")), tr("missing: the model group the alias stands for"),
                         value);
            continue;
        }
        const auto target
            = m_yaml.string(targetNode, value.IsMap() ? join(aliasPath, QStringLiteral("model")) : aliasPath);
        if (!target) {
            continue;
        }
        const ModelGroup* group = m_config->policy.group(*target);
        if (!group) {
            m_yaml.note(aliasPath,
                        tr("no model group \"%1\" in model_list%2; this alias was skipped")
                            .arg(*target, ConfigProblems::didYouMean(*target, groupNames())),
                        targetNode);
        } else if (m_config->policy.group(alias)) {
            m_yaml.note(aliasPath,
                        tr("model_list already has a group \"%1\"; the group wins over the alias").arg(alias),
                        it->first);
        } else {
            ModelGroup aliasGroup = *group;
            aliasGroup.name = alias;
            m_config->policy.groups.append(aliasGroup);
        }
    }
}

void LiteLlmRouterSettings::finish()
{
    applyDefaultFallbacks();
    if (m_aliases.IsDefined()) {
        readGroupAliases(m_aliases, m_aliasesPath);
    }
}
