#include "core/gateway/AnthropicGatewayFormat.h"

#include "core/gateway/GatewayJson.h"

#include "core/common/UrlCitation.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

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
    QByteArray out = "{\"input_tokens\":" + QByteArray::number(qMax<qint64>(0, usage.promptTokens - usage.cachedTokens))
        + ",\"cache_read_input_tokens\":" + QByteArray::number(usage.cachedTokens)
        + ",\"output_tokens\":" + QByteArray::number(usage.completionTokens);
    if (usage.webSearches > 0) {
        out += ",\"server_tool_use\":{\"web_search_requests\":" + QByteArray::number(usage.webSearches) + '}';
    }
    return out + '}';
}

// {"end_index", "start_index"} of a Citation part's url citation.
std::pair<qsizetype, qsizetype> citedRange(const AnswerPart& part)
{
    const QJsonObject range
        = QJsonDocument::fromJson(part.text.toUtf8()).object().value(QLatin1String("url_citation")).toObject();
    return { range.value(QLatin1String("start_index")).toInteger(),
             range.value(QLatin1String("end_index")).toInteger() };
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
    if (m_signedThinking && !result.reasoning.isEmpty()) {
        out += "{\"type\":\"thinking\",\"thinking\":";
        JsonText::appendString(out, result.reasoning);
        out += ",\"signature\":";
        JsonText::appendString(out, result.reasoningSignature);
        out += "},";
    }
    for (const QString& data : result.redactedThinking) {
        if (m_signedThinking) {
            out += "{\"type\":\"redacted_thinking\",\"data\":";
            JsonText::appendString(out, data);
            out += "},";
        }
    }
    // A refusal has no field of its own here: its text is the answer, stop_reason says "refusal".
    const QString text = result.text + result.refusal;
    if (m_signedThinking && !result.serverParts.isEmpty()) {
        appendInterleaved(out, text, result.serverParts);
    } else if (!text.isEmpty() || result.toolCalls.isEmpty()) {
        out += "{\"type\":\"text\",\"text\":";
        JsonText::appendString(out, text);
        out += '}';
    }
    for (const ToolCall& call : result.toolCalls) {
        out += out.endsWith('[') || out.endsWith(',') ? "{\"type\":\"tool_use\",\"id\":"
                                                      : ",{\"type\":\"tool_use\",\"id\":";
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

// Claude's own order: text up to a server block, the block, the text each citation covers as a
// block of its own with its citations, the rest.
void AnthropicGatewayFormat::appendInterleaved(QByteArray& out, const QString& text,
                                               const QList<AnswerPart>& serverParts)
{
    const qsizetype length = UrlCitation::characters(text);
    qsizetype cursor = 0; // characters of the text written
    const auto separate = [&out] {
        if (!out.endsWith('[') && !out.endsWith(',')) {
            out += ',';
        }
    };
    const auto textBlock = [&](qsizetype from, qsizetype to, const QStringList& citations) {
        from = qBound<qsizetype>(0, from, length);
        to = qBound<qsizetype>(from, to, length);
        if (from == to) {
            return;
        }
        const qsizetype begin = UrlCitation::indexOf(text, from);
        separate();
        out += "{\"type\":\"text\",\"text\":";
        JsonText::appendString(out, text.mid(begin, UrlCitation::indexOf(text, to) - begin));
        if (!citations.isEmpty()) {
            out += ",\"citations\":[" + citations.join(QLatin1Char(',')).toUtf8() + ']';
        }
        out += '}';
    };
    for (qsizetype i = 0; i < serverParts.size(); ++i) {
        const AnswerPart& part = serverParts.at(i);
        if (part.kind == AnswerPart::Kind::ServerTool) {
            textBlock(cursor, part.index, {});
            cursor = qMax(cursor, qsizetype(part.index));
            separate();
            out += part.text.toUtf8();
            continue;
        }
        // The citations of one block come together: the block's range, each of them.
        const auto [start, end] = citedRange(part);
        QStringList citations { part.id };
        while (i + 1 < serverParts.size() && serverParts.at(i + 1).kind == AnswerPart::Kind::Citation
               && citedRange(serverParts.at(i + 1)) == std::pair(start, end)) {
            citations.append(serverParts.at(++i).id);
        }
        if (start < cursor) {
            continue; // a range already written (only a malformed answer has one)
        }
        textBlock(cursor, start, {});
        textBlock(start, end, citations);
        cursor = qMax(cursor, end);
    }
    textBlock(cursor, length, {});
    if (out.endsWith('[')) {
        out += "{\"type\":\"text\",\"text\":\"\"}"; // no text at all: the API's empty text block
    }
}

QByteArray AnthropicGatewayFormat::streamStart(const QString& model, qint64 promptTokensEstimate)
{
    QByteArray start = "{\"type\":\"message_start\",\"message\":{\"id\":\"" + m_id
        + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + JsonText::quoted(model)
        + ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
        + QByteArray::number(promptTokensEstimate) + ",\"output_tokens\":1}}}";
    return event("message_start", start) + event("ping", "{\"type\":\"ping\"}");
}

QByteArray AnthropicGatewayFormat::nextBlock(Block kind, QByteArrayView contentBlock)
{
    QByteArray out;
    if (m_open != Block::None) {
        out = event("content_block_stop",
                    "{\"type\":\"content_block_stop\",\"index\":" + QByteArray::number(m_block) + "}");
    }
    ++m_block;
    m_open = kind;
    out += event("content_block_start",
                 "{\"type\":\"content_block_start\",\"index\":" + QByteArray::number(m_block)
                     + ",\"content_block\":" + contentBlock.toByteArray() + "}");
    return out;
}

QByteArray AnthropicGatewayFormat::openText(bool cited)
{
    m_textCited = false;
    m_blockText = false;
    m_citedAhead.clear();
    return nextBlock(Block::Text,
                     cited ? QByteArrayView("{\"citations\":[],\"type\":\"text\",\"text\":\"\"}")
                           : QByteArrayView("{\"type\":\"text\",\"text\":\"\"}"));
}

QByteArray AnthropicGatewayFormat::textDelta(const QString& text)
{
    QByteArray out;
    if (m_open != Block::Text || m_textCited) {
        out = openText(false);
    }
    m_blockText = true;
    QByteArray data = "{\"type\":\"content_block_delta\",\"index\":" + QByteArray::number(m_block)
        + ",\"delta\":{\"type\":\"text_delta\",\"text\":";
    JsonText::appendString(data, text);
    data += "}}";
    return out + event("content_block_delta", data);
}

QByteArray AnthropicGatewayFormat::reasoningDelta(const QString& text)
{
    if (!m_signedThinking) {
        return {};
    }
    QByteArray out;
    if (m_open != Block::Thinking) {
        out = nextBlock(Block::Thinking, "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}");
    }
    QByteArray data = "{\"type\":\"content_block_delta\",\"index\":" + QByteArray::number(m_block)
        + ",\"delta\":{\"type\":\"thinking_delta\",\"thinking\":";
    JsonText::appendString(data, text);
    data += "}}";
    return out + event("content_block_delta", data);
}

QByteArray AnthropicGatewayFormat::partDelta(const AnswerPart& part)
{
    switch (part.kind) {
    case AnswerPart::Kind::Refusal:
        return textDelta(part.text); // the refusal is the text; stop_reason says "refusal"
    case AnswerPart::Kind::Signature: {
        if (!m_signedThinking || part.text.isEmpty()) {
            return {};
        }
        QByteArray out;
        if (m_open != Block::Thinking) {
            out = nextBlock(Block::Thinking, "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}");
        }
        QByteArray data = "{\"type\":\"content_block_delta\",\"index\":" + QByteArray::number(m_block)
            + ",\"delta\":{\"type\":\"signature_delta\",\"signature\":";
        JsonText::appendString(data, part.text);
        data += "}}";
        return out + event("content_block_delta", data);
    }
    case AnswerPart::Kind::RedactedThinking: {
        if (!m_signedThinking) {
            return {};
        }
        QByteArray block = "{\"type\":\"redacted_thinking\",\"data\":";
        JsonText::appendString(block, part.text);
        block += '}';
        return nextBlock(Block::Thinking, block);
    }
    case AnswerPart::Kind::Logprobs:
        return {}; // only an OpenAI-format request asks for them, and this API has no place for them
    case AnswerPart::Kind::Citation:
        // Anthropic's own citations carry an encrypted index and the cited text, which another
        // provider's url citation has not: only Claude's are written.
        return citationDelta(part);
    case AnswerPart::Kind::ServerTool:
        return serverBlock(part);
    case AnswerPart::Kind::TextBlock:
        // Claude's blocks kept as they came: each with exactly its own citations.
        return m_signedThinking ? openText(part.name == QLatin1String("cited")) : QByteArray();
    case AnswerPart::Kind::ToolCall:
        break;
    }
    QByteArray out;
    auto block = m_toolBlocks.constFind(part.index);
    if (block == m_toolBlocks.cend()) {
        QByteArray start = "{\"type\":\"tool_use\",\"id\":";
        JsonText::appendString(start, part.id);
        start += ",\"name\":";
        JsonText::appendString(start, part.name);
        start += ",\"input\":{}}";
        out = nextBlock(Block::Tool, start);
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

// As Claude streams them: the block opens (a server_tool_use with an empty input), its input as
// one input_json_delta, and it stops.
QByteArray AnthropicGatewayFormat::serverBlock(const AnswerPart& part)
{
    if (!m_signedThinking) {
        return {};
    }
    QJsonObject block = QJsonDocument::fromJson(part.text.toUtf8()).object();
    const bool hasInput = block.contains(QLatin1String("input"));
    const QJsonObject input = block.value(QLatin1String("input")).toObject();
    if (hasInput) {
        block.insert(QStringLiteral("input"), QJsonObject());
    }
    QByteArray out = nextBlock(Block::Server, QJsonDocument(block).toJson(QJsonDocument::Compact));
    if (hasInput && !input.isEmpty()) {
        QByteArray data = "{\"type\":\"content_block_delta\",\"index\":" + QByteArray::number(m_block)
            + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":";
        JsonText::appendString(data, QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact)));
        data += "}}";
        out += event("content_block_delta", data);
    }
    return out;
}

// Claude's citations as it streams them: ahead of the text of the block they belong to. One that
// comes only with its block's end (after the text) ends the block: the next text opens its own.
QByteArray AnthropicGatewayFormat::citationDelta(const AnswerPart& part)
{
    if (!m_signedThinking || part.id.isEmpty()) {
        return {};
    }
    QByteArray out;
    if (part.text.isEmpty()) {
        if (m_open != Block::Text || m_blockText || m_textCited) {
            out = openText(true);
        }
        m_citedAhead.append(part.id);
    } else if (m_citedAhead.removeOne(part.id)) {
        return {}; // the client has it already
    } else if (m_open != Block::Text) {
        return {};
    } else {
        m_textCited = true;
    }
    return out
        + event("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":" + QByteArray::number(m_block)
                    + ",\"delta\":{\"type\":\"citations_delta\",\"citation\":" + part.id.toUtf8() + "}}");
}

QByteArray AnthropicGatewayFormat::streamEnd(const CallResult& result, bool)
{
    // An answer with no content still has its (empty) text block, as the API sends it.
    QByteArray out = m_open == Block::None ? nextBlock(Block::Text, "{\"type\":\"text\",\"text\":\"\"}") : QByteArray();
    return out
        + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + QByteArray::number(m_block) + "}")
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
