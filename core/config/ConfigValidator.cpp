#include "core/config/ConfigValidator.h"

#include "core/routing/RulePattern.h"

#include <QCoreApplication>
#include <QHash>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Validator", text);
}

class Validator
{
public:
    explicit Validator(const SwitchyardConfig& config)
        : m_config(config)
        , m_providerIds(config.providerIds())
        , m_modelIds(config.modelIds())
    {
        for (const auto& group : config.policy.groups) {
            m_groupNames.append(group.name);
        }
        for (const auto& tier : config.policy.tiers) {
            m_tierNames.append(tier.name);
        }
    }

    QList<ConfigProblem> run()
    {
        checkProviders();
        checkModels();
        checkPolicy();
        return m_problems;
    }

private:
    void add(const char* file, const QString& path, const QString& message,
             ConfigProblem::Severity severity = ConfigProblem::Severity::Error)
    {
        m_problems.append({ QLatin1String(file), path, message, severity });
    }

    // Empty and duplicate ids; `what` is e.g. "provider id".
    void checkId(const char* file, const QString& path, const QString& id, QHash<QString, QString>* seen,
                 const QString& what)
    {
        if (id.trimmed().isEmpty()) {
            add(file, path, tr("%1 must not be empty").arg(what));
        } else if (seen->contains(id)) {
            add(file, path, tr("duplicate %1 \"%2\" (first used at %3)").arg(what, id, seen->value(id)));
        } else {
            seen->insert(id, path);
        }
    }

    void checkNotNegative(const char* file, const QString& path, double value)
    {
        if (value < 0) {
            add(file, path, tr("must not be negative (found %1)").arg(value));
        }
    }

    void checkNotNegative(const char* file, const QString& path, int value)
    {
        if (value < 0) {
            add(file, path, tr("must not be negative (found %1)").arg(value));
        }
    }

    void checkTimeouts(const char* file, const QString& path, const Timeouts& timeouts)
    {
        checkNotNegative(file, path + QStringLiteral(".connectMs"), timeouts.connectMs);
        checkNotNegative(file, path + QStringLiteral(".firstTokenMs"), timeouts.firstTokenMs);
        checkNotNegative(file, path + QStringLiteral(".idleMs"), timeouts.idleMs);
        checkNotNegative(file, path + QStringLiteral(".totalMs"), timeouts.totalMs);
    }

    void checkSettings(const QString& path, const TierSettings& settings)
    {
        const char* file = ConfigValidator::kRoutingFile;
        checkTimeouts(file, path + QStringLiteral(".timeouts"), settings.timeouts);
        checkNotNegative(file, path + QStringLiteral(".rateLimitWaitCapMs"), settings.rateLimitWaitCapMs);
        checkNotNegative(file, path + QStringLiteral(".quotaCooldownSec"), settings.quotaCooldownSec);
        checkNotNegative(file, path + QStringLiteral(".cooldown.failures"), settings.cooldown.failures);
        checkNotNegative(file, path + QStringLiteral(".cooldown.windowSec"), settings.cooldown.windowSec);
        checkNotNegative(file, path + QStringLiteral(".cooldown.durationSec"), settings.cooldown.durationSec);
        checkNotNegative(file, path + QStringLiteral(".hedgeAfterMs"), settings.hedgeAfterMs);
    }

    void checkModelRef(const QString& path, const QString& modelId)
    {
        if (!m_config.model(modelId)) {
            add(ConfigValidator::kRoutingFile, path,
                tr("unknown model \"%1\"%2").arg(modelId, ConfigProblems::didYouMean(modelId, m_modelIds)));
        }
    }

    void checkDeployment(const QString& path, const Deployment& deployment)
    {
        checkModelRef(path, deployment.modelId);
        if (deployment.weight < 1) {
            add(ConfigValidator::kRoutingFile, path, tr("weight must be at least 1 (found %1)").arg(deployment.weight));
        }
    }

