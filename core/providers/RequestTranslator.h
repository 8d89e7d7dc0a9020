#pragma once

#include "core/common/ProviderTypes.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

// A gateway client's request body in the other wire format: OpenAI Chat Completions <->
// Anthropic Messages (and on to Bedrock Converse or Gemini, see ConverseTranslator and
// GeminiTranslator). System text, messages with images, PDFs, tool calls and tool results,
// tools, tool_choice, stop sequences, limits and sampling map across; a field or part with no
// equivalent is refused (FailureClass::Unsupported naming it in param, in the client's own
// notation), never dropped. Pure: bytes in, bytes or refusal out.
class RequestTranslator final
{
public:
    struct Result
    {
        QByteArray body; // compact JSON in the target format
        std::optional<CallError> refusal;
    };

    // upstreamModel: what some targets map by model (Gemini's thinking control differs by generation).
    static Result translate(const QByteArray& body, ProviderKind from, ProviderKind to,
                            const QString& upstreamModel = {});
    static Result openAiToAnthropic(const QJsonObject& body);
    static Result anthropicToOpenAi(const QJsonObject& body);
};
