#include "core/reconcile/AnthropicExportParser.h"

#include <QCoreApplication>

namespace {
using Need = ExportJsonReader::Need;

QString tr(const char* text)
{
    return QCoreApplication::translate("AnthropicExportParser", text);
}

qint64 sum(std::initializer_list<std::optional<qint64>> parts)
{
    qint64 total = 0;
    for (const auto& part : parts) {
        total += part.value_or(0);
    }
    return total;
}
} // namespace

std::optional<InvoiceFormat> AnthropicExportParser::detectJson(const QJsonObject& page)
{
    const QJsonArray buckets = page.value(QStringLiteral("data")).toArray();
    if (!page.contains(QStringLiteral("has_more")) || page.contains(QStringLiteral("object"))) {
        return std::nullopt;
    }
    for (const QJsonValue& bucket : buckets) {
        if (!bucket.toObject().contains(QStringLiteral("starting_at"))) {
            return std::nullopt;
        }
        for (const QJsonValue& result : bucket.toObject().value(QStringLiteral("results")).toArray()) {
            const QJsonObject object = result.toObject();
            if (object.contains(QStringLiteral("amount"))) {
                return InvoiceFormat::AnthropicCostJson;
            }
            if (object.contains(QStringLiteral("uncached_input_tokens"))
                || object.contains(QStringLiteral("output_tokens"))) {
                return InvoiceFormat::AnthropicUsageJson;
            }
        }
    }
    return buckets.isEmpty() || buckets.first().toObject().contains(QStringLiteral("starting_at"))
        ? std::optional(InvoiceFormat::AnthropicUsageJson)
        : std::nullopt;
}

std::optional<InvoiceFormat> AnthropicExportParser::detectCsv(const ExportCsvReader& csv)
{
    if (!csv.hasColumn({ QStringLiteral("usage_date_utc") })) {
        return std::nullopt;
    }
    return csv.hasColumn({ QStringLiteral("cost_usd"), QStringLiteral("amount_usd") })
        ? InvoiceFormat::AnthropicCostCsv
        : InvoiceFormat::AnthropicUsageCsv;
}

QList<InvoiceLine> AnthropicExportParser::parseJson(InvoiceFormat format, const QJsonObject& page, const JsonPath& at,
                                                    ExportJsonReader& json)
{
    QList<InvoiceLine> lines;
    const QJsonArray buckets = json.array(page, at, QStringLiteral("data"));
    for (qsizetype b = 0; b < buckets.size() && !json.failed(); ++b) {
        const JsonPath bucketAt = at.key(QStringLiteral("data")).index(b);
        const QJsonObject bucket = json.object(buckets.at(b), bucketAt);
        const std::optional<QDate> day = json.day(bucket, bucketAt, QStringLiteral("starting_at"));
        const QJsonArray results = json.array(bucket, bucketAt, QStringLiteral("results"));
        for (qsizetype r = 0; r < results.size() && !json.failed(); ++r) {
            const JsonPath resultAt = bucketAt.key(QStringLiteral("results")).index(r);
            const QJsonObject result = json.object(results.at(r), resultAt);
            InvoiceLine line;
            line.day = day.value_or(QDate());
            line.provider = InvoiceProvider::Anthropic;
            line.model = json.string(result, resultAt, QStringLiteral("model"), Need::Optional);
            if (format == InvoiceFormat::AnthropicCostJson) {
                // Amounts are cents written as decimal text: "123.45" is $1.2345.
                const std::optional<double> cents = json.decimalString(result, resultAt, QStringLiteral("amount"));
                const QString currency = json.string(result, resultAt, QStringLiteral("currency"), Need::Required);
                if (!json.failed() && currency.compare(QLatin1String("usd"), Qt::CaseInsensitive) != 0) {
                    json.fail(resultAt.key(QStringLiteral("currency")), tr("expected the currency \"USD\""), currency);
                }
                line.costUsd = cents ? std::optional(*cents / 100.0) : std::nullopt;
                if (line.model.isEmpty()) {
                    // Web search and code execution are billed without a model.
                    line.model = json.string(result, resultAt, QStringLiteral("cost_type"), Need::Optional);
                }
            } else {
                const JsonPath cacheAt = resultAt.key(QStringLiteral("cache_creation"));
                const QJsonValue cacheValue = result.value(QStringLiteral("cache_creation"));
                const QJsonObject cache = cacheValue.isUndefined() || cacheValue.isNull()
                    ? QJsonObject()
                    : json.object(cacheValue, cacheAt);
                line.inputTokens
                    = sum({ json.count(result, resultAt, QStringLiteral("uncached_input_tokens"), Need::Required),
                            json.count(cache, cacheAt, QStringLiteral("ephemeral_5m_input_tokens"), Need::Optional),
                            json.count(cache, cacheAt, QStringLiteral("ephemeral_1h_input_tokens"), Need::Optional),
                            json.count(result, resultAt, QStringLiteral("cache_read_input_tokens"), Need::Optional) });
                line.outputTokens = json.count(result, resultAt, QStringLiteral("output_tokens"), Need::Required);
                line.key = json.string(result, resultAt, QStringLiteral("api_key_id"), Need::Optional);
            }
            lines << line;
        }
    }
    return json.failed() ? QList<InvoiceLine>() : lines;
}

