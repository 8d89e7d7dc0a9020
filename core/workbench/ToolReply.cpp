#include "core/workbench/ToolReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ToolReply {

ChatRequest continued(const ChatRequest& previous, const QString& answerText, const QList<ToolCall>& calls,
                      const QStringList& results)
{
    ChatRequest request = previous;
    QJsonObject body = QJsonDocument::fromJson(previous.clientBody).object();
    QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    QJsonArray toolCalls;
    for (const ToolCall& call : calls) {
        toolCalls.append(QJsonObject { { QStringLiteral("id"), call.id },
                                       { QStringLiteral("type"), QStringLiteral("function") },
                                       { QStringLiteral("function"),
                                         QJsonObject { { QStringLiteral("name"), call.name },
                                                       { QStringLiteral("arguments"), call.arguments } } } });
    }
    QJsonObject assistant { { QStringLiteral("role"), QStringLiteral("assistant") },
                            { QStringLiteral("tool_calls"), toolCalls } };
    assistant.insert(QStringLiteral("content"), answerText.isEmpty() ? QJsonValue() : QJsonValue(answerText));
    messages.append(assistant);
    for (qsizetype i = 0; i < calls.size(); ++i) {
        messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("tool") },
                                      { QStringLiteral("tool_call_id"), calls[i].id },
                                      { QStringLiteral("content"), results.value(i) } });
    }
    body.insert(QStringLiteral("messages"), messages);
    request.clientBody = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.clientFormat = ProviderKind::OpenAiCompatible;
    // The plain messages serve estimates and the ledger: the results count as input.
    request.messages.append({ QStringLiteral("assistant"), answerText });
    request.messages.append({ QStringLiteral("user"), results.join(QLatin1Char('\n')) });
    return request;
}

} // namespace ToolReply
