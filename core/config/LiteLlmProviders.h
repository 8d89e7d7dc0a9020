#pragma once

#include "common/ProviderTypes.h"

#include <QString>
#include <QUrl>

// LiteLLM's provider prefixes ("openai/", "anthropic/", ...) and what Switchyard makes of them.
// Shared by the LiteLLM importer/exporter and the Portkey exporter.
struct LiteLlmPrefix
{
    const char* prefix; // "together_ai"
    const char* idBase; // readable Switchyard provider id: "together"
    const char* displayName; // "Together AI"
    ProviderKind kind;
    const char* defaultBase; // empty when the deployment must give api_base
    const char* defaultKeyEnv; // the variable LiteLLM reads when api_key is absent; empty = no key
    const char* nativeSuffix; // LiteLLM's api_base omits this part of our base URL ("/v1"), or empty
    const char* portkeyProvider; // Portkey's provider slug
};

namespace LiteLlmProviders {
const LiteLlmPrefix* byPrefix(const QString& prefix);
// The prefix Switchyard writes back for a provider: by default base URL, then by id, then by kind.
const LiteLlmPrefix& forProvider(const ProviderConfig& provider);
bool isDefaultBase(const LiteLlmPrefix& prefix, const QUrl& baseUrl);
// LiteLLM's api_base for a provider's base URL and back (anthropic/ollama omit "/v1").
QString toApiBase(const LiteLlmPrefix& prefix, const QUrl& baseUrl);
QUrl fromApiBase(const LiteLlmPrefix& prefix, const QString& apiBase);
// Providers LiteLLM knows that Switchyard cannot call (azure, bedrock, ...).
bool isUnsupportedPrefix(const QString& prefix);
} // namespace LiteLlmProviders
