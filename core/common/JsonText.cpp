#include "core/common/JsonText.h"

#include <algorithm>
#include <charconv>

namespace {
// Room for `more` bytes with geometric growth: reserving the exact size before each string made
// every later append of a long row reallocate and copy it.
void makeRoom(QByteArray& out, qsizetype more)
{
    if (out.capacity() - out.size() < more) {
        out.reserve(std::max(out.size() + more, out.capacity() * 2));
    }
}
} // namespace

namespace JsonText {

void appendInteger(QByteArray& out, qint64 value)
{
    char digits[24];
    const char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end - digits);
}

void appendString(QByteArray& out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    makeRoom(out, utf8.size() + 2);
    out.append('"');
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        out.append(utf8.sliced(runStart, i - runStart));
        runStart = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default: {
            const char escaped[] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            out.append(escaped, 6);
        }
        }
    }
    out.append(utf8.sliced(runStart));
    out.append('"');
}

void appendString(QByteArray& out, const QString& text)
{
    // Printable ASCII without quotes or backslashes (ids, names, most short texts) is written in
    // place; anything else goes through UTF-8.
    const char16_t* chars = reinterpret_cast<const char16_t*>(text.constData());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = chars[i];
        if (c >= 0x80 || c < 0x20 || c == u'"' || c == u'\\') {
            appendString(out, QByteArrayView(text.toUtf8()));
            return;
        }
    }
    makeRoom(out, size + 2);
    const qsizetype at = out.size();
    out.resize(at + size + 2);
    char* data = out.data() + at;
    *data++ = '"';
    std::copy(chars, chars + size, data);
    data[size] = '"';
}

QByteArray quoted(const QString& text)
{
    QByteArray out;
    appendString(out, text);
    return out;
}

} // namespace JsonText
