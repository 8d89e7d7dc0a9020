#include "OpenAiWire.h"

#include "ErrorClassifier.h"
#include "OpenAiStreamDecoder.h"
#include "WireJson.h"

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
    if (request.temperature) {
        appendTemperature(body, *request.temperature);
    }
    if (request.maxTokens > 0) {
        body += ",\"max_tokens\":" + QByteArray::number(request.maxTokens);
    }
    if (request.stream) {
        // Without it OpenAI streams carry no usage at all, and the ledger would have to estimate.
        body += ",\"stream_options\":{\"include_usage\":true}";
    }
    body += '}';
    return body;
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
    delta.finishReason = choice.value(QLatin1String("finish_reason")).toString();
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
