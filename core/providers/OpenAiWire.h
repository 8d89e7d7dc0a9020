#pragma once

#include "core/providers/WireFormat.h"

#include <QJsonValue>

// OpenAI Chat Completions and everything that speaks it: OpenAI, Azure, DeepSeek, OpenRouter,
// Gemini's OpenAI endpoint, Ollama /v1, Groq, llama.cpp...
class OpenAiWire : public WireFormat
{
public:
    ProviderKind kind() const override { return ProviderKind::OpenAiCompatible; }
    QString endpointPath() const override { return QStringLiteral("chat/completions"); }
    QList<std::pair<QByteArray, QByteArray>> authHeaders(const QString& apiKey) const override;
    QByteArray buildRequestBody(const QString& upstreamModel, const ChatRequest& request) const override;
    std::unique_ptr<StreamDecoder> createStreamDecoder() const override;
    WireDelta decodeResponse(const QByteArray& body) const override;

    // The counts a "usage" object carries, as read off the wire (-1: absent).
    struct UsageCounts
    {
        qint64 promptTokens = 0;
        qint64 completionTokens = -1;
        qint64 totalTokens = -1;
        qint64 cachedTokens = 0; // prompt_tokens_details.cached_tokens
        qint64 cacheHitTokens = 0; // DeepSeek's prompt_cache_hit_tokens
        qint64 reasoningTokens = 0; // completion_tokens_details.reasoning_tokens
    };

    // A "usage" object normalised to TokenUsage; nullopt for null/absent/not an object.
    static std::optional<TokenUsage> parseUsage(const QJsonValue& usage);
    static TokenUsage usageFrom(const UsageCounts& counts);

    // Models that think before they answer and take max_completion_tokens, not max_tokens, and no
    // temperature or top_p: OpenAI's o1/o3/o4 and gpt-5 families (gpt-5-chat excepted), under any
    // provider prefix. deepseek-reasoner ignores sampling parameters, so none are sent to it either.
    static bool isReasoningModel(const QString& upstreamModel);
    static bool takesSamplingParameters(const QString& upstreamModel);

    // Azure: the content filter categories that fired on a choice (content_filter_results).
    static QStringList filteredCategoriesOf(const QJsonObject& choice);

    // Tool call pieces and refusal text of a message or stream delta object.
    static void readParts(const QJsonObject& message, QList<AnswerPart>& parts);
    // A choice's logprobs.content entries (logprobs: true), as one Logprobs part.
    static void readLogprobs(const QJsonObject& choice, QList<AnswerPart>& parts);

protected:
    BodyPieces rewriteClientBody(const QString& upstreamModel, const QByteArray& body, bool stream) const override;
};
