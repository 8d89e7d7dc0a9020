#include "core/providers/HttpResponseParser.h"

#include "core/common/HttpText.h"

namespace {
QByteArray lowerTrimmed(QByteArrayView text)
{
    return text.trimmed().toByteArray().toLower();
}

} // namespace

QByteArray HttpResponseParser::header(QByteArrayView lowerName) const
{
    for (const auto& [name, value] : m_headers) {
        if (name == lowerName) {
            return value;
        }
    }
    return {};
}

void HttpResponseParser::fail(const char* text)
{
    m_state = State::Error;
    m_error = text;
    m_keepAlive = false;
}

HttpResponseParser::State HttpResponseParser::feed(QByteArrayView bytes, QByteArray& body)
{
    if (m_state == State::Complete || m_state == State::Error) {
        if (!bytes.isEmpty() && m_state == State::Complete) {
            m_keepAlive = false; // bytes nobody asked for: this connection cannot be trusted again
        }
        return m_state;
    }
    if (m_state == State::Body && m_in.size() == m_pos && m_mode != BodyMode::Chunked) {
        // The common streaming case: raw body bytes, no copy into the head buffer.
        m_in.clear();
        m_pos = 0;
        if (m_mode == BodyMode::UntilClose) {
            body.append(bytes);
            return m_state;
        }
        const qint64 take = qMin<qint64>(m_remaining, bytes.size());
        body.append(bytes.first(take));
        m_remaining -= take;
        if (m_remaining == 0) {
            m_state = State::Complete;
            if (take < bytes.size()) {
                m_keepAlive = false;
            }
        }
        return m_state;
    }
    m_in.append(bytes);
    while (m_state == State::Head) {
        if (!parseHead()) {
            break;
        }
    }
    if (m_state == State::Body) {
        parseBody(body);
    }
    if (m_state == State::Complete && m_pos < m_in.size()) {
        m_keepAlive = false; // bytes after the response: this connection cannot be trusted again
    }
    if (m_pos > 0 && (m_pos == m_in.size() || m_pos > 64 * 1024)) {
        m_in.remove(0, m_pos);
        m_pos = 0;
    }
    return m_state;
}

HttpResponseParser::State HttpResponseParser::finishOnClose()
{
    if (m_state == State::Body && m_mode == BodyMode::UntilClose) {
        m_state = State::Complete;
        m_keepAlive = false;
    } else if (m_state == State::Head || m_state == State::Body) {
        fail(m_state == State::Head ? "connection closed before the response headers"
                                    : "connection closed before the response body was complete");
    }
    return m_state;
}

// One head (status line and fields); false when more bytes are needed or on error.
bool HttpResponseParser::parseHead()
{
    const qsizetype end = m_in.indexOf("\r\n\r\n", m_pos);
    if ((end < 0 ? m_in.size() : end) - m_pos > kMaxHeadBytes) {
        fail("response headers too large");
        return false;
    }
    if (end < 0) {
        return false;
    }
    const QByteArrayView head = QByteArrayView(m_in).sliced(m_pos, end - m_pos);
    m_pos = end + 4;
    qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView statusLine = lineEnd < 0 ? head : head.first(lineEnd);
    if (!statusLine.startsWith("HTTP/1.") || statusLine.size() < 12 || statusLine[8] != ' ') {
        fail("not an HTTP/1.x response");
        return false;
    }
    m_http10 = statusLine[7] == '0';
    bool ok = false;
    m_status = statusLine.sliced(9, 3).toInt(&ok);
    if (!ok || m_status < 100 || m_status > 999) {
        fail("bad status code in the response");
        return false;
    }
    m_headers.clear();
    qsizetype start = lineEnd < 0 ? head.size() : lineEnd + 2;
    while (start < head.size()) {
        lineEnd = head.indexOf("\r\n", start);
        const QByteArrayView line = head.sliced(start, (lineEnd < 0 ? head.size() : lineEnd) - start);
        start = lineEnd < 0 ? head.size() : lineEnd + 2;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail("malformed response header line");
            return false;
        }
        m_headers.append({ lowerTrimmed(line.first(colon)), line.sliced(colon + 1).trimmed().toByteArray() });
    }
    if (m_status >= 100 && m_status < 200) {
        return true; // interim (100 Continue): the real head follows
    }
    const QByteArray connection = header("connection");
    m_keepAlive
        = m_http10 ? HttpText::listHasToken(connection, "keep-alive") : !HttpText::listHasToken(connection, "close");
    const QByteArray transferEncoding = header("transfer-encoding");
    const QByteArray contentLength = header("content-length");
    if (m_noBody || m_status == 204 || m_status == 304) {
        m_mode = BodyMode::None;
    } else if (!transferEncoding.isEmpty()) {
        if (!HttpText::listHasToken(transferEncoding, "chunked")) {
            fail("unsupported transfer encoding");
            return false;
        }
        m_mode = BodyMode::Chunked;
    } else if (!contentLength.isEmpty()) {
        m_remaining = contentLength.toLongLong(&ok);
        if (!ok || m_remaining < 0) {
            fail("bad Content-Length in the response");
            return false;
        }
        m_mode = BodyMode::Length;
    } else {
        m_mode = BodyMode::UntilClose;
        m_keepAlive = false;
    }
    m_state = (m_mode == BodyMode::None || (m_mode == BodyMode::Length && m_remaining == 0)) ? State::Complete
                                                                                             : State::Body;
    return false;
}

