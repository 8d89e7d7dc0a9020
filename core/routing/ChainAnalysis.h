#pragma once

#include "core/routing/RoutingPolicy.h"

#include <functional>

// The worst one request can do on a chain, shown before the chain is saved.
struct ChainWorstCase
{
    int maxUpstreamCalls = 0; // every deployment tried once, plus the one same-model 429 retry
    qint64 longestMs = 0; // every attempt runs into its total timeout (or its phase timeouts), plus the 429 wait
    double highestCostUsd = 0; // the dearest deployment answering `inputTokens` / `outputTokens`
    bool costComplete = true; // false when a deployment has no known price
    bool timeUnbounded = false; // an attempt has no timeout at all
};

namespace ChainAnalysis {
using ModelLookup = std::function<const ModelConfig*(const QString& modelId)>;

ChainWorstCase worstCase(const QList<ChainStep>& chain, const TierSettings& settings, const ModelLookup& model,
                         int inputTokens = 2000, int outputTokens = 1000);
} // namespace ChainAnalysis
