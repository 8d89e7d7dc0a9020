#include "core/reconcile/InvoiceFormat.h"

#include <QCoreApplication>

namespace {
struct Entry
{
    InvoiceFormat format;
    const char* id;
    InvoiceProvider provider;
    const char* name;
};

const Entry entries[] = {
    { InvoiceFormat::OpenAiCostsJson, "openai-costs-json", InvoiceProvider::OpenAi,
      QT_TRANSLATE_NOOP("InvoiceFormats", "OpenAI Costs API (JSON)") },
    { InvoiceFormat::OpenAiUsageJson, "openai-usage-json", InvoiceProvider::OpenAi,
      QT_TRANSLATE_NOOP("InvoiceFormats", "OpenAI Usage API, completions (JSON)") },
    { InvoiceFormat::OpenAiCostsCsv, "openai-costs-csv", InvoiceProvider::OpenAi,
      QT_TRANSLATE_NOOP("InvoiceFormats", "OpenAI usage dashboard, cost export (CSV)") },
    { InvoiceFormat::OpenAiUsageCsv, "openai-usage-csv", InvoiceProvider::OpenAi,
      QT_TRANSLATE_NOOP("InvoiceFormats", "OpenAI usage dashboard, activity export (CSV)") },
    { InvoiceFormat::AnthropicUsageJson, "anthropic-usage-json", InvoiceProvider::Anthropic,
      QT_TRANSLATE_NOOP("InvoiceFormats", "Anthropic usage report (JSON)") },
    { InvoiceFormat::AnthropicCostJson, "anthropic-cost-json", InvoiceProvider::Anthropic,
      QT_TRANSLATE_NOOP("InvoiceFormats", "Anthropic cost report (JSON)") },
    { InvoiceFormat::AnthropicUsageCsv, "anthropic-usage-csv", InvoiceProvider::Anthropic,
      QT_TRANSLATE_NOOP("InvoiceFormats", "Anthropic Console usage export (CSV)") },
    { InvoiceFormat::AnthropicCostCsv, "anthropic-cost-csv", InvoiceProvider::Anthropic,
      QT_TRANSLATE_NOOP("InvoiceFormats", "Anthropic Console cost export (CSV)") },
    { InvoiceFormat::OpenRouterActivityCsv, "openrouter-activity-csv", InvoiceProvider::OpenRouter,
      QT_TRANSLATE_NOOP("InvoiceFormats", "OpenRouter activity export (CSV)") },
};

const Entry& entry(InvoiceFormat format)
{
    for (const Entry& e : entries) {
        if (e.format == format) {
            return e;
        }
    }
    return entries[0];
}
} // namespace

namespace InvoiceFormats {

QString id(InvoiceFormat value)
{
    return QLatin1String(entry(value).id);
}

std::optional<InvoiceFormat> fromId(const QString& id)
{
    for (const Entry& e : entries) {
        if (id == QLatin1String(e.id)) {
            return e.format;
        }
    }
    return std::nullopt;
}

InvoiceProvider provider(InvoiceFormat value)
{
    return entry(value).provider;
}

QString displayName(InvoiceFormat value)
{
    return QCoreApplication::translate("InvoiceFormats", entry(value).name);
}

} // namespace InvoiceFormats
