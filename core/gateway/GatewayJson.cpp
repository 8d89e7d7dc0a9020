#include "core/gateway/GatewayJson.h"

namespace GatewayJson {

QByteArray openAiUsage(const TokenUsage& usage)
{
    // Appended in place: it ends every answer and every stream.
    QByteArray out;
    out.reserve(200);
    out += "{\"prompt_tokens\":";
    JsonText::appendInteger(out, usage.promptTokens);
    out += ",\"completion_tokens\":";
    JsonText::appendInteger(out, usage.completionTokens);
    out += ",\"total_tokens\":";
    JsonText::appendInteger(out, usage.promptTokens + usage.completionTokens);
    out += ",\"prompt_tokens_details\":{\"cached_tokens\":";
    JsonText::appendInteger(out, usage.cachedTokens);
    out += "},\"completion_tokens_details\":{\"reasoning_tokens\":";
    JsonText::appendInteger(out, usage.reasoningTokens);
    out += "}}";
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
