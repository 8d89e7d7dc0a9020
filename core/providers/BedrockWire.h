#pragma once

#include "core/providers/WireFormat.h"

#include <QJsonObject>

// Amazon Bedrock's Converse API: POST {base}/model/{modelId}/converse, and converse-stream whose
// answer is an AWS event stream. The model and the stream flag live in the path, not the body;
// requests are signed with SigV4 (or carry a Bedrock API key as a bearer token).
class BedrockWire : public WireFormat
{
public:
    static constexpr int kDefaultMaxTokens = 4096;

    ProviderKind kind() const override { return ProviderKind::BedrockConverse; }
    QString endpointPath() const override { return QStringLiteral("model"); }
    // A Bedrock API key (AWS_BEARER_TOKEN_BEDROCK) as a bearer token; none: SigV4 in finishRequest().
    QList<std::pair<QByteArray, QByteArray>> authHeaders(const QString& apiKey) const override;
    QByteArray buildRequestBody(const QString& upstreamModel, const ChatRequest& request) const override;
    std::unique_ptr<StreamDecoder> createStreamDecoder() const override;
    WireDelta decodeResponse(const QByteArray& body) const override;
    std::optional<CallError> finishRequest(const OutgoingContext& context, QUrl& url,
                                           QList<std::pair<QByteArray, QByteArray>>& headers) const override;

    // "model/<modelId percent-encoded>/converse" or ".../converse-stream".
    static QString modelPath(const QString& upstreamModel, bool stream);
    // "https://bedrock-runtime.<region>.amazonaws.com".
    static QUrl regionEndpoint(const QString& region);
    // The region to sign for: the provider's own, the one its base URL's host names
    // (bedrock-runtime.<region>.amazonaws.com), else AwsCredentialChain::region().
    static QString regionOf(const ProviderConfig& provider);
    // Converse stop reasons in the names the gateway formats map: end_turn, tool_use, max_tokens,
    // stop_sequence as they are; guardrail_intervened / content_filtered -> content_filter;
    // model_context_window_exceeded -> length.
    static QString finishReason(const QString& stopReason);
    // Converse usage: inputTokens excludes cache reads and writes (as Anthropic's input_tokens).
    static TokenUsage usageFrom(const QJsonObject& usage);
    // The content blocks of a Converse message as one delta (text, reasoning, tool calls).
    static void readContent(const QJsonArray& content, WireDelta& delta);

protected:
    // A client body arrives already translated to Converse (see RequestTranslator); nothing to rewrite.
    BodyPieces rewriteClientBody(const QString& upstreamModel, const QByteArray& body, bool stream) const override;
};
