#include "GatewayJson.h"

namespace GatewayJson {

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

QByteArray openAiUsage(const TokenUsage& usage)
{
    QByteArray out;
    out.reserve(200);
    out += "{\"prompt_tokens\":" + QByteArray::number(usage.promptTokens)
        + ",\"completion_tokens\":" + QByteArray::number(usage.completionTokens)
        + ",\"total_tokens\":" + QByteArray::number(usage.promptTokens + usage.completionTokens)
        + ",\"prompt_tokens_details\":{\"cached_tokens\":" + QByteArray::number(usage.cachedTokens)
        + "},\"completion_tokens_details\":{\"reasoning_tokens\":" + QByteArray::number(usage.reasoningTokens) + "}}";
    return out;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // Walks the expected secret's full length whatever the input, so timing leaks only lengths.
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < b.size(); ++i) {
        const unsigned char left = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        difference |= left ^ static_cast<unsigned char>(b[i]);
    }
    return difference == 0 && !b.isEmpty();
}

} // namespace GatewayJson
