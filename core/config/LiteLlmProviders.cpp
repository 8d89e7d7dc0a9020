#include "core/config/LiteLlmProviders.h"

#include "core/common/ModelNamePattern.h"

#include <QStringList>

namespace {
using Kind = ProviderKind;

// Base URLs and key variables as LiteLLM's own provider code has them (get_llm_provider and each
// provider's _get_openai_compatible_provider_info), checked in December 2026.
constexpr LiteLlmPrefix kPrefixes[] = {
    { "openai", "openai", "OpenAI", Kind::OpenAiCompatible, "https://api.openai.com/v1", "OPENAI_API_KEY", "",
      "openai" },
    { "anthropic", "anthropic", "Anthropic", Kind::AnthropicMessages, "https://api.anthropic.com/v1",
      "ANTHROPIC_API_KEY", "/v1", "anthropic" },
    { "gemini", "gemini", "Google Gemini", Kind::Gemini, "https://generativelanguage.googleapis.com/v1beta",
      "GEMINI_API_KEY", "", "google" },
    // Gemini's OpenAI-compatible endpoint: what gemini/ meant before Switchyard spoke the native API,
    // kept so that providers saved with this URL export (and Portkey-export) as Gemini still.
    { "gemini", "gemini", "Google Gemini", Kind::OpenAiCompatible,
      "https://generativelanguage.googleapis.com/v1beta/openai", "GEMINI_API_KEY", "", "google" },
    { "deepseek", "deepseek", "DeepSeek", Kind::OpenAiCompatible, "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY", "",
      "deepseek" },
    { "groq", "groq", "Groq", Kind::OpenAiCompatible, "https://api.groq.com/openai/v1", "GROQ_API_KEY", "", "groq" },
    { "mistral", "mistral", "Mistral", Kind::OpenAiCompatible, "https://api.mistral.ai/v1", "MISTRAL_API_KEY", "",
      "mistral-ai" },
    { "codestral", "codestral", "Codestral", Kind::OpenAiCompatible, "https://codestral.mistral.ai/v1",
      "CODESTRAL_API_KEY", "", "mistral-ai" },
    { "openrouter", "openrouter", "OpenRouter", Kind::OpenAiCompatible, "https://openrouter.ai/api/v1",
      "OPENROUTER_API_KEY", "", "openrouter" },
    { "together_ai", "together", "Together AI", Kind::OpenAiCompatible, "https://api.together.xyz/v1",
      "TOGETHERAI_API_KEY", "", "together-ai" },
    { "xai", "xai", "xAI", Kind::OpenAiCompatible, "https://api.x.ai/v1", "XAI_API_KEY", "", "x-ai" },
    { "fireworks_ai", "fireworks", "Fireworks AI", Kind::OpenAiCompatible, "https://api.fireworks.ai/inference/v1",
      "FIREWORKS_API_KEY", "", "fireworks-ai" },
    { "perplexity", "perplexity", "Perplexity", Kind::OpenAiCompatible, "https://api.perplexity.ai",
      "PERPLEXITYAI_API_KEY", "", "perplexity-ai" },
    { "cerebras", "cerebras", "Cerebras", Kind::OpenAiCompatible, "https://api.cerebras.ai/v1", "CEREBRAS_API_KEY", "",
      "cerebras" },
    { "deepinfra", "deepinfra", "DeepInfra", Kind::OpenAiCompatible, "https://api.deepinfra.com/v1/openai",
      "DEEPINFRA_API_KEY", "", "deepinfra" },
    { "sambanova", "sambanova", "SambaNova", Kind::OpenAiCompatible, "https://api.sambanova.ai/v1", "SAMBANOVA_API_KEY",
      "", "sambanova" },
    { "nvidia_nim", "nvidia-nim", "NVIDIA NIM", Kind::OpenAiCompatible, "https://integrate.api.nvidia.com/v1",
      "NVIDIA_NIM_API_KEY", "", "nvidia" },
    { "anyscale", "anyscale", "Anyscale", Kind::OpenAiCompatible, "https://api.endpoints.anyscale.com/v1",
      "ANYSCALE_API_KEY", "", "anyscale" },
    { "github", "github", "GitHub Models", Kind::OpenAiCompatible, "https://models.inference.ai.azure.com",
      "GITHUB_API_KEY", "", "github" },
    { "meta_llama", "meta-llama", "Llama API", Kind::OpenAiCompatible, "https://api.llama.com/compat/v1",
      "LLAMA_API_KEY", "", "openai" },
    { "friendliai", "friendliai", "FriendliAI", Kind::OpenAiCompatible, "https://api.friendli.ai/serverless/v1",
      "FRIENDLIAI_API_KEY", "", "openai" },
    { "galadriel", "galadriel", "Galadriel", Kind::OpenAiCompatible, "https://api.galadriel.com/v1",
      "GALADRIEL_API_KEY", "", "openai" },
    { "volcengine", "volcengine", "Volcano Engine", Kind::OpenAiCompatible, "https://ark.cn-beijing.volces.com/api/v3",
      "VOLCENGINE_API_KEY", "", "openai" },
    { "empower", "empower", "Empower", Kind::OpenAiCompatible, "https://app.empower.dev/api/v1", "EMPOWER_API_KEY", "",
      "openai" },
    { "ollama_chat", "ollama", "Ollama", Kind::OpenAiCompatible, "http://localhost:11434/v1", "", "/v1", "ollama" },
    { "ollama", "ollama", "Ollama", Kind::OpenAiCompatible, "http://localhost:11434/v1", "", "/v1", "ollama" },
    { "llamafile", "llamafile", "llamafile", Kind::OpenAiCompatible, "http://127.0.0.1:8080/v1", "", "", "openai" },
    // Local and self-hosted servers: the key is optional in LiteLLM, so none is sent unless the file names one.
    { "hosted_vllm", "vllm", "vLLM", Kind::OpenAiCompatible, "", "", "", "openai", "HOSTED_VLLM_API_BASE" },
    { "lm_studio", "lmstudio", "LM Studio", Kind::OpenAiCompatible, "", "", "", "openai", "LM_STUDIO_API_BASE" },
    { "litellm_proxy", "litellm", "LiteLLM proxy", Kind::OpenAiCompatible, "", "", "", "openai",
      "LITELLM_PROXY_API_BASE" },
    { "custom_openai", "custom", "OpenAI-compatible", Kind::OpenAiCompatible, "", "", "", "openai" },
    // Each resource has its own endpoint (api_base); without api_key LiteLLM sends AZURE_API_KEY.
    { "azure", "azure", "Azure OpenAI", Kind::AzureOpenAi, "", "AZURE_API_KEY", "", "azure-openai", "AZURE_API_BASE" },
    // Converse with SigV4: no base URL (the endpoint follows aws_region_name) and no key variable
    // (the AWS credential chain, or aws_profile_name).
    { "bedrock", "bedrock", "Amazon Bedrock", Kind::BedrockConverse, "", "", "", "bedrock" },
};

constexpr const char* kUnsupported[] = {
    "azure_ai",
    "azure_text",
    "bedrock_converse",
    "vertex_ai",
    "vertex_ai_beta",
    "sagemaker",
    "sagemaker_chat",
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
    "text-completion-codestral",
    "anthropic_text",
    "ai21",
    "ai21_chat",
    "nlp_cloud",
    "aleph_alpha",
    "baseten",
    "petals",
    "vllm",
    "clarifai",
    "snowflake",
    "oci",
    "voyage",
    "jina_ai",
    "assemblyai",
    "deepgram",
    "elevenlabs",
    "triton",
    "maritalk",
    "openai_like",
    "aiohttp_openai",
    "langgraph",
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

// Bedrock model ids LiteLLM recognises without a prefix: "anthropic.claude-...", "us.amazon.nova-...".
bool isBedrockModelId(const QString& model)
{
    static const char* const kRegions[] = { "", "us.", "eu.", "apac.", "global.", "us-gov." };
    static const char* const kVendors[]
        = { "anthropic.", "amazon.", "meta.", "mistral.", "cohere.", "ai21.", "deepseek." };
    for (const char* region : kRegions) {
        for (const char* vendor : kVendors) {
            if (model.startsWith(QLatin1String(region) + QLatin1String(vendor))) {
                return true;
            }
        }
    }
    return false;
}

// LiteLLM's model lists, reduced to the name patterns that decide a provider.
constexpr const char* kOpenAiStarts[] = { "gpt-", "chatgpt-", "o1", "o3", "o4", "ft:gpt-", "codex-", "gpt5" };

bool isOpenAiModelName(const QString& model)
{
    for (const char* start : kOpenAiStarts) {
        if (model.startsWith(QLatin1String(start))) {
            return true;
        }
    }
    return false;
}
} // namespace

const LiteLlmPrefix& LiteLlmProviders::forBase(const LiteLlmPrefix& prefix, const QUrl& base)
{
    if (prefix.kind != Kind::Gemini || !normalised(base).endsWith(QLatin1String("/openai"))) {
        return prefix;
    }
    for (const auto& entry : kPrefixes) {
        if (entry.kind == Kind::OpenAiCompatible && QLatin1String(entry.prefix) == QLatin1String(prefix.prefix)) {
            return entry;
        }
    }
    return prefix;
}

const LiteLlmPrefix* LiteLlmProviders::byPrefix(const QString& prefix)
{
    for (const auto& entry : kPrefixes) {
        if (prefix == QLatin1String(entry.prefix)) {
            return &entry;
        }
    }
    return nullptr;
}

LiteLlmModelRoute LiteLlmProviders::route(const QString& model, const QString& apiBase)
{
    LiteLlmModelRoute route;
    const qsizetype slash = model.indexOf(QLatin1Char('/'));
    if (slash > 0) {
        route.prefixName = model.left(slash);
        route.upstreamModel = model.mid(slash + 1);
        route.prefix = byPrefix(route.prefixName);
        if (route.prefix && route.prefix->kind == Kind::BedrockConverse) {
            // bedrock/converse/<id> and bedrock/invoke/<id> name the API LiteLLM uses; Switchyard speaks Converse.
            for (const char* api : { "converse/", "invoke/" }) {
                if (route.upstreamModel.startsWith(QLatin1String(api))) {
                    route.upstreamModel = route.upstreamModel.mid(int(qstrlen(api)));
                }
            }
        }
        if (route.prefix) {
            route.owner = LiteLlmModelOwner::Prefixed;
        } else if (isUnsupportedPrefix(route.prefixName)) {
            route.owner = LiteLlmModelOwner::Unsupported;
        }
        return route;
    }
    route.upstreamModel = model;
    // Without a prefix LiteLLM first asks whether api_base is a provider it knows, then its model lists.
    const QUrl base(apiBase.trimmed());
    if (!apiBase.isEmpty() && !base.host().isEmpty()) {
        for (const auto& entry : kPrefixes) {
            if (*entry.defaultBase && *entry.defaultKeyEnv
                && QUrl(QLatin1String(entry.defaultBase)).host() == base.host()) {
                route.owner = LiteLlmModelOwner::Inferred;
                route.prefix = &entry;
                return route;
            }
        }
    }
    if (ModelNamePattern::isPattern(model)) {
        // An OpenAI-compatible server at api_base, or OpenAI itself.
        route.owner = LiteLlmModelOwner::Inferred;
        route.prefix = byPrefix(QStringLiteral("openai"));
        route.providerChosenForWildcard = true;
        return route;
    }
    if (isBedrockModelId(model)) {
        route.owner = LiteLlmModelOwner::Inferred;
        route.prefix = byPrefix(QStringLiteral("bedrock"));
    } else if (model.startsWith(QLatin1String("claude-"))) {
        route.owner = LiteLlmModelOwner::Inferred;
        route.prefix = byPrefix(QStringLiteral("anthropic"));
    } else if (isOpenAiModelName(model)) {
        route.owner = LiteLlmModelOwner::Inferred;
        route.prefix = byPrefix(QStringLiteral("openai"));
    } else if (model.startsWith(QLatin1String("gemini-"))) {
        route.owner = LiteLlmModelOwner::Unsupported; // LiteLLM's default for "gemini-*" is Vertex AI
        route.prefixName = QStringLiteral("vertex_ai");
    } else if (model.startsWith(QLatin1String("command"))) {
        route.owner = LiteLlmModelOwner::Unsupported;
        route.prefixName = QStringLiteral("cohere");
    }
    return route;
}

QList<LiteLlmInferredWildcard> LiteLlmProviders::inferredWildcards()
{
    QList<LiteLlmInferredWildcard> patterns;
    for (const auto& entry : kPrefixes) {
        // One pattern per prefix: its first entry (gemini's native API before its OpenAI-compatible one).
        if (*entry.defaultBase && *entry.defaultKeyEnv && entry.kind != Kind::AzureOpenAi
            && byPrefix(QLatin1String(entry.prefix)) == &entry) {
            patterns.append({ QLatin1String(entry.prefix) + QLatin1String("/*"), &entry, QStringLiteral("*") });
        }
    }
    // Names without a prefix, by the families LiteLLM's model lists decide (as route() reads them).
    const LiteLlmPrefix* anthropic = byPrefix(QStringLiteral("anthropic"));
    patterns.append({ QStringLiteral("claude-*"), anthropic, QStringLiteral("claude-*") });
    const LiteLlmPrefix* openai = byPrefix(QStringLiteral("openai"));
    for (const char* start : kOpenAiStarts) {
        const QString pattern = QLatin1String(start) + QLatin1Char('*');
        patterns.append({ pattern, openai, pattern });
    }
    return patterns;
}

const LiteLlmPrefix* LiteLlmProviders::byKeyEnv(const QString& variable)
{
    for (const auto& entry : kPrefixes) {
        if (*entry.defaultKeyEnv && variable == QLatin1String(entry.defaultKeyEnv)) {
            return &entry;
        }
    }
    return nullptr;
}

QStringList LiteLlmProviders::knownPrefixes()
{
    QStringList names;
    for (const auto& entry : kPrefixes) {
        names.append(QLatin1String(entry.prefix));
    }
    for (const char* name : kUnsupported) {
        names.append(QLatin1String(name));
    }
    return names;
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
    for (const auto& entry : kPrefixes) {
        if (entry.kind == provider.kind && (entry.kind == Kind::BedrockConverse || entry.kind == Kind::AzureOpenAi)) {
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
