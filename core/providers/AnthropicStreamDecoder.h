#pragma once

#include "core/providers/AnthropicEventScanner.h"
#include "core/providers/AnthropicWire.h"
#include "core/providers/SseStreamDecoder.h"

#include <QHash>

// Messages API events, dispatched on the JSON "type" (proxies drop the event: lines):
// message_start / message_delta usage, text_delta / thinking_delta, message_stop, error.
class AnthropicStreamDecoder : public SseStreamDecoder
{
protected:
    void handleEvent(const SseEvent& event, WireDelta& delta) override;

private:
    void apply(AnthropicEventScanner::Event& event, WireDelta& delta);

    AnthropicUsage m_usage;
    QHash<qint64, int> m_toolCalls; // content block index -> tool call index (0, 1, ... in order)
};
