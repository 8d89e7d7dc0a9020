#include "core/reconcile/OpenRouterExportParser.h"

std::optional<InvoiceFormat> OpenRouterExportParser::detectCsv(const ExportCsvReader& csv)
{
    if (csv.hasColumn(
            { QStringLiteral("generation_id"), QStringLiteral("model_permaslug"), QStringLiteral("cost_total") })
        || (csv.hasColumn({ QStringLiteral("usage") }) && csv.hasColumn({ QStringLiteral("requests") }))) {
        return InvoiceFormat::OpenRouterActivityCsv;
    }
    return std::nullopt;
}

QList<InvoiceLine> OpenRouterExportParser::parseCsv(ExportCsvReader& csv)
{
    const int dayColumn = csv.require({ QStringLiteral("created_at"), QStringLiteral("date") });
    const int modelColumn = csv.require({ QStringLiteral("model_permaslug"), QStringLiteral("model") });
    const int costColumn = csv.require({ QStringLiteral("cost_total"), QStringLiteral("usage") });
    const int promptColumn = csv.column({ QStringLiteral("tokens_prompt"), QStringLiteral("prompt_tokens") });
    const int completionColumn
        = csv.column({ QStringLiteral("tokens_completion"), QStringLiteral("completion_tokens") });
    const int requestsColumn = csv.column({ QStringLiteral("requests") });
    const int keyColumn = csv.column({ QStringLiteral("api_key_name"), QStringLiteral("api_key") });
    QList<InvoiceLine> lines;
    for (const Csv::Record& row : csv.rows()) {
        InvoiceLine line;
        line.provider = InvoiceProvider::OpenRouter;
        line.sourceLine = row.line;
        line.day = csv.day(row, dayColumn).value_or(QDate());
        line.model = csv.text(row, modelColumn);
        line.key = csv.text(row, keyColumn);
        line.costUsd = csv.number(row, costColumn, true);
        line.inputTokens = csv.count(row, promptColumn);
        line.outputTokens = csv.count(row, completionColumn);
        // A per-generation row is one request.
        line.requests = requestsColumn >= 0 ? csv.count(row, requestsColumn) : std::optional<qint64>(1);
        lines << line;
    }
    return csv.failed() ? QList<InvoiceLine>() : lines;
}
