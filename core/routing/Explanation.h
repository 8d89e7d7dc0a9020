#pragma once

#include "core/routing/CooldownTracker.h"
#include "core/routing/EffectiveTimeouts.h"
#include "core/routing/RoutedTypes.h"
#include "core/routing/RoutingPolicy.h"
#include "core/routing/RuleEngine.h"

#include <QJsonObject>

struct Availability
{
    SkipKind kind = SkipKind::None;
    QString reason; // translated, e.g. "cooling down until 14:03:10 (server_error)"
    qint64 untilMs = 0;
    bool downgrade = false; // OverBudget, and the budget asks for a cheaper tier rather than a refusal
    QString limit; // OverBudget: the limit reached, short
    QString warning; // usable, but over a budget limit under "warn only"
    QString field; // MissingCapability: the request's field that needs it ("messages[0].content[1]")

    bool usable() const { return kind == SkipKind::None; }
    static Availability skip(SkipKind kind, const QString& reason, qint64 untilMs = 0)
    {
        Availability result;
        result.kind = kind;
        result.reason = reason;
        result.untilMs = untilMs;
        return result;
    }
    static QString kindId(SkipKind kind); // "cooling_down", "over_budget", ...
};

struct ExplainedDeployment
{
    QString modelId;
    QString providerId;
    int weight = 1;
    Availability availability;
    EffectiveTimeouts timeouts; // what an attempt on it would run with, and where each came from
};

struct ExplainedStep
{
    QList<ExplainedDeployment> deployments;
};

// A move to a cheaper tier the router would make, with that tier's chain.
struct ExplainedDowngrade
{
    TierDowngrade downgrade;
    QList<ExplainedStep> chain;
};

// What the router would do with a prompt (or a group) now, and why: `switchyard explain`, the
// routing editor's preview and the gateway's debug header.
struct Explanation
{
    RuleMatch rule;
    QString tier;
    QString group; // set by explainGroup / forced model or group
    QString wildcard; // the wildcard pattern that took the group's name, if one did
    bool forced = false; // the caller forced the tier, group or model
    QList<ExplainedStep> chain;
    TierSettings settings;
    QStringList problems; // policy problems (invalid rule patterns, missing tier)
    // Budget limits with the "use a cheaper tier" action: the tiers moved down to, in order.
    QList<ExplainedDowngrade> downgrades;
    QString budgetRefusal; // set when a budget limit would stop the request: why

    // The tier the request would be sent to (the last downgrade's, else tier).
    QString finalTier() const { return downgrades.isEmpty() ? tier : downgrades.constLast().downgrade.toTier; }
    bool hasUsableModel() const;
    QJsonObject toJson() const;
    QString toText() const;
};

namespace TierSettingsJson {
QJsonObject toJson(const TierSettings& settings);
}
