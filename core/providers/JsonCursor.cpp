#include "core/providers/JsonCursor.h"

#include "core/providers/WireJson.h"

#include <cstring>

namespace {
int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}
} // namespace

// string() for anything but plain ASCII: escapes, UTF-8, control characters, a missing end.
bool JsonCursor::stringWithEscapes(QString* decoded, bool* escaped)
{
    ++m_at;
    const char* const start = m_at;
    const char* runStart = m_at;
    bool nonAscii = false;
    QString text;
    auto flushRun = [&] {
        if (decoded && m_at > runStart) {
            text += QString::fromUtf8(runStart, m_at - runStart);
        }
    };
    while (m_at < m_end) {
        m_at = skipPlain(m_at, m_end);
        if (m_at >= m_end) {
            break;
        }
        const unsigned char c = static_cast<unsigned char>(*m_at);
        if (c == '"') {
            if (nonAscii && !WireJson::isValidUtf8(QByteArrayView(start, m_at - start))) {
                return false; // escapes are ASCII, so checking the raw text checks every run
            }
            flushRun();
            ++m_at;
            if (decoded) {
                *decoded = std::move(text);
            }
            return true;
        }
        if (c < 0x20) {
            return false;
        }
        if (c != '\\') {
            nonAscii |= c >= 0x80;
            ++m_at;
            continue;
        }
        if (escaped) {
            *escaped = true;
        }
        flushRun();
        if (m_end - m_at < 2) {
            return false;
        }
        const char escaped = m_at[1];
        m_at += 2;
        char16_t unit = 0;
        switch (escaped) {
        case '"':
        case '\\':
        case '/':
            unit = char16_t(escaped);
            break;
        case 'b':
            unit = u'\b';
            break;
        case 'f':
            unit = u'\f';
            break;
        case 'n':
            unit = u'\n';
            break;
        case 'r':
            unit = u'\r';
            break;
        case 't':
            unit = u'\t';
            break;
        case 'u': {
            if (m_end - m_at < 4) {
                return false;
            }
            int code = 0;
            for (int i = 0; i < 4; ++i) {
                const int digit = hexValue(m_at[i]);
                if (digit < 0) {
                    return false;
                }
                code = code * 16 + digit;
            }
            m_at += 4;
            if (code >= 0xD800 && code <= 0xDFFF) {
                return false; // surrogates: how lone ones decode is the full decoder's call
            }
            unit = char16_t(code);
            break;
        }
        default:
            return false;
        }
        if (decoded) {
            text += QChar(unit);
        }
        runStart = m_at;
    }
    return false;
}

bool JsonCursor::number(bool* isZero)
{
    const char* start = m_at;
    if (m_at < m_end && *m_at == '-') {
        ++m_at;
    }
    if (m_at >= m_end) {
        return false;
    }
    if (*m_at == '0') {
        ++m_at;
    } else if (*m_at >= '1' && *m_at <= '9') {
        while (m_at < m_end && *m_at >= '0' && *m_at <= '9') {
            ++m_at;
        }
    } else {
        return false;
    }
    const bool integer = m_at == m_end || (*m_at != '.' && *m_at != 'e' && *m_at != 'E');
    if (m_at < m_end && *m_at == '.') {
        ++m_at;
        const char* digits = m_at;
        while (m_at < m_end && *m_at >= '0' && *m_at <= '9') {
            ++m_at;
        }
        if (m_at == digits) {
            return false;
        }
    }
    const bool exponent = m_at < m_end && (*m_at == 'e' || *m_at == 'E');
    if (exponent) {
        ++m_at;
        if (m_at < m_end && (*m_at == '+' || *m_at == '-')) {
            ++m_at;
        }
        const char* digits = m_at;
        while (m_at < m_end && *m_at >= '0' && *m_at <= '9') {
            ++m_at;
        }
        if (m_at == digits) {
            return false;
        }
    }
    *isZero = integer && m_at - start == 1 && *start == '0';
    // Exponents and very long numbers may overflow a double, which QJsonDocument refuses.
    return m_at - start <= 18 && !exponent;
}

bool JsonCursor::count(qint64* into)
{
    qint64 value = 0;
    const char* start = m_at;
    while (m_at < m_end && *m_at >= '0' && *m_at <= '9') {
        if (m_at - start == 15) {
            return false; // before the product could overflow
        }
        value = value * 10 + (*m_at - '0');
        ++m_at;
    }
    const qsizetype digits = m_at - start;
    if (digits == 0 || (digits > 1 && *start == '0')) {
        return false;
    }
    if (m_at < m_end && (*m_at == '.' || *m_at == 'e' || *m_at == 'E')) {
        return false;
    }
    *into = value;
    return true;
}

bool JsonCursor::skipValue(int depth)
{
    if (atEnd() || depth > kMaxDepth) {
        return false;
    }
    switch (*m_at) {
    case '"':
        return string(nullptr);
    case '{':
        return skipContainer('}', depth);
    case '[':
        return skipContainer(']', depth);
    case 't':
        return literal("true");
    case 'f':
        return literal("false");
    case 'n':
        return literal("null");
    default:
        bool isZero = false;
        return number(&isZero);
    }
}

bool JsonCursor::skipContainer(char close, int depth)
{
    const bool isObject = close == '}';
    ++m_at; // '{' or '['
    skipSpace();
    if (consume(close)) {
        return true;
    }
    while (!atEnd()) {
        if (isObject) {
            if (*m_at != '"' || !string(nullptr)) {
                return false;
            }
            skipSpace();
            if (!consume(':')) {
                return false;
            }
            skipSpace();
        }
        if (!skipValue(depth + 1)) {
            return false;
        }
        skipSpace();
        if (consume(close)) {
            return true;
        }
        if (!consume(',')) {
            return false;
        }
        skipSpace();
    }
    return false;
}

bool JsonCursor::literal(QByteArrayView word)
{
    if (m_end - m_at < word.size() || std::memcmp(m_at, word.data(), size_t(word.size())) != 0) {
        return false;
    }
    m_at += word.size();
    return true;
}
