#include "core/providers/AnthropicWire.h"

#include "core/common/JsonText.h"
#include "core/common/UrlCitation.h"
#include "core/providers/AnthropicStreamDecoder.h"
#include "core/providers/ErrorClassifier.h"
#include "core/providers/JsonObjectEditor.h"
#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

QList<std::pair<QByteArray, QByteArray>> AnthropicWire::authHeaders(const QString& apiKey) const
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!apiKey.isEmpty()) {
        headers.append({ QByteArrayLiteral("x-api-key"), apiKey.toUtf8() });
    }
    headers.append({ QByteArrayLiteral("anthropic-version"), QByteArrayLiteral("2023-06-01") });
    return headers;
}

QByteArray AnthropicWire::buildRequestBody(const QString& upstreamModel, const ChatRequest& request) const
{
    QByteArray body;
    // The Messages API has no "system" role: system text goes to the top-level field.
    beginBody(body, upstreamModel, request.messages, false);
    QStringList system;
    for (const ChatMessage& message : request.messages) {
        if (message.role == QLatin1String("system")) {
            system.append(message.content);
        }
    }
    if (!system.isEmpty()) {
        body += ",\"system\":";
        JsonText::appendString(body, system.join(QStringLiteral("\n\n")));
    }
    body += ",\"max_tokens\":" + QByteArray::number(request.maxTokens > 0 ? request.maxTokens : kDefaultMaxTokens);
    body += request.stream ? ",\"stream\":true" : ",\"stream\":false";
    if (request.temperature) {
        appendTemperature(body, *request.temperature);
    }
    body += '}';
    return body;
}

BodyPieces AnthropicWire::rewriteClientBody(const QString& upstreamModel, const QByteArray& body, bool stream) const
{
    JsonObjectEditor editor(body);
    editor.set("model", JsonText::quoted(upstreamModel));
    editor.remove("tier"); // the gateway's own field
    if (stream || editor.has("stream")) {
        editor.set("stream", stream ? QByteArrayLiteral("true") : QByteArrayLiteral("false"));
    }
    return editor.body();
}

std::unique_ptr<StreamDecoder> AnthropicWire::createStreamDecoder() const
{
    return std::make_unique<AnthropicStreamDecoder>();
}

WireDelta AnthropicWire::decodeResponse(const QByteArray& body) const
{
    WireDelta delta;
    QString reason;
    const QJsonDocument document = WireJson::parse(body, &reason);
    if (!document.isObject()) {
        delta.error = WireJson::malformed(
            QCoreApplication::translate("AnthropicWire", "Response is not a JSON object (%1): %2")
                .arg(reason.isEmpty() ? QStringLiteral("wrong shape") : reason, WireJson::excerpt(body, 120)));
        return delta;
    }
    const QJsonObject object = document.object();
    const QString type = object.value(QLatin1String("type")).toString();
    if (type == QLatin1String("error") || object.value(QLatin1String("error")).isObject()) {
        delta.error = ErrorClassifier::classifyInBandError(object);
        return delta;
    }
    const QJsonValue content = object.value(QLatin1String("content"));
    if (!content.isArray()) {
        delta.error = WireJson::malformed(QCoreApplication::translate("AnthropicWire", "Response has no content: %1")
                                              .arg(WireJson::excerpt(body, 120)));
        return delta;
    }
    int toolCalls = 0;
    qsizetype characters = 0; // of the text so far, where a citation's range begins
    for (const QJsonValue& value : content.toArray()) {
        const QJsonObject block = value.toObject();
        const QString kind = block.value(QLatin1String("type")).toString();
        if (kind == QLatin1String("text")) {
            const QString text = block.value(QLatin1String("text")).toString();
            delta.text += text;
            const qsizetype start = characters;
            characters += UrlCitation::characters(text);
            // A web search answer's text comes in blocks, each with the results it rests on.
            for (const QJsonValue& citation : block.value(QLatin1String("citations")).toArray()) {
                if (const auto part = anthropicCitation(citation.toObject(), start, characters)) {
                    delta.parts.append(*part);
                }
            }
        } else if (isAnthropicServerBlock(kind)) {
            delta.parts.append({ AnswerPart::Kind::ServerTool,
                                 int(characters),
                                 {},
                                 kind,
                                 QString::fromUtf8(QJsonDocument(block).toJson(QJsonDocument::Compact)) });
        } else if (kind == QLatin1String("thinking")) {
            delta.reasoning += block.value(QLatin1String("thinking")).toString();
            delta.parts.append(
                { AnswerPart::Kind::Signature, 0, {}, {}, block.value(QLatin1String("signature")).toString() });
        } else if (kind == QLatin1String("redacted_thinking")) {
            delta.parts.append(
                { AnswerPart::Kind::RedactedThinking, 0, {}, {}, block.value(QLatin1String("data")).toString() });
        } else if (kind == QLatin1String("tool_use")) {
            AnswerPart part;
            part.index = toolCalls++;
            part.id = block.value(QLatin1String("id")).toString();
            part.name = block.value(QLatin1String("name")).toString();
            part.text = QString::fromUtf8(
                QJsonDocument(block.value(QLatin1String("input")).toObject()).toJson(QJsonDocument::Compact));
            delta.parts.append(part);
        }
    }
    delta.finishReason = object.value(QLatin1String("stop_reason")).toString();
    const QJsonValue usage = object.value(QLatin1String("usage"));
    if (usage.isObject()) {
        AnthropicUsage counters;
        counters.merge(usage.toObject());
        delta.usage = counters.toTokenUsage();
    }
    delta.endOfStream = true;
    return delta;
}

