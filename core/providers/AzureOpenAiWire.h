#pragma once

#include "core/providers/OpenAiWire.h"

// Azure OpenAI: the OpenAI Chat Completions body and answers, addressed and authenticated the
// Azure way. Two URL shapes, as Microsoft documents them (see AzureEndpoint):
//  - a deployment URL, {base}/openai/deployments/{deployment}/chat/completions?api-version=V, where
//    {base} is the resource endpoint (https://NAME.openai.azure.com) and the model id's upstream
//    name is the deployment's name;
//  - the v1 API (since August 2025), a base URL ending in /openai/v1: {base}/chat/completions with
//    the deployment name as "model" in the body and no api-version.
// The key goes in an `api-key` header; a Microsoft Entra ID token (ProviderAuth::EntraIdToken) as
// `Authorization: Bearer`.
class AzureOpenAiWire final : public OpenAiWire
{
public:
    QList<std::pair<QByteArray, QByteArray>> authHeaders(const QString& apiKey) const override;
    QList<std::pair<QByteArray, QByteArray>> authHeadersFor(const ProviderConfig& provider,
                                                            const QString& secret) const override;
    QUrl callUrl(const ProviderConfig& provider, const QString& deployment) const override;
    QUrl modelListUrl(const ProviderConfig& provider) const override;
};
