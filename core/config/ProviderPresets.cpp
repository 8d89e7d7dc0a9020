#include "core/config/ProviderPresets.h"

#include "core/common/AzureEndpoint.h"
#include "core/pricing/PriceTable.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace ProviderPresets {

namespace {

ProviderPreset preset(const char* id, const QString& name, const char* baseUrl, const char* keyEnv, QStringList models,
                      ProviderKind kind = ProviderKind::OpenAiCompatible)
{
    ProviderPreset p;
    p.id = QString::fromLatin1(id);
    p.displayName = name;
    p.kind = kind;
    p.baseUrl = QUrl(QString::fromLatin1(baseUrl));
    p.keyEnv = QString::fromLatin1(keyEnv);
    p.models = std::move(models);
    return p;
}

ProviderPreset localPreset(const char* id, const QString& name, const char* baseUrl, QStringList models,
                           int maxConcurrent)
{
    ProviderPreset p = preset(id, name, baseUrl, "", std::move(models));
    p.local = true;
    p.maxConcurrent = maxConcurrent;
    return p;
}

// Converse API, SigV4 with the AWS credential chain: no key variable, and no base URL (the
// endpoint follows the region). Model ids are Bedrock's, cross-region inference profiles first.
ProviderPreset bedrockPreset()
{
    ProviderPreset p = preset("bedrock", QStringLiteral("Amazon Bedrock"), "", "",
                              { QStringLiteral("us.anthropic.claude-sonnet-4-20250514-v1:0"),
                                QStringLiteral("us.amazon.nova-pro-v1:0"), QStringLiteral("us.amazon.nova-micro-v1:0"),
                                QStringLiteral("meta.llama3-1-70b-instruct-v1:0") },
                              ProviderKind::BedrockConverse);
    p.hasModelList = false; // the model list is on the control plane (bedrock.<region>), not bedrock-runtime
    return p;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("ProviderPresets", text);
}

} // namespace

