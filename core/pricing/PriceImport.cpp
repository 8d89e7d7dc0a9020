#include "core/pricing/PriceImport.h"

#include "core/pricing/JsonErrorPlace.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("PriceImport", text);
}

// LiteLLM documents its schema in an entry of that name, not a model.
const QString SampleSpec = QStringLiteral("sample_spec");

int tokenCount(const QJsonValue& value)
{
    return value.isDouble() && value.toDouble() > 0 ? int(std::min(value.toDouble(), 2147483647.0)) : 0;
}

// An optional per-token cost in USD per 1M, or 0 when absent or not a price.
double optionalRate(const QJsonObject& object, const QString& key)
{
    const QJsonValue value = object.value(key);
    return value.isDouble() && value.toDouble() >= 0 && std::isfinite(value.toDouble())
        ? PriceImport::perMillion(value.toDouble())
        : 0;
}

// LiteLLM names long-context rates "input_cost_per_token_above_200k_tokens" (also 128k for older
// Gemini models, 272k for gpt-5). The lowest threshold with an input rate becomes the tier.
void readLongContextTier(const QJsonObject& object, ModelPrice* price)
{
    static const QRegularExpression pattern(QStringLiteral("^input_cost_per_token_above_(\\d+)k_tokens$"));
    qint64 best = 0;
    QString suffix;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QRegularExpressionMatch match = pattern.match(it.key());
        const qint64 threshold = match.hasMatch() ? match.captured(1).toLongLong() * 1000 : 0;
        if (threshold > 0 && it.value().isDouble() && (best == 0 || threshold < best)) {
            best = threshold;
            suffix = QStringLiteral("_above_%1k_tokens").arg(match.captured(1));
        }
    }
    if (best == 0) {
        return;
    }
    LongContextRates& tier = price->longContext;
    tier.aboveTokens = best;
    tier.inputPerMTok = optionalRate(object, QStringLiteral("input_cost_per_token") + suffix);
    tier.outputPerMTok = optionalRate(object, QStringLiteral("output_cost_per_token") + suffix);
    tier.cachedInputPerMTok = optionalRate(object, QStringLiteral("cache_read_input_token_cost") + suffix);
    tier.cacheWrite5mPerMTok = optionalRate(object, QStringLiteral("cache_creation_input_token_cost") + suffix);
    tier.cacheWrite1hPerMTok
        = optionalRate(object, QStringLiteral("cache_creation_input_token_cost_above_1hr") + suffix);
    if (tier.inputPerMTok <= 0) {
        tier = {};
    }
}

// LiteLLM gives web search per context size ("search_context_size_low" ...) in USD per search,
// or one number; medium is the rate of a request that names no size. Gemini's grounding has the
// same field: per query for Gemini 3 ("web_search_billing_unit": "per_query"), per grounded
// prompt for the older models (no billing unit), as Google bills them.
void readWebSearch(const QJsonObject& object, ModelPrice* price)
{
    const QJsonValue value = object.value(QStringLiteral("search_context_cost_per_query"));
    auto rate = [](const QJsonValue& field) {
        const double usd = field.toDouble();
        return field.isDouble() && std::isfinite(usd) && usd > 0 ? usd : 0;
    };
    if (value.isObject()) {
        const QJsonObject sizes = value.toObject();
        price->webSearchLowUsd = rate(sizes.value(QStringLiteral("search_context_size_low")));
        price->webSearchPerRequestUsd = rate(sizes.value(QStringLiteral("search_context_size_medium")));
        price->webSearchHighUsd = rate(sizes.value(QStringLiteral("search_context_size_high")));
        if (price->webSearchPerRequestUsd <= 0) {
            // No medium rate: the dearest one never under-reports.
            price->webSearchPerRequestUsd = std::max(price->webSearchLowUsd, price->webSearchHighUsd);
        }
        // Sizes at the default rate need no rate of their own.
        for (double* size : { &price->webSearchLowUsd, &price->webSearchHighUsd }) {
            if (*size == price->webSearchPerRequestUsd) {
                *size = 0;
            }
        }
    } else {
        price->webSearchPerRequestUsd = rate(value);
    }
    const QString provider = object.value(QStringLiteral("litellm_provider")).toString();
    const bool gemini = provider.startsWith(QLatin1String("gemini")) || provider.startsWith(QLatin1String("vertex_ai"));
    price->webSearchPerPrompt = gemini && price->webSearchPerRequestUsd > 0
        && object.value(QStringLiteral("web_search_billing_unit")).toString() != QLatin1String("per_query");
}

// Fills *entry or returns why the model cannot be imported.
// LiteLLM lists what a model supports as supports_* flags and leaves out what it does not: an
// entry with any such flag describes the model's capabilities, one without any says nothing.
ModelCapabilities capabilitiesOf(const QJsonObject& object)
{
    static constexpr std::pair<const char*, ModelCapability> kFlags[] = {
        { "supports_vision", ModelCapability::Vision },
        { "supports_function_calling", ModelCapability::Tools },
        { "supports_pdf_input", ModelCapability::PdfInput },
        { "supports_response_schema", ModelCapability::JsonSchema },
    };
    ModelCapabilities capabilities;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().startsWith(QLatin1String("supports_"))) {
            capabilities.markKnown();
            break;
        }
    }
    for (const auto& [key, capability] : kFlags) {
        if (object.value(QLatin1String(key)).toBool()) {
            capabilities.add(capability);
        }
    }
    return capabilities;
}

