#pragma once

#include "core/sandbox/SandboxText.h"

#include <QJsonObject>
#include <QJsonValue>

// What a request asks of the answer beyond text, and the answer shaped for it, as the real APIs
// would give it: a call of an offered tool whose arguments fit its schema, a note on the images
// it got, JSON for JSON mode (shaped by the schema for json_schema). Pure functions.
class SandboxAnswer final
{
public:
    enum class Format
    {
        Text,
        JsonObject,
        JsonSchema,
    };

    struct Ask
    {
        QString toolName; // the tool to call; empty when none is offered, tool_choice is none, or
                          // the last message already carries tool results
        QJsonObject toolSchema;
        // tool_choice forces a call ("required", a named function; Anthropic's "any" and "tool"):
        // a model that would rather answer in text must call all the same.
        bool toolForced = false;
        int images = 0; // image parts in user messages
        // Anthropic's web_search server tool offered and no client tool called, or OpenAI's
        // web_search_options: one search
        int webSearches = 0;
        Format format = Format::Text;
        QJsonObject schema; // response_format.json_schema.schema
    };

    // root: the request body; anthropic: Messages API names (tools[].input_schema, tool_result blocks).
    static Ask read(const QJsonObject& root, bool anthropic);
    // Turns a generated text reply into the answer the request asked for; reasoning stays first.
    static void shape(const Ask& ask, const QString& toolCallId, SandboxText::Reply& reply);
    // A value that fits a JSON Schema: every property, the first enum value, "example" for
    // strings, 1 for numbers, true for booleans, one item in arrays.
    static QJsonValue exampleFor(const QJsonObject& schema, int depth = 0);
};
