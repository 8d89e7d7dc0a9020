#include "core/routing/DefaultPolicy.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace {
constexpr int kMaxChainSteps = 3;

struct TierPreference
{
    const char* name;
    const char* description;
    // Regexes over the model's short name, best first. A chain takes the first available match,
    // then further matches on providers not yet in the chain.
    QList<const char*> patterns;
};

// Order matters: the sandbox chains in the spec follow from these lists.
const QList<TierPreference>& preferences()
{
    static const QList<TierPreference> list = {
        { "budget",
          QT_TRANSLATE_NOOP("DefaultPolicy", "Cheap and fast: classification, extraction, yes/no"),
          { "^gemini-[\\d.]+-flash(-\\d+)?$", "^gemini-.*flash", "^deepseek-chat$", "^claude-.*haiku",
            "^gpt-[\\d.]+-nano", "^gpt-4\\.1-mini$", "^gpt-4o-mini$", "^mistral-small" } },
        { "standard",
          QT_TRANSLATE_NOOP("DefaultPolicy", "Everyday questions"),
          { "^gpt-4\\.1-mini$", "^gpt-5-mini$", "^gpt-4o-mini$", "^deepseek-chat$", "^claude-.*haiku",
            "^gemini-.*flash", "^mistral-(small|medium)" } },
        { "coding",
          QT_TRANSLATE_NOOP("DefaultPolicy", "Writing and debugging code"),
          { "^codestral", "^claude-.*sonnet", "^claude-sonnet", "^gpt-4\\.1$", "^gpt-5$", "^deepseek-coder",
            "^qwen.*coder", "^gemini-.*-pro" } },
        { "premium",
          QT_TRANSLATE_NOOP("DefaultPolicy", "Analysis, comparison, strategy, research"),
          { "^gpt-5(\\.\\d+)?$", "^claude-.*opus", "^claude-opus", "^claude-.*sonnet", "^claude-sonnet",
            "^gemini-.*-pro", "^o3$" } },
    };
    return list;
}

QString shortName(const ModelConfig& model)
{
    if (!model.upstreamModel.isEmpty()) {
        return model.upstreamModel.toLower();
    }
    return model.id.section(QLatin1Char('/'), -1).toLower();
}

QList<ChainStep> chainFor(const TierPreference& preference, const QList<ModelConfig>& available)
{
    QList<ChainStep> chain;
    QSet<QString> providersUsed;
    for (const char* pattern : preference.patterns) {
        const QRegularExpression regex(QString::fromLatin1(pattern));
        for (const ModelConfig& model : available) {
            if (chain.size() >= kMaxChainSteps) {
                return chain;
            }
            if (model.passesClientModel() || providersUsed.contains(model.providerId)
                || !regex.match(shortName(model)).hasMatch()) {
                continue;
            }
            providersUsed.insert(model.providerId);
            chain.append(ChainStep { { Deployment { model.id, 1 } } });
        }
    }
    return chain;
}

// The built-in rules' names, in the order rules() lists them.
const char* const kRuleNames[] = {
    QT_TRANSLATE_NOOP("DefaultPolicy", "Code block"),
    QT_TRANSLATE_NOOP("DefaultPolicy", "Simple classification or extraction"),
    QT_TRANSLATE_NOOP("DefaultPolicy", "Programming task"),
    QT_TRANSLATE_NOOP("DefaultPolicy", "Deep thinking"),
    QT_TRANSLATE_NOOP("DefaultPolicy", "Everything else"),
};

RoutingRule rule(const char* name, RuleKind kind, const QString& pattern, const char* tier)
{
    RoutingRule result;
    // Stored in English whatever the language: routing.json and the ledger keep one name, and
    // displayName() translates it where a user reads it.
    result.name = QString::fromLatin1(name);
    result.kind = kind;
    result.pattern = pattern;
    result.tier = QString::fromLatin1(tier);
    return result;
}
} // namespace

QStringList DefaultPolicy::tierNames()
{
    QStringList names;
    for (const auto& preference : preferences()) {
        names.append(QString::fromLatin1(preference.name));
    }
    return names;
}

QString DefaultPolicy::displayName(const QString& name)
{
    for (const char* builtIn : kRuleNames) {
        if (name == QLatin1String(builtIn)) {
            return QCoreApplication::translate("DefaultPolicy", builtIn);
        }
    }
    static const QRegularExpression tagRule(QStringLiteral("^Tag tier=(\\S+)$"));
    if (const QRegularExpressionMatch match = tagRule.match(name); match.hasMatch()) {
        return QCoreApplication::translate("DefaultPolicy", "Tag tier=%1").arg(match.captured(1));
    }
    return name;
}

QList<RoutingRule> DefaultPolicy::rules()
{
    QList<RoutingRule> list;
    for (const QString& tier : tierNames()) {
        RoutingRule tagRule;
        tagRule.name = QStringLiteral("Tag tier=%1").arg(tier);
        tagRule.kind = RuleKind::Tag;
        tagRule.pattern = QStringLiteral("tier=") + tier;
        tagRule.tier = tier;
        list.append(tagRule);
    }
    list.append(rule(kRuleNames[0], RuleKind::HasCodeBlock, {}, "coding"));
    list.append(rule(kRuleNames[1], RuleKind::Keywords,
                     QStringLiteral("classify, categorize, categorise, yes-or-no, yes or no, extract"), "budget"));
    list.append(rule(kRuleNames[2], RuleKind::Keywords,
                     QStringLiteral("write code, function, functions, debug, implement, algorithm"), "coding"));
    list.append(rule(kRuleNames[3], RuleKind::Keywords,
                     QStringLiteral("analyze, analyse, compare, strategy, evaluate, research"), "premium"));
    list.append(rule(kRuleNames[4], RuleKind::Default, {}, "standard"));
    return list;
}

RoutingPolicy DefaultPolicy::create(const QList<ModelConfig>& available)
{
    RoutingPolicy policy;
    policy.defaultTier = QStringLiteral("standard");
    QList<ChainStep> standardChain;
    for (const auto& preference : preferences()) {
        RoutingTier tier;
        tier.name = QString::fromLatin1(preference.name);
        tier.description = QCoreApplication::translate("DefaultPolicy", preference.description);
        tier.chain = chainFor(preference, available);
        if (tier.name == policy.defaultTier) {
            standardChain = tier.chain;
        }
        policy.tiers.append(tier);
    }
    // A tier none of whose models exist borrows the standard chain, or else any model at all,
    // so that every rule leads somewhere.
    for (RoutingTier& tier : policy.tiers) {
        if (tier.chain.isEmpty()) {
            tier.chain = standardChain;
        }
        if (tier.chain.isEmpty() && !available.isEmpty()) {
            tier.chain.append(ChainStep { { Deployment { available.first().id, 1 } } });
        }
    }
    policy.rules = rules();
    return policy;
}

RoutingPolicy DefaultPolicy::createForRealProviders(const QList<ModelConfig>& available,
                                                    const QList<ProviderConfig>& providers)
{
    QSet<QString> real;
    for (const ProviderConfig& provider : providers) {
        if (provider.enabled && !provider.simulated) {
            real.insert(provider.id);
        }
    }
    QList<ModelConfig> models;
    for (const ModelConfig& model : available) {
        if (real.contains(model.providerId)) {
            models.append(model);
        }
    }
    return create(models);
}