QString readEntry(const QJsonValue& value, PriceEntry* entry)
{
    if (!value.isObject()) {
        return QCoreApplication::translate("PriceImport", "not an object");
    }
    const QJsonObject object = value.toObject();
    const QJsonValue mode = object.value(QStringLiteral("mode"));
    if (!mode.isString()) {
        return QCoreApplication::translate("PriceImport", "no mode given");
    }
    const std::optional<ModelMode> known = ModelModes::fromId(mode.toString());
    if (!known) {
        return QCoreApplication::translate("PriceImport", "mode \"%1\" is not a chat or embedding model")
            .arg(mode.toString());
    }
    entry->mode = *known;
    auto cost = [&](const char* key, double* out) -> QString {
        const QJsonValue field = object.value(QLatin1String(key));
        if (field.isUndefined() || field.isNull()) {
            return QCoreApplication::translate("PriceImport", "no %1").arg(QLatin1String(key));
        }
        if (!field.isDouble() || field.toDouble() < 0 || !std::isfinite(field.toDouble())) {
            return QCoreApplication::translate("PriceImport", "%1 is not a price").arg(QLatin1String(key));
        }
        *out = PriceImport::perMillion(field.toDouble());
        return {};
    };

    QString problem = cost("input_cost_per_token", &entry->price.inputPerMTok);
    // An embedding is billed for its input alone; LiteLLM gives its output rate as 0 or not at all.
    const bool outputOptional
        = entry->mode == ModelMode::Embedding && object.value(QLatin1String("output_cost_per_token")).isUndefined();
    if (problem.isEmpty() && !outputOptional) {
        problem = cost("output_cost_per_token", &entry->price.outputPerMTok);
    }
    if (!problem.isEmpty()) {
        return problem;
    }
    // Optional rates: without them CostCalculator falls back to the standard ones.
    ModelPrice& price = entry->price;
    price.cachedInputPerMTok = optionalRate(object, QStringLiteral("cache_read_input_token_cost"));
    price.cacheWrite5mPerMTok = optionalRate(object, QStringLiteral("cache_creation_input_token_cost"));
    price.cacheWrite1hPerMTok = optionalRate(object, QStringLiteral("cache_creation_input_token_cost_above_1hr"));
    price.reasoningPerMTok = optionalRate(object, QStringLiteral("output_cost_per_reasoning_token"));
    price.batchInputPerMTok = optionalRate(object, QStringLiteral("input_cost_per_token_batches"));
    price.batchOutputPerMTok = optionalRate(object, QStringLiteral("output_cost_per_token_batches"));
    const QJsonValue perImage = object.value(QStringLiteral("input_cost_per_image"));
    price.perImageUsd = perImage.isDouble() && perImage.toDouble() > 0 ? perImage.toDouble() : 0;
    readWebSearch(object, &price);
    price.known = true;
    entry->contextWindow = tokenCount(object.value(QStringLiteral("max_input_tokens")));
    entry->maxOutputTokens = tokenCount(object.value(QStringLiteral("max_output_tokens")));
    entry->litellmProvider = object.value(QStringLiteral("litellm_provider")).toString();
    readLongContextTier(object, &price);
    entry->capabilities = capabilitiesOf(object);
    return {};
}
} // namespace

double PriceImport::perMillion(double usdPerToken)
{
    return std::round(usdPerToken * 1e12) / 1e6;
}

std::optional<LiteLlmPrices> PriceImport::parseLiteLlm(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error) {
            *error = parseError.error != QJsonParseError::NoError ? jsonErrorPlace(json, parseError)
                                                                  : tr("top level: expected an object of models");
        }
        return std::nullopt;
    }
    LiteLlmPrices result;
    const QJsonObject root = document.object();
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        if (it.key() == SampleSpec) {
            result.skipped.append({ it.key(), tr("LiteLLM's schema example, not a model") });
            continue;
        }
        PriceEntry entry;
        const QString problem = readEntry(it.value(), &entry);
        if (problem.isEmpty()) {
            result.entries.insert(it.key(), entry);
        } else {
            result.skipped.append({ it.key(), problem });
        }
    }
    return result;
}

PriceDiff PriceImport::diff(const PriceTable& table, const QMap<QString, PriceEntry>& imported)
{
    PriceDiff result;
    const QMap<QString, PriceEntry> current = table.entries();
    for (auto it = imported.cbegin(); it != imported.cend(); ++it) {
        const auto existing = current.constFind(it.key());
        if (existing == current.cend()) {
            result.added.append({ it.key(), std::nullopt, it.value() });
        } else if (*existing != it.value()) {
            result.changed.append({ it.key(), *existing, it.value() });
        } else {
            ++result.unchanged;
        }
    }
    return result;
}

int PriceImport::apply(PriceTable& table, const PriceDiff& diff, const QString& note)
{
    QMap<QString, PriceEntry> entries;
    for (const PriceChange& change : diff.added) {
        entries.insert(change.modelId, change.after);
    }
    for (const PriceChange& change : diff.changed) {
        entries.insert(change.modelId, change.after);
    }
    return table.setPrices(entries, note.isEmpty() ? tr("LiteLLM import") : note);
}

QString PriceDiff::summary() const
{
    return QCoreApplication::translate("PriceImport", "%1 added, %2 changed, %3 unchanged")
        .arg(added.size())
        .arg(changed.size())
        .arg(unchanged);
}
