#pragma once

#include "WireFormat.h"

#include <QJsonValue>

// OpenAI Chat Completions and everything that speaks it: OpenAI, Azure, DeepSeek, OpenRouter,
// Gemini's OpenAI endpoint, Ollama /v1, Groq, llama.cpp...
class OpenAiWire : public WireFormat
{
public:
    QString endpointPath() const override { return QStringLiteral("chat/completions"); }
    QList<std::pair<QByteArray, QByteArray>> authHeaders(const QString& apiKey) const override;
    QByteArray buildRequestBody(const QString& upstreamModel, const ChatRequest& request) const override;
    std::unique_ptr<StreamDecoder> createStreamDecoder() const override;
    WireDelta decodeResponse(const QByteArray& body) const override;

    // A "usage" object normalised to TokenUsage; nullopt for null/absent/not an object.
    static std::optional<TokenUsage> parseUsage(const QJsonValue& usage);
};
