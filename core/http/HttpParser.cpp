#include "core/http/HttpParser.h"

#include "core/common/HttpText.h"

#include <cstring>

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (char c : text) {
        if (!isTokenChar(c)) {
            return false;
        }
    }
    return true;
}

// Checks bytes not checked before: a head arrives in pieces and each piece is looked at once.
bool hasBareLineFeedFrom(QByteArrayView text, qsizetype from)
{
    const char* data = text.data();
    const qsizetype size = text.size();
    for (qsizetype at = from; at < size;) {
        const void* found = std::memchr(data + at, '\n', size_t(size - at));
        if (!found) {
            return false;
        }
        const qsizetype lf = static_cast<const char*>(found) - data;
        if (lf == 0 || data[lf - 1] != '\r') {
            return true;
        }
        at = lf + 1;
    }
    return false;
}

} // namespace

bool HttpParser::hasBareLineFeed(QByteArrayView head)
{
    const bool found = hasBareLineFeedFrom(head, qMin(m_lineFeedsCheckedTo, head.size()));
    m_lineFeedsCheckedTo = head.size();
    return found;
}

HttpParser::Result HttpParser::next(HttpRequest* request)
{
    if (m_failure.status != 0) {
        return Result::Error;
    }
    if (m_bodyLength < 0) {
        const Result head = parseHead();
        if (head != Result::Request) {
            return head;
        }
    }
    const Result body = parseBody();
    if (body != Result::Request) {
        return body;
    }
    const QHostAddress peer = m_request.peer;
    *request = std::move(m_request);
    m_request = HttpRequest {};
    m_request.peer = peer;
    m_bodyLength = -1;
    m_wantsContinue = false;
    m_continueSent = false;
    return Result::Request;
}

bool HttpParser::takeContinue()
{
    if (!m_wantsContinue || m_continueSent) {
        return false;
    }
    m_continueSent = true;
    return true;
}

bool HttpParser::keepAlive(const HttpRequest& request)
{
    const QByteArray connection = request.header("connection");
    return request.http10 ? HttpText::listHasToken(connection, "keep-alive")
                          : !HttpText::listHasToken(connection, "close");
}

HttpParser::Result HttpParser::fail(int status, const char* code, const char* message)
{
    m_failure = Failure { status, code, message };
    return Result::Error;
}

HttpParser::Result HttpParser::parseHead()
{
    // Tolerate blank lines between requests (RFC 9112 2.2).
    qsizetype start = 0;
    while (start + 1 < m_in.size() && m_in[start] == '\r' && m_in[start + 1] == '\n') {
        start += 2;
    }
    if (start > 0) {
        m_in.remove(0, start);
        m_scanFrom = 0;
        m_lineFeedsCheckedTo = 0;
    }
    const qsizetype headEnd = m_in.indexOf("\r\n\r\n", m_scanFrom);
    // A bare LF would leave a client that ends lines with "\n" waiting for an answer forever;
    // answer 400 as soon as one shows up in the head (RFC 9112 2.2 lets a server reject it).
    if (hasBareLineFeed(QByteArrayView(m_in).first(headEnd < 0 ? m_in.size() : headEnd + 4))) {
        return fail(400, "bad_request", "Malformed request: header lines must end with CRLF");
    }
    if (headEnd < 0) {
        if (m_in.size() > kMaxHeadBytes) {
            return fail(431, "request_header_fields_too_large", "Request headers exceed 64 KiB");
        }
        m_scanFrom = qMax<qsizetype>(0, m_in.size() - 3);
        return Result::NeedMore;
    }
    if (headEnd + 4 > kMaxHeadBytes) {
        return fail(431, "request_header_fields_too_large", "Request headers exceed 64 KiB");
    }
    m_scanFrom = 0;
    const QByteArrayView head(m_in.constData(), headEnd);
    qsizetype lineEnd = head.indexOf("\r\n");
    if (lineEnd < 0) {
        lineEnd = head.size();
    }

    // Request line: METHOD SP target SP HTTP/1.x
    const QByteArrayView line = head.first(lineEnd);
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
        return fail(400, "bad_request", "Malformed request line");
    }
    const QByteArrayView method = line.first(sp1);
    QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method) || target.isEmpty()) {
        return fail(400, "bad_request", "Malformed request line");
    }
    for (char c : target) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
            return fail(400, "bad_request", "Malformed request target");
        }
    }
    if (version == "HTTP/1.1") {
        m_request.http10 = false;
    } else if (version == "HTTP/1.0") {
        m_request.http10 = true;
    } else if (version.startsWith("HTTP/")) {
        return fail(505, "http_version_not_supported", "Only HTTP/1.0 and HTTP/1.1 are supported");
    } else {
        return fail(400, "bad_request", "Malformed request line");
    }
    if (target.startsWith("http://") || target.startsWith("https://")) { // absolute form
        const qsizetype pathStart = target.indexOf('/', target.indexOf("//") + 2);
        target = pathStart < 0 ? QByteArrayView("/") : target.sliced(pathStart);
    } else if (target[0] != '/' && target != "*") {
        return fail(400, "bad_request", "Malformed request target");
    }
    m_request.method = method.toByteArray();
    const qsizetype queryAt = target.indexOf('?');
    if (queryAt >= 0) {
        m_request.path = target.first(queryAt).toByteArray();
        m_request.query = target.sliced(queryAt + 1).toByteArray();
    } else {
        m_request.path = target.toByteArray();
        m_request.query.clear();
    }

    // Header fields.
    m_request.headers.clear();
    qint64 contentLength = -1;
    bool chunked = false;
    qsizetype pos = lineEnd + 2;
    while (pos < head.size()) {
        qsizetype next = head.indexOf("\r\n", pos);
        if (next < 0) {
            next = head.size();
        }
        const QByteArrayView field = head.sliced(pos, next - pos);
        pos = next + 2;
        const qsizetype colon = field.indexOf(':');
        if (colon <= 0 || !isToken(field.first(colon))) {
            return fail(400, "bad_request", "Malformed header field");
        }
        QByteArray name = field.first(colon).toByteArray().toLower();
        const QByteArrayView value = HttpText::trimmed(field.sliced(colon + 1));
        if (name == "content-length") {
            bool ok = value.size() > 0 && value.size() <= 18;
            for (char c : value) {
                ok = ok && c >= '0' && c <= '9';
            }
            const qint64 length = ok ? value.toLongLong(&ok) : -1;
            if (!ok || (contentLength >= 0 && contentLength != length)) {
                return fail(400, "bad_request", "Invalid Content-Length");
            }
            contentLength = length;
        } else if (name == "transfer-encoding") {
            if (value.compare("chunked", Qt::CaseInsensitive) != 0) {
                return fail(501, "not_implemented", "Only the chunked transfer coding is supported");
            }
            chunked = true;
        }
        m_request.headers.emplaceBack(std::move(name), value.toByteArray());
    }
    m_in.remove(0, headEnd + 4);
    m_lineFeedsCheckedTo = 0;

    if (chunked && contentLength >= 0) {
        return fail(400, "bad_request", "Both Content-Length and Transfer-Encoding"); // request smuggling guard
    }
    if (contentLength > m_maxBodyBytes) {
        return fail(413, "request_too_large", "Request body too large");
    }
    m_bodyLength = qMax<qint64>(0, contentLength);
    m_chunkState = chunked ? ChunkState::Size : ChunkState::None;
    return Result::Request;
}

