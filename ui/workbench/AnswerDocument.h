#pragma once

#include "core/common/ProviderTypes.h"
#include "core/workbench/ToolCallCheck.h"

#include <QList>

class QTextDocument;

// What a column's answer view shows: the earlier turns of its conversation, shaded and muted
// above the current answer, then the answer (plain while it streams, Markdown once complete).
namespace AnswerDocument {
// Clears the document and writes the earlier turns; the current answer is appended after them.
void reset(QTextDocument* document, const QList<ChatMessage>& conversation, const QString& modelName);
// The finished answer as Markdown after the earlier turns, code blocks shaded.
void renderFinal(QTextDocument* document, const QList<ChatMessage>& conversation, const QString& modelName,
                 const QString& markdown);
// Appends the model's tool calls after the answer: each name, what its check found (fits the
// schema in green; where it breaks it, in red), then its arguments (indented JSON).
void appendToolCalls(QTextDocument* document, const QList<ToolCall>& calls, const QList<ToolCallCheck>& checks);
} // namespace AnswerDocument
