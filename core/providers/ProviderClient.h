#pragma once

#include "core/common/AwsCredentialChain.h"
#include "core/common/ProviderTypes.h"
#include "core/providers/BodyPieces.h"
#include "core/providers/HttpExchange.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQueue>

#include <functional>

class DirectConnectionPool;
class EntraTokenSource;
class ProviderCall;
class QNetworkAccessManager;

// The one owner of the network for provider calls (qBittorrent's DownloadManager pattern):
// callers describe a request and get back a ProviderCall that reports its progress.
// Per-provider concurrency limits (local servers that serve one request at a time) live here.
class ProviderClient : public QObject
{
    Q_OBJECT

public:
    using KeyResolver = std::function<QString(const ProviderConfig&)>;
    using AwsCredentialResolver = std::function<AwsCredentialChain::Result(const ProviderConfig&)>;

    // How requests travel. Auto: plain http to a loopback address goes over an in-thread
    // keep-alive socket (no network-thread hop per chunk), everything else over
    // QNetworkAccessManager (TLS, proxies, HTTP/2).
    enum class Transport
    {
        Auto,
        NetworkAccessManager,
        Direct
    };

    explicit ProviderClient(QObject* parent = nullptr);
    ~ProviderClient() override;

    // Default: the environment variable named by ProviderConfig::keyEnv.
    void setKeyResolver(KeyResolver resolver);
    // Bedrock's SigV4 credentials. Default: AwsCredentialChain (the provider's profile, the
    // environment, ~/.aws/credentials), read at each call.
    void setAwsCredentialResolver(AwsCredentialResolver resolver) { m_awsResolver = std::move(resolver); }
    AwsCredentialChain::Result awsCredentials(const ProviderConfig& provider) const;
    // A response or stream past this size ends the call as a malformed response. Default 32 MiB.
    void setMaxResponseBytes(qint64 bytes);
    qint64 maxResponseBytes() const { return m_maxResponseBytes; }
    void setTransport(Transport transport) { m_transport = transport; }
    Transport transport() const { return m_transport; }
    // Which transport a request to this URL uses.
    Transport transportFor(const QUrl& url) const;

    // Starts the call now, or queues it behind the provider's concurrency limit. Signals are
    // emitted asynchronously, so connecting right after start() misses nothing. The caller owns
    // the returned object (parent it or deleteLater() it after finished/failed).
    ProviderCall* start(const ProviderConfig& provider, const ModelConfig& model, const ChatRequest& request,
                        QObject* parent = nullptr);

    // A GET that is no model call (the list of a provider's models): the same transport as calls,
    // outside the per-provider queues, with no timeout of its own. The caller owns the exchange,
    // connects to it and start()s it.
    HttpExchange* get(const QUrl& url, const HttpExchange::Headers& headers, QObject* parent = nullptr);
    // A POST of JSON to another endpoint of a provider's API (Anthropic's "messages/count_tokens"),
    // with the provider's auth and extra headers, the same transport, outside the per-provider
    // queues and with no timeout of its own. The caller owns the exchange and start()s it.
    HttpExchange* post(const ProviderConfig& provider, const QString& path, const QByteArray& body,
                       QObject* parent = nullptr, const HttpExchange::Headers& extraHeaders = {});
    // Any other request to an endpoint of a provider's API (the batch APIs: a multipart file upload,
    // GETs of a job and of its results), with the provider's auth and extra headers, the same
    // transport and queues as post(). An empty contentType sends none (a GET).
    HttpExchange* send(const ProviderConfig& provider, HttpExchange::Method method, const QString& path,
                       const QByteArray& body, const QByteArray& contentType, QObject* parent = nullptr);
    // The same to a URL of the provider's API that is not under its base URL (Gemini's Files API:
    // upload/ and download/ beside v1beta, an upload session's URL), with extra headers.
    HttpExchange* send(const ProviderConfig& provider, HttpExchange::Method method, const QUrl& url,
                       const QByteArray& body, const QByteArray& contentType, const HttpExchange::Headers& extraHeaders,
                       QObject* parent = nullptr);

    // Requests running (not queued) against a provider right now; used by least-busy balancing.
    int inFlight(const QString& providerId) const;
    // A key (or token) in the keychain or environment, or Entra ID client credentials for Azure.
    bool hasKey(const ProviderConfig& provider) const;
    // Azure OpenAI's Entra ID tokens by client credentials (AZURE_TENANT_ID, ...).
    EntraTokenSource* entraTokens() const { return m_entraTokens; }

private:
    friend class ProviderCall;
    friend class EntraTokenSource;
    HttpExchange* createExchange(const QUrl& url, const HttpExchange::Headers& headers, const BodyPieces& body,
                                 QObject* parent);
    HttpExchange* createExchange(HttpExchange::Method method, const QUrl& url, const HttpExchange::Headers& headers,
                                 const BodyPieces& body, QObject* parent);
    HttpExchange* request(const ProviderConfig& provider, HttpExchange::Method method, const QString& path,
                          const QByteArray& body, const QByteArray& contentType, QObject* parent,
                          const HttpExchange::Headers& extraHeaders);
    void launch(ProviderCall* call);
    void release(const QString& providerId);

    QNetworkAccessManager* m_network;
    DirectConnectionPool* m_pool;
    EntraTokenSource* m_entraTokens;
    Transport m_transport = Transport::Auto;
    KeyResolver m_keyResolver;
    AwsCredentialResolver m_awsResolver;
    qint64 m_maxResponseBytes = 32 * 1024 * 1024;
    QHash<QString, int> m_running;
    QHash<QString, QQueue<QPointer<ProviderCall>>> m_waiting;
};
