#include "core/routing/RoutingPolicy.h"

#include "core/common/ModelNamePattern.h"

namespace {
template <typename Enum, size_t N>
QString idOf(const std::pair<Enum, const char*> (&table)[N], Enum value)
{
    for (const auto& [entry, id] : table) {
        if (entry == value) {
            return QString::fromLatin1(id);
        }
    }
    return {};
}

template <typename Enum, size_t N>
std::optional<Enum> fromIdOf(const std::pair<Enum, const char*> (&table)[N], const QString& id)
{
    for (const auto& [entry, name] : table) {
        if (id == QLatin1String(name)) {
            return entry;
        }
    }
    return std::nullopt;
}

constexpr std::pair<RuleKind, const char*> kRuleKinds[] = {
    { RuleKind::Keywords, "keywords" },
    { RuleKind::Regex, "regex" },
    { RuleKind::MinChars, "min_chars" },
    { RuleKind::MaxChars, "max_chars" },
    { RuleKind::MinTokens, "min_tokens" },
    { RuleKind::HasCodeBlock, "code_block" },
    { RuleKind::Tag, "tag" },
    { RuleKind::Default, "default" },
    { RuleKind::Learned, "learned" },
};
constexpr std::pair<LoadBalanceStrategy, const char*> kStrategies[] = {
    { LoadBalanceStrategy::SimpleShuffle, "simple-shuffle" },
    { LoadBalanceStrategy::LeastBusy, "least-busy" },
    { LoadBalanceStrategy::LatencyBased, "latency-based-routing" },
};
constexpr std::pair<MidStreamPolicy, const char*> kMidStream[] = {
    { MidStreamPolicy::Restart, "restart" },
    { MidStreamPolicy::Continue, "continue" },
    { MidStreamPolicy::StopIncomplete, "stop" },
};
} // namespace

QString RuleKinds::id(RuleKind kind)
{
    return idOf(kRuleKinds, kind);
}

std::optional<RuleKind> RuleKinds::fromId(const QString& id)
{
    return fromIdOf(kRuleKinds, id);
}

QString LoadBalanceStrategies::id(LoadBalanceStrategy strategy)
{
    return idOf(kStrategies, strategy);
}

std::optional<LoadBalanceStrategy> LoadBalanceStrategies::fromId(const QString& id)
{
    return fromIdOf(kStrategies, id);
}

QString MidStreamPolicies::id(MidStreamPolicy policy)
{
    return idOf(kMidStream, policy);
}

std::optional<MidStreamPolicy> MidStreamPolicies::fromId(const QString& id)
{
    return fromIdOf(kMidStream, id);
}

const RoutingTier* RoutingPolicy::tier(const QString& name) const
{
    for (const auto& candidate : tiers) {
        if (candidate.name == name) {
            return &candidate;
        }
    }
    return nullptr;
}

TierSettings RoutingPolicy::effectiveSettings(const QString& tierName) const
{
    const RoutingTier* found = tier(tierName);
    if (found && found->settings) {
        return *found->settings;
    }
    // A tier without settings of its own sets no timeout: each comes from the defaults, as such.
    TierSettings settings = defaults;
    settings.timeoutsSet = 0;
    return settings;
}

const ModelGroup* RoutingPolicy::group(const QString& name) const
{
    for (const auto& candidate : groups) {
        if (candidate.name == name) {
            return &candidate;
        }
    }
    return nullptr;
}

bool ModelGroup::isWildcard() const
{
    return ModelNamePattern::isPattern(name);
}

const ModelGroup* RoutingPolicy::routableGroup(const QString& name) const
{
    const ModelGroup* found = group(name);
    return found && !found->isWildcard() ? found : nullptr;
}

const ModelGroup* RoutingPolicy::wildcardFor(const QString& name, QStringList* parts) const
{
    const ModelGroup* best = nullptr;
    qsizetype bestSpecificity = -1;
    for (const auto& candidate : groups) {
        if (!candidate.isWildcard()) {
            continue;
        }
        const ModelNamePattern pattern(candidate.name);
        if (pattern.specificity() <= bestSpecificity) {
            continue;
        }
        if (const std::optional<QStringList> matched = pattern.match(name)) {
            best = &candidate;
            bestSpecificity = pattern.specificity();
            if (parts) {
                *parts = *matched;
            }
        }
    }
    return best;
}
