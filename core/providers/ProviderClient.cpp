#include "core/providers/ProviderClient.h"

#include "core/providers/DirectConnectionPool.h"
#include "core/providers/DirectHttpExchange.h"
#include "core/providers/EntraTokenSource.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/QnamExchange.h"
#include "core/providers/WireFormat.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkRequest>

ProviderClient::ProviderClient(QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_pool(new DirectConnectionPool(this))
    , m_entraTokens(new EntraTokenSource(this))
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

AwsCredentialChain::Result ProviderClient::awsCredentials(const ProviderConfig& provider) const
{
    return m_awsResolver ? m_awsResolver(provider) : AwsCredentialChain::credentials(provider.awsProfile);
}

bool ProviderClient::hasKey(const ProviderConfig& provider) const
{
    if (provider.kind == ProviderKind::BedrockConverse && provider.keyEnv.isEmpty()) {
        return awsCredentials(provider).credentials.isValid();
    }
    return provider.keyEnv.isEmpty() || !m_keyResolver(provider).isEmpty()
        || (provider.kind == ProviderKind::AzureOpenAi && provider.auth == ProviderAuth::EntraIdToken
            && m_entraTokens->isConfigured());
}

ProviderClient::Transport ProviderClient::transportFor(const QUrl& url) const
{
    if (m_transport != Transport::Auto) {
        return m_transport;
    }
    const QHostAddress address(url.host());
    const bool loopback = url.host() == QLatin1String("localhost") || address.isLoopback();
    return url.scheme() == QLatin1String("http") && loopback ? Transport::Direct : Transport::NetworkAccessManager;
}

HttpExchange* ProviderClient::createExchange(const QUrl& url, const HttpExchange::Headers& headers,
                                             const BodyPieces& body, QObject* parent)
{
    return createExchange(HttpExchange::Method::Post, url, headers, body, parent);
}

HttpExchange* ProviderClient::get(const QUrl& url, const HttpExchange::Headers& headers, QObject* parent)
{
    return createExchange(HttpExchange::Method::Get, url, headers, QByteArray(), parent);
}

HttpExchange* ProviderClient::post(const ProviderConfig& provider, const QString& path, const QByteArray& body,
                                   QObject* parent, const HttpExchange::Headers& extraHeaders)
{
    return request(provider, HttpExchange::Method::Post, path, body, QByteArrayLiteral("application/json"), parent,
                   extraHeaders);
}

HttpExchange* ProviderClient::send(const ProviderConfig& provider, HttpExchange::Method method, const QString& path,
                                   const QByteArray& body, const QByteArray& contentType, QObject* parent)
{
    return request(provider, method, path, body, contentType, parent, {});
}

HttpExchange* ProviderClient::request(const ProviderConfig& provider, HttpExchange::Method method, const QString& path,
                                      const QByteArray& body, const QByteArray& contentType, QObject* parent,
                                      const HttpExchange::Headers& extraHeaders)
{
    return send(provider, method, WireFormat::urlOn(provider.baseUrl, path), body, contentType, extraHeaders, parent);
}

HttpExchange* ProviderClient::send(const ProviderConfig& provider, HttpExchange::Method method, const QUrl& url,
                                   const QByteArray& body, const QByteArray& contentType,
                                   const HttpExchange::Headers& extraHeaders, QObject* parent)
{
    const std::unique_ptr<WireFormat> wire = WireFormat::create(provider.kind);
    HttpExchange::Headers headers;
    if (!contentType.isEmpty()) {
        headers.append({ QByteArrayLiteral("Content-Type"), contentType });
    }
    headers.append({ QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json") });
    QString secret = m_keyResolver(provider);
    if (secret.isEmpty() && provider.auth == ProviderAuth::EntraIdToken) {
        secret = m_entraTokens->cachedToken();
    }
    headers += wire->authHeadersFor(provider, secret);
    for (auto it = provider.extraHeaders.cbegin(); it != provider.extraHeaders.cend(); ++it) {
        headers.append({ it.key().toUtf8(), it.value().toUtf8() });
    }
    headers += extraHeaders;
    return createExchange(method, url, headers, body, parent);
}

HttpExchange* ProviderClient::createExchange(HttpExchange::Method method, const QUrl& url,
                                             const HttpExchange::Headers& headers, const BodyPieces& body,
                                             QObject* parent)
{
    if (transportFor(url) == Transport::Direct && url.scheme() == QLatin1String("http")) {
        return new DirectHttpExchange(m_pool, method, url, headers, body, parent);
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(0); // ProviderCall's own timers decide; Qt's would be a hidden second timeout
    for (const auto& [name, value] : headers) {
        request.setRawHeader(name, value);
    }
    return new QnamExchange(m_network, method, request, body.join(), parent);
}

int ProviderClient::inFlight(const QString& providerId) const
{
    return m_running.value(providerId);
}

ProviderCall* ProviderClient::start(const ProviderConfig& provider, const ModelConfig& model,
                                    const ChatRequest& request, QObject* parent)
{
    auto* call = new ProviderCall(this, provider, model, request, m_keyResolver(provider), m_maxResponseBytes, parent);
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
    // At once, not a loop turn later: begin() only sets things going, and whatever it reports
    // (a missing key, a refused connection) arrives queued, after the caller connected its slots.
    call->begin();
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
