#pragma once

#include "core/common/ProviderTypes.h"
#include "core/workbench/ToolSet.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// A model's tool call held against the tools it was offered: its arguments pretty-printed and
// whether they fit the tool's parameters schema, with the reason when not.
struct ToolCallCheck
{
    Q_DECLARE_TR_FUNCTIONS(ToolCallCheck)

public:
    enum class Verdict
    {
        Fits, // JSON that fits the tool's schema
        Violates, // JSON that breaks the schema: `problems` say where
        NotJson, // the arguments are not a JSON object
        UnknownTool, // no tool of that name was offered
        Unchecked, // the offered tools are not known (a run reopened from history)
    };

    Verdict verdict = Verdict::Unchecked;
    QStringList problems; // "arguments.city: required", ...
    QString arguments; // indented JSON, or the text as the model wrote it when it is not JSON

    bool fits() const { return verdict == Verdict::Fits; }
    // What a reader sees next to the call: "Fits the schema", "arguments.city: required", ...
    QString summary() const;

    static ToolCallCheck of(const ToolCall& call, const ToolSet& offered);
    static QList<ToolCallCheck> ofAll(const QList<ToolCall>& calls, const ToolSet& offered);
};
