#pragma once

#include "core/reconcile/ExportCsvReader.h"
#include "core/reconcile/ExportJsonReader.h"
#include "core/reconcile/InvoiceFormat.h"
#include "core/reconcile/InvoiceLine.h"

// OpenAI's exports: the Costs API page (GET /v1/organization/costs: buckets of
// organization.costs.result with amount{value,currency}, line_item, project_id, api_key_id), the
// Usage API page for completions (GET /v1/organization/usage/completions: buckets of
// organization.usage.completions.result with input_tokens, output_tokens, input_cached_tokens,
// num_model_requests, model, api_key_id), and the usage dashboard's CSV downloads of the same
// figures (cost: line_item, amount_value, amount_currency; activity: model, input_tokens,
// output_tokens, num_model_requests, api_key_id / api_key_name; older activity files:
// snapshot_id, n_context_tokens_total, n_generated_tokens_total, n_requests).
class OpenAiExportParser final
{
public:
    static std::optional<InvoiceFormat> detectJson(const QJsonObject& page);
    static std::optional<InvoiceFormat> detectCsv(const ExportCsvReader& csv);

    static QList<InvoiceLine> parseJson(InvoiceFormat format, const QJsonObject& page, const JsonPath& at,
                                        ExportJsonReader& json);
    static QList<InvoiceLine> parseCsv(InvoiceFormat format, ExportCsvReader& csv);

    // "gpt-4o-2024-08-06, input" -> "gpt-4o-2024-08-06": a cost line item names the model and
    // what of it was billed; other items ("web search tool calls") stay as they are.
    static QString modelOfLineItem(const QString& lineItem);
};
