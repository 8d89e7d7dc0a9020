#pragma once

#include "core/config/ConfigProblem.h"
#include "core/config/SwitchyardConfig.h"

#include <QJsonObject>

struct PortkeyExportResult
{
    QJsonObject document; // one Portkey config, or {"configs": {name: config}} for all tiers
    QList<ConfigProblem> notes; // virtual keys to create, and what Portkey cannot express
};

// Export of routing tiers and model groups as Portkey gateway configs: a "fallback" strategy over
// the chain, a nested "loadbalance" strategy (with weights) for steps with several deployments, no
// retries (Switchyard never retries hidden), request_timeout from the tier's total timeout, and
// fallback on 408/429/5xx. Keys are never written: each target names a Portkey virtual key with
// the Switchyard provider's id, which the user creates in Portkey from the provider's key variable.
class PortkeyConfig
{
public:
    static QList<int> fallbackStatusCodes();

    static PortkeyExportResult exportTier(const SwitchyardConfig& config, const QString& tierName);
    static PortkeyExportResult exportGroup(const SwitchyardConfig& config, const QString& groupName);
    // {"configs": {"<tier>": {...}, ...}} with one config per tier, in the policy's order in "order".
    static PortkeyExportResult exportAllTiers(const SwitchyardConfig& config);
};
