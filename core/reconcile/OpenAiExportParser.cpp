#include "core/reconcile/OpenAiExportParser.h"

#include <QCoreApplication>

namespace {
using Need = ExportJsonReader::Need;

QString tr(const char* text)
{
    return QCoreApplication::translate("OpenAiExportParser", text);
}

QString firstResultObject(const QJsonObject& page)
{
    for (const QJsonValue& bucket : page.value(QStringLiteral("data")).toArray()) {
        for (const QJsonValue& result : bucket.toObject().value(QStringLiteral("results")).toArray()) {
            return result.toObject().value(QStringLiteral("object")).toString();
        }
    }
    return {};
}
} // namespace

std::optional<InvoiceFormat> OpenAiExportParser::detectJson(const QJsonObject& page)
{
    const QString object = firstResultObject(page);
    if (object == QLatin1String("organization.costs.result")) {
        return InvoiceFormat::OpenAiCostsJson;
    }
    if (object.startsWith(QLatin1String("organization.usage.completions"))) {
        return InvoiceFormat::OpenAiUsageJson;
    }
    // A page without results still says what it is.
    if (object.isEmpty() && page.value(QStringLiteral("object")).toString() == QLatin1String("page")) {
        return InvoiceFormat::OpenAiCostsJson;
    }
    return std::nullopt;
}

std::optional<InvoiceFormat> OpenAiExportParser::detectCsv(const ExportCsvReader& csv)
{
    if (csv.hasColumn({ QStringLiteral("amount_value") })
        || (csv.hasColumn({ QStringLiteral("line_item") }) && csv.hasColumn({ QStringLiteral("amount") }))) {
        return InvoiceFormat::OpenAiCostsCsv;
    }
    if (csv.hasColumn({ QStringLiteral("num_model_requests"), QStringLiteral("n_requests") })) {
        return InvoiceFormat::OpenAiUsageCsv;
    }
    return std::nullopt;
}

QString OpenAiExportParser::modelOfLineItem(const QString& lineItem)
{
    const qsizetype comma = lineItem.lastIndexOf(QLatin1String(", "));
    return comma > 0 ? lineItem.left(comma).trimmed() : lineItem.trimmed();
}

QList<InvoiceLine> OpenAiExportParser::parseJson(InvoiceFormat format, const QJsonObject& page, const JsonPath& at,
                                                 ExportJsonReader& json)
{
    QList<InvoiceLine> lines;
    const QJsonArray buckets = json.array(page, at, QStringLiteral("data"));
    for (qsizetype b = 0; b < buckets.size() && !json.failed(); ++b) {
        const JsonPath bucketAt = at.key(QStringLiteral("data")).index(b);
        const QJsonObject bucket = json.object(buckets.at(b), bucketAt);
        const std::optional<QDate> day = json.day(bucket, bucketAt, QStringLiteral("start_time"));
        const QJsonArray results = json.array(bucket, bucketAt, QStringLiteral("results"));
        for (qsizetype r = 0; r < results.size() && !json.failed(); ++r) {
            const JsonPath resultAt = bucketAt.key(QStringLiteral("results")).index(r);
            const QJsonObject result = json.object(results.at(r), resultAt);
            InvoiceLine line;
            line.day = day.value_or(QDate());
            line.provider = InvoiceProvider::OpenAi;
            line.key = json.string(result, resultAt, QStringLiteral("api_key_id"), Need::Optional);
            if (format == InvoiceFormat::OpenAiCostsJson) {
                const JsonPath amountAt = resultAt.key(QStringLiteral("amount"));
                const QJsonObject amount = json.object(result.value(QStringLiteral("amount")), amountAt);
                line.costUsd = json.number(amount, amountAt, QStringLiteral("value"), Need::Required);
                const QString currency = json.string(amount, amountAt, QStringLiteral("currency"), Need::Required);
                if (!json.failed() && currency.compare(QLatin1String("usd"), Qt::CaseInsensitive) != 0) {
                    json.fail(amountAt.key(QStringLiteral("currency")), tr("expected the currency \"usd\""), currency);
                }
                line.model
                    = modelOfLineItem(json.string(result, resultAt, QStringLiteral("line_item"), Need::Optional));
            } else {
                line.inputTokens = json.count(result, resultAt, QStringLiteral("input_tokens"), Need::Required);
                line.outputTokens = json.count(result, resultAt, QStringLiteral("output_tokens"), Need::Required);
                line.requests = json.count(result, resultAt, QStringLiteral("num_model_requests"), Need::Required);
                line.model = json.string(result, resultAt, QStringLiteral("model"), Need::Optional);
            }
            lines << line;
        }
    }
    return json.failed() ? QList<InvoiceLine>() : lines;
}

QList<InvoiceLine> OpenAiExportParser::parseCsv(InvoiceFormat format, ExportCsvReader& csv)
{
    const int dayColumn = csv.require({ QStringLiteral("start_time_iso"), QStringLiteral("start_time"),
                                        QStringLiteral("aggregation_timestamp"), QStringLiteral("date") });
    const int keyColumn = csv.column({ QStringLiteral("api_key_name"), QStringLiteral("api_key_id") });
    QList<InvoiceLine> lines;
    if (format == InvoiceFormat::OpenAiCostsCsv) {
        const int itemColumn = csv.column({ QStringLiteral("line_item") });
        const int amountColumn = csv.require({ QStringLiteral("amount_value"), QStringLiteral("amount") });
        const int currencyColumn = csv.column({ QStringLiteral("amount_currency"), QStringLiteral("currency") });
        for (const Csv::Record& row : csv.rows()) {
            InvoiceLine line;
            line.provider = InvoiceProvider::OpenAi;
            line.sourceLine = row.line;
            line.day = csv.day(row, dayColumn).value_or(QDate());
            line.model = modelOfLineItem(csv.text(row, itemColumn));
            line.key = csv.text(row, keyColumn);
            line.costUsd = csv.number(row, amountColumn, true);
            const QString currency = csv.text(row, currencyColumn);
            if (!currency.isEmpty() && currency.compare(QLatin1String("usd"), Qt::CaseInsensitive) != 0) {
                csv.fail(row.line, csv.header().at(currencyColumn), tr("expected the currency \"usd\""),
                         u'"' + currency + u'"');
            }
            lines << line;
        }
    } else {
        const int modelColumn = csv.require({ QStringLiteral("model"), QStringLiteral("snapshot_id") });
        const int inputColumn
            = csv.require({ QStringLiteral("input_tokens"), QStringLiteral("n_context_tokens_total") });
        const int outputColumn
            = csv.require({ QStringLiteral("output_tokens"), QStringLiteral("n_generated_tokens_total") });
        const int requestsColumn = csv.require({ QStringLiteral("num_model_requests"), QStringLiteral("n_requests") });
        for (const Csv::Record& row : csv.rows()) {
            InvoiceLine line;
            line.provider = InvoiceProvider::OpenAi;
            line.sourceLine = row.line;
            line.day = csv.day(row, dayColumn).value_or(QDate());
            line.model = csv.text(row, modelColumn);
            line.key = csv.text(row, keyColumn);
            line.inputTokens = csv.count(row, inputColumn, true);
            line.outputTokens = csv.count(row, outputColumn, true);
            line.requests = csv.count(row, requestsColumn, true);
            lines << line;
        }
    }
    return csv.failed() ? QList<InvoiceLine>() : lines;
}
