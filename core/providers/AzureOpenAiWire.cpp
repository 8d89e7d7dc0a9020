#include "core/providers/AzureOpenAiWire.h"

#include "core/common/AzureEndpoint.h"

#include <QUrlQuery>

QList<std::pair<QByteArray, QByteArray>> AzureOpenAiWire::authHeaders(const QString& apiKey) const
{
    if (apiKey.isEmpty()) {
        return {};
    }
    return { { QByteArrayLiteral("api-key"), apiKey.toUtf8() } };
}

QList<std::pair<QByteArray, QByteArray>> AzureOpenAiWire::authHeadersFor(const ProviderConfig& provider,
                                                                         const QString& secret) const
{
    if (provider.auth == ProviderAuth::EntraIdToken && !secret.isEmpty()) {
        return { { QByteArrayLiteral("Authorization"), "Bearer " + secret.toUtf8() } };
    }
    return authHeaders(secret);
}

QUrl AzureOpenAiWire::callUrl(const ProviderConfig& provider, const QString& deployment) const
{
    if (AzureEndpoint::isV1Base(provider.baseUrl)) {
        return endpointUrl(provider.baseUrl);
    }
    // The path is set decoded: QUrl escapes what a deployment name must not carry as it is ('?', '#').
    QUrl url = urlOn(provider.baseUrl, QStringLiteral("openai/deployments/%1/chat/completions").arg(deployment));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("api-version"),
                       provider.apiVersion.isEmpty() ? AzureEndpoint::defaultApiVersion() : provider.apiVersion);
    url.setQuery(query);
    return url;
}

QUrl AzureOpenAiWire::modelListUrl(const ProviderConfig& provider) const
{
    // The deployment URLs have no list of deployments (the Azure portal and the management API
    // have it); the v1 API lists the resource's models.
    return AzureEndpoint::isV1Base(provider.baseUrl) ? urlOn(provider.baseUrl, QStringLiteral("models")) : QUrl();
}
