#include "core/providers/GeminiStreamDecoder.h"

void GeminiStreamDecoder::handleEvent(const SseEvent& event, WireDelta& delta)
{
    if (isDoneSentinel(event.data)) {
        return; // a proxy's addition; the finishReason ends a Gemini stream
    }
    QJsonObject object;
    if (!parseObject(event, &object, delta)) {
        return;
    }
    GeminiWire::readResponse(object, m_state, delta);
    if (m_state.finished && !delta.error) {
        markComplete();
    }
}
