#pragma once

#include "core/providers/RequestTranslator.h"

#include <QJsonObject>

// An OpenAI Chat Completions body as a Gemini generateContent body (an Anthropic body goes through
// RequestTranslator::anthropicToOpenAi first). Messages become contents (user / model turns,
// consecutive ones of a role merged, as Gemini wants them alternating), system and developer text
// systemInstruction, images and files sent inline inlineData, assistant tool calls functionCall
// parts (with the thought signature their id carries, see GeminiWire::toolCallId) and tool
// messages functionResponse parts; tools become functionDeclarations with their JSON Schema as
// parametersJsonSchema, tool_choice functionCallingConfig, response_format a response MIME type
// and JSON Schema, reasoning_effort thinkingConfig (a level for Gemini 3, a budget before), and
// web_search_options the google_search tool. Model and stream go in the URL. What Gemini cannot
// take (images by URL, logprobs, n > 1...) is refused naming the field, never dropped.
class GeminiTranslator final
{
public:
    static RequestTranslator::Result fromOpenAi(const QJsonObject& body, const QString& upstreamModel);
    // Thinking tokens Gemini 2.5 gets for OpenAI's reasoning_effort, as Google's OpenAI-compatible
    // endpoint maps them (low 1,024, medium 8,192, high 24,576; none turns thinking off); -1 when
    // the effort is not one of those.
    static int thinkingBudget(const QString& effort);
};
