#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// One dispatched text/event-stream event. `event` is empty when the server sent no event: line.
struct SseEvent
{
    QByteArray event;
    QByteArray data;

    bool operator==(const SseEvent&) const = default;
};

// Incremental text/event-stream parser following the WHATWG interpretation rules, on bytes:
// lines end at CR, LF or CRLF only (never U+2028), a CR ending one feed and an LF starting the
// next are one line end, and UTF-8 split across feeds is simply carried along in the buffer.
//
// Deviations from WHATWG, chosen for LLM streams:
// - an event with an event: name but no data: lines is dispatched with empty data (the wire
//   fixtures' manifest counts `event: ping` alone as an event, as openai-node does);
// - finish() dispatches a pending event that lacks its blank line (Anthropic's SDK fixtures end
//   right after `data: {"type":"message_stop"}`), see the fixture README item 8.
class SseParser
{
public:
    explicit SseParser(qsizetype maxLineBytes = 32 * 1024 * 1024);

    // Appends every event completed by these bytes to out. Returns false once the stream is
    // invalid (a line or an event's data longer than the cap); errorString() says why. After that
    // every feed returns false and adds nothing.
    bool feed(QByteArrayView bytes, QList<SseEvent>& out);
    // End of body: processes an unterminated last line and dispatches a pending event. That
    // last line can still exceed the cap: check hasError() afterwards.
    void finish(QList<SseEvent>& out);

    int commentCount() const { return m_commentCount; }
    // Lines whose field name is not one SSE defines (data, event, id, retry). Many of them and no
    // event at all means the body was not an event stream (a JSON error body, a gateway page).
    int unknownFieldCount() const { return m_unknownFieldCount; }
    QByteArray firstUnknownLine() const { return m_firstUnknownLine; }
    bool hasError() const { return m_failed; }
    QString errorString() const { return m_errorString; }

private:
    bool feedBytes(QByteArrayView bytes, QList<SseEvent>& out);
    bool processLine(QByteArrayView line, QList<SseEvent>& out);
    void dispatch(QList<SseEvent>& out);
    bool fail(const QString& message);

    qsizetype m_maxLineBytes;
    QByteArray m_line; // an incomplete line carried over to the next feed
    QByteArray m_startBytes; // the first bytes, held until we know whether they are a BOM
    QByteArray m_event;
    QByteArray m_lastEvent;
    QByteArray m_data;
    bool m_hasData = false;
    bool m_atStart = true;
    bool m_skipLeadingLf = false; // the previous feed ended in CR
    bool m_failed = false;
    int m_commentCount = 0;
    int m_unknownFieldCount = 0;
    QByteArray m_firstUnknownLine; // at most 200 bytes of it
    QString m_errorString;
};
