#include "core/common/ProviderTypes.h"

#include "core/common/ModelNamePattern.h"

QString ProviderKinds::id(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::AnthropicMessages:
        return QStringLiteral("anthropic");
    case ProviderKind::AzureOpenAi:
        return QStringLiteral("azure");
    case ProviderKind::BedrockConverse:
        return QStringLiteral("bedrock");
    case ProviderKind::Gemini:
        return QStringLiteral("gemini");
    case ProviderKind::OpenAiCompatible:
        break;
    }
    return QStringLiteral("openai");
}

std::optional<ProviderKind> ProviderKinds::fromId(const QString& id)
{
    if (id == QLatin1String("openai")) {
        return ProviderKind::OpenAiCompatible;
    }
    if (id == QLatin1String("anthropic")) {
        return ProviderKind::AnthropicMessages;
    }
    if (id == QLatin1String("bedrock")) {
        return ProviderKind::BedrockConverse;
    }
    if (id == QLatin1String("azure")) {
        return ProviderKind::AzureOpenAi;
    }
    if (id == QLatin1String("gemini")) {
        return ProviderKind::Gemini;
    }
    return std::nullopt;
}

ProviderKind ProviderKinds::wireFormat(ProviderKind kind)
{
    return kind == ProviderKind::AzureOpenAi ? ProviderKind::OpenAiCompatible : kind;
}

QString ProviderAuths::id(ProviderAuth auth)
{
    return auth == ProviderAuth::EntraIdToken ? QStringLiteral("entra-id") : QStringLiteral("api-key");
}

std::optional<ProviderAuth> ProviderAuths::fromId(const QString& id)
{
    if (id == QLatin1String("api-key")) {
        return ProviderAuth::ApiKey;
    }
    if (id == QLatin1String("entra-id")) {
        return ProviderAuth::EntraIdToken;
    }
    return std::nullopt;
}

QString ChatRequest::lastUserText() const
{
    for (auto it = messages.crbegin(); it != messages.crend(); ++it) {
        if (it->role == QLatin1String("user")) {
            return it->content;
        }
    }
    return {};
}

QString ChatRequest::systemText() const
{
    QStringList parts;
    for (const auto& message : messages) {
        if (message.role == QLatin1String("system")) {
            parts.append(message.content);
        }
    }
    return parts.join(QLatin1Char('\n'));
}

qint64 estimateTokens(const QString& text)
{
    if (text.isEmpty()) {
        return 0;
    }
    return qMax<qint64>(1, (text.size() + 3) / 4);
}

bool ModelConfig::passesClientModel() const
{
    return ModelNamePattern::isPattern(upstreamModel);
}

QString ModelConfig::priceName() const
{
    return !baseModel.isEmpty() ? baseModel : !upstreamModel.isEmpty() ? upstreamModel : id;
}

ModelPrice ModelPrice::ratesFor(qint64 promptTokens) const
{
    if (!known || !hasLongContext() || promptTokens <= longContext.aboveTokens) {
        ModelPrice flat = *this;
        flat.longContext = {};
        return flat;
    }
    // Rates the tier does not name follow the base rate by the tier's own input/output ratio.
    const double inRatio = inputPerMTok > 0 ? longContext.inputPerMTok / inputPerMTok : 1;
    const double outRatio
        = outputPerMTok > 0 && longContext.outputPerMTok > 0 ? longContext.outputPerMTok / outputPerMTok : 1;
    const auto pick = [](double tierRate, double scaled) { return tierRate > 0 ? tierRate : scaled; };
    ModelPrice tier = *this;
    tier.longContext = {};
    tier.inputPerMTok = longContext.inputPerMTok;
    tier.outputPerMTok = pick(longContext.outputPerMTok, outputPerMTok * outRatio);
    tier.cachedInputPerMTok = pick(longContext.cachedInputPerMTok, cachedInputPerMTok * inRatio);
    tier.cacheWrite5mPerMTok = pick(longContext.cacheWrite5mPerMTok, cacheWrite5mPerMTok * inRatio);
    tier.cacheWrite1hPerMTok = pick(longContext.cacheWrite1hPerMTok, cacheWrite1hPerMTok * inRatio);
    tier.reasoningPerMTok = reasoningPerMTok * outRatio;
    tier.batchInputPerMTok = batchInputPerMTok * inRatio;
    tier.batchOutputPerMTok = batchOutputPerMTok * outRatio;
    return tier;
}
