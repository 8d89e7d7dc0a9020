#pragma once

#include "core/providers/OpenAiChunkScanner.h"
#include "core/providers/SseStreamDecoder.h"

// chat.completion.chunk events: choices[0].delta content / reasoning, finish_reason, a usage
// chunk, [DONE]; a top-level "error" object is an in-band failure.
class OpenAiStreamDecoder : public SseStreamDecoder
{
protected:
    void handleEvent(const SseEvent& event, WireDelta& delta) override;

private:
    OpenAiChunkScanner::Memo m_memo;
};
