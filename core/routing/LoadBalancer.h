#pragma once

#include "core/routing/RoutingPolicy.h"

#include <QHash>
#include <QRandomGenerator>

#include <functional>
#include <optional>

// Chooses among the deployments of one chain step with LiteLLM's strategies. Which deployments
// are usable (not cooling down, key present, within budget) is the caller's predicate.
class LoadBalancer
{
public:
    using InFlightCounter = std::function<int(const QString& modelId)>;
    using Usable = std::function<bool(const Deployment&)>;

    explicit LoadBalancer(quint32 seed = QRandomGenerator::global()->generate());

    void setSeed(quint32 seed) { m_random.seed(seed); }
    void setInFlightCounter(InFlightCounter counter) { m_inFlight = std::move(counter); }
    // Weight of the newest sample in the latency average.
    void setLatencyAlpha(double alpha) { m_alpha = alpha; }
    void recordLatency(const QString& modelId, qint64 ms);
    std::optional<double> latencyMs(const QString& modelId) const;

    // Indices of the usable deployments, in the order to try them: the first is the pick.
    // simple-shuffle: weighted random order; least-busy: fewest in flight first (ties keep
    // the step's order); latency-based: never-measured first, then lowest average latency.
    QList<int> order(const QList<Deployment>& deployments, LoadBalanceStrategy strategy, const Usable& usable = {});
    // The pick, or -1 when no deployment is usable.
    int pick(const QList<Deployment>& deployments, LoadBalanceStrategy strategy, const Usable& usable = {});

private:
    QRandomGenerator m_random;
    InFlightCounter m_inFlight;
    QHash<QString, double> m_latency;
    double m_alpha = 0.3;
};
