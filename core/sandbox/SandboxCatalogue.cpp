#include "core/sandbox/SandboxCatalogue.h"

#include <QCoreApplication>

namespace SandboxCatalogue {

QList<Provider> providers()
{
    return {
        { QStringLiteral("sandbox-gemini"), QCoreApplication::translate("SandboxCatalogue", "Sandbox Gemini"),
          ProviderKind::OpenAiCompatible, QByteArrayLiteral("/gemini/v1") },
        { QStringLiteral("sandbox-openai"), QCoreApplication::translate("SandboxCatalogue", "Sandbox OpenAI"),
          ProviderKind::OpenAiCompatible, QByteArrayLiteral("/openai/v1") },
        { QStringLiteral("sandbox-deepseek"), QCoreApplication::translate("SandboxCatalogue", "Sandbox DeepSeek"),
          ProviderKind::OpenAiCompatible, QByteArrayLiteral("/deepseek/v1") },
        { QStringLiteral("sandbox-mistral"), QCoreApplication::translate("SandboxCatalogue", "Sandbox Mistral"),
          ProviderKind::OpenAiCompatible, QByteArrayLiteral("/mistral/v1") },
        { QStringLiteral("sandbox-anthropic"), QCoreApplication::translate("SandboxCatalogue", "Sandbox Anthropic"),
          ProviderKind::AnthropicMessages, QByteArrayLiteral("/anthropic/v1") },
        // A resource endpoint: deployments at /azure/openai/deployments/NAME/chat/completions?api-version=V
        // and the v1 API at /azure/openai/v1. Offered once a deployment is added (SandboxServer::addModel).
        { QStringLiteral("sandbox-azure"), QCoreApplication::translate("SandboxCatalogue", "Sandbox Azure OpenAI"),
          ProviderKind::AzureOpenAi, QByteArrayLiteral("/azure") },
        // Offered once a model is added (SandboxServer::addModel): the default catalogue has none.
        { QStringLiteral("sandbox-bedrock"), QCoreApplication::translate("SandboxCatalogue", "Sandbox Bedrock"),
          ProviderKind::BedrockConverse, QByteArrayLiteral("/bedrock") },
        // Google's native Gemini API (generateContent), beside the OpenAI-compatible sandbox-gemini.
        // Offered once a model is added, as Bedrock is.
        { QStringLiteral("sandbox-gemini-native"),
          QCoreApplication::translate("SandboxCatalogue", "Sandbox Gemini (native API)"), ProviderKind::Gemini,
          QByteArrayLiteral("/gemini/v1beta") },
    };
}

QList<SandboxModel> models()
{
    constexpr auto openAi = ProviderKind::OpenAiCompatible;
    constexpr auto anthropic = ProviderKind::AnthropicMessages;
    // name, provider, kind, $/1M in, out, cached, context window, first token ms, tokens/s, role, reasoning,
    // capabilities (all four unless named; from the same LiteLLM data as the prices).
    // Prices from litellm-model-prices-subset.json; codestral is not in that subset, so Mistral's
    // list price (0.30 / 0.90) with no cache discount.
    return {
        { QStringLiteral("gemini-2.5-flash"), QStringLiteral("sandbox-gemini"), openAi, 0.30, 2.50, 0.03, 1048576, 550,
          180, QStringLiteral("budget"), false },
        { QStringLiteral("gpt-4.1-mini"), QStringLiteral("sandbox-openai"), openAi, 0.40, 1.60, 0.10, 1047576, 450, 80,
          QStringLiteral("standard"), false },
        { QStringLiteral("gpt-5"), QStringLiteral("sandbox-openai"), openAi, 1.25, 10.00, 0.125, 272000, 2500, 60,
          QStringLiteral("premium"), false },
        { QStringLiteral("gpt-4.1"), QStringLiteral("sandbox-openai"), openAi, 2.00, 8.00, 0.50, 1047576, 600, 70,
          QStringLiteral("coding"), false },
        { QStringLiteral("deepseek-chat"), QStringLiteral("sandbox-deepseek"), openAi, 0.28, 0.42, 0.028, 131072, 900,
          30, QStringLiteral("standard"), false,
          ModelCapabilities::of({ ModelCapability::Tools, ModelCapability::JsonSchema }) },
        { QStringLiteral("deepseek-reasoner"), QStringLiteral("sandbox-deepseek"), openAi, 0.28, 0.42, 0.028, 131072,
          1200, 30, QStringLiteral("premium"), true, ModelCapabilities::of({ ModelCapability::JsonSchema }) },
        { QStringLiteral("codestral-latest"), QStringLiteral("sandbox-mistral"), openAi, 0.30, 0.90, 0.30, 256000, 300,
          150, QStringLiteral("coding"), false, ModelCapabilities::of({ ModelCapability::Tools }) },
        { QStringLiteral("claude-sonnet-4-5"), QStringLiteral("sandbox-anthropic"), anthropic, 3.00, 15.00, 0.30,
          200000, 1400, 60, QStringLiteral("premium"), false },
        { QStringLiteral("claude-haiku-4-5"), QStringLiteral("sandbox-anthropic"), anthropic, 1.00, 5.00, 0.10, 200000,
          600, 110, QStringLiteral("budget"), false },
    };
}

QList<SandboxEmbeddingModel> embeddingModels()
{
    // OpenAI's list prices and sizes; Gemini's from litellm-model-prices-subset.json.
    return {
        { QStringLiteral("text-embedding-3-small"), QStringLiteral("sandbox-openai"), 0.02, 1536, 8191, true },
        { QStringLiteral("text-embedding-3-large"), QStringLiteral("sandbox-openai"), 0.13, 3072, 8191, true },
        { QStringLiteral("text-embedding-ada-002"), QStringLiteral("sandbox-openai"), 0.10, 1536, 8191, false },
        { QStringLiteral("gemini-embedding-001"), QStringLiteral("sandbox-gemini"), 0.15, 3072, 2048, true },
    };
}

} // namespace SandboxCatalogue
