#include "core/routing/LoadBalancer.h"

#include <algorithm>

LoadBalancer::LoadBalancer(quint32 seed)
    : m_random(seed)
{
}

void LoadBalancer::recordLatency(const QString& modelId, qint64 ms)
{
    const auto found = m_latency.find(modelId);
    if (found == m_latency.end()) {
        m_latency.insert(modelId, double(ms));
    } else {
        *found = m_alpha * double(ms) + (1.0 - m_alpha) * *found;
    }
}

std::optional<double> LoadBalancer::latencyMs(const QString& modelId) const
{
    const auto found = m_latency.constFind(modelId);
    return found == m_latency.cend() ? std::nullopt : std::optional<double>(*found);
}

QList<int> LoadBalancer::order(const QList<Deployment>& deployments, LoadBalanceStrategy strategy, const Usable& usable)
{
    QList<int> candidates;
    for (int i = 0; i < deployments.size(); ++i) {
        if (!usable || usable(deployments.at(i))) {
            candidates.append(i);
        }
    }
    if (candidates.size() < 2) {
        return candidates;
    }
    switch (strategy) {
    case LoadBalanceStrategy::SimpleShuffle: {
        // Weighted sampling without replacement: each draw picks proportionally to weight.
        QList<int> ordered;
        while (!candidates.isEmpty()) {
            qint64 total = 0;
            for (int index : candidates) {
                total += qMax(0, deployments.at(index).weight);
            }
            int chosen = 0;
            if (total > 0) {
                qint64 ticket = qint64(m_random.bounded(quint64(total)));
                for (int c = 0; c < candidates.size(); ++c) {
                    ticket -= qMax(0, deployments.at(candidates.at(c)).weight);
                    if (ticket < 0) {
                        chosen = c;
                        break;
                    }
                }
            } else {
                chosen = int(m_random.bounded(quint32(candidates.size())));
            }
            ordered.append(candidates.takeAt(chosen));
        }
        return ordered;
    }
    case LoadBalanceStrategy::LeastBusy: {
        QHash<int, int> busy;
        for (int index : candidates) {
            busy.insert(index, m_inFlight ? m_inFlight(deployments.at(index).modelId) : 0);
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [&busy](int a, int b) { return busy.value(a) < busy.value(b); });
        return candidates;
    }
    case LoadBalanceStrategy::LatencyBased: {
        const auto key = [&](int index) {
            const auto latency = latencyMs(deployments.at(index).modelId);
            return latency ? *latency : -1.0; // unknown first: it needs a measurement
        };
        std::stable_sort(candidates.begin(), candidates.end(), [&key](int a, int b) { return key(a) < key(b); });
        return candidates;
    }
    }
    return candidates;
}

int LoadBalancer::pick(const QList<Deployment>& deployments, LoadBalanceStrategy strategy, const Usable& usable)
{
    const QList<int> ordered = order(deployments, strategy, usable);
    return ordered.isEmpty() ? -1 : ordered.first();
}
