#pragma once

#include "core/providers/AnthropicEventScanner.h"
#include "core/providers/AnthropicWire.h"
#include "core/providers/WireJson.h"

#include <QJsonObject>

#include <optional>

// The oracle for AnthropicEventScanner, shared by its unit test and its fuzz target: what
// AnthropicStreamDecoder's full (QJsonDocument) path reads off one event, and the same fields
// taken from the fast path's result. Usage starts from zeros on both sides.
struct AnthropicReading
{
    std::optional<AnthropicEventScanner::Kind> kind; // nullopt: an event the fast path must refuse
    QString text;
    QString thinking;
    QString stopReason;
    std::optional<TokenUsage> usage;
    bool cited = false; // a text block's start with a citations list

    bool operator==(const AnthropicReading&) const = default;
};

// nullopt when the bytes are not a JSON object.
inline std::optional<AnthropicReading> anthropicFullReading(const QByteArray& json)
{
    using Kind = AnthropicEventScanner::Kind;
    QString error;
    const QJsonDocument document = WireJson::parse(json, &error);
    if (!document.isObject()) {
        return std::nullopt;
    }
    const QJsonObject event = document.object();
    const QString type = event.value(QLatin1String("type")).toString();
    AnthropicReading reading;
    const auto mergeUsage = [&reading](const QJsonValue& value) {
        if (value.isObject()) {
            AnthropicUsage merged;
            merged.merge(value.toObject());
            reading.usage = merged.toTokenUsage();
        }
    };
    if (type == QLatin1String("content_block_delta") || type == QLatin1String("content_block_start")) {
        const bool isDelta = type == QLatin1String("content_block_delta");
        const QJsonObject part = event.value(QLatin1String(isDelta ? "delta" : "content_block")).toObject();
        const QString partKind = part.value(QLatin1String("type")).toString();
        reading.kind = Kind::Text;
        if (partKind == QLatin1String(isDelta ? "text_delta" : "text")) {
            reading.text = part.value(QLatin1String("text")).toString();
            if (!isDelta) {
                reading.kind = Kind::TextStart;
                reading.cited = part.value(QLatin1String("citations")).isArray();
            }
        } else if (partKind == QLatin1String(isDelta ? "thinking_delta" : "thinking")) {
            reading.thinking = part.value(QLatin1String("thinking")).toString();
        }
    } else if (type == QLatin1String("message_start")) {
        mergeUsage(event.value(QLatin1String("message")).toObject().value(QLatin1String("usage")));
        reading.kind = Kind::MessageStart;
    } else if (type == QLatin1String("message_delta")) {
        reading.stopReason
            = event.value(QLatin1String("delta")).toObject().value(QLatin1String("stop_reason")).toString();
        mergeUsage(event.value(QLatin1String("usage")));
        reading.kind = Kind::MessageDelta;
    } else if (type == QLatin1String("message_stop")) {
        reading.kind = Kind::MessageStop;
    } else if (type == QLatin1String("content_block_stop")) {
        reading.kind = Kind::BlockStop;
    } else if (type == QLatin1String("ping")) {
        reading.kind = Kind::Quiet;
    }
    return reading;
}

inline AnthropicReading anthropicFastReading(const AnthropicEventScanner::Event& event)
{
    AnthropicReading reading { event.kind, event.text, event.thinking, event.stopReason, std::nullopt, event.cited };
    if (event.usage) {
        AnthropicUsage counts;
        counts.inputTokens = event.usage->inputTokens.value_or(0);
        counts.cacheReadTokens = event.usage->cacheReadTokens.value_or(0);
        counts.cacheCreationTokens = event.usage->cacheCreationTokens.value_or(0);
        counts.outputTokens = event.usage->outputTokens.value_or(0);
        counts.webSearches = event.usage->webSearches.value_or(0);
        reading.usage = counts.toTokenUsage();
    }
    return reading;
}
