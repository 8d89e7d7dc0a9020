#include "core/providers/AnthropicStreamDecoder.h"

#include "core/common/UrlCitation.h"
#include "core/providers/AnthropicEventScanner.h"
#include "core/providers/ErrorClassifier.h"
#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

void AnthropicStreamDecoder::handleEvent(const SseEvent& event, WireDelta& delta)
{
    if (event.data.isEmpty()) {
        return;
    }
    if (isDoneSentinel(event.data)) {
        // Added by some proxies after message_stop; ends the stream but does not prove it complete.
        delta.endOfStream = true;
        return;
    }
    AnthropicEventScanner::Event fast;
    if (AnthropicEventScanner::scan(event.data, &fast)) {
        apply(fast, delta);
        return;
    }
    QJsonObject object;
    if (!parseObject(event, &object, delta)) {
        return;
    }
    const QString type = object.value(QLatin1String("type")).toString();
    if (type == QLatin1String("content_block_delta")) {
        const QJsonObject change = object.value(QLatin1String("delta")).toObject();
        const QString kind = change.value(QLatin1String("type")).toString();
        if (kind == QLatin1String("text_delta")) {
            delta.text = change.value(QLatin1String("text")).toString();
            countText(delta.text);
        } else if (kind == QLatin1String("citations_delta")) {
            cite(change.value(QLatin1String("citation")).toObject(), delta);
        } else if (kind == QLatin1String("thinking_delta")) {
            delta.reasoning = change.value(QLatin1String("thinking")).toString();
        } else if (kind == QLatin1String("input_json_delta")) {
            const auto call = m_toolCalls.constFind(WireJson::toInt64(object.value(QLatin1String("index")), -1));
            if (call == m_toolCalls.cend() && !m_serverBlock.isEmpty()) {
                m_serverInput += change.value(QLatin1String("partial_json")).toString();
            } else if (call != m_toolCalls.cend()) {
                delta.parts.append({ AnswerPart::Kind::ToolCall,
                                     *call,
                                     {},
                                     {},
                                     change.value(QLatin1String("partial_json")).toString() });
            }
        } else if (kind == QLatin1String("signature_delta")) {
            delta.parts.append(
                { AnswerPart::Kind::Signature, 0, {}, {}, change.value(QLatin1String("signature")).toString() });
        }
    } else if (type == QLatin1String("content_block_start")) {
        const QJsonObject block = object.value(QLatin1String("content_block")).toObject();
        const QString kind = block.value(QLatin1String("type")).toString();
        if (kind == QLatin1String("text")) {
            // Claude's cited blocks start with a citations list (empty: citations_delta fill it).
            const QJsonValue citations = block.value(QLatin1String("citations"));
            delta.parts.append(
                { AnswerPart::Kind::TextBlock, 0, {}, citations.isArray() ? QStringLiteral("cited") : QString(), {} });
            delta.text = block.value(QLatin1String("text")).toString();
            countText(delta.text);
            for (const QJsonValue& citation : citations.toArray()) {
                if (delta.text.isEmpty()) {
                    cite(citation.toObject(), delta);
                } else {
                    m_citations.append(citation.toObject()); // after its text: whole at the block's end
                }
            }
        } else if (kind == QLatin1String("thinking")) {
            delta.reasoning = block.value(QLatin1String("thinking")).toString();
        } else if (kind == QLatin1String("redacted_thinking")) {
            delta.parts.append(
                { AnswerPart::Kind::RedactedThinking, 0, {}, {}, block.value(QLatin1String("data")).toString() });
        } else if (isAnthropicServerBlock(kind)) {
            m_serverBlock = block; // shown at its stop, with its input whole
            m_serverInput.clear();
        } else if (kind == QLatin1String("tool_use")) {
            // The input arrives in input_json_delta pieces; the block's own "input" is {}.
            const int call = int(m_toolCalls.size());
            m_toolCalls.insert(WireJson::toInt64(object.value(QLatin1String("index")), -1), call);
            delta.parts.append({ AnswerPart::Kind::ToolCall,
                                 call,
                                 block.value(QLatin1String("id")).toString(),
                                 block.value(QLatin1String("name")).toString(),
                                 {} });
        }
    } else if (type == QLatin1String("message_start")) {
        const QJsonObject message = object.value(QLatin1String("message")).toObject();
        const QJsonValue usage = message.value(QLatin1String("usage"));
        if (usage.isObject()) {
            m_usage.merge(usage.toObject());
            delta.usage = m_usage.toTokenUsage();
        }
    } else if (type == QLatin1String("message_delta")) {
        delta.finishReason
            = object.value(QLatin1String("delta")).toObject().value(QLatin1String("stop_reason")).toString();
        const QJsonValue usage = object.value(QLatin1String("usage"));
        if (usage.isObject()) {
            m_usage.merge(usage.toObject());
            delta.usage = m_usage.toTokenUsage();
        }
    } else if (type == QLatin1String("content_block_stop")) {
        endBlock(delta);
    } else if (type == QLatin1String("message_stop")) {
        delta.endOfStream = true;
        markComplete();
    } else if (type == QLatin1String("error")) {
        delta.error = ErrorClassifier::classifyInBandError(object);
    } else if (type.isEmpty()) {
        delta.error
            = WireJson::malformed(QCoreApplication::translate("AnthropicStreamDecoder", "Stream event has no type: %1")
                                      .arg(WireJson::excerpt(event.data, 120)));
    }
    // ping and event types added later carry nothing we show.
}

