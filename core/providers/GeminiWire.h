#pragma once

#include "core/providers/WireFormat.h"

#include <QJsonObject>
#include <QSet>

// Google's native Gemini API: POST {base}/models/{model}:generateContent, and
// :streamGenerateContent?alt=sse whose events are whole GenerateContentResponse objects (no end
// marker: the last one carries the finishReason). The model and the stream flag live in the path,
// the key in x-goog-api-key. Unlike the OpenAI-compatible endpoint it reports the grounding
// searches a prompt ran, thoughts, cache reads and thought signatures.
class GeminiWire : public WireFormat
{
public:
    ProviderKind kind() const override { return ProviderKind::Gemini; }
    QString endpointPath() const override { return QStringLiteral("models"); }
    QList<std::pair<QByteArray, QByteArray>> authHeaders(const QString& apiKey) const override;
    QByteArray buildRequestBody(const QString& upstreamModel, const ChatRequest& request) const override;
    std::unique_ptr<StreamDecoder> createStreamDecoder() const override;
    WireDelta decodeResponse(const QByteArray& body) const override;
    std::optional<CallError> finishRequest(const OutgoingContext& context, QUrl& url,
                                           QList<std::pair<QByteArray, QByteArray>>& headers) const override;

    // "models/<model>:generateContent" or "models/<model>:streamGenerateContent" (the model as the
    // list names it, "models/gemini-2.5-flash", or bare).
    static QString modelPath(const QString& upstreamModel, bool stream);
    // Gemini 3 takes thinkingLevel, 2.5 thinkingBudget; older models do not think.
    static bool takesThinkingLevel(const QString& upstreamModel);
    static bool thinks(const QString& upstreamModel);

    // What one response object (a whole answer or one stream event) said, with what the stream
    // has said before it: tool calls are numbered across events, searches counted once each.
    struct ReadState
    {
        int toolCalls = 0;
        bool sawToolCall = false;
        QSet<QString> searchQueries;
        TokenUsage usage; // the last usageMetadata (cumulative in a stream)
        QByteArray answer; // the answer text so far, UTF-8: grounding supports index it in bytes
        QSet<QString> citations; // the annotations already sent
        bool finished = false;
    };
    static void readResponse(const QJsonObject& response, ReadState& state, WireDelta& delta);
    // usageMetadata as our usage: thoughts are output (candidatesTokenCount leaves them out),
    // cached content is a cache read inside the prompt, tool-use prompt tokens are input.
    static TokenUsage usageFrom(const QJsonObject& usage);
    // STOP (or STOP after a function call: tool_calls), MAX_TOKENS -> length, the safety family ->
    // content_filter; the reasons that mean no usable answer give an error instead.
    static QString finishReason(const QString& reason, bool sawToolCall);
    static std::optional<CallError> finishError(const QString& reason, const QString& message);
    // groundingSupports as OpenAI url_citation annotations: one per supported segment and web
    // source, its UTF-8 byte offsets in the answer as character offsets.
    static void readCitations(const QJsonObject& grounding, ReadState& state, WireDelta& delta);

    // The id a function call gets in the chat form: Gemini's own id when it sent one, else made
    // up from the call (stable: the same call gets the same id), with the call's thought signature
    // appended so that it comes back with the tool result (base64url, so the id stays within
    // [A-Za-z0-9_-] as Anthropic clients require).
    static QString toolCallId(const QString& geminiId, const QString& name, const QByteArray& args, int index,
                              const QString& signature);
    // The thought signature a tool call id carries, empty when none.
    static QString thoughtSignatureOf(const QString& toolCallId);

protected:
    // A client body arrives already translated to Gemini (see GeminiTranslator): nothing to rewrite.
    BodyPieces rewriteClientBody(const QString& upstreamModel, const QByteArray& body, bool stream) const override;
};