QList<InvoiceLine> AnthropicExportParser::parseCsv(InvoiceFormat format, ExportCsvReader& csv)
{
    const int dayColumn = csv.require({ QStringLiteral("usage_date_utc") });
    const int modelColumn = csv.column({ QStringLiteral("model_version"), QStringLiteral("model") });
    const int keyColumn
        = csv.column({ QStringLiteral("api_key"), QStringLiteral("api_key_name"), QStringLiteral("api_key_id") });
    QList<InvoiceLine> lines;
    if (format == InvoiceFormat::AnthropicCostCsv) {
        const int costColumn = csv.require({ QStringLiteral("cost_usd"), QStringLiteral("amount_usd") });
        const int typeColumn = csv.column({ QStringLiteral("usage_type"), QStringLiteral("cost_type") });
        for (const Csv::Record& row : csv.rows()) {
            InvoiceLine line;
            line.provider = InvoiceProvider::Anthropic;
            line.sourceLine = row.line;
            line.day = csv.day(row, dayColumn).value_or(QDate());
            line.model = csv.text(row, modelColumn);
            line.key = csv.text(row, keyColumn);
            line.costUsd = csv.number(row, costColumn, true);
            if (line.model.isEmpty()) {
                line.model = csv.text(row, typeColumn); // web search and code execution have no model
            }
            lines << line;
        }
    } else {
        const int uncachedColumn
            = csv.require({ QStringLiteral("usage_input_tokens_no_cache"), QStringLiteral("uncached_input_tokens") });
        const int write5mColumn = csv.column({ QStringLiteral("usage_input_tokens_cache_write_5m") });
        const int write1hColumn = csv.column({ QStringLiteral("usage_input_tokens_cache_write_1h") });
        const int readColumn = csv.column({ QStringLiteral("usage_input_tokens_cache_read") });
        const int outputColumn
            = csv.require({ QStringLiteral("usage_output_tokens"), QStringLiteral("output_tokens") });
        for (const Csv::Record& row : csv.rows()) {
            InvoiceLine line;
            line.provider = InvoiceProvider::Anthropic;
            line.sourceLine = row.line;
            line.day = csv.day(row, dayColumn).value_or(QDate());
            line.model = csv.text(row, modelColumn);
            line.key = csv.text(row, keyColumn);
            line.inputTokens = sum({ csv.count(row, uncachedColumn, true), csv.count(row, write5mColumn),
                                     csv.count(row, write1hColumn), csv.count(row, readColumn) });
            line.outputTokens = csv.count(row, outputColumn, true);
            lines << line;
        }
    }
    return csv.failed() ? QList<InvoiceLine>() : lines;
}
