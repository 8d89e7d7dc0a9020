#include "core/workbench/PromptBody.h"

#include "core/workbench/Attachment.h"
#include "core/workbench/AttachmentFit.h"
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
} // namespace

namespace PromptBody {

QByteArray build(const ChatRequest& request, const QList<Attachment>& attachments, const AttachmentFit& fit,
                 const ToolSet& tools, ReasoningEffort effort)
{
    QJsonArray messages;
    for (qsizetype i = 0; i < request.messages.size(); ++i) {
        const ChatMessage& message = request.messages[i];
        QJsonObject object { { QStringLiteral("role"), message.role } };
        if (i == request.messages.size() - 1 && message.role == QLatin1String("user") && !attachments.isEmpty()) {
            // The files first, then the question about them: what the providers recommend.
            QJsonArray parts;
            for (qsizetype a = 0; a < attachments.size(); ++a) {
                parts.append(partOf(attachments[a], fit.sendsAsText(a)));
            }
            parts.append(textPart(message.content));
            object.insert(QStringLiteral("content"), parts);
        } else {
            object.insert(QStringLiteral("content"), message.content);
        }
        messages.append(object);
    }
    QJsonObject body { { QStringLiteral("messages"), messages }, { QStringLiteral("stream"), request.stream } };
    if (request.temperature) {
        body.insert(QStringLiteral("temperature"), *request.temperature);
    }
    if (request.maxTokens > 0) {
        body.insert(QStringLiteral("max_tokens"), request.maxTokens);
    }
    if (!tools.isEmpty()) {
        body.insert(QStringLiteral("tools"), tools.toJson());
    }
    if (effort != ReasoningEffort::Default) {
        body.insert(QStringLiteral("reasoning_effort"), ReasoningEfforts::id(effort));
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace PromptBody
