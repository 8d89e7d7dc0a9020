#pragma once

#include "core/routing/CooldownTracker.h"
#include "core/routing/LoadBalancer.h"
#include "core/routing/ResponseCache.h"

#include <QHash>
#include <QPointer>

class ProviderCall;
class ProviderClient;
class QObject;
struct ChatRequest;
struct ModelConfig;
struct ProviderConfig;

// What every routed call shares and reports back to: the provider client that sends its
// attempts, the requests in flight per model (the load balancer's "least busy"), cooldowns,
// latency averages and the response cache. The Router owns one; a RoutedCall works through it
// instead of reaching into the Router's members.
class RouterServices final
{
public:
    explicit RouterServices(ProviderClient* client);
    RouterServices(const RouterServices&) = delete;
    RouterServices& operator=(const RouterServices&) = delete;

    // False without a provider client: every routed call then fails before sending.
    bool canSend() const;
    ProviderClient* client() const;
    // Sends one attempt and counts it in flight until attemptEnded(); null when canSend() is false.
    ProviderCall* send(const ProviderConfig& provider, const ModelConfig& model, const ChatRequest& request,
                       QObject* parent);
    void attemptEnded(const QString& modelId);
    int inFlight(const QString& modelId) const { return m_inFlight.value(modelId); }

    CooldownTracker& cooldowns() { return m_cooldowns; }
    const CooldownTracker& cooldowns() const { return m_cooldowns; }
    LoadBalancer& loadBalancer() { return m_balancer; }
    ResponseCache& cache() { return m_cache; }

private:
    QPointer<ProviderClient> m_client;
    CooldownTracker m_cooldowns;
    LoadBalancer m_balancer;
    ResponseCache m_cache;
    QHash<QString, int> m_inFlight;
};
