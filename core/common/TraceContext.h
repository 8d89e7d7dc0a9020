#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// A W3C Trace Context (https://www.w3.org/TR/trace-context/): the trace a span belongs to, the
// span's own id and its parent's. The ids are raw bytes (16 for a trace, 8 for a span); they are
// hex only in the `traceparent` header and in OTLP JSON.
struct TraceContext
{
    static constexpr int kTraceIdBytes = 16;
    static constexpr int kSpanIdBytes = 8;

    QByteArray traceId;
    QByteArray spanId;
    QByteArray parentSpanId; // empty for a root span
    quint8 flags = 0x01; // bit 0: sampled (the caller records this trace)

    bool isValid() const;
    bool sampled() const { return flags & 0x01; }
    // "00-<trace id>-<span id>-<flags>", lowercase hex: what goes to the next hop as `traceparent`.
    QByteArray traceparent() const;

    // A new trace with a random id and a random root span, sampled.
    static TraceContext root();
    // A new span in the same trace, a child of this one (random id, same flags).
    TraceContext child() const;
    // The caller's span a `traceparent` header names (its id in spanId), or nullopt when the
    // header breaks the spec's rules: then a receiver starts a trace of its own. Version 00 must
    // be exactly 55 characters; a later version may append "-..." fields, which are ignored;
    // version ff, upper-case hex, all-zero ids and wrong lengths are refused.
    static std::optional<TraceContext> fromTraceparent(QByteArrayView header);

    static QByteArray randomTraceId();
    static QByteArray randomSpanId();

    bool operator==(const TraceContext&) const = default;
};
