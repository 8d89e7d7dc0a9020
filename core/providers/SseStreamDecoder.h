#pragma once

#include "core/providers/SseParser.h"
#include "core/providers/WireFormat.h"

#include <QJsonObject>

// Common part of the text/event-stream decoders: SSE framing, the failed/ended state and JSON
// checking. Subclasses turn one event's payload into one delta.
class SseStreamDecoder : public StreamDecoder
{
public:
    void feed(QByteArrayView bytes, QList<WireDelta>& out) final;
    void finish(QList<WireDelta>& out) final;
    bool complete() const final { return m_complete && !m_failed; }

protected:
    // Fills delta from one event; an event that contributes nothing leaves it empty.
    virtual void handleEvent(const SseEvent& event, WireDelta& delta) = 0;
    void markComplete() { m_complete = true; }

    static bool isDoneSentinel(const QByteArray& data);
    // Parses data as a JSON object; otherwise sets a MalformedResponse error on delta.
    static bool parseObject(const SseEvent& event, QJsonObject* object, WireDelta& delta);

private:
    void drain(QList<WireDelta>& out);

    SseParser m_sse;
    QList<SseEvent> m_events;
    bool m_complete = false;
    bool m_failed = false;
    bool m_ended = false; // end marker seen: what follows is ignored
    bool m_sawEvent = false;
};
