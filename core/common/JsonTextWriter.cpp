#include "core/common/JsonTextWriter.h"

#include <algorithm>
#include <charconv>
#include <cmath>

JsonTextWriter::JsonTextWriter(qsizetype capacity)
    : m_data(new char[size_t(std::max<qsizetype>(capacity, 64))])
    , m_at(m_data.get())
    , m_end(m_data.get() + std::max<qsizetype>(capacity, 64))
{
}

void JsonTextWriter::grow(qsizetype more)
{
    const qsizetype used = size();
    const qsizetype capacity = std::max<qsizetype>(used + more, 2 * (m_end - m_data.get()));
    std::unique_ptr<char[]> data(new char[size_t(capacity)]);
    std::memcpy(data.get(), m_data.get(), size_t(used));
    m_data = std::move(data);
    m_at = m_data.get() + used;
    m_end = m_data.get() + capacity;
}

void JsonTextWriter::key(const char* name)
{
    const qsizetype length = qsizetype(std::strlen(name));
    room(length + 3);
    *m_at++ = '"';
    std::memcpy(m_at, name, size_t(length));
    m_at += length;
    *m_at++ = '"';
    *m_at++ = ':';
}

void JsonTextWriter::string(QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    // Room for the most a block can take escaped (6 bytes a byte), block by block: a long text is
    // not given six times its size at once.
    constexpr qsizetype kBlock = 4096;
    room(std::min(utf8.size(), kBlock) * 6 + 2);
    *m_at++ = '"';
    for (qsizetype from = 0; from < utf8.size(); from += kBlock) {
        const QByteArrayView block = utf8.sliced(from, std::min(kBlock, utf8.size() - from));
        room(block.size() * 6 + 1);
        for (const char byte : block) {
            const auto c = static_cast<unsigned char>(byte);
            if (c >= 0x20 && c != '"' && c != '\\') {
                *m_at++ = byte;
                continue;
            }
            *m_at++ = '\\';
            switch (c) {
            case '"':
                *m_at++ = '"';
                break;
            case '\\':
                *m_at++ = '\\';
                break;
            case '\n':
                *m_at++ = 'n';
                break;
            case '\r':
                *m_at++ = 'r';
                break;
            case '\t':
                *m_at++ = 't';
                break;
            default:
                *m_at++ = 'u';
                *m_at++ = '0';
                *m_at++ = '0';
                *m_at++ = hex[c >> 4];
                *m_at++ = hex[c & 15];
            }
        }
    }
    room(1);
    *m_at++ = '"';
}

void JsonTextWriter::string(const QString& text)
{
    // Printable ASCII without quotes or backslashes (ids, names, most texts) is copied as it is;
    // anything else goes through UTF-8, escaped like JsonText.
    const char16_t* chars = reinterpret_cast<const char16_t*>(text.constData());
    const qsizetype length = text.size();
    room(length + 2);
    char* at = m_at;
    *at++ = '"';
    for (qsizetype i = 0; i < length; ++i) {
        const char16_t c = chars[i];
        if (c >= 0x80 || c < 0x20 || c == u'"' || c == u'\\') {
            string(QByteArrayView(text.toUtf8()));
            return;
        }
        *at++ = char(c);
    }
    *at++ = '"';
    m_at = at;
}

void JsonTextWriter::number(qint64 value)
{
    room(24);
    m_at = std::to_chars(m_at, m_end, value).ptr;
}

void JsonTextWriter::number(double value)
{
    if (!std::isfinite(value)) {
        raw("null");
        return;
    }
    room(32);
    m_at = std::to_chars(m_at, m_end, value).ptr; // the shortest text that reads back the same
}