QList<ProviderPreset> all()
{
    QList<ProviderPreset> presets {
        preset("openai", QStringLiteral("OpenAI"), "https://api.openai.com/v1", "OPENAI_API_KEY",
               { QStringLiteral("gpt-5"), QStringLiteral("gpt-5-mini"), QStringLiteral("gpt-4.1-mini"),
                 QStringLiteral("gpt-4o-mini"), QStringLiteral("o4-mini") }),
        preset("anthropic", QStringLiteral("Anthropic"), "https://api.anthropic.com/v1", "ANTHROPIC_API_KEY",
               { QStringLiteral("claude-sonnet-4-5"), QStringLiteral("claude-haiku-4-5"),
                 QStringLiteral("claude-opus-4-5") },
               ProviderKind::AnthropicMessages),
        // Gemini's own API, not its OpenAI-compatible endpoint (/v1beta/openai): only the native one
        // reports grounding searches (billed apart), thoughts and thought signatures. Providers saved
        // with the OpenAI-compatible URL keep working as they are.
        preset("gemini", QStringLiteral("Google Gemini"), "https://generativelanguage.googleapis.com/v1beta",
               "GEMINI_API_KEY",
               { QStringLiteral("gemini-2.5-flash"), QStringLiteral("gemini-2.5-pro"),
                 QStringLiteral("gemini-2.5-flash-lite"), QStringLiteral("gemini-3-pro-preview") },
               ProviderKind::Gemini),
        preset("deepseek", QStringLiteral("DeepSeek"), "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY",
               { QStringLiteral("deepseek-chat"), QStringLiteral("deepseek-reasoner") }),
        preset("groq", QStringLiteral("Groq"), "https://api.groq.com/openai/v1", "GROQ_API_KEY",
               { QStringLiteral("llama-3.3-70b-versatile"), QStringLiteral("llama-3.1-8b-instant"),
                 QStringLiteral("openai/gpt-oss-120b") }),
        preset("mistral", QStringLiteral("Mistral"), "https://api.mistral.ai/v1", "MISTRAL_API_KEY",
               { QStringLiteral("mistral-large-latest"), QStringLiteral("mistral-small-latest"),
                 QStringLiteral("codestral-latest") }),
        preset(
            "together", QStringLiteral("Together"), "https://api.together.xyz/v1", "TOGETHER_API_KEY",
            { QStringLiteral("meta-llama/Llama-3.3-70B-Instruct-Turbo"), QStringLiteral("deepseek-ai/DeepSeek-V3") }),
        preset("openrouter", QStringLiteral("OpenRouter"), "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY",
               { QStringLiteral("openai/gpt-4o-mini"), QStringLiteral("google/gemini-2.5-flash"),
                 QStringLiteral("deepseek/deepseek-chat") }),
        preset("xai", QStringLiteral("xAI"), "https://api.x.ai/v1", "XAI_API_KEY",
               { QStringLiteral("grok-4"), QStringLiteral("grok-3-mini") }),
        bedrockPreset(),
        localPreset("ollama", QStringLiteral("Ollama (local)"), "http://localhost:11434/v1",
                    { QStringLiteral("llama3.2"), QStringLiteral("qwen2.5") }, 1),
        localPreset("lmstudio", QStringLiteral("LM Studio (local)"), "http://localhost:1234/v1", {}, 0),
        preset("litellm", tr("LiteLLM proxy"), "http://localhost:4000/v1", "LITELLM_API_KEY", {}),
        preset("tokenmix", QStringLiteral("TokenMix"), "https://api.tokenmix.ai/v1", "TOKENMIX_API_KEY",
               { QStringLiteral("gpt-5-mini"), QStringLiteral("deepseek-chat") }),
        preset("custom", tr("Custom OpenAI-compatible"), "", "", {}),
    };
    // Each Azure resource has its own endpoint and deployment names: both are the user's to fill in.
    ProviderPreset azure
        = preset("azure", QStringLiteral("Azure OpenAI"), "", "AZURE_OPENAI_API_KEY", {}, ProviderKind::AzureOpenAi);
    azure.apiVersion = AzureEndpoint::defaultApiVersion();
    azure.hasModelList = false;
    presets.insert(presets.size() - 1, azure);
    return presets;
}

std::optional<ProviderPreset> find(const QString& id)
{
    for (const ProviderPreset& p : all()) {
        if (p.id == id) {
            return p;
        }
    }
    return std::nullopt;
}

ProviderConfig providerConfig(const ProviderPreset& preset)
{
    ProviderConfig config;
    config.id = preset.id;
    config.displayName = preset.displayName;
    config.kind = preset.kind;
    config.baseUrl = preset.baseUrl;
    config.keyEnv = preset.keyEnv;
    config.maxConcurrent = preset.maxConcurrent;
    config.apiVersion = preset.apiVersion;
    return config;
}

ModelConfig modelConfig(const ProviderConfig& provider, const QString& upstreamModel, const PriceTable& prices,
                        bool local)
{
    ModelConfig model;
    model.id = provider.id + QLatin1Char('/') + upstreamModel;
    model.providerId = provider.id;
    model.upstreamModel = upstreamModel;
    if (local) {
        model.price.known = true; // runs here: free, not unpriced
    } else if (const auto entry = prices.lookup(upstreamModel)) {
        model.price = entry->price;
        model.contextWindow = entry->contextWindow;
        model.maxOutputTokens = entry->maxOutputTokens;
    }
    return model;
}

QList<ModelConfig> modelConfigs(const ProviderPreset& preset, const PriceTable& prices)
{
    const ProviderConfig provider = providerConfig(preset);
    QList<ModelConfig> models;
    for (const QString& name : preset.models) {
        models << modelConfig(provider, name, prices, preset.local);
    }
    return models;
}

bool isLoopbackHost(const QString& host)
{
    const QString h = host.toLower();
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost"))) {
        return true;
    }
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

bool isInsecure(const ProviderConfig& provider)
{
    return provider.baseUrl.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0
        && !isLoopbackHost(provider.baseUrl.host());
}

} // namespace ProviderPresets
