#include "core/workbench/PromptBody.h"

#include "core/workbench/Attachment.h"
#include "core/workbench/AttachmentFit.h"
#include "core/workbench/ConversationTurn.h"
#include "core/workbench/ToolSet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QJsonObject textPart(const QString& text)
{
    return { { QStringLiteral("type"), QStringLiteral("text") }, { QStringLiteral("text"), text } };
}

QJsonObject partOf(const Attachment& attachment, bool asText)
{
    if (attachment.isReference()) {
        return textPart(attachment.asPromptText()); // a reopened run's file: its bytes were not kept
    }
    if (attachment.kind == AttachmentKind::Image) {
        return { { QStringLiteral("type"), QStringLiteral("image_url") },
                 { QStringLiteral("image_url"), QJsonObject { { QStringLiteral("url"), attachment.dataUrl() } } } };
    }
    if (attachment.kind == AttachmentKind::Pdf && !asText) {
        return { { QStringLiteral("type"), QStringLiteral("file") },
                 { QStringLiteral("file"),
                   QJsonObject { { QStringLiteral("filename"), attachment.fileName },
                                 { QStringLiteral("file_data"), attachment.dataUrl() } } } };
    }
    return textPart(attachment.asPromptText());
}

QJsonObject userMessage(const QString& question, const QList<Attachment>& attachments, const AttachmentFit& fit)
{
    QJsonObject object { { QStringLiteral("role"), QStringLiteral("user") } };
    if (attachments.isEmpty()) {
        object.insert(QStringLiteral("content"), question);
        return object;
    }
    // The files first, then the question about them: what the providers recommend.
    QJsonArray parts;
    for (qsizetype a = 0; a < attachments.size(); ++a) {
        parts.append(partOf(attachments[a], fit.sendsAsText(a)));
    }
    parts.append(textPart(question));
    object.insert(QStringLiteral("content"), parts);
    return object;
}

void appendTurn(QJsonArray& messages, const ConversationTurn& turn, const AttachmentFit& fit)
{
    if (!turn.question.isEmpty() || !turn.attachments.isEmpty()) {
        messages.append(userMessage(turn.question, turn.attachments, fit));
    }
    QJsonObject assistant { { QStringLiteral("role"), QStringLiteral("assistant") } };
    if (!turn.answered()) {
        assistant.insert(QStringLiteral("content"), turn.answerText());
        messages.append(assistant);
        return;
    }
    // Calls go back as the API wants them: the assistant's `tool_calls`, then one `tool` message
    // per call with what was typed for it.
    QJsonArray toolCalls;
    for (const ToolCall& call : turn.toolCalls) {
        toolCalls.append(QJsonObject { { QStringLiteral("id"), call.id },
                                       { QStringLiteral("type"), QStringLiteral("function") },
                                       { QStringLiteral("function"),
                                         QJsonObject { { QStringLiteral("name"), call.name },
                                                       { QStringLiteral("arguments"), call.arguments } } } });
    }
    assistant.insert(QStringLiteral("content"), turn.answer.isEmpty() ? QJsonValue() : QJsonValue(turn.answer));
    assistant.insert(QStringLiteral("tool_calls"), toolCalls);
    messages.append(assistant);
    for (qsizetype i = 0; i < turn.toolCalls.size(); ++i) {
        messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("tool") },
                                      { QStringLiteral("tool_call_id"), turn.toolCalls[i].id },
                                      { QStringLiteral("content"), turn.toolResults.value(i) } });
    }
}
} // namespace

namespace PromptBody {

QByteArray build(const Parts& parts)
{
    static const QList<ConversationTurn> noTurns;
    static const QList<Attachment> noFiles;
    QJsonArray messages;
    if (!parts.system.trimmed().isEmpty()) {
        messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("system") },
                                      { QStringLiteral("content"), parts.system } });
    }
    const QList<ConversationTurn>& earlier = parts.earlier ? *parts.earlier : noTurns;
    for (qsizetype i = 0; i < earlier.size(); ++i) {
        const AttachmentFit fit = parts.earlierFits ? parts.earlierFits->value(i) : AttachmentFit {};
        appendTurn(messages, earlier[i], fit);
    }
    const QList<Attachment>& attachments = parts.attachments ? *parts.attachments : noFiles;
    if (!parts.question.isEmpty() || !attachments.isEmpty()) {
        messages.append(userMessage(parts.question, attachments, parts.fit ? *parts.fit : AttachmentFit {}));
    }
    QJsonObject body { { QStringLiteral("messages"), messages }, { QStringLiteral("stream"), parts.stream } };
    if (parts.temperature) {
        body.insert(QStringLiteral("temperature"), *parts.temperature);
    }
    if (parts.maxTokens > 0) {
        body.insert(QStringLiteral("max_tokens"), parts.maxTokens);
    }
    if (parts.tools && !parts.tools->isEmpty()) {
        body.insert(QStringLiteral("tools"), parts.tools->toJson());
    }
    if (parts.effort != ReasoningEffort::Default) {
        body.insert(QStringLiteral("reasoning_effort"), ReasoningEfforts::id(parts.effort));
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace PromptBody
