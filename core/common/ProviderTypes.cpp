#include "ProviderTypes.h"

QString ProviderKinds::id(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::AnthropicMessages:
        return QStringLiteral("anthropic");
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
