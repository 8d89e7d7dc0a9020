#include "core/gateway/OpenAiGatewayFormat.h"

#include "core/gateway/GatewayJson.h"

#include <QDateTime>

OpenAiGatewayFormat::OpenAiGatewayFormat(quint64 serial)
    : m_created(QDateTime::currentSecsSinceEpoch())
{
    m_id = "chatcmpl-sy" + QByteArray::number(m_created, 36) + QByteArray::number(serial, 36);
}

QByteArray OpenAiGatewayFormat::finishReason(const QString& upstreamReason)
{
    if (upstreamReason == QLatin1String("tool_calls") || upstreamReason == QLatin1String("tool_use")) {
        return "tool_calls";
    }
    if (upstreamReason == QLatin1String("length") || upstreamReason == QLatin1String("max_tokens")) {
        return "length";
    }
    if (upstreamReason == QLatin1String("content_filter") || upstreamReason == QLatin1String("refusal")) {
        return "content_filter";
    }
    return "stop";
}

QByteArray OpenAiGatewayFormat::errorBody(const GatewayError& error) const
{
    return error.toOpenAiJson();
}

QByteArray OpenAiGatewayFormat::completeBody(const CallResult& result, const QString& model) const
{
    QByteArray out;
    out.reserve(320 + result.text.size() * 3 / 2);
    out += "{\"id\":\"" + m_id + "\",\"object\":\"chat.completion\",\"created\":" + QByteArray::number(m_created)
        + ",\"model\":";
    JsonText::appendString(out, model);
    out += ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":";
    if (result.text.isEmpty() && (!result.toolCalls.isEmpty() || !result.refusal.isEmpty())) {
        out += "null";
    } else {
        JsonText::appendString(out, result.text);
    }
    if (!result.reasoning.isEmpty()) {
        out += ",\"reasoning_content\":";
        JsonText::appendString(out, result.reasoning);
    }
    if (!result.toolCalls.isEmpty()) {
        out += ",\"tool_calls\":[";
        for (qsizetype i = 0; i < result.toolCalls.size(); ++i) {
            const ToolCall& call = result.toolCalls.at(i);
            out += i == 0 ? "{\"id\":" : ",{\"id\":";
            JsonText::appendString(out, call.id);
            out += ",\"type\":\"function\",\"function\":{\"name\":";
            JsonText::appendString(out, call.name);
            out += ",\"arguments\":";
            JsonText::appendString(out, call.arguments);
            out += "}}";
        }
        out += ']';
    }
    out += ",\"refusal\":";
    if (result.refusal.isEmpty()) {
        out += "null";
    } else {
        JsonText::appendString(out, result.refusal);
    }
    if (!result.citations.isEmpty()) {
        out += ",\"annotations\":[" + result.citations.toUtf8() + ']';
    }
    out += "},\"logprobs\":";
    if (result.logprobs.isEmpty()) {
        out += "null";
    } else {
        out += "{\"content\":[" + result.logprobs.toUtf8() + "],\"refusal\":null}";
    }
    out += ",\"finish_reason\":\"" + finishReason(result.finishReason)
        + "\"}],\"usage\":" + GatewayJson::openAiUsage(result.usage) + ",\"system_fingerprint\":null}";
    return out;
}

QByteArray OpenAiGatewayFormat::chunk(QByteArrayView delta, QByteArrayView finishReason) const
{
    QByteArray out;
    out.reserve(m_prefix.size() + delta.size() + 48);
    out += m_prefix;
    out += delta;
    out += ",\"logprobs\":null,\"finish_reason\":";
    out += finishReason;
    out += "}]}\n\n";
    return out;
}

QByteArray OpenAiGatewayFormat::streamStart(const QString& model, qint64)
{
    m_modelJson = JsonText::quoted(model);
    m_prefix = "data: {\"id\":\"" + m_id
        + "\",\"object\":\"chat.completion.chunk\",\"created\":" + QByteArray::number(m_created)
        + ",\"model\":" + m_modelJson + ",\"system_fingerprint\":null,\"choices\":[{\"index\":0,\"delta\":";
    return chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null");
}

