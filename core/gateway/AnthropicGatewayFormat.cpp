#include "AnthropicGatewayFormat.h"

#include "GatewayJson.h"

#include <QDateTime>

namespace {
QByteArray event(QByteArrayView name, QByteArrayView data)
{
    QByteArray out;
    out.reserve(name.size() + data.size() + 16);
    out += "event: ";
    out += name;
    out += "\ndata: ";
    out += data;
    out += "\n\n";
    return out;
}

QByteArray usageJson(const TokenUsage& usage)
{
    // Anthropic counts cached input apart from input_tokens.
    return "{\"input_tokens\":" + QByteArray::number(qMax<qint64>(0, usage.promptTokens - usage.cachedTokens))
        + ",\"cache_read_input_tokens\":" + QByteArray::number(usage.cachedTokens)
        + ",\"output_tokens\":" + QByteArray::number(usage.completionTokens) + "}";
}
} // namespace

AnthropicGatewayFormat::AnthropicGatewayFormat(quint64 serial)
{
    m_id = "msg_sy" + QByteArray::number(QDateTime::currentSecsSinceEpoch(), 36) + QByteArray::number(serial, 36);
}

QByteArray AnthropicGatewayFormat::stopReason(const QString& upstreamReason)
{
    if (upstreamReason == QLatin1String("length") || upstreamReason == QLatin1String("max_tokens")) {
        return "max_tokens";
    }
    if (upstreamReason == QLatin1String("stop_sequence")) {
        return "stop_sequence";
    }
    return "end_turn";
}

QByteArray AnthropicGatewayFormat::errorBody(const GatewayError& error) const
{
    return error.toAnthropicJson();
}

QByteArray AnthropicGatewayFormat::completeBody(const CallResult& result, const QString& model) const
{
    QByteArray out;
    out.reserve(300 + result.text.size() * 3 / 2);
    out += "{\"id\":\"" + m_id + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":";
    JsonText::appendString(out, model);
    out += ",\"content\":[{\"type\":\"text\",\"text\":";
    JsonText::appendString(out, result.text);
    out += "}],\"stop_reason\":\"" + stopReason(result.finishReason)
        + "\",\"stop_sequence\":null,\"usage\":" + usageJson(result.usage) + "}";
    return out;
}

QByteArray AnthropicGatewayFormat::streamStart(const QString& model, qint64 promptTokensEstimate)
{
    QByteArray start = "{\"type\":\"message_start\",\"message\":{\"id\":\"" + m_id
        + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + JsonText::quoted(model)
        + ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
        + QByteArray::number(promptTokensEstimate) + ",\"output_tokens\":1}}}";
    return event("message_start", start)
        + event("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
        + event("ping", "{\"type\":\"ping\"}");
}

QByteArray AnthropicGatewayFormat::textDelta(const QString& text)
{
    QByteArray data = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":";
    JsonText::appendString(data, text);
    data += "}}";
    return event("content_block_delta", data);
}

QByteArray AnthropicGatewayFormat::reasoningDelta(const QString&)
{
    // Reasoning from OpenAI-style upstreams has no signature, so it cannot become a thinking
    // block the client could send back; it is left out of the answer.
    return {};
}

QByteArray AnthropicGatewayFormat::streamEnd(const CallResult& result, bool)
{
    return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
        + event("message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason(result.finishReason)
                    + "\",\"stop_sequence\":null},\"usage\":" + usageJson(result.usage) + "}")
        + event("message_stop", "{\"type\":\"message_stop\"}");
}

QByteArray AnthropicGatewayFormat::streamError(const GatewayError& error)
{
    return event("error", error.toAnthropicJson());
}
