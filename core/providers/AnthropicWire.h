#pragma once

#include "core/providers/WireFormat.h"

#include <QJsonObject>

#include <optional>

// Anthropic Messages API (POST {base}/messages).
class AnthropicWire : public WireFormat
{
public:
    static constexpr int kDefaultMaxTokens = 4096; // max_tokens is required by the API

    ProviderKind kind() const override { return ProviderKind::AnthropicMessages; }
    QString endpointPath() const override { return QStringLiteral("messages"); }
    QList<std::pair<QByteArray, QByteArray>> authHeaders(const QString& apiKey) const override;
    QByteArray buildRequestBody(const QString& upstreamModel, const ChatRequest& request) const override;
    std::unique_ptr<StreamDecoder> createStreamDecoder() const override;
    WireDelta decodeResponse(const QByteArray& body) const override;

protected:
    BodyPieces rewriteClientBody(const QString& upstreamModel, const QByteArray& body, bool stream) const override;
};

// Anthropic's own citation as a Citation part over [start, end) (characters of the answer), or
// nothing for one without a URL (a document's).
std::optional<AnswerPart> anthropicCitation(const QJsonObject& citation, qsizetype start, qsizetype end);
// Blocks Anthropic's servers add to an answer (server_tool_use, web_search_tool_result, ...).
bool isAnthropicServerBlock(QStringView type);

// Anthropic's usage counters as last reported. input_tokens excludes cache reads and writes,
// so the normalised prompt count adds them back; every field is cumulative (replace, never add).
struct AnthropicUsage
{
    qint64 inputTokens = 0;
    qint64 cacheReadTokens = 0;
    qint64 cacheCreationTokens = 0;
    // cache_creation's split by time to live; -1 = not reported (all writes are then 5-minute ones).
    qint64 cacheWrite5mTokens = -1;
    qint64 cacheWrite1hTokens = -1;
    qint64 webSearches = 0; // server_tool_use.web_search_requests
    qint64 outputTokens = 0;

    // Overwrites the fields present in a "usage" object, keeps the others.
    void merge(const QJsonObject& usage);
    TokenUsage toTokenUsage() const;
};
