#include "core/batch/BatchApi.h"

namespace {
struct Entry
{
    BatchApi value;
    const char* id;
};

constexpr Entry kEntries[] = {
    { BatchApi::OpenAi, "openai" }, { BatchApi::Anthropic, "anthropic" }, { BatchApi::Mistral, "mistral" },
    { BatchApi::Azure, "azure" },   { BatchApi::Gemini, "gemini" },
};
} // namespace

QString BatchApis::id(BatchApi api)
{
    for (const Entry& entry : kEntries) {
        if (entry.value == api) {
            return QString::fromLatin1(entry.id);
        }
    }
    return {};
}

std::optional<BatchApi> BatchApis::fromId(const QString& id)
{
    for (const Entry& entry : kEntries) {
        if (id == QLatin1String(entry.id)) {
            return entry.value;
        }
    }
    return std::nullopt;
}

std::optional<BatchApi> BatchApis::of(const ProviderConfig& provider)
{
    if (provider.kind == ProviderKind::AnthropicMessages) {
        return BatchApi::Anthropic;
    }
    if (provider.kind == ProviderKind::AzureOpenAi) {
        return BatchApi::Azure;
    }
    if (provider.kind == ProviderKind::Gemini) {
        return BatchApi::Gemini;
    }
    if (provider.kind != ProviderKind::OpenAiCompatible) {
        return std::nullopt; // Bedrock's batch inference reads and writes S3: not supported
    }
    if (provider.baseUrl.host().compare(QLatin1String("api.mistral.ai"), Qt::CaseInsensitive) == 0
        || provider.id == QLatin1String("mistral") || provider.id == QLatin1String("sandbox-mistral")) {
        return BatchApi::Mistral;
    }
    return BatchApi::OpenAi;
}

bool BatchApis::isAnthropic(BatchApi api)
{
    return api == BatchApi::Anthropic;
}
