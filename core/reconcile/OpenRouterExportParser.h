#pragma once

#include "core/reconcile/ExportCsvReader.h"
#include "core/reconcile/InvoiceFormat.h"
#include "core/reconcile/InvoiceLine.h"

// OpenRouter's activity export (CSV): one row per generation (generation_id, created_at,
// cost_total, tokens_prompt, tokens_completion, model_permaslug, api_key_name, ...) or, as the
// activity API groups it, per day and model (date, model, usage, requests, prompt_tokens,
// completion_tokens).
class OpenRouterExportParser final
{
public:
    static std::optional<InvoiceFormat> detectCsv(const ExportCsvReader& csv);
    static QList<InvoiceLine> parseCsv(ExportCsvReader& csv);
};
