#pragma once

#include "core/common/AwsEventStream.h"
#include "core/providers/WireFormat.h"

#include <QHash>

// ConverseStream: AWS event-stream messages (messageStart, contentBlockStart / Delta / Stop,
// messageStop, metadata) and in-stream exceptions (:message-type exception) as deltas. Text blocks
// get no contentBlockStart; tool input arrives as string pieces to concatenate.
class BedrockStreamDecoder final : public StreamDecoder
{
public:
    void feed(QByteArrayView bytes, QList<WireDelta>& out) override;
    void finish(QList<WireDelta>& out) override;
    bool complete() const override { return m_stopped && !m_failed; }

    // One decoded message as a delta (also used by tests on single frames).
    WireDelta apply(const AwsEventStream::Message& message);

private:
    void emitError(const CallError& error, QList<WireDelta>& out);

    AwsEventStream::Decoder m_decoder;
    QList<AwsEventStream::Message> m_messages;
    QHash<qint64, int> m_toolCalls; // contentBlockIndex -> tool call index (0, 1, ... in order)
    bool m_stopped = false; // messageStop seen
    bool m_failed = false;
};
