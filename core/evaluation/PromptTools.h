#pragma once

#include "core/workbench/ToolSet.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

// The tools a prompt of an evaluation offers every model, and how the model may choose among them:
// OpenAI's `tools` (function definitions with JSON Schema parameters) and `tool_choice` ("auto",
// "none", "required" or {"type": "function", "function": {"name": ...}}). They go into the call's
// OpenAI chat body, which the engine passes on to OpenAI-format providers and translates for
// Anthropic and Bedrock, so a tool-call grader grades real calls.
struct PromptTools
{
    Q_DECLARE_TR_FUNCTIONS(PromptTools)

public:
    ToolSet tools;
    QJsonValue choice { QJsonValue::Undefined }; // undefined: not sent (the provider's default, auto)

    bool isEmpty() const { return tools.isEmpty(); }
    bool operator==(const PromptTools&) const = default;

    // `tools` and `tool_choice` as a set file gives them (undefined: absent), checked: nullopt with
    // *error naming the field ("tools[0].function.name: missing", "tool_choice: ...").
    static std::optional<PromptTools> fromJson(const QJsonValue& tools, const QJsonValue& choice, QString* error);
    // A `tools` file (`--tools FILE`): OpenAI's tools list, or an object with "tools" and
    // optionally "tool_choice"; *error names the place in the file.
    static std::optional<PromptTools> parse(const QByteArray& json, QString* error);
    // A tools file read (bounded as a prompt set's lines are) and parsed; *error names the file:
    // "FILE:LINE:COL: what" for bad JSON, "FILE: tools[0].function.name: ..." for a bad field.
    static std::optional<PromptTools> readFile(const QString& path, QString* error);

    // Adds "tools" and, when set, "tool_choice" to an OpenAI chat-completions body.
    void addTo(QJsonObject& body) const;
};