std::optional<AnswerPart> anthropicCitation(const QJsonObject& citation, qsizetype start, qsizetype end)
{
    const QString annotation = UrlCitation::fromAnthropic(citation, start, end);
    if (annotation.isEmpty()) {
        return std::nullopt;
    }
    return AnswerPart { AnswerPart::Kind::Citation,
                        0,
                        QString::fromUtf8(QJsonDocument(citation).toJson(QJsonDocument::Compact)),
                        {},
                        annotation };
}

bool isAnthropicServerBlock(QStringView type)
{
    return type == QLatin1String("server_tool_use") || type == QLatin1String("mcp_tool_use")
        || (type.endsWith(QLatin1String("_tool_result")) && type != QLatin1String("tool_result"));
}

void AnthropicUsage::merge(const QJsonObject& usage)
{
    const auto take = [&usage](const char* key, qint64& field) {
        const QJsonValue value = usage.value(QLatin1String(key));
        if (value.isDouble() || value.isString()) {
            field = WireJson::toInt64(value, field);
        }
    };
    take("input_tokens", inputTokens);
    take("cache_read_input_tokens", cacheReadTokens);
    take("cache_creation_input_tokens", cacheCreationTokens);
    take("output_tokens", outputTokens);
    const QJsonObject split = usage.value(QLatin1String("cache_creation")).toObject();
    const QJsonValue fiveMinutes = split.value(QLatin1String("ephemeral_5m_input_tokens"));
    const QJsonValue oneHour = split.value(QLatin1String("ephemeral_1h_input_tokens"));
    if (fiveMinutes.isDouble() || oneHour.isDouble()) {
        cacheWrite5mTokens = WireJson::toInt64(fiveMinutes, 0);
        cacheWrite1hTokens = WireJson::toInt64(oneHour, 0);
    }
    const QJsonValue searches
        = usage.value(QLatin1String("server_tool_use")).toObject().value(QLatin1String("web_search_requests"));
    if (searches.isDouble()) {
        webSearches = WireJson::toInt64(searches, webSearches);
    }
}

TokenUsage AnthropicUsage::toTokenUsage() const
{
    TokenUsage usage;
    usage.promptTokens = inputTokens + cacheReadTokens + cacheCreationTokens;
    usage.cachedTokens = cacheReadTokens;
    usage.completionTokens = outputTokens;
    // Without the split (before 2025, proxies) every write is a 5-minute one, the default TTL.
    const bool split = cacheWrite5mTokens >= 0 && cacheWrite1hTokens >= 0
        && cacheWrite5mTokens + cacheWrite1hTokens == cacheCreationTokens;
    usage.cacheWrite5mTokens = split ? cacheWrite5mTokens : cacheCreationTokens;
    usage.cacheWrite1hTokens = split ? cacheWrite1hTokens : 0;
    usage.webSearches = webSearches;
    return usage;
}
