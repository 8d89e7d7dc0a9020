#pragma once

#include "core/common/ProviderTypes.h"

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
    const char* defaultBase; // LiteLLM's base URL; empty when the deployment must give api_base
    const char* defaultKeyEnv; // the variable LiteLLM reads when api_key is absent; empty = no key
    const char* nativeSuffix; // LiteLLM's api_base omits this part of our base URL ("/v1"), or empty
    const char* portkeyProvider; // Portkey's provider slug
    const char* baseEnv = ""; // the variable LiteLLM reads for the base URL when there is no default
};

// What LiteLLM does with a model name that has no known prefix.
enum class LiteLlmModelOwner
{
    Prefixed, // "groq/llama-3.3-70b": the prefix names the provider
    Inferred, // "claude-3-5-sonnet", "gpt-4o": LiteLLM knows the model and picks its provider
    Unsupported, // a provider Switchyard cannot call (vertex_ai/, sagemaker/, or "gemini-pro" = Vertex AI)
    Unknown, // "siliconflow/...", "my-model": LiteLLM itself could not call it
};

struct LiteLlmModelRoute
{
    LiteLlmModelOwner owner = LiteLlmModelOwner::Unknown;
    const LiteLlmPrefix* prefix = nullptr; // Prefixed and Inferred
    QString prefixName; // as written ("siliconflow"), or LiteLLM's provider for an Unsupported inferred one
    QString upstreamModel; // the model name with LiteLLM's prefix stripped; "*" parts for a wildcard
    // A wildcard without a prefix ("*"): LiteLLM picks each requested name's provider by that name;
    // Switchyard sends every name to one provider, api_base's, else OpenAI.
    bool providerChosenForWildcard = false;
};

// What `model_name: "*"` with `model: "*"` stands for: LiteLLM picks each requested name's provider
// by that name, either by its prefix ("groq/llama-3.3-70b") or by the model families it knows
// ("claude-..." is Anthropic's, "gpt-4o" OpenAI's). One pattern per way a name can say its provider.
struct LiteLlmInferredWildcard
{
    QString pattern; // "groq/*", "claude-*"
    const LiteLlmPrefix* prefix;
    QString upstream; // the template the pattern's star fills: "*", "claude-*"
};

namespace LiteLlmProviders {
const LiteLlmPrefix* byPrefix(const QString& prefix);
// The entry a deployment of this prefix at this base URL is: gemini/ at an api_base on Gemini's
// OpenAI-compatible path (".../openai") stays OpenAI-compatible, as configs made before the
// native API was spoken expect; any other, the prefix's own.
const LiteLlmPrefix& forBase(const LiteLlmPrefix& prefix, const QUrl& base);
// LiteLLM's reading of litellm_params.model (and api_base, which names a provider when the model has no prefix).
LiteLlmModelRoute route(const QString& model, const QString& apiBase);
// The prefix whose default key variable this is ("OPENAI_API_KEY" -> openai), or null.
const LiteLlmPrefix* byKeyEnv(const QString& variable);
// The patterns "*" -> "*" stands for, for every provider with a default host and key variable.
QList<LiteLlmInferredWildcard> inferredWildcards();
// Every prefix LiteLLM knows, for suggestions.
QStringList knownPrefixes();
// The prefix Switchyard writes back for a provider: by default base URL, then by id, then by kind.
const LiteLlmPrefix& forProvider(const ProviderConfig& provider);
bool isDefaultBase(const LiteLlmPrefix& prefix, const QUrl& baseUrl);
// LiteLLM's api_base for a provider's base URL and back (anthropic/ollama omit "/v1").
QString toApiBase(const LiteLlmPrefix& prefix, const QUrl& baseUrl);
QUrl fromApiBase(const LiteLlmPrefix& prefix, const QString& apiBase);
// Providers LiteLLM knows that Switchyard cannot call (bedrock, vertex_ai, ...).
bool isUnsupportedPrefix(const QString& prefix);
} // namespace LiteLlmProviders
