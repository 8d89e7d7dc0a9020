#pragma once

#include <QString>
#include <QUrl>

// Azure OpenAI's two ways of addressing a deployment, decided in one place for the wire format,
// the config import and the settings dialog:
//  - a resource endpoint (https://NAME.openai.azure.com) with deployment URLs that need an
//    api-version query parameter;
//  - the v1 API (since August 2025): a base URL ending in /openai/v1, the deployment named as the
//    body's model, no api-version.
namespace AzureEndpoint {
// The api-version Switchyard sends when none is configured: the newest generally available one.
QString defaultApiVersion();
bool isV1Base(const QUrl& baseUrl);
// The resource's endpoint for a resource name ("contoso" -> https://contoso.openai.azure.com).
QUrl forResource(const QString& resource);
} // namespace AzureEndpoint
