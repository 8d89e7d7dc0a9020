#include "core/common/JsonText.h"

namespace JsonText {

void appendString(QByteArray& out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.reserve(out.size() + utf8.size() + 2);
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
    appendString(out, QByteArrayView(text.toUtf8()));
}

QByteArray quoted(const QString& text)
{
    QByteArray out;
    appendString(out, text);
    return out;
}

} // namespace JsonText
