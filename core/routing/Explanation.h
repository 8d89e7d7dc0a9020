#pragma once

#include "CooldownTracker.h"
#include "RoutingPolicy.h"
#include "RuleEngine.h"

#include <QJsonObject>

// Why a deployment would not be used right now.
enum class SkipKind
{
    None, // usable
    UnknownModel, // the chain names a model that is not configured
    UnknownProvider, // the model's provider is not configured
    ProviderDisabled,
    NoKey,
    CoolingDown, // until Availability::untilMs
    ProbeInUse, // half-open and its one probe request is already in flight
    OverBudget,
};

struct Availability
{
    SkipKind kind = SkipKind::None;
    QString reason; // translated, e.g. "cooling down until 14:03:10 (server_error)"
    qint64 untilMs = 0;

    bool usable() const { return kind == SkipKind::None; }
    static QString kindId(SkipKind kind); // "cooling_down", "over_budget", ...
};

struct ExplainedDeployment
{
    QString modelId;
    QString providerId;
    int weight = 1;
    Availability availability;
};

struct ExplainedStep
{
    QList<ExplainedDeployment> deployments;
};

// What the router would do with a prompt (or a group) now, and why: `switchyard explain`, the
// routing editor's preview and the gateway's debug header.
struct Explanation
{
    RuleMatch rule;
    QString tier;
    QString group; // set by explainGroup / forced model or group
    bool forced = false; // the caller forced the tier, group or model
    QList<ExplainedStep> chain;
    TierSettings settings;
    QStringList problems; // policy problems (invalid rule patterns, missing tier)

    bool hasUsableModel() const;
    QJsonObject toJson() const;
    QString toText() const;
};

namespace TierSettingsJson {
QJsonObject toJson(const TierSettings& settings);
}
