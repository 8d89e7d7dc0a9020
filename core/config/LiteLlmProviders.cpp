#include "LiteLlmProviders.h"

namespace {
constexpr LiteLlmPrefix kPrefixes[] = {
    { "openai", "openai", "OpenAI", ProviderKind::OpenAiCompatible, "https://api.openai.com/v1", "OPENAI_API_KEY", "",
      "openai" },
    { "anthropic", "anthropic", "Anthropic", ProviderKind::AnthropicMessages, "https://api.anthropic.com/v1",
      "ANTHROPIC_API_KEY", "/v1", "anthropic" },
    { "gemini", "gemini", "Google Gemini", ProviderKind::OpenAiCompatible,
      "https://generativelanguage.googleapis.com/v1beta/openai", "GEMINI_API_KEY", "", "google" },
    { "deepseek", "deepseek", "DeepSeek", ProviderKind::OpenAiCompatible, "https://api.deepseek.com/v1",
      "DEEPSEEK_API_KEY", "", "deepseek" },
    { "groq", "groq", "Groq", ProviderKind::OpenAiCompatible, "https://api.groq.com/openai/v1", "GROQ_API_KEY", "",
      "groq" },
    { "mistral", "mistral", "Mistral", ProviderKind::OpenAiCompatible, "https://api.mistral.ai/v1", "MISTRAL_API_KEY",
      "", "mistral-ai" },
    { "openrouter", "openrouter", "OpenRouter", ProviderKind::OpenAiCompatible, "https://openrouter.ai/api/v1",
      "OPENROUTER_API_KEY", "", "openrouter" },
    { "together_ai", "together", "Together AI", ProviderKind::OpenAiCompatible, "https://api.together.xyz/v1",
      "TOGETHERAI_API_KEY", "", "together-ai" },
    { "ollama_chat", "ollama", "Ollama", ProviderKind::OpenAiCompatible, "http://localhost:11434/v1", "", "/v1",
      "ollama" },
    { "ollama", "ollama", "Ollama", ProviderKind::OpenAiCompatible, "http://localhost:11434/v1", "", "/v1", "ollama" },
    { "hosted_vllm", "vllm", "vLLM", ProviderKind::OpenAiCompatible, "", "", "", "openai" },
};

constexpr const char* kUnsupported[] = {
    "azure",
    "azure_ai",
    "azure_text",
    "bedrock",
    "bedrock_converse",
    "vertex_ai",
    "vertex_ai_beta",
    "sagemaker",
    "cohere",
    "cohere_chat",
    "huggingface",
    "replicate",
    "palm",
    "watsonx",
    "databricks",
    "cloudflare",
    "predibase",
    "text-completion-openai",
    "xai",
    "perplexity",
    "fireworks_ai",
};

QString stripIdSuffix(const QString& id)
{
    // "openai-2" -> "openai": the importer numbers providers that share a prefix.
    const qsizetype dash = id.lastIndexOf(QLatin1Char('-'));
    if (dash > 0) {
        bool number = false;
        id.mid(dash + 1).toInt(&number);
        if (number) {
            return id.left(dash);
        }
    }
    return id;
}

QString normalised(const QUrl& url)
{
    QString text = url.toString();
    while (text.endsWith(QLatin1Char('/'))) {
        text.chop(1);
    }
    return text;
}
} // namespace

const LiteLlmPrefix* LiteLlmProviders::byPrefix(const QString& prefix)
{
    for (const auto& entry : kPrefixes) {
        if (prefix == QLatin1String(entry.prefix)) {
            return &entry;
        }
    }
    return nullptr;
}

bool LiteLlmProviders::isDefaultBase(const LiteLlmPrefix& prefix, const QUrl& baseUrl)
{
    return *prefix.defaultBase && normalised(baseUrl) == QLatin1String(prefix.defaultBase);
}

const LiteLlmPrefix& LiteLlmProviders::forProvider(const ProviderConfig& provider)
{
    for (const auto& entry : kPrefixes) {
        if (entry.kind == provider.kind && isDefaultBase(entry, provider.baseUrl)) {
            return entry;
        }
    }
    const QString stem = stripIdSuffix(provider.id);
    for (const auto& entry : kPrefixes) {
        if (entry.kind == provider.kind && stem == QLatin1String(entry.idBase)) {
            return entry;
        }
    }
    return provider.kind == ProviderKind::AnthropicMessages ? kPrefixes[1] : kPrefixes[0];
}

QString LiteLlmProviders::toApiBase(const LiteLlmPrefix& prefix, const QUrl& baseUrl)
{
    QString base = normalised(baseUrl);
    const QLatin1String suffix(prefix.nativeSuffix);
    if (!suffix.isEmpty() && base.endsWith(suffix)) {
        base.chop(suffix.size());
    }
    return base;
}

QUrl LiteLlmProviders::fromApiBase(const LiteLlmPrefix& prefix, const QString& apiBase)
{
    QString base = apiBase.trimmed();
    while (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }
    const QLatin1String suffix(prefix.nativeSuffix);
    if (!suffix.isEmpty() && !base.endsWith(suffix)) {
        base += suffix;
    }
    return QUrl(base);
}

bool LiteLlmProviders::isUnsupportedPrefix(const QString& prefix)
{
    for (const char* name : kUnsupported) {
        if (prefix == QLatin1String(name)) {
            return true;
        }
    }
    return false;
}
