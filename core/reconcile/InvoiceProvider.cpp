#include "core/reconcile/InvoiceProvider.h"

namespace InvoiceProviders {

QString id(InvoiceProvider value)
{
    switch (value) {
    case InvoiceProvider::OpenAi:
        return QStringLiteral("openai");
    case InvoiceProvider::Anthropic:
        return QStringLiteral("anthropic");
    case InvoiceProvider::OpenRouter:
        return QStringLiteral("openrouter");
    }
    return {};
}

std::optional<InvoiceProvider> fromId(const QString& id)
{
    for (InvoiceProvider value : { InvoiceProvider::OpenAi, InvoiceProvider::Anthropic, InvoiceProvider::OpenRouter }) {
        if (InvoiceProviders::id(value) == id) {
            return value;
        }
    }
    return std::nullopt;
}

QString displayName(InvoiceProvider value)
{
    switch (value) {
    case InvoiceProvider::OpenAi:
        return QStringLiteral("OpenAI");
    case InvoiceProvider::Anthropic:
        return QStringLiteral("Anthropic");
    case InvoiceProvider::OpenRouter:
        return QStringLiteral("OpenRouter");
    }
    return {};
}

bool bills(InvoiceProvider provider, const ProviderConfig& config)
{
    const QString host = config.baseUrl.host().toLower();
    switch (provider) {
    case InvoiceProvider::OpenAi:
        return host == QLatin1String("api.openai.com");
    case InvoiceProvider::Anthropic:
        return host == QLatin1String("api.anthropic.com");
    case InvoiceProvider::OpenRouter:
        return host == QLatin1String("openrouter.ai");
    }
    return false;
}

QStringList ledgerProviderIds(InvoiceProvider provider, const QList<ProviderConfig>& configs)
{
    QStringList ids;
    for (const ProviderConfig& config : configs) {
        if (bills(provider, config)) {
            ids << config.id;
        }
    }
    if (ids.isEmpty()) {
        ids << id(provider);
    }
    return ids;
}

} // namespace InvoiceProviders
