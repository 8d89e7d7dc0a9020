#include "core/config/PortkeyConfig.h"

#include "core/config/LiteLlmProviders.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Builder", text);
}

const QLatin1String kFile("portkey-config.json");

class Builder
{
public:
    explicit Builder(const SwitchyardConfig& config)
        : m_config(config)
    {
    }

    QJsonObject fallbackConfig(const QList<QList<Deployment>>& steps, const Timeouts& timeouts, const QString& path)
    {
        QJsonArray targets;
        for (qsizetype s = 0; s < steps.size(); ++s) {
            const QJsonValue step = stepTarget(steps.at(s), QStringLiteral("%1[%2]").arg(path).arg(s));
            if (!step.isNull()) {
                targets.append(step);
            }
        }
        QJsonArray codes;
        for (int code : PortkeyConfig::fallbackStatusCodes()) {
            codes.append(code);
        }
        QJsonObject config {
            { QStringLiteral("strategy"),
              QJsonObject { { QStringLiteral("mode"), QStringLiteral("fallback") },
                            { QStringLiteral("on_status_codes"), codes } } },
            { QStringLiteral("retry"), noRetry() },
            { QStringLiteral("targets"), targets },
        };
        if (timeouts.totalMs > 0) {
            config.insert(QStringLiteral("request_timeout"), timeouts.totalMs);
        }
        return config;
    }

    QList<ConfigProblem> notes() const
    {
        QList<ConfigProblem> result = m_notes;
        for (const QString& providerId : m_usedProviders) {
            const ProviderConfig* provider = m_config.provider(providerId);
            if (provider && !provider->keyEnv.isEmpty()) {
                result.append({ kFile, providerId,
                                tr("create a Portkey virtual key named \"%1\" holding the key from $%2")
                                    .arg(providerId, provider->keyEnv),
                                ConfigProblem::Severity::Warning });
            }
        }
        return result;
    }

private:
    static QJsonObject noRetry() { return QJsonObject { { QStringLiteral("attempts"), 0 } }; }

    QJsonValue stepTarget(const QList<Deployment>& deployments, const QString& path)
    {
        if (deployments.size() == 1) {
            return target(deployments.first(), path, false);
        }
        QJsonArray targets;
        for (qsizetype d = 0; d < deployments.size(); ++d) {
            const QJsonObject leaf = target(deployments.at(d), QStringLiteral("%1[%2]").arg(path).arg(d), true);
            if (!leaf.isEmpty()) {
                targets.append(leaf);
            }
        }
        if (targets.isEmpty()) {
            return QJsonValue::Null;
        }
        return QJsonObject {
            { QStringLiteral("strategy"), QJsonObject { { QStringLiteral("mode"), QStringLiteral("loadbalance") } } },
            { QStringLiteral("targets"), targets },
        };
    }

    QJsonObject target(const Deployment& deployment, const QString& path, bool weighted)
    {
        const ModelConfig* model = m_config.model(deployment.modelId);
        const ProviderConfig* provider = model ? m_config.provider(model->providerId) : nullptr;
        if (!provider) {
            m_notes.append({ kFile, path, tr("unknown model or provider \"%1\"; left out").arg(deployment.modelId),
                             ConfigProblem::Severity::Warning });
            return {};
        }
        const LiteLlmPrefix& prefix = LiteLlmProviders::forProvider(*provider);
        QJsonObject object {
            { QStringLiteral("provider"), QLatin1String(prefix.portkeyProvider) },
            { QStringLiteral("override_params"), QJsonObject { { QStringLiteral("model"), model->upstreamModel } } },
            { QStringLiteral("retry"), noRetry() },
        };
        if (!provider->keyEnv.isEmpty()) {
            object.insert(QStringLiteral("virtual_key"), provider->id);
        }
        if (!LiteLlmProviders::isDefaultBase(prefix, provider->baseUrl)) {
            object.insert(QStringLiteral("custom_host"), provider->baseUrl.toString());
        }
        if (weighted) {
            object.insert(QStringLiteral("weight"), deployment.weight);
        }
        m_usedProviders.insert(provider->id);
        return object;
    }

    const SwitchyardConfig& m_config;
    QSet<QString> m_usedProviders;
    QList<ConfigProblem> m_notes;
};

QList<QList<Deployment>> stepsOf(const RoutingTier& tier)
{
    QList<QList<Deployment>> steps;
    for (const auto& step : tier.chain) {
        steps.append(step.deployments);
    }
    return steps;
}

PortkeyExportResult missing(const QString& what)
{
    PortkeyExportResult result;
    result.notes.append({ kFile, what, QCoreApplication::translate("PortkeyConfig", "not found: \"%1\"").arg(what) });
    return result;
}
} // namespace

QList<int> PortkeyConfig::fallbackStatusCodes()
{
    // Timeouts, rate limits and server errors move on; other 4xx would fail the same way everywhere.
    return { 408, 429, 500, 502, 503, 504, 529 };
}

PortkeyExportResult PortkeyConfig::exportTier(const SwitchyardConfig& config, const QString& tierName)
{
    const RoutingTier* tier = config.policy.tier(tierName);
    if (!tier) {
        return missing(tierName);
    }
    Builder builder(config);
    PortkeyExportResult result;
    result.document = builder.fallbackConfig(stepsOf(*tier), config.policy.effectiveSettings(tierName).timeouts,
                                             QStringLiteral("%1.chain").arg(tierName));
    result.notes = builder.notes();
    return result;
}

PortkeyExportResult PortkeyConfig::exportGroup(const SwitchyardConfig& config, const QString& groupName)
{
    const ModelGroup* group = config.policy.group(groupName);
    if (!group) {
        return missing(groupName);
    }
    // The group's own deployments first, then each fallback group (or single model) in order.
    QList<QList<Deployment>> steps { group->deployments };
    for (const QString& fallback : group->fallbacks) {
        if (const ModelGroup* other = config.policy.group(fallback)) {
            steps.append(other->deployments);
        } else {
            steps.append({ Deployment { fallback, 1 } });
        }
    }
    Builder builder(config);
    PortkeyExportResult result;
    result.document = builder.fallbackConfig(steps, config.policy.defaults.timeouts, groupName);
    result.notes = builder.notes();
    return result;
}

PortkeyExportResult PortkeyConfig::exportAllTiers(const SwitchyardConfig& config)
{
    PortkeyExportResult result;
    QJsonObject configs;
    QJsonArray order;
    QSet<QString> notes;
    for (const auto& tier : config.policy.tiers) {
        PortkeyExportResult one = exportTier(config, tier.name);
        configs.insert(tier.name, one.document);
        order.append(tier.name);
        for (const auto& note : one.notes) {
            if (!notes.contains(note.toString())) {
                notes.insert(note.toString());
                result.notes.append(note);
            }
        }
    }
    result.document = QJsonObject { { QStringLiteral("configs"), configs }, { QStringLiteral("order"), order } };
    return result;
}
