#include "core/providers/SseParser.h"

#include <QCoreApplication>

#include <cstring>

namespace {
constexpr char kBom[] = "\xEF\xBB\xBF";

// Position of the first CR or LF in [from, end), or end. Two memchr passes beat a byte loop
// because CR is rare: its position is remembered across calls by the caller.
const char* findLf(const char* from, const char* end)
{
    const void* hit = std::memchr(from, '\n', size_t(end - from));
    return hit ? static_cast<const char*>(hit) : end;
}

const char* findCr(const char* from, const char* end)
{
    const void* hit = std::memchr(from, '\r', size_t(end - from));
    return hit ? static_cast<const char*>(hit) : end;
}
} // namespace

SseParser::SseParser(qsizetype maxLineBytes)
    : m_maxLineBytes(maxLineBytes > 0 ? maxLineBytes : 1)
{
}

bool SseParser::feed(QByteArrayView bytes, QList<SseEvent>& out)
{
    if (m_failed) {
        return false;
    }
    if (!m_atStart) {
        return feedBytes(bytes, out);
    }
    // WHATWG: one leading UTF-8 BOM is dropped; it may itself arrive split across feeds.
    m_startBytes.append(bytes.data(), bytes.size());
    const QByteArrayView bom(kBom, 3);
    if (m_startBytes.size() < 3 && bom.startsWith(m_startBytes)) {
        return true;
    }
    m_atStart = false;
    const QByteArray start = std::move(m_startBytes);
    m_startBytes = QByteArray();
    QByteArrayView view(start);
    if (view.startsWith(bom)) {
        view = view.sliced(3);
    }
    return feedBytes(view, out);
}

bool SseParser::feedBytes(QByteArrayView bytes, QList<SseEvent>& out)
{
    const char* pos = bytes.data();
    const char* const end = pos + bytes.size();
    if (pos == end) {
        return true;
    }
    if (m_skipLeadingLf) {
        m_skipLeadingLf = false;
        if (*pos == '\n') {
            ++pos;
        }
    }
    const char* nextCr = findCr(pos, end);
    const char* nextLf = findLf(pos, end);
    while (pos < end) {
        if (nextCr < pos) {
            nextCr = findCr(pos, end);
        }
        if (nextLf < pos) {
            nextLf = findLf(pos, end);
        }
        const char* lineEnd = nextCr < nextLf ? nextCr : nextLf;
        if (lineEnd == end) {
            if (m_line.size() + (end - pos) > m_maxLineBytes) {
                return fail(QCoreApplication::translate("SseParser", "Event stream line longer than %1 bytes")
                                .arg(m_maxLineBytes));
            }
            m_line.append(pos, end - pos);
            return true;
        }
        if (m_line.size() + (lineEnd - pos) > m_maxLineBytes) {
            return fail(
                QCoreApplication::translate("SseParser", "Event stream line longer than %1 bytes").arg(m_maxLineBytes));
        }
        bool ok;
        if (m_line.isEmpty()) {
            ok = processLine(QByteArrayView(pos, lineEnd - pos), out);
        } else {
            m_line.append(pos, lineEnd - pos);
            ok = processLine(m_line, out);
            m_line.clear();
        }
        if (!ok) {
            return false;
        }
        pos = lineEnd + 1;
        if (*lineEnd == '\r') {
            if (pos == end) {
                m_skipLeadingLf = true;
            } else if (*pos == '\n') {
                ++pos;
            }
        }
    }
    return true;
}

bool SseParser::processLine(QByteArrayView line, QList<SseEvent>& out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return true;
    }
    if (line.front() == ':') {
        ++m_commentCount;
        return true;
    }
    QByteArrayView field;
    QByteArrayView value;
    // Nearly every line of an LLM stream is one of these two: skip the general split.
    if (line.size() >= 6 && std::memcmp(line.data(), "data: ", 6) == 0) {
        field = line.first(4);
        value = line.sliced(6);
    } else if (line.size() >= 7 && std::memcmp(line.data(), "event: ", 7) == 0) {
        field = line.first(5);
        value = line.sliced(7);
    } else {
        const qsizetype colon = line.indexOf(':');
        field = colon < 0 ? line : line.first(colon);
        if (colon >= 0) {
            value = line.sliced(colon + 1);
            if (!value.isEmpty() && value.front() == ' ') {
                value = value.sliced(1);
            }
        }
    }
    if (field.size() == 4 && std::memcmp(field.data(), "data", 4) == 0) {
        if (m_data.size() + value.size() + 1 > m_maxLineBytes) {
            return fail(QCoreApplication::translate("SseParser", "Event stream event longer than %1 bytes")
                            .arg(m_maxLineBytes));
        }
        if (m_hasData) {
            m_data.append('\n');
        }
        m_data.append(value.data(), value.size());
        m_hasData = true;
    } else if (field.size() == 5 && std::memcmp(field.data(), "event", 5) == 0) {
        // Streams repeat a handful of names ("content_block_delta"): share the last one's buffer.
        if (value != QByteArrayView(m_lastEvent)) {
            m_lastEvent = value.toByteArray();
        }
        m_event = m_lastEvent;
    } else if (field != "id" && field != "retry") {
        if (m_unknownFieldCount++ == 0) {
            m_firstUnknownLine = line.first(qMin<qsizetype>(line.size(), 200)).toByteArray();
        }
    }
    // id:, retry: and unknown fields change nothing an LLM client needs.
    return true;
}

void SseParser::dispatch(QList<SseEvent>& out)
{
    if (m_hasData || !m_event.isEmpty()) {
        out.append(SseEvent { std::move(m_event), std::move(m_data) });
    }
    m_event = QByteArray();
    m_data = QByteArray();
    m_hasData = false;
}

void SseParser::finish(QList<SseEvent>& out)
{
    if (m_failed) {
        return;
    }
    if (m_atStart) {
        // Still at the start means at most a partial BOM arrived: nothing that could form a line.
        m_atStart = false;
        m_startBytes = QByteArray();
        return;
    }
    if (!m_line.isEmpty()) {
        const QByteArray line = std::move(m_line);
        m_line = QByteArray();
        if (!processLine(line, out)) {
            return;
        }
    }
    dispatch(out);
}

bool SseParser::fail(const QString& message)
{
    m_failed = true;
    m_errorString = message;
    m_line.clear();
    m_data.clear();
    return false;
}
