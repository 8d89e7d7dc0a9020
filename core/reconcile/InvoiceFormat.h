#pragma once

#include "core/reconcile/InvoiceProvider.h"

#include <QString>

#include <optional>

// The export files Switchyard reads, told apart by their content (InvoiceReader).
enum class InvoiceFormat
{
    OpenAiCostsJson, // "openai-costs-json": GET /v1/organization/costs
    OpenAiUsageJson, // "openai-usage-json": GET /v1/organization/usage/completions
    OpenAiCostsCsv, // "openai-costs-csv": the usage dashboard's cost export
    OpenAiUsageCsv, // "openai-usage-csv": the usage dashboard's activity export
    AnthropicUsageJson, // "anthropic-usage-json": GET /v1/organizations/usage_report/messages
    AnthropicCostJson, // "anthropic-cost-json": GET /v1/organizations/cost_report
    AnthropicUsageCsv, // "anthropic-usage-csv": the Console's usage export
    AnthropicCostCsv, // "anthropic-cost-csv": the Console's cost export
    OpenRouterActivityCsv, // "openrouter-activity-csv": the activity page's export
};

namespace InvoiceFormats {
// Stable identifiers, used only where JSON needs a string.
QString id(InvoiceFormat value);
std::optional<InvoiceFormat> fromId(const QString& id);
InvoiceProvider provider(InvoiceFormat value);
// "OpenAI Costs API (JSON)", for people.
QString displayName(InvoiceFormat value);
} // namespace InvoiceFormats
