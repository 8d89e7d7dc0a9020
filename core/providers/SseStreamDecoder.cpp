#include "core/providers/SseStreamDecoder.h"

#include "core/providers/WireJson.h"

#include <QCoreApplication>

void SseStreamDecoder::feed(QByteArrayView bytes, QList<WireDelta>& out)
{
    if (m_failed || m_ended) {
        return;
    }
    const bool ok = m_sse.feed(bytes, m_events);
    drain(out);
    if (!ok && !m_failed) {
        m_failed = true;
        WireDelta delta;
        delta.error = WireJson::malformed(m_sse.errorString());
        out.append(std::move(delta));
    }
}

void SseStreamDecoder::finish(QList<WireDelta>& out)
{
    if (m_failed || m_ended) {
        return;
    }
    m_sse.finish(m_events);
    drain(out);
    if (m_sse.hasError() && !m_failed) {
        // The unterminated last line pushed an event past the cap.
        m_failed = true;
        WireDelta delta;
        delta.error = WireJson::malformed(m_sse.errorString());
        out.append(std::move(delta));
    }
    if (!m_sawEvent && !m_failed && m_sse.unknownFieldCount() > 0) {
        // Not an event stream at all, e.g. a JSON error body with a 200 status or glued to data:.
        m_failed = true;
        WireDelta delta;
        delta.error
            = WireJson::malformed(QCoreApplication::translate("SseStreamDecoder", "Response is not an event stream: %1")
                                      .arg(WireJson::excerpt(m_sse.firstUnknownLine(), 120)));
        out.append(std::move(delta));
    }
}

void SseStreamDecoder::drain(QList<WireDelta>& out)
{
    for (const SseEvent& event : std::as_const(m_events)) {
        if (m_failed || m_ended) {
            break;
        }
        m_sawEvent = true;
        WireDelta delta;
        handleEvent(event, delta);
        if (delta.error) {
            m_failed = true;
        }
        if (delta.endOfStream) {
            m_ended = true;
        }
        if (!delta.isEmpty()) {
            out.append(std::move(delta));
        }
    }
    m_events.clear();
}

bool SseStreamDecoder::isDoneSentinel(const QByteArray& data)
{
    // Every other event starts with '{': decide on the first byte before copying anything.
    const char first = data.isEmpty() ? '\0' : data.front();
    const bool mayBe = first == '[' || first == ' ' || (first >= '\t' && first <= '\r');
    return mayBe && data.trimmed() == "[DONE]";
}

bool SseStreamDecoder::parseObject(const SseEvent& event, QJsonObject* object, WireDelta& delta)
{
    QString reason;
    const QJsonDocument document = WireJson::parse(event.data, &reason);
    if (document.isNull()) {
        delta.error
            = WireJson::malformed(QCoreApplication::translate("SseStreamDecoder", "Malformed stream event (%1): %2")
                                      .arg(reason, WireJson::excerpt(event.data, 120)));
        return false;
    }
    if (!document.isObject()) {
        delta.error = WireJson::malformed(
            QCoreApplication::translate("SseStreamDecoder", "Stream event is not a JSON object: %1")
                .arg(WireJson::excerpt(event.data, 120)));
        return false;
    }
    *object = document.object();
    return true;
}
