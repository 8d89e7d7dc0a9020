#pragma once

#include "core/common/ProviderTypes.h"
#include "core/workbench/ConversationTurn.h"
#include "core/workbench/ToolCallCheck.h"

#include <QList>

class QTextDocument;

// What a column's answer view shows: the earlier turns of its conversation, shaded and muted
// above the current answer (each question with its files, each answer with its tool calls checked
// against the tools offered and the results sent back), the files this turn sent, then the answer
// (plain while it streams, Markdown once complete).
namespace AnswerDocument {
struct Context
{
    const QList<ConversationTurn>& conversation;
    QString modelName;
    const ToolSet& tools; // the tools offered, to check the calls of earlier turns
    const QList<Attachment>& attachments; // this turn's files
};

// Clears the document and writes the earlier turns and this turn's files; the current answer is
// appended after them.
void reset(QTextDocument* document, const Context& context);
// The finished answer as Markdown after the earlier turns, code blocks shaded.
void renderFinal(QTextDocument* document, const Context& context, const QString& markdown);
// Appends the model's tool calls after the answer: each name, what its check found (fits the
// schema in green; where it breaks it, in red), then its arguments (indented JSON).
void appendToolCalls(QTextDocument* document, const QList<ToolCall>& calls, const QList<ToolCallCheck>& checks);
// "chart.png (image, 12 KB), report.pdf (PDF, 3 pages, 40 KB)"
QString filesText(const QList<Attachment>& attachments);
} // namespace AnswerDocument
