#include "core/gateway/GatewayJson.h"

namespace GatewayJson {

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
