#include "ProviderClient.h"

#include "ProviderCall.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>

ProviderClient::ProviderClient(QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_keyResolver([](const ProviderConfig& provider) {
        return provider.keyEnv.isEmpty() ? QString() : qEnvironmentVariable(provider.keyEnv.toUtf8().constData());
    })
{
    // Provider calls must never be served from a proxy's or Qt's cache, and keep-alive
    // connections are what make a 5xx-to-fallback switch take microseconds, not a handshake.
    m_network->setProxy(QNetworkProxy::NoProxy);
}

ProviderClient::~ProviderClient() = default;

void ProviderClient::setKeyResolver(KeyResolver resolver)
{
    m_keyResolver = std::move(resolver);
}

void ProviderClient::setMaxResponseBytes(qint64 bytes)
{
    m_maxResponseBytes = bytes;
}

bool ProviderClient::hasKey(const ProviderConfig& provider) const
{
    return provider.keyEnv.isEmpty() || !m_keyResolver(provider).isEmpty();
}

int ProviderClient::inFlight(const QString& providerId) const
{
    return m_running.value(providerId);
}

ProviderCall* ProviderClient::start(const ProviderConfig& provider, const ModelConfig& model,
                                    const ChatRequest& request, QObject* parent)
{
    auto* call
        = new ProviderCall(m_network, provider, model, request, m_keyResolver(provider), m_maxResponseBytes, parent);
    if (provider.maxConcurrent > 0 && m_running.value(provider.id) >= provider.maxConcurrent) {
        m_waiting[provider.id].enqueue(call);
    } else {
        launch(call);
    }
    return call;
}

void ProviderClient::launch(ProviderCall* call)
{
    const QString providerId = call->provider().id;
    ++m_running[providerId];
    QPointer<ProviderClient> self(this);
    call->m_onReleased = [self, providerId] {
        if (self) {
            self->release(providerId);
        }
    };
    // Queued, so that the caller connects its slots before anything can be emitted.
    QMetaObject::invokeMethod(call, &ProviderCall::begin, Qt::QueuedConnection);
}

void ProviderClient::release(const QString& providerId)
{
    if (--m_running[providerId] <= 0) {
        m_running.remove(providerId);
    }
    auto waiting = m_waiting.find(providerId);
    while (waiting != m_waiting.end() && !waiting->isEmpty()) {
        QPointer<ProviderCall> next = waiting->dequeue();
        if (next && !next->isDone()) {
            launch(next);
            break;
        }
    }
    if (waiting != m_waiting.end() && waiting->isEmpty()) {
        m_waiting.erase(waiting);
    }
}
