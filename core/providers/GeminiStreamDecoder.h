#pragma once

#include "core/providers/GeminiWire.h"
#include "core/providers/SseStreamDecoder.h"

// streamGenerateContent?alt=sse: each event a whole GenerateContentResponse (CRLF framing, no
// event: lines, no [DONE]); usageMetadata repeats on every event, cumulative. The stream is
// complete once a candidate carried its finishReason, since Gemini simply closes the connection.
class GeminiStreamDecoder : public SseStreamDecoder
{
protected:
    void handleEvent(const SseEvent& event, WireDelta& delta) override;

private:
    GeminiWire::ReadState m_state;
};
