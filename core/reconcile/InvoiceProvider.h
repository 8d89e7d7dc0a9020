#pragma once

#include "core/common/ProviderTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Whose bill an export is.
enum class InvoiceProvider
{
    OpenAi, // "openai"
    Anthropic, // "anthropic"
    OpenRouter, // "openrouter"
};

namespace InvoiceProviders {
// Stable identifiers, used only where JSON needs a string.
QString id(InvoiceProvider value);
std::optional<InvoiceProvider> fromId(const QString& id);
QString displayName(InvoiceProvider value);
// Whether a configured provider sends its calls to this provider's API (by host: a LiteLLM proxy
// or an OpenAI-compatible third party in front of the same models bills on its own invoice).
bool bills(InvoiceProvider provider, const ProviderConfig& config);
// The ledger's provider ids whose calls land on this provider's bill: the configured providers
// it bills, or its own id ("openai") when none is configured.
QStringList ledgerProviderIds(InvoiceProvider provider, const QList<ProviderConfig>& configs);
} // namespace InvoiceProviders