    void checkProviders()
    {
        QHash<QString, QString> seen;
        for (qsizetype i = 0; i < m_config.providers.size(); ++i) {
            const ProviderConfig& provider = m_config.providers.at(i);
            const QString path = QStringLiteral("providers[%1]").arg(i);
            checkId(ConfigValidator::kProvidersFile, path + QStringLiteral(".id"), provider.id, &seen,
                    tr("provider id"));
            checkNotNegative(ConfigValidator::kProvidersFile, path + QStringLiteral(".maxConcurrent"),
                             provider.maxConcurrent);
            checkNotNegative(ConfigValidator::kProvidersFile, path + QStringLiteral(".dailyBudgetUsd"),
                             provider.dailyBudgetUsd);
            checkNotNegative(ConfigValidator::kProvidersFile, path + QStringLiteral(".monthlyBudgetUsd"),
                             provider.monthlyBudgetUsd);
            // Bedrock's endpoint follows its region when no base URL pins it.
            if (!provider.simulated && provider.baseUrl.isEmpty() && provider.kind != ProviderKind::BedrockConverse) {
                add(ConfigValidator::kProvidersFile, path + QStringLiteral(".baseUrl"), tr("a base URL is required"));
            }
            if (provider.auth == ProviderAuth::EntraIdToken && provider.kind != ProviderKind::AzureOpenAi) {
                add(ConfigValidator::kProvidersFile, path + QStringLiteral(".auth"),
                    tr("Microsoft Entra ID tokens are for Azure OpenAI providers (kind \"azure\")"));
            }
        }
    }

    void checkModels()
    {
        QHash<QString, QString> seen;
        for (qsizetype i = 0; i < m_config.models.size(); ++i) {
            const ModelConfig& model = m_config.models.at(i);
            const QString path = QStringLiteral("models[%1]").arg(i);
            const char* file = ConfigValidator::kProvidersFile;
            checkId(file, path + QStringLiteral(".id"), model.id, &seen, tr("model id"));
            if (!m_config.provider(model.providerId)) {
                add(file, path + QStringLiteral(".provider"),
                    tr("unknown provider \"%1\"%2")
                        .arg(model.providerId, ConfigProblems::didYouMean(model.providerId, m_providerIds)));
            }
            if (model.upstreamModel.isEmpty()) {
                add(file, path + QStringLiteral(".upstreamModel"), tr("the provider's model name is required"));
            }
            checkNotNegative(file, path + QStringLiteral(".contextWindow"), model.contextWindow);
            checkNotNegative(file, path + QStringLiteral(".maxOutputTokens"), model.maxOutputTokens);
            checkTimeouts(file, path + QStringLiteral(".timeouts"), model.timeouts);
            if (model.price.known
                && (model.price.inputPerMTok < 0 || model.price.outputPerMTok < 0
                    || model.price.cachedInputPerMTok < 0)) {
                add(file, path + QStringLiteral(".price"), tr("prices must not be negative"));
            }
        }
    }

    void checkRule(const QString& path, const RoutingRule& rule)
    {
        const char* file = ConfigValidator::kRoutingFile;
        if (!m_config.policy.tier(rule.tier)) {
            add(file, path + QStringLiteral(".tier"),
                tr("unknown tier \"%1\"%2").arg(rule.tier, ConfigProblems::didYouMean(rule.tier, m_tierNames)));
        }
        if (!rule.pinnedModel.isEmpty()) {
            checkModelRef(path + QStringLiteral(".pinnedModel"), rule.pinnedModel);
        }
        if (rule.kind == RuleKind::Learned) {
            for (const auto& [field, model] : { std::pair { QStringLiteral(".weakModel"), rule.weakModel },
                                                std::pair { QStringLiteral(".strongModel"), rule.strongModel } }) {
                if (!model.isEmpty()) {
                    checkModelRef(path + field, model);
                }
            }
        }
        // A learned rule has no pattern: its problems are its models or threshold.
        const QString patternPath = rule.kind == RuleKind::Learned ? path : path + QStringLiteral(".pattern");
        if (const QString error = RulePattern::error(rule); !error.isEmpty()) {
            add(file, patternPath, error);
        } else if (RulePattern::isEmptyMatcher(rule)) {
            add(file, patternPath, tr("the pattern is empty, so the rule never matches"),
                ConfigProblem::Severity::Warning);
        }
    }

