#include "core/routing/RouterServices.h"

#include "core/providers/ProviderClient.h"

RouterServices::RouterServices(ProviderClient* client)
    : m_client(client)
{
    m_balancer.setInFlightCounter([this](const QString& modelId) { return inFlight(modelId); });
}

bool RouterServices::canSend() const
{
    return !m_client.isNull();
}

ProviderClient* RouterServices::client() const
{
    return m_client;
}

ProviderCall* RouterServices::send(const ProviderConfig& provider, const ModelConfig& model, const ChatRequest& request,
                                   QObject* parent)
{
    if (!m_client) {
        return nullptr;
    }
    m_inFlight[model.id] += 1;
    return m_client->start(provider, model, request, parent);
}

void RouterServices::attemptEnded(const QString& modelId)
{
    int& count = m_inFlight[modelId];
    count = qMax(0, count - 1);
}
