#pragma once

#include "core/common/AwsCredentialChain.h"
#include "core/common/ProviderTypes.h"
#include "core/providers/BodyPieces.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
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
    QList<AnswerPart> parts; // tool call pieces, refusal text
    bool endOfStream = false; // [DONE] or message_stop seen
    std::optional<CallError> error; // in-band error (HTTP 200 stream) or malformed event
    QStringList filteredCategories; // Azure: content filter categories that fired on the answer

    bool isEmpty() const
    {
        return text.isEmpty() && reasoning.isEmpty() && !usage && finishReason.isEmpty() && parts.isEmpty()
            && !endOfStream && !error && filteredCategories.isEmpty();
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

// What goes upstream for one call, or why this model cannot be sent the request.
struct RequestBody
{
    BodyPieces bytes; // a large client body as pieces of it, else one piece
    std::optional<CallError> refusal; // FailureClass::Unsupported, naming the field in param
};

// What finishRequest() may need to address and authorise one call.
struct OutgoingContext
{
    const ProviderConfig& provider;
    const QString& upstreamModel;
    bool stream = true;
    const BodyPieces& body;
    bool hasApiKey = false; // authHeaders() got a key
    std::function<AwsCredentialChain::Result()> awsCredentials; // asked only by the wires that sign
};

// One provider API dialect: how to address it, what to send, how to read what comes back.
class WireFormat
{
public:
    static std::unique_ptr<WireFormat> create(ProviderKind kind);
    virtual ~WireFormat() = default;

    // The body dialect (ProviderKinds::wireFormat): what a client body must be in to go as it is.
    virtual ProviderKind kind() const = 0;
    // The body for this call: a gateway client's own body when the request carries one (as it is
    // for the same format, translated for the other), else buildRequestBody().
    RequestBody requestBody(const QString& upstreamModel, const ChatRequest& request) const;

    // "chat/completions" / "messages", appended to ProviderConfig::baseUrl with one '/'.
    virtual QString endpointPath() const = 0;
    // Bearer / x-api-key + anthropic-version; an empty key gives no auth header.
    virtual QList<std::pair<QByteArray, QByteArray>> authHeaders(const QString& apiKey) const = 0;
    // The auth headers as this provider is configured to authenticate (Azure: api-key, or an Entra ID
    // token as a bearer); authHeaders() for APIs with one way.
    virtual QList<std::pair<QByteArray, QByteArray>> authHeadersFor(const ProviderConfig& provider,
                                                                    const QString& secret) const
    {
        Q_UNUSED(provider);
        return authHeaders(secret);
    }
    // Where a call to this model goes: endpointUrl(baseUrl), but Azure names the deployment and the
    // api-version in the URL.
    virtual QUrl callUrl(const ProviderConfig& provider, const QString& upstreamModel) const
    {
        Q_UNUSED(upstreamModel);
        return endpointUrl(provider.baseUrl);
    }
    // Where the provider lists its models (GET), or an empty URL when it has no such list.
    virtual QUrl modelListUrl(const ProviderConfig& provider) const
    {
        return urlOn(provider.baseUrl, QStringLiteral("models"));
    }
    virtual QByteArray buildRequestBody(const QString& upstreamModel, const ChatRequest& request) const = 0;
    virtual std::unique_ptr<StreamDecoder> createStreamDecoder() const = 0;
    // A non-streaming 2xx body; error set (MalformedResponse) if not the expected shape.
    virtual WireDelta decodeResponse(const QByteArray& body) const = 0;
    // Last touches once body and headers are known: a URL that depends on the model or the stream
    // flag, a signature over the whole request. An error (no credentials) means nothing is sent.
    virtual std::optional<CallError> finishRequest(const OutgoingContext& context, QUrl& url,
                                                   QList<std::pair<QByteArray, QByteArray>>& headers) const
    {
        Q_UNUSED(context);
        Q_UNUSED(url);
        Q_UNUSED(headers);
        return std::nullopt;
    }

    // baseUrl + "/" + endpointPath(), whatever slashes the configured base ends with.
    QUrl endpointUrl(const QUrl& baseUrl) const { return urlOn(baseUrl, endpointPath()); }
    // baseUrl + "/" + path, the same way: another endpoint of the same API.
    static QUrl urlOn(const QUrl& baseUrl, const QString& path);

protected:
    // A client body of this wire's own format with what this call must change: the model, the
    // stream flag and whatever the wire needs to read the answer. Everything else stays byte for byte.
    virtual BodyPieces rewriteClientBody(const QString& upstreamModel, const QByteArray& body, bool stream) const = 0;

    // Request bodies are written by hand (a QJsonDocument per request costs more than the rest of
    // the call set-up together). Appends {"model":...,"messages":[...] without the closing brace,
    // leaving out system messages when asked to.
    static void beginBody(QByteArray& body, const QString& upstreamModel, const QList<ChatMessage>& messages,
                          bool withSystemMessages);
    // ,"temperature":t (null when not finite, as QJsonDocument would write it).
    static void appendTemperature(QByteArray& body, double temperature);
};
