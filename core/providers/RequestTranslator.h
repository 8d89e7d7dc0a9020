#pragma once

#include "core/common/ProviderTypes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

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

    // The function tools a client's body offers, and its tool_choice, as OpenAI's Chat Completions
    // take them: what a ledger row keeps so that an evaluation offers every model the same. An
    // Anthropic body's custom tools are translated as above. Tools that are no functions (server
    // tools: web search, code execution) cannot be offered that way and are left out, with a
    // tool_choice naming one; tools that cannot be translated leave nothing (empty tools).
    struct OfferedTools
    {
        QJsonArray tools;
        QJsonValue choice { QJsonValue::Undefined }; // undefined: none, or none that can be kept
    };
    static OfferedTools offeredTools(const QJsonObject& body, ProviderKind from);
};
