#include "core/providers/OpenAiWire.h"

#include "core/common/JsonText.h"
#include "core/providers/ErrorClassifier.h"
#include "core/providers/JsonObjectEditor.h"
#include "core/providers/OpenAiStreamDecoder.h"
#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QList<std::pair<QByteArray, QByteArray>> OpenAiWire::authHeaders(const QString& apiKey) const
{
    if (apiKey.isEmpty()) {
        return {};
    }
    return { { QByteArrayLiteral("Authorization"), "Bearer " + apiKey.toUtf8() } };
}

QByteArray OpenAiWire::buildRequestBody(const QString& upstreamModel, const ChatRequest& request) const
{
    QByteArray body;
    beginBody(body, upstreamModel, request.messages, true);
    body += request.stream ? ",\"stream\":true" : ",\"stream\":false";
    if (request.temperature && takesSamplingParameters(upstreamModel)) {
        appendTemperature(body, *request.temperature);
    }
    if (request.maxTokens > 0) {
        body += isReasoningModel(upstreamModel) ? ",\"max_completion_tokens\":" : ",\"max_tokens\":";
        body += QByteArray::number(request.maxTokens);
    }
    if (request.stream) {
        // Without it OpenAI streams carry no usage at all, and the ledger would have to estimate.
        body += ",\"stream_options\":{\"include_usage\":true}";
    }
    body += '}';
    return body;
}

BodyPieces OpenAiWire::rewriteClientBody(const QString& upstreamModel, const QByteArray& body, bool stream) const
{
    JsonObjectEditor editor(body);
    editor.set("model", JsonText::quoted(upstreamModel));
    editor.remove("tier"); // the gateway's own field
    if (stream || editor.has("stream")) {
        editor.set("stream", stream ? QByteArrayLiteral("true") : QByteArrayLiteral("false"));
    }
    if (stream) {
        // The ledger needs the usage chunk whether or not the client asked for it.
        const QByteArrayView options = editor.value("stream_options");
        if (options.isEmpty()) {
            editor.set("stream_options", QByteArrayLiteral("{\"include_usage\":true}"));
        } else if (!options.contains("\"include_usage\":true")) {
            QJsonObject object = QJsonDocument::fromJson(options.toByteArray()).object();
            object.insert(QStringLiteral("include_usage"), true);
            editor.set("stream_options", QJsonDocument(object).toJson(QJsonDocument::Compact));
        }
    }
    if (isReasoningModel(upstreamModel) && !editor.has("max_completion_tokens")) {
        editor.rename("max_tokens", "max_completion_tokens"); // the same limit under the name these models take
    }
    return editor.body();
}

// Views and case-insensitive compares: both run for every request (no copies of the name).
bool OpenAiWire::isReasoningModel(const QString& upstreamModel)
{
    const QStringView name = QStringView(upstreamModel).mid(upstreamModel.lastIndexOf(QLatin1Char('/')) + 1);
    if (name.startsWith(QLatin1String("gpt-5"), Qt::CaseInsensitive)) {
        return !name.startsWith(QLatin1String("gpt-5-chat"), Qt::CaseInsensitive);
    }
    for (const QLatin1String family : { QLatin1String("o1"), QLatin1String("o3"), QLatin1String("o4") }) {
        if (name.startsWith(family, Qt::CaseInsensitive)
            && (name.size() == family.size() || name.at(family.size()) == QLatin1Char('-'))) {
            return true;
        }
    }
    return false;
}

bool OpenAiWire::takesSamplingParameters(const QString& upstreamModel)
{
    return !isReasoningModel(upstreamModel)
        && !upstreamModel.endsWith(QLatin1String("deepseek-reasoner"), Qt::CaseInsensitive);
}

void OpenAiWire::readParts(const QJsonObject& message, QList<AnswerPart>& parts)
{
    const QJsonArray calls = message.value(QLatin1String("tool_calls")).toArray();
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QJsonObject call = calls.at(i).toObject();
        const QJsonObject function = call.value(QLatin1String("function")).toObject();
        AnswerPart part;
        part.index = int(WireJson::toInt64(call.value(QLatin1String("index")), i));
        part.id = call.value(QLatin1String("id")).toString();
        part.name = function.value(QLatin1String("name")).toString();
        part.text = function.value(QLatin1String("arguments")).toString();
        parts.append(part);
    }
    const QString refusal = message.value(QLatin1String("refusal")).toString();
    if (!refusal.isEmpty()) {
        parts.append({ AnswerPart::Kind::Refusal, 0, {}, {}, refusal });
    }
    // Web search citations (the search models): kept as sent, each annotation whole.
    for (const QJsonValue& annotation : message.value(QLatin1String("annotations")).toArray()) {
        if (annotation.isObject()) {
            parts.append({ AnswerPart::Kind::Citation,
                           0,
                           {},
                           {},
                           QString::fromUtf8(QJsonDocument(annotation.toObject()).toJson(QJsonDocument::Compact)) });
        }
    }
}