    void checkReferences(const QString& path, const QStringList& names)
    {
        for (qsizetype j = 0; j < names.size(); ++j) {
            const QString& name = names.at(j);
            if (!m_config.policy.group(name) && !m_config.model(name)) {
                add(ConfigValidator::kRoutingFile, QStringLiteral("%1[%2]").arg(path).arg(j),
                    tr("unknown group or model \"%1\"%2")
                        .arg(name, ConfigProblems::didYouMean(name, m_groupNames + m_modelIds)));
            }
        }
    }

    void checkPolicy()
    {
        const RoutingPolicy& policy = m_config.policy;
        const char* file = ConfigValidator::kRoutingFile;
        checkSettings(QStringLiteral("defaults"), policy.defaults);
        if (!policy.tiers.isEmpty() && !policy.tier(policy.defaultTier)) {
            add(file, QStringLiteral("defaultTier"),
                tr("unknown tier \"%1\"%2")
                    .arg(policy.defaultTier, ConfigProblems::didYouMean(policy.defaultTier, m_tierNames)));
        }
        QHash<QString, QString> seenTiers;
        for (qsizetype i = 0; i < policy.tiers.size(); ++i) {
            const RoutingTier& tier = policy.tiers.at(i);
            const QString path = QStringLiteral("tiers[%1]").arg(i);
            checkId(file, path + QStringLiteral(".name"), tier.name, &seenTiers, tr("tier name"));
            if (tier.chain.isEmpty()) {
                add(file, path + QStringLiteral(".chain"), tr("the chain is empty: a tier needs at least one model"));
            }
            for (qsizetype s = 0; s < tier.chain.size(); ++s) {
                const QList<Deployment>& deployments = tier.chain.at(s).deployments;
                const QString stepPath = QStringLiteral("%1.chain[%2]").arg(path).arg(s);
                if (deployments.isEmpty()) {
                    add(file, stepPath, tr("empty step: list at least one model"));
                } else if (deployments.size() == 1) {
                    checkDeployment(stepPath, deployments.first());
                }
                for (qsizetype d = 0; deployments.size() > 1 && d < deployments.size(); ++d) {
                    checkDeployment(QStringLiteral("%1[%2]").arg(stepPath).arg(d), deployments.at(d));
                }
            }
            if (tier.settings) {
                checkSettings(path + QStringLiteral(".settings"), *tier.settings);
            }
        }
        for (qsizetype i = 0; i < policy.rules.size(); ++i) {
            checkRule(QStringLiteral("rules[%1]").arg(i), policy.rules.at(i));
        }
        QHash<QString, QString> seenGroups;
        for (qsizetype i = 0; i < policy.groups.size(); ++i) {
            const ModelGroup& group = policy.groups.at(i);
            const QString path = QStringLiteral("groups[%1]").arg(i);
            checkId(file, path + QStringLiteral(".name"), group.name, &seenGroups, tr("group name"));
            if (group.deployments.isEmpty()) {
                add(file, path + QStringLiteral(".deployments"), tr("a group needs at least one deployment"));
            }
            for (qsizetype d = 0; d < group.deployments.size(); ++d) {
                checkDeployment(QStringLiteral("%1.deployments[%2]").arg(path).arg(d), group.deployments.at(d));
            }
            checkReferences(path + QStringLiteral(".fallbacks"), group.fallbacks);
            checkReferences(path + QStringLiteral(".contextWindowFallbacks"), group.contextWindowFallbacks);
        }
    }

    const SwitchyardConfig& m_config;
    QStringList m_providerIds;
    QStringList m_modelIds;
    QStringList m_groupNames;
    QStringList m_tierNames;
    QList<ConfigProblem> m_problems;
};
} // namespace

QList<ConfigProblem> ConfigValidator::validate(const SwitchyardConfig& config)
{
    return Validator(config).run();
}