// The chunk written in place (the deltas are most of a stream's events).
QByteArray OpenAiGatewayFormat::deltaChunk(const char* field, const QString& text) const
{
    static constexpr QByteArrayView tail = "},\"logprobs\":null,\"finish_reason\":null}]}\n\n";
    QByteArray out;
    out.reserve(m_prefix.size() + 24 + text.size() * 3 / 2 + tail.size());
    out += m_prefix;
    out += field;
    JsonText::appendString(out, text);
    out += tail;
    return out;
}

QByteArray OpenAiGatewayFormat::textDelta(const QString& text)
{
    return deltaChunk("{\"content\":", text);
}

QByteArray OpenAiGatewayFormat::reasoningDelta(const QString& text)
{
    return deltaChunk("{\"reasoning_content\":", text);
}

QByteArray OpenAiGatewayFormat::partDelta(const AnswerPart& part)
{
    if (part.kind == AnswerPart::Kind::Signature || part.kind == AnswerPart::Kind::RedactedThinking) {
        return {}; // Anthropic's, for sending thinking back to Anthropic: nothing in this API takes it
    }
    if (part.kind == AnswerPart::Kind::ServerTool || part.kind == AnswerPart::Kind::TextBlock) {
        // Claude's server blocks (its searches ran on its side) and block starts: this API has one
        // text, with the citations as annotations; a server block is no call for the client to make.
        return {};
    }
    if (part.kind == AnswerPart::Kind::Citation && part.text.isEmpty()) {
        return {}; // Claude's, ahead of its text: the annotation comes with the block's end
    }
    if (part.kind == AnswerPart::Kind::Logprobs) {
        // As OpenAI sends them: beside the delta, in the same choice (here with an empty delta
        // right after the text they belong to).
        QByteArray out;
        out.reserve(m_prefix.size() + part.text.size() + 64);
        out += m_prefix;
        out += "{},\"logprobs\":{\"content\":[";
        out += part.text.toUtf8();
        out += "],\"refusal\":null},\"finish_reason\":null}]}\n\n";
        return out;
    }
    QByteArray delta;
    if (part.kind == AnswerPart::Kind::Citation) {
        return chunk("{\"annotations\":[" + part.text.toUtf8() + "]}", "null");
    }
    if (part.kind == AnswerPart::Kind::Refusal) {
        delta = "{\"refusal\":";
        JsonText::appendString(delta, part.text);
        delta += '}';
        return chunk(delta, "null");
    }
    // As OpenAI streams them: id, type and name with the first piece, then argument text by index.
    delta = "{\"tool_calls\":[{\"index\":" + QByteArray::number(part.index);
    if (!part.id.isEmpty() || !part.name.isEmpty()) {
        delta += ",\"id\":";
        JsonText::appendString(delta, part.id);
        delta += ",\"type\":\"function\",\"function\":{\"name\":";
        JsonText::appendString(delta, part.name);
        delta += ",\"arguments\":";
    } else {
        delta += ",\"function\":{\"arguments\":";
    }
    JsonText::appendString(delta, part.text);
    delta += "}}]}";
    return chunk(delta, "null");
}

QByteArray OpenAiGatewayFormat::streamEnd(const CallResult& result, bool includeUsage)
{
    const QByteArray reason = finishReason(result.finishReason);
    QByteArray out;
    out.reserve(2 * m_prefix.size() + 320);
    out += m_prefix;
    out += "{},\"logprobs\":null,\"finish_reason\":\"";
    out += reason;
    out += "\"}]}\n\n";
    if (includeUsage) {
        // The usage chunk has no choices: the SDKs read it as the last event before [DONE].
        out += "data: {\"id\":\"";
        out += m_id;
        out += "\",\"object\":\"chat.completion.chunk\",\"created\":";
        JsonText::appendInteger(out, m_created);
        out += ",\"model\":";
        out += m_modelJson;
        out += ",\"system_fingerprint\":null,\"choices\":[],\"usage\":";
        out += GatewayJson::openAiUsage(result.usage);
        out += "}\n\n";
    }
    out += "data: [DONE]\n\n";
    return out;
}

QByteArray OpenAiGatewayFormat::streamError(const GatewayError& error)
{
    // The SDKs raise an APIError for a `data:` event carrying an "error" object.
    return "data: " + error.toOpenAiJson() + "\n\n";
}
