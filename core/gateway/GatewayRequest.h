#pragma once

#include "core/gateway/GatewayError.h"

#include "core/common/ProviderTypes.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonValue>
#include <optional>

// A client's chat request, read from either API's body: what to ask and where to send it.
struct GatewayRequest
{
    ChatRequest chat;
    QString model; // as the client named it: a model id, a provider's model name, a group, a tier or "auto"
    QString tier; // body field "tier" (the header x-switchyard-tier wins)
    bool stream = false;
    bool includeUsage = false; // OpenAI stream_options.include_usage
    // The function tools and tool_choice the client offered, as OpenAI's (RequestTranslator::
    // offeredTools), read from the tree parsed here: what the ledger row keeps for an evaluation.
    QJsonArray offeredTools;
    QJsonValue offeredToolChoice { QJsonValue::Undefined };
    std::optional<GatewayError> error;

    // Pure parsers: bytes in, request or 400 out, with the offending field in the error's param.
    static GatewayRequest fromOpenAi(const QByteArray& body);
    static GatewayRequest fromAnthropic(const QByteArray& body);
};
