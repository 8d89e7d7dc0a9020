#pragma once

#include "core/providers/AnthropicEventScanner.h"
#include "core/providers/AnthropicWire.h"
#include "core/providers/SseStreamDecoder.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

// Messages API events, dispatched on the JSON "type" (proxies drop the event: lines):
// message_start / message_delta usage, text_delta / thinking_delta, message_stop, error; each
// text block's start (AnswerPart::Kind::TextBlock) and citations, so Claude's blocks can be kept.
class AnthropicStreamDecoder : public SseStreamDecoder
{
protected:
    void handleEvent(const SseEvent& event, WireDelta& delta) override;

private:
    void apply(AnthropicEventScanner::Event& event, WireDelta& delta);
    void countText(const QString& text);
    void cite(const QJsonObject& citation, WireDelta& delta);
    void endBlock(WireDelta& delta);

    AnthropicUsage m_usage;
    // Web search citations of the text block being read: each covers the block's text, known
    // when the block ends; positions in characters of the whole answer.
    QList<QJsonObject> m_citations;
    qsizetype m_characters = 0; // of text so far
    qsizetype m_blockStart = 0; // where the current block's text began
    // A server block being read (server_tool_use's input comes in input_json_delta pieces).
    QJsonObject m_serverBlock;
    QString m_serverInput;
    QHash<qint64, int> m_toolCalls; // content block index -> tool call index (0, 1, ... in order)
};
