#pragma once

#include "common/ProviderTypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <utility>

// What one piece of a response contributed.
struct WireDelta
{
    QString text; // answer text delta
    QString reasoning; // reasoning delta (reasoning_content, reasoning, thinking_delta)
    std::optional<TokenUsage> usage; // the complete usage known so far: cumulative, replace, never add
    QString finishReason; // "stop", "length", "tool_calls", "end_turn", "max_tokens", ...
    bool endOfStream = false; // [DONE] or message_stop seen
    std::optional<CallError> error; // in-band error (HTTP 200 stream) or malformed event

    bool isEmpty() const
    {
        return text.isEmpty() && reasoning.isEmpty() && !usage && finishReason.isEmpty() && !endOfStream && !error;
    }
};

// Turns raw response body bytes of a streaming call into deltas. Never throws; after the first
// error delta it ignores further input.
class StreamDecoder
{
public:
    virtual ~StreamDecoder() = default;
    virtual void feed(QByteArrayView bytes, QList<WireDelta>& out) = 0; // raw body bytes as they arrive
    virtual void finish(QList<WireDelta>& out) = 0; // at EOF
    // True once the stream ended properly (OpenAI: [DONE] or a finish_reason; Anthropic:
    // message_stop) and no error was reported.
    virtual bool complete() const = 0;
};

// One provider API dialect: how to address it, what to send, how to read what comes back.
class WireFormat
{
public:
    static std::unique_ptr<WireFormat> create(ProviderKind kind);
    virtual ~WireFormat() = default;

    // "chat/completions" / "messages", appended to ProviderConfig::baseUrl with one '/'.
    virtual QString endpointPath() const = 0;
    // Bearer / x-api-key + anthropic-version; an empty key gives no auth header.
    virtual QList<std::pair<QByteArray, QByteArray>> authHeaders(const QString& apiKey) const = 0;
    virtual QByteArray buildRequestBody(const QString& upstreamModel, const ChatRequest& request) const = 0;
    virtual std::unique_ptr<StreamDecoder> createStreamDecoder() const = 0;
    // A non-streaming 2xx body; error set (MalformedResponse) if not the expected shape.
    virtual WireDelta decodeResponse(const QByteArray& body) const = 0;

    // baseUrl + "/" + endpointPath(), whatever slashes the configured base ends with.
    QUrl endpointUrl(const QUrl& baseUrl) const;

protected:
    // Request bodies are written by hand (a QJsonDocument per request costs more than the rest of
    // the call set-up together). Appends {"model":...,"messages":[...] without the closing brace,
    // leaving out system messages when asked to.
    static void beginBody(QByteArray& body, const QString& upstreamModel, const QList<ChatMessage>& messages,
                          bool withSystemMessages);
    // ,"temperature":t (null when not finite, as QJsonDocument would write it).
    static void appendTemperature(QByteArray& body, double temperature);
};
