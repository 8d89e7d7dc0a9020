#include "core/common/TraceContext.h"

#include <QRandomGenerator>

namespace {
constexpr qsizetype kVersion00Length = 55; // 2 + 1 + 32 + 1 + 16 + 1 + 2

bool isLowerHex(QByteArrayView text)
{
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

bool allZero(const QByteArray& bytes)
{
    for (const char c : bytes) {
        if (c != 0) {
            return false;
        }
    }
    return true;
}

QByteArray randomNonZero(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    do {
        QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    } while (allZero(bytes));
    return bytes;
}
} // namespace

bool TraceContext::isValid() const
{
    return traceId.size() == kTraceIdBytes && spanId.size() == kSpanIdBytes && !allZero(traceId) && !allZero(spanId);
}

QByteArray TraceContext::traceparent() const
{
    if (!isValid()) {
        return {};
    }
    return "00-" + traceId.toHex() + '-' + spanId.toHex() + '-' + QByteArray(1, char(flags)).toHex();
}

TraceContext TraceContext::root()
{
    TraceContext context;
    context.traceId = randomTraceId();
    context.spanId = randomSpanId();
    return context;
}

TraceContext TraceContext::child() const
{
    TraceContext context;
    context.traceId = traceId;
    context.spanId = randomSpanId();
    context.parentSpanId = spanId;
    context.flags = flags;
    return context;
}

std::optional<TraceContext> TraceContext::fromTraceparent(QByteArrayView header)
{
    const QByteArrayView text = header.trimmed();
    if (text.size() < kVersion00Length) {
        return std::nullopt;
    }
    const QByteArrayView version = text.first(2);
    if (!isLowerHex(version) || version == "ff") {
        return std::nullopt;
    }
    if (version == "00" ? text.size() != kVersion00Length
                        : (text.size() > kVersion00Length && text.at(kVersion00Length) != '-')) {
        return std::nullopt;
    }
    if (text.at(2) != '-' || text.at(35) != '-' || text.at(52) != '-') {
        return std::nullopt;
    }
    const QByteArrayView trace = text.sliced(3, 32);
    const QByteArrayView span = text.sliced(36, 16);
    const QByteArrayView flags = text.sliced(53, 2);
    if (!isLowerHex(trace) || !isLowerHex(span) || !isLowerHex(flags)) {
        return std::nullopt;
    }
    TraceContext context;
    context.traceId = QByteArray::fromHex(trace.toByteArray());
    context.spanId = QByteArray::fromHex(span.toByteArray());
    context.flags = quint8(QByteArray::fromHex(flags.toByteArray()).at(0));
    if (!context.isValid()) {
        return std::nullopt; // an all-zero trace or span id
    }
    return context;
}

QByteArray TraceContext::randomTraceId()
{
    return randomNonZero(kTraceIdBytes);
}

QByteArray TraceContext::randomSpanId()
{
    return randomNonZero(kSpanIdBytes);
}
