#pragma once

#include "core/common/ProviderTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The routing policy as data: tiers with failover chains, and the ordered rules that pick a
// tier. Saved as JSON by config/, edited by the routing editor, executed by the router.

enum class RuleKind
{
    Keywords, // pattern: comma-separated words/phrases, any of them, whole words, case-insensitive
    Regex, // pattern: a QRegularExpression (case-insensitive unless caseSensitive)
    MinChars, // pattern: a number; prompt has at least that many characters
    MaxChars, // pattern: a number; prompt has at most that many characters
    MinTokens, // pattern: a number; estimated prompt tokens at least that many
    HasCodeBlock, // prompt contains a fenced ``` block
    Tag, // pattern: "tier=coding" style tag the caller passes explicitly
    Default, // always matches
    // weakModel/strongModel/threshold: the trained router (router.model in the home dir) estimates
    // p_strong from the prompt; at or above the threshold the strong model answers, else the weak
    // one. Matches every prompt while a router is trained; without one it is skipped (a problem).
    Learned,
};

namespace RuleKinds {
// "keywords", "regex", "min_chars", "max_chars", "min_tokens", "code_block", "tag", "default", "learned"
QString id(RuleKind kind);
std::optional<RuleKind> fromId(const QString& id);
} // namespace RuleKinds

struct RoutingRule
{
    QString name; // shown in explain output and the editor
    RuleKind kind = RuleKind::Default;
    QString pattern;
    QString tier; // target tier name
    QString pinnedModel; // optional: skip the tier's chain, use this model id
    bool caseSensitive = false;
    bool enabled = true;
    // Learned rules only: the model pair and the p_strong from which the strong model answers.
    QString weakModel;
    QString strongModel;
    double threshold = 0.5;

    bool operator==(const RoutingRule&) const = default;
};

// LiteLLM's strategy names.
enum class LoadBalanceStrategy
{
    SimpleShuffle, // "simple-shuffle": weighted random
    LeastBusy, // "least-busy"
    LatencyBased, // "latency-based-routing": lowest recent latency
};

namespace LoadBalanceStrategies {
QString id(LoadBalanceStrategy strategy);
std::optional<LoadBalanceStrategy> fromId(const QString& id);
} // namespace LoadBalanceStrategies

// What to do when a stream breaks after text was shown.
enum class MidStreamPolicy
{
    Restart, // "restart": start over on the next model; the UI is told to clear
    Continue, // "continue": next model continues with the partial answer as assistant prefix
    StopIncomplete, // "stop": end, answer marked incomplete (never reported as success)
};

namespace MidStreamPolicies {
QString id(MidStreamPolicy policy);
std::optional<MidStreamPolicy> fromId(const QString& id);
} // namespace MidStreamPolicies

struct CooldownSettings
{
    int failures = 3; // K failures ...
    int windowSec = 60; // ... within W seconds ...
    int durationSec = 60; // ... cool the deployment down for C seconds, then let one probe through

    bool operator==(const CooldownSettings&) const = default;
};

inline constexpr quint8 kAllTimeoutFields
    = ConnectTimeoutField | FirstTokenTimeoutField | IdleTimeoutField | TotalTimeoutField;

struct TierSettings
{
    // Every field holds the value that applies; timeoutsSet says which of them this layer sets
    // itself (TimeoutField bits): the others come from the layer below (tier > defaults > the app's
    // default timeouts > built in), so a value that equals a default is still the user's choice.
    Timeouts timeouts;
    quint8 timeoutsSet = 0;
    int rateLimitWaitCapMs = 5000; // a 429 retries the same model only if retry-after is below this
    int quotaCooldownSec = 3600; // quota exhausted cools the whole provider down this long
    CooldownSettings cooldown;
    LoadBalanceStrategy strategy = LoadBalanceStrategy::SimpleShuffle;
    MidStreamPolicy midStream = MidStreamPolicy::Restart;
    bool hedging = false; // race: start the next model too if no first token after hedgeAfterMs
    int hedgeAfterMs = 2000;
    bool cacheEnabled = false; // exact-match cache as last resort

    bool operator==(const TierSettings&) const = default;
};

// One model deployment inside a chain step. Several deployments in one step serve the same model
// (e.g. the same model on two accounts or regions) and are load balanced.
struct Deployment
{
    QString modelId;
    int weight = 1;

    bool operator==(const Deployment&) const = default;
};

struct ChainStep
{
    QList<Deployment> deployments;

    QString primaryModelId() const { return deployments.isEmpty() ? QString() : deployments.first().modelId; }
    bool operator==(const ChainStep&) const = default;
};

struct RoutingTier
{
    QString name;
    QString description;
    QList<ChainStep> chain; // primary first, then fallbacks
    std::optional<TierSettings> settings; // unset: the policy's defaults apply

    bool operator==(const RoutingTier&) const = default;
};

// A LiteLLM-style model group: a name callers use (`ask --model NAME`, gateway `model`), the
// deployments behind it, and the groups to fall back to.
struct ModelGroup
{
    QString name;
    QList<Deployment> deployments;
    QStringList fallbacks; // other group names or model ids, in order
    QStringList contextWindowFallbacks; // used when the prompt is too long for this group

    // A name with "*" ("*", "anthropic/*", "openai/gpt-4*"): LiteLLM's wildcard routing. The group
    // takes every requested name the pattern matches and no group, tier or model answers to.
    bool isWildcard() const;
    bool operator==(const ModelGroup&) const = default;
};

struct RoutingPolicy
{
    static constexpr int kFormatVersion = 1;

    QList<RoutingTier> tiers;
    QList<RoutingRule> rules; // first match wins
    QList<ModelGroup> groups;
    TierSettings defaults;
    QString defaultTier = QStringLiteral("standard");

    const RoutingTier* tier(const QString& name) const;
    TierSettings effectiveSettings(const QString& tierName) const;
    const ModelGroup* group(const QString& name) const;
    // The group a caller reaches by this exact name: not a wildcard, which is reached through names
    // its pattern matches (see wildcardFor).
    const ModelGroup* routableGroup(const QString& name) const;
    // The most specific wildcard group whose pattern matches `name` (the longest pattern; the first
    // of equally long ones), with the parts its stars matched; null when none matches.
    const ModelGroup* wildcardFor(const QString& name, QStringList* parts = nullptr) const;

    bool operator==(const RoutingPolicy&) const = default;
};