void OpenAiWire::readLogprobs(const QJsonObject& choice, QList<AnswerPart>& parts)
{
    const QJsonArray entries
        = choice.value(QLatin1String("logprobs")).toObject().value(QLatin1String("content")).toArray();
    if (entries.isEmpty()) {
        return;
    }
    QByteArray text;
    for (const QJsonValue& entry : entries) {
        if (!text.isEmpty()) {
            text += ',';
        }
        text += QJsonDocument(entry.toObject()).toJson(QJsonDocument::Compact);
    }
    parts.append({ AnswerPart::Kind::Logprobs, 0, {}, {}, QString::fromUtf8(text) });
}

QStringList OpenAiWire::filteredCategoriesOf(const QJsonObject& choice)
{
    const QJsonValue plural = choice.value(QLatin1String("content_filter_results"));
    return ErrorClassifier::filteredCategories(
        plural.isObject() ? plural.toObject() : choice.value(QLatin1String("content_filter_result")).toObject());
}

std::unique_ptr<StreamDecoder> OpenAiWire::createStreamDecoder() const
{
    return std::make_unique<OpenAiStreamDecoder>();
}

WireDelta OpenAiWire::decodeResponse(const QByteArray& body) const
{
    WireDelta delta;
    QString reason;
    // DeepSeek keeps slow non-streaming requests alive with blank lines before the JSON.
    const QJsonDocument document = WireJson::parse(body, &reason);
    if (!document.isObject()) {
        delta.error = WireJson::malformed(
            QCoreApplication::translate("OpenAiWire", "Response is not a JSON object (%1): %2")
                .arg(reason.isEmpty() ? QStringLiteral("wrong shape") : reason, WireJson::excerpt(body, 120)));
        return delta;
    }
    const QJsonObject object = document.object();
    const QJsonValue error = object.value(QLatin1String("error"));
    if (!error.isUndefined() && !error.isNull()) {
        delta.error = ErrorClassifier::classifyInBandError(object);
        return delta;
    }
    const QJsonArray choices = object.value(QLatin1String("choices")).toArray();
    if (choices.isEmpty() || !choices.first().isObject()) {
        delta.error = WireJson::malformed(
            QCoreApplication::translate("OpenAiWire", "Response has no choices: %1").arg(WireJson::excerpt(body, 120)));
        return delta;
    }
    const QJsonObject choice = choices.first().toObject();
    const QJsonObject message = choice.value(QLatin1String("message")).toObject();
    delta.text = message.value(QLatin1String("content")).toString();
    delta.reasoning = message.value(QLatin1String("reasoning_content")).toString();
    if (delta.reasoning.isEmpty()) {
        delta.reasoning = message.value(QLatin1String("reasoning")).toString();
    }
    readParts(message, delta.parts);
    readLogprobs(choice, delta.parts);
    delta.finishReason = choice.value(QLatin1String("finish_reason")).toString();
    if (delta.finishReason == QLatin1String("content_filter")) {
        delta.filteredCategories = filteredCategoriesOf(choice);
    }
    delta.usage = parseUsage(object.value(QLatin1String("usage")));
    delta.endOfStream = true;
    return delta;
}

std::optional<TokenUsage> OpenAiWire::parseUsage(const QJsonValue& value)
{
    if (!value.isObject()) {
        return std::nullopt;
    }
    const QJsonObject usage = value.toObject();
    UsageCounts counts;
    counts.promptTokens = WireJson::toInt64(usage.value(QLatin1String("prompt_tokens")));
    counts.totalTokens = WireJson::toInt64(usage.value(QLatin1String("total_tokens")), -1);
    counts.completionTokens = WireJson::toInt64(usage.value(QLatin1String("completion_tokens")), -1);
    const QJsonObject promptDetails = usage.value(QLatin1String("prompt_tokens_details")).toObject();
    counts.cachedTokens = WireJson::toInt64(promptDetails.value(QLatin1String("cached_tokens")));
    counts.cacheHitTokens = WireJson::toInt64(usage.value(QLatin1String("prompt_cache_hit_tokens")));
    const QJsonObject completionDetails = usage.value(QLatin1String("completion_tokens_details")).toObject();
    counts.reasoningTokens = WireJson::toInt64(completionDetails.value(QLatin1String("reasoning_tokens")));
    return usageFrom(counts);
}

TokenUsage OpenAiWire::usageFrom(const UsageCounts& counts)
{
    TokenUsage result;
    result.promptTokens = counts.promptTokens;
    const qint64 total = counts.totalTokens;
    result.completionTokens = counts.completionTokens;
    if (result.completionTokens < 0) {
        // Vertex's OpenAI endpoint has been seen omitting completion_tokens.
        result.completionTokens = total > result.promptTokens ? total - result.promptTokens : 0;
    }
    result.cachedTokens = qMax(counts.cachedTokens, counts.cacheHitTokens);
    result.reasoningTokens = counts.reasoningTokens;
    // OpenAI counts reasoning inside completion_tokens (total = prompt + completion). Gemini's
    // OpenAI endpoint leaves thought tokens out of completion_tokens but in total_tokens; they
    // are billed as output, so fold the gap back in.
    const qint64 uncounted = total - result.promptTokens - result.completionTokens;
    if (total >= 0 && uncounted > 0) {
        result.completionTokens += uncounted;
        result.reasoningTokens = qMax(result.reasoningTokens, uncounted);
    }
    return result;
}