void AnthropicStreamDecoder::countText(const QString& text)
{
    m_characters += UrlCitation::characters(text);
}

// Passed on as it comes (Claude sends a block's citations before its text) and kept for the
// block's end, when the text it covers is known.
void AnthropicStreamDecoder::cite(const QJsonObject& citation, WireDelta& delta)
{
    m_citations.append(citation);
    if (auto part = anthropicCitation(citation, m_blockStart, m_blockStart)) {
        part->text.clear();
        delta.parts.append(*part);
    }
}

void AnthropicStreamDecoder::endBlock(WireDelta& delta)
{
    for (const QJsonObject& citation : std::as_const(m_citations)) {
        if (const auto part = anthropicCitation(citation, m_blockStart, m_characters)) {
            delta.parts.append(*part);
        }
    }
    m_citations.clear();
    m_blockStart = m_characters;
    if (!m_serverBlock.isEmpty()) {
        if (!m_serverInput.isEmpty()) {
            const QJsonDocument input = QJsonDocument::fromJson(m_serverInput.toUtf8());
            m_serverBlock.insert(QStringLiteral("input"), input.isObject() ? input.object() : QJsonObject());
        }
        delta.parts.append({ AnswerPart::Kind::ServerTool,
                             int(m_characters),
                             {},
                             m_serverBlock.value(QLatin1String("type")).toString(),
                             QString::fromUtf8(QJsonDocument(m_serverBlock).toJson(QJsonDocument::Compact)) });
        m_serverBlock = {};
        m_serverInput.clear();
    }
}

// The same reading as below, from the fast path.
void AnthropicStreamDecoder::apply(AnthropicEventScanner::Event& event, WireDelta& delta)
{
    if (event.kind == AnthropicEventScanner::Kind::TextStart) {
        delta.parts.append(
            { AnswerPart::Kind::TextBlock, 0, {}, event.cited ? QStringLiteral("cited") : QString(), {} });
    }
    delta.text = std::move(event.text);
    countText(delta.text);
    delta.reasoning = std::move(event.thinking);
    delta.finishReason = std::move(event.stopReason);
    if (event.usage) {
        const auto take = [](const std::optional<qint64>& count, qint64& field) { field = count.value_or(field); };
        take(event.usage->inputTokens, m_usage.inputTokens);
        take(event.usage->cacheReadTokens, m_usage.cacheReadTokens);
        take(event.usage->cacheCreationTokens, m_usage.cacheCreationTokens);
        take(event.usage->cacheWrite5mTokens, m_usage.cacheWrite5mTokens);
        take(event.usage->cacheWrite1hTokens, m_usage.cacheWrite1hTokens);
        take(event.usage->outputTokens, m_usage.outputTokens);
        take(event.usage->webSearches, m_usage.webSearches);
        delta.usage = m_usage.toTokenUsage();
    }
    if (event.kind == AnthropicEventScanner::Kind::BlockStop) {
        endBlock(delta);
    } else if (event.kind == AnthropicEventScanner::Kind::MessageStop) {
        delta.endOfStream = true;
        markComplete();
    }
}
