#pragma once

#include <QList>
#include <QString>

#include <optional>

// How an evaluation decides whether an answer passes.
enum class GraderKind
{
    Equals, // "equals": the answer, trimmed, is the expected text
    Contains, // "contains": the answer holds the expected text
    Regex, // "regex": the pattern matches somewhere in the answer
    JsonValid, // "json-valid": the answer is one JSON value
    JsonSchemaValid, // "json-schema-valid": the answer is JSON that fits a JSON Schema
    Numeric, // "numeric": the answer's last number is within a tolerance of the expected number
    ToolCall, // "tool-call": the model called a tool of that name with the expected arguments
    LlmJudge, // "llm-judge": a judge model scores the answer 1-10 against a rubric
    // "llm-pairwise": a judge model compares the answer with a baseline model's (both orders):
    // win, tie or loss; it passes when not worse
    LlmPairwise,
};

namespace GraderKinds {
// Stable identifiers, used only where files, SQL or the command line need a string.
QString id(GraderKind kind);
std::optional<GraderKind> fromId(const QString& id);
QList<GraderKind> all();
// "equals, contains, ..." for error messages.
QString idList();
} // namespace GraderKinds
