#pragma once

#include "core/gateway/GatewayError.h"

#include "core/common/ProviderTypes.h"

#include <QByteArray>
#include <memory>

// The bytes one client API expects back: a whole response, or the pieces of a server-sent-event
// stream. One object per request (it keeps the response id and the open content block).
class GatewayFormat
{
public:
    enum class Api
    {
        OpenAi, // /v1/chat/completions
        Anthropic, // /v1/messages
        Responses, // /v1/responses (ResponsesGatewayFormat, made with the request's echo)
    };

    static std::unique_ptr<GatewayFormat> create(Api api, quint64 serial);
    virtual ~GatewayFormat() = default;

    virtual QByteArray errorBody(const GatewayError& error) const = 0;
    virtual QByteArray completeBody(const CallResult& result, const QString& model) const = 0;

    // The format of the provider answering: what it sends may be meant for its own API only
    // (Anthropic's signed thinking).
    virtual void setUpstream(ProviderKind) { }

    // Stream pieces, in this order: start, deltas, end (or error). The prompt's token estimate is
    // worked out (a walk over the whole request) only for a format whose start carries it.
    virtual bool startCarriesPromptEstimate() const { return false; }
    virtual QByteArray streamStart(const QString& model, qint64 promptTokensEstimate) = 0;
    virtual QByteArray textDelta(const QString& text) = 0;
    virtual QByteArray reasoningDelta(const QString& text) = 0;
    // A tool call piece (the first one of each call has id and name) or refusal text.
    virtual QByteArray partDelta(const AnswerPart& part) = 0;
    virtual QByteArray streamEnd(const CallResult& result, bool includeUsage) = 0;
    virtual QByteArray streamError(const GatewayError& error) = 0;

    const QByteArray& id() const { return m_id; }

protected:
    QByteArray m_id;
};
