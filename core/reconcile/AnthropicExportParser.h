#pragma once

#include "core/reconcile/ExportCsvReader.h"
#include "core/reconcile/ExportJsonReader.h"
#include "core/reconcile/InvoiceFormat.h"
#include "core/reconcile/InvoiceLine.h"

// Anthropic's exports: the Admin API usage report (GET /v1/organizations/usage_report/messages:
// buckets with starting_at/ending_at and results of uncached_input_tokens, cache_creation
// {ephemeral_5m_input_tokens, ephemeral_1h_input_tokens}, cache_read_input_tokens,
// output_tokens, model, api_key_id; it has no request count), the cost report
// (GET /v1/organizations/cost_report: results with amount as a decimal string in cents, currency,
// model, cost_type, token_type, description; no key), and the Console's CSV downloads
// (usage_date_utc with model_version, api_key and the usage_* token columns, or with cost_usd).
class AnthropicExportParser final
{
public:
    static std::optional<InvoiceFormat> detectJson(const QJsonObject& page);
    static std::optional<InvoiceFormat> detectCsv(const ExportCsvReader& csv);

    static QList<InvoiceLine> parseJson(InvoiceFormat format, const QJsonObject& page, const JsonPath& at,
                                        ExportJsonReader& json);
    static QList<InvoiceLine> parseCsv(InvoiceFormat format, ExportCsvReader& csv);
};
