#include "core/common/LeanJsonDocument.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <cstring>

namespace {
bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void appendUtf8(QByteArray& out, char32_t code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

char16_t hex4(const char* p)
{
    return char16_t(QByteArrayView(p, 4).toUShort(nullptr, 16));
}
} // namespace

LeanJsonDocument LeanJsonDocument::fromJson(const QByteArray& json, QJsonParseError* error, qsizetype longString)
{
    LeanJsonDocument out;
    out.m_source = json;
    if (json.size() > longString) {
        const QByteArray skeleton = out.strip(longString);
        if (!out.m_spans.isEmpty()) {
            QJsonParseError skeletonError;
            out.m_document = QJsonDocument::fromJson(skeleton, &skeletonError);
            if (skeletonError.error == QJsonParseError::NoError) {
                if (error) {
                    *error = skeletonError;
                }
                return out;
            }
            // Offsets in the skeleton are not the client's: the whole text again, for its error.
            out.m_spans.clear();
        }
    }
    out.m_document = QJsonDocument::fromJson(json, error);
    return out;
}

// The skeleton: the source with every long string value replaced by a marker. A string whose
// escapes the parser refuses stays, so that the parser reports it.
QByteArray LeanJsonDocument::strip(qsizetype longString)
{
    const char* data = m_source.constData();
    const char* const end = data + m_source.size();
    QByteArray skeleton;
    qsizetype copied = 0;
    const char* p = data;
    while (p < end) {
        p = static_cast<const char*>(std::memchr(p, '"', size_t(end - p)));
        if (!p) {
            break;
        }
        const char* const open = p++;
        bool valid = true; // as Qt's parser has it: \u needs 4 hex digits, other escapes pass
        while (p < end && *p != '"') {
            if (*p == '\\') {
                if (++p == end) {
                    break;
                }
                if (*p == 'u') {
                    valid = valid && end - p > 4 && isHex(p[1]) && isHex(p[2]) && isHex(p[3]) && isHex(p[4]);
                }
            }
            ++p;
        }
        if (p >= end) {
            break; // unterminated: the parser says where
        }
        const char* const close = p++;
        if (!valid || close - open - 1 <= longString) {
            continue;
        }
        const char* next = p;
        while (next < end && isSpace(*next)) {
            ++next;
        }
        if (next < end && *next == ':') {
            continue; // a key, however long, stays a key
        }
        if (m_spans.isEmpty()) {
            m_marker = QChar(0) + QStringLiteral("lean:%1:").arg(QRandomGenerator::global()->generate64(), 0, 16);
            skeleton.reserve(m_source.size() / 8);
        }
        skeleton.append(data + copied, open - data - copied);
        skeleton += "\"\\u0000" + m_marker.mid(1).toLatin1() + QByteArray::number(m_spans.size()) + '"';
        m_spans.append({ open + 1 - data, close - open - 1 });
        copied = close + 1 - data;
    }
    if (!m_spans.isEmpty()) {
        skeleton.append(data + copied, m_source.size() - copied);
    }
    return skeleton;
}

qsizetype LeanJsonDocument::spanOf(const QJsonValue& value) const
{
    if (m_spans.isEmpty() || !value.isString()) {
        return -1;
    }
    const QString text = value.toString();
    if (!text.startsWith(m_marker)) {
        return -1;
    }
    bool ok = false;
    const qsizetype index = QStringView(text).sliced(m_marker.size()).toLongLong(&ok);
    return ok && index >= 0 && index < m_spans.size() ? index : -1;
}

QByteArrayView LeanJsonDocument::raw(const QJsonValue& value) const
{
    const qsizetype index = spanOf(value);
    if (index < 0) {
        return {};
    }
    return QByteArrayView(m_source.constData() + m_spans.at(index).start, m_spans.at(index).length);
}

QString LeanJsonDocument::string(const QJsonValue& value) const
{
    const qsizetype index = spanOf(value);
    return index < 0 ? value.toString() : decode(raw(value));
}

qsizetype LeanJsonDocument::stringSize(const QJsonValue& value) const
{
    const qsizetype index = spanOf(value);
    return index < 0 ? value.toString().size() : m_spans.at(index).length;
}

QByteArray LeanJsonDocument::toJson(const QJsonValue& value) const
{
    QByteArray json = value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
        : value.isArray()              ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                          : QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact).chopped(1).sliced(1);
    if (m_spans.isEmpty()) {
        return json;
    }
    // QJsonDocument writes the marker's NUL as \u0000.
    const QByteArray marker = "\"\\u0000" + m_marker.mid(1).toLatin1();
    QByteArray out;
    qsizetype from = 0;
    for (qsizetype at = json.indexOf(marker); at >= 0; at = json.indexOf(marker, from)) {
        const qsizetype digits = at + marker.size();
        const qsizetype close = json.indexOf('"', digits);
        bool ok = false;
        const qsizetype index = QByteArrayView(json).sliced(digits, close - digits).toLongLong(&ok);
        if (close < 0 || !ok || index < 0 || index >= m_spans.size()) {
            break;
        }
        out.append(QByteArrayView(json).sliced(from, at - from));
        out += '"';
        out.append(m_source.constData() + m_spans.at(index).start, m_spans.at(index).length);
        out += '"';
        from = close + 1;
    }
    if (from == 0) {
        return json;
    }
    out.append(QByteArrayView(json).sliced(from));
    return out;
}

QString LeanJsonDocument::decode(QByteArrayView raw)
{
    if (!raw.contains('\\')) {
        return QString::fromUtf8(raw);
    }
    // Unescaped into UTF-8 and converted once; a lone surrogate (which UTF-8 cannot hold and Qt's
    // parser keeps) sends the text the slower way, piece by piece into UTF-16.
    QByteArray utf8;
    utf8.reserve(raw.size());
    QString text;
    bool loneSurrogate = false;
    const auto flush = [&] {
        if (loneSurrogate) {
            text += QString::fromUtf8(utf8);
            utf8.clear();
        }
    };
    const char* p = raw.data();
    const char* const end = p + raw.size();
    while (p < end) {
        const char* slash = static_cast<const char*>(std::memchr(p, '\\', size_t(end - p)));
        if (!slash) {
            utf8.append(p, end - p);
            break;
        }
        utf8.append(p, slash - p);
        p = slash + 1;
        if (p >= end) {
            break;
        }
        const char c = *p++;
        switch (c) {
        case 'b':
            utf8 += '\b';
            break;
        case 'f':
            utf8 += '\f';
            break;
        case 'n':
            utf8 += '\n';
            break;
        case 'r':
            utf8 += '\r';
            break;
        case 't':
            utf8 += '\t';
            break;
        case 'u': {
            if (end - p < 4) {
                p = end;
                break;
            }
            char32_t code = hex4(p);
            p += 4;
            if (QChar::isHighSurrogate(code) && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                const char16_t low = hex4(p + 2);
                if (QChar::isLowSurrogate(low)) {
                    code = QChar::surrogateToUcs4(char16_t(code), low);
                    p += 6;
                }
            }
            if (QChar::isSurrogate(code)) {
                if (!loneSurrogate) {
                    loneSurrogate = true;
                    text.reserve(raw.size());
                }
                flush();
                text += QChar(char16_t(code));
            } else {
                appendUtf8(utf8, code);
            }
            break;
        }
        default:
            utf8 += c; // \" \\ \/ and, as Qt's parser reads them, unknown escapes
        }
    }
    if (!loneSurrogate) {
        return QString::fromUtf8(utf8);
    }
    flush();
    return text;
}
