#include "core/workbench/ToolRequestBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ToolRequestBody {

void attach(ChatRequest& request, const ToolSet& tools)
{
    if (tools.isEmpty()) {
        return;
    }
    QJsonObject body;
    if (request.hasClientBody() && request.clientFormat == ProviderKind::OpenAiCompatible) {
        body = QJsonDocument::fromJson(request.clientBody).object();
    } else {
        QJsonArray messages;
        for (const ChatMessage& message : request.messages) {
            messages.append(QJsonObject { { QStringLiteral("role"), message.role },
                                          { QStringLiteral("content"), message.content } });
        }
        body.insert(QStringLiteral("messages"), messages);
        if (request.temperature) {
            body.insert(QStringLiteral("temperature"), *request.temperature);
        }
        if (request.maxTokens > 0) {
            body.insert(QStringLiteral("max_tokens"), request.maxTokens);
        }
        body.insert(QStringLiteral("stream"), request.stream);
    }
    body.insert(QStringLiteral("tools"), tools.toJson());
    request.clientBody = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.clientFormat = ProviderKind::OpenAiCompatible;
}

} // namespace ToolRequestBody
