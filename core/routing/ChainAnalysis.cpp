#include "core/routing/ChainAnalysis.h"

#include "core/pricing/CostCalculator.h"

namespace ChainAnalysis {

namespace {
// Without a total timeout an attempt still ends once connect, first token and idle timers ran
// out back to back (a stream that trickles forever is the one case with no bound).
qint64 attemptMs(const Timeouts& timeouts, bool* unbounded)
{
    if (timeouts.totalMs > 0) {
        return timeouts.totalMs;
    }
    if (timeouts.idleMs <= 0) {
        *unbounded = true;
    }
    return qint64(timeouts.connectMs) + timeouts.firstTokenMs + timeouts.idleMs;
}
} // namespace

ChainWorstCase worstCase(const QList<ChainStep>& chain, const TierSettings& settings, const ModelLookup& model,
                         int inputTokens, int outputTokens)
{
    ChainWorstCase result;
    qint64 longestAttempt = 0;
    for (const auto& step : chain) {
        for (const auto& deployment : step.deployments) {
            ++result.maxUpstreamCalls;
            const qint64 ms = attemptMs(settings.timeouts, &result.timeUnbounded);
            result.longestMs += ms;
            longestAttempt = std::max(longestAttempt, ms);
            const ModelConfig* config = model ? model(deployment.modelId) : nullptr;
            if (!config || !config->price.known) {
                result.costComplete = false;
                continue;
            }
            const double cost = CostCalculator::estimateWorstCase(config->price, inputTokens, outputTokens).value_or(0);
            result.highestCostUsd = std::max(result.highestCostUsd, cost);
        }
    }
    if (result.maxUpstreamCalls > 0 && settings.rateLimitWaitCapMs > 0) {
        ++result.maxUpstreamCalls;
        result.longestMs += settings.rateLimitWaitCapMs + longestAttempt;
    }
    return result;
}

} // namespace ChainAnalysis
