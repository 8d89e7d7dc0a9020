#include "AnthropicGatewayFormat.h"

#include "GatewayJson.h"

#include <QDateTime>
#include <QJsonDocument>

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
    if (upstreamReason == QLatin1String("tool_calls") || upstreamReason == QLatin1String("tool_use")) {
        return "tool_use";
    }
    if (upstreamReason == QLatin1String("content_filter") || upstreamReason == QLatin1String("refusal")) {
        return "refusal";
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
    out += ",\"content\":[";
    // A refusal has no field of its own here: its text is the answer, stop_reason says "refusal".
    const QString text = result.text + result.refusal;
    if (!text.isEmpty() || result.toolCalls.isEmpty()) {
        out += "{\"type\":\"text\",\"text\":";
        JsonText::appendString(out, text);
        out += '}';
    }
    for (const ToolCall& call : result.toolCalls) {
        out += out.endsWith('[') ? "{\"type\":\"tool_use\",\"id\":" : ",{\"type\":\"tool_use\",\"id\":";
        JsonText::appendString(out, call.id);
        out += ",\"name\":";
        JsonText::appendString(out, call.name);
        out += ",\"input\":";
        const QJsonDocument input = QJsonDocument::fromJson(call.arguments.toUtf8());
        out += input.isObject() ? input.toJson(QJsonDocument::Compact) : QByteArrayLiteral("{}");
        out += '}';
    }
    out += "],\"stop_reason\":\""
        + stopReason(!result.refusal.isEmpty() ? QStringLiteral("refusal") : result.finishReason)
        + "\",\"stop_sequence\":null,\"usage\":" + usageJson(result.usage) + "}";
    return out;
}

QByteArray AnthropicGatewayFormat::streamStart(const QString& model, qint64 promptTokensEstimate)
{
    QByteArray start = "{\"type\":\"message_start\",\"message\":{\"id\":\"" + m_id
        + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + JsonText::quoted(model)
        + ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
        + QByteArray::number(promptTokensEstimate) + ",\"output_tokens\":1}}}";
    m_textOpen = true;
    return event("message_start", start)
        + event("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
        + event("ping", "{\"type\":\"ping\"}");
}

QByteArray AnthropicGatewayFormat::nextBlock(QByteArrayView contentBlock)
{
    QByteArray out = event("content_block_stop",
                           "{\"type\":\"content_block_stop\",\"index\":" + QByteArray::number(m_block) + "}");
    ++m_block;
    out += event("content_block_start",
                 "{\"type\":\"content_block_start\",\"index\":" + QByteArray::number(m_block)
                     + ",\"content_block\":" + contentBlock.toByteArray() + "}");
    return out;
}

QByteArray AnthropicGatewayFormat::textDelta(const QString& text)
{
    QByteArray out;
    if (!m_textOpen) {
        out = nextBlock("{\"type\":\"text\",\"text\":\"\"}");
        m_textOpen = true;
    }
    QByteArray data = "{\"type\":\"content_block_delta\",\"index\":" + QByteArray::number(m_block)
        + ",\"delta\":{\"type\":\"text_delta\",\"text\":";
    JsonText::appendString(data, text);
    data += "}}";
    return out + event("content_block_delta", data);
}

QByteArray AnthropicGatewayFormat::partDelta(const AnswerPart& part)
{
    if (part.kind == AnswerPart::Kind::Refusal) {
        return textDelta(part.text); // the refusal is the text; stop_reason says "refusal"
    }
    QByteArray out;
    auto block = m_toolBlocks.constFind(part.index);
    if (block == m_toolBlocks.cend()) {
        QByteArray start = "{\"type\":\"tool_use\",\"id\":";
        JsonText::appendString(start, part.id);
        start += ",\"name\":";
        JsonText::appendString(start, part.name);
        start += ",\"input\":{}}";
        out = nextBlock(start);
        m_textOpen = false;
        block = m_toolBlocks.insert(part.index, m_block);
    }
    if (part.text.isEmpty()) {
        return out;
    }
    QByteArray data = "{\"type\":\"content_block_delta\",\"index\":" + QByteArray::number(*block)
        + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":";
    JsonText::appendString(data, part.text);
    data += "}}";
    return out + event("content_block_delta", data);
}

QByteArray AnthropicGatewayFormat::reasoningDelta(const QString&)
{
    // Reasoning from OpenAI-style upstreams has no signature, so it cannot become a thinking
    // block the client could send back; it is left out of the answer.
    return {};
}

QByteArray AnthropicGatewayFormat::streamEnd(const CallResult& result, bool)
{
    return event("content_block_stop",
                 "{\"type\":\"content_block_stop\",\"index\":" + QByteArray::number(m_block) + "}")
        + event("message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
                    + stopReason(!result.refusal.isEmpty() ? QStringLiteral("refusal") : result.finishReason)
                    + "\",\"stop_sequence\":null},\"usage\":" + usageJson(result.usage) + "}")
        + event("message_stop", "{\"type\":\"message_stop\"}");
}

QByteArray AnthropicGatewayFormat::streamError(const GatewayError& error)
{
    return event("error", error.toAnthropicJson());
}