HttpParser::Result HttpParser::parseChunked()
{
    for (;;) {
        if (m_chunkState == ChunkState::Data) {
            if (m_in.size() < m_chunkRemaining + 2) {
                m_wantsContinue = m_request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0;
                return Result::NeedMore;
            }
            if (m_in[m_chunkRemaining] != '\r' || m_in[m_chunkRemaining + 1] != '\n') {
                return fail(400, "bad_request", "Malformed chunked body");
            }
            m_request.body.append(m_in.constData(), m_chunkRemaining);
            m_in.remove(0, m_chunkRemaining + 2);
            m_chunkState = ChunkState::Size;
            continue;
        }
        const qsizetype lineEnd = m_in.indexOf("\r\n");
        if (lineEnd < 0) {
            if (m_in.size() > kMaxHeadBytes) {
                return fail(400, "bad_request", "Malformed chunked body");
            }
            m_wantsContinue = m_request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0;
            return Result::NeedMore;
        }
        const QByteArrayView line(m_in.constData(), lineEnd);
        if (m_chunkState == ChunkState::Trailer) {
            m_in.remove(0, lineEnd + 2);
            if (line.isEmpty()) {
                m_chunkState = ChunkState::None;
                return Result::Request;
            }
            continue;
        }
        QByteArrayView sizeText = line;
        if (const qsizetype semicolon = line.indexOf(';'); semicolon >= 0) {
            sizeText = line.first(semicolon);
        }
        sizeText = HttpText::trimmed(sizeText);
        bool ok = !sizeText.isEmpty() && sizeText.size() <= 15;
        qint64 size = 0;
        for (char c : sizeText) {
            const int digit = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f'             ? c - 'a' + 10
                : c >= 'A' && c <= 'F'             ? c - 'A' + 10
                                                   : -1;
            ok = ok && digit >= 0;
            size = size * 16 + qMax(0, digit);
        }
        if (!ok) {
            return fail(400, "bad_request", "Malformed chunk size");
        }
        if (m_request.body.size() + size > m_maxBodyBytes) {
            return fail(413, "request_too_large", "Request body too large");
        }
        m_in.remove(0, lineEnd + 2);
        m_chunkRemaining = size;
        m_chunkState = size == 0 ? ChunkState::Trailer : ChunkState::Data;
    }
}

HttpParser::Result HttpParser::parseBody()
{
    if (m_chunkState != ChunkState::None) {
        return parseChunked();
    }
    if (m_in.size() < m_bodyLength) {
        m_wantsContinue = m_request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0;
        return Result::NeedMore;
    }
    if (m_bodyLength == m_in.size()) {
        m_request.body = std::exchange(m_in, QByteArray());
    } else {
        m_request.body = m_in.first(m_bodyLength);
        m_in.remove(0, m_bodyLength);
    }
    return Result::Request;
}
