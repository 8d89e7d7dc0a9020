#pragma once

#include "core/ledger/PrimaryReview.h"

#include <functional>

struct ModelConfig;
struct RoutingPolicy;

// What "reconsider your primary" asks the ledger about, for the dashboard, the routing editor and
// `switchyard primaries`: each tier's chain of the routing policy, and the failover-rate alert's
// threshold from alerts.json.
class PrimaryChains final
{
public:
    using ModelLookup = std::function<const ModelConfig*(const QString&)>;

    // Each tier's chain, a step by its first deployment's model and that model's provider.
    static QList<PrimaryReview::Chain> of(const RoutingPolicy& policy, const ModelLookup& model);
    // The failover-rate alert rule of alerts.json in `homeDir`; its defaults when the file is
    // missing or broken (the alert runs on them then too).
    static FailoverRateRule rule(const QString& homeDir);
};