void HttpResponseParser::parseBody(QByteArray& body)
{
    const qsizetype available = m_in.size() - m_pos;
    switch (m_mode) {
    case BodyMode::UntilClose:
        body.append(QByteArrayView(m_in).sliced(m_pos));
        m_pos = m_in.size();
        break;
    case BodyMode::Length: {
        const qint64 take = qMin<qint64>(m_remaining, available);
        body.append(QByteArrayView(m_in).sliced(m_pos, take));
        m_pos += take;
        m_remaining -= take;
        if (m_remaining == 0) {
            m_state = State::Complete;
        }
        break;
    }
    case BodyMode::Chunked:
        parseChunked(body);
        break;
    case BodyMode::None:
        m_state = State::Complete;
        break;
    }
    if (m_state == State::Complete && m_pos < m_in.size()) {
        m_keepAlive = false;
    }
}

void HttpResponseParser::parseChunked(QByteArray& body)
{
    while (m_state == State::Body) {
        const QByteArrayView rest = QByteArrayView(m_in).sliced(m_pos);
        switch (m_chunkState) {
        case ChunkState::Size: {
            const qsizetype lineEnd = rest.indexOf("\r\n");
            // The same limit whether the line arrives in one read or many.
            if ((lineEnd < 0 ? rest.size() : lineEnd) > kMaxChunkLineBytes) {
                fail("malformed chunk size line");
                return;
            }
            if (lineEnd < 0) {
                return;
            }
            QByteArrayView size = rest.first(lineEnd);
            if (const qsizetype semicolon = size.indexOf(';'); semicolon >= 0) {
                size = size.first(semicolon); // chunk extensions are ignored
            }
            size = size.trimmed();
            bool ok = !size.isEmpty() && size.size() <= 15;
            for (char c : size) {
                ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
            }
            m_remaining = ok ? size.toLongLong(&ok, 16) : -1;
            if (!ok || m_remaining < 0) {
                fail("malformed chunk size");
                return;
            }
            m_pos += lineEnd + 2;
            m_chunkState = m_remaining == 0 ? ChunkState::Trailer : ChunkState::Data;
            break;
        }
        case ChunkState::Data: {
            if (rest.isEmpty()) {
                return;
            }
            const qint64 take = qMin<qint64>(m_remaining, rest.size());
            body.append(rest.first(take));
            m_pos += take;
            m_remaining -= take;
            if (m_remaining == 0) {
                m_chunkState = ChunkState::DataEnd;
            }
            break;
        }
        case ChunkState::DataEnd:
            if (rest.size() < 2) {
                return;
            }
            if (!rest.startsWith("\r\n")) {
                fail("chunk data not followed by CRLF");
                return;
            }
            m_pos += 2;
            m_chunkState = ChunkState::Size;
            break;
        case ChunkState::Trailer: {
            const qsizetype lineEnd = rest.indexOf("\r\n");
            if ((lineEnd < 0 ? rest.size() : lineEnd) > kMaxHeadBytes) {
                fail("response trailer too large");
                return;
            }
            if (lineEnd < 0) {
                return;
            }
            m_pos += lineEnd + 2;
            if (lineEnd == 0) {
                m_state = State::Complete;
            }
            break;
        }
        }
    }
}
