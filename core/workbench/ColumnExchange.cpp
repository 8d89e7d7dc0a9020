#include "core/workbench/ColumnExchange.h"

#include <QJsonDocument>
#include <QJsonObject>

void ColumnExchange::setOfferedFrom(const ChatRequest& request)
{
    tools = ToolSet::ofRequestBody(request.clientBody);
    toolChoice = request.hasClientBody()
        ? QJsonDocument::fromJson(request.clientBody).object().value(QLatin1String("tool_choice"))
        : QJsonValue(QJsonValue::Undefined);
}

QString ColumnExchange::toJson() const
{
    QJsonObject object { { QStringLiteral("column"), column } };
    if (!tools.isEmpty()) {
        object.insert(QStringLiteral("tools"), tools.toJson());
    }
    if (!toolChoice.isUndefined()) {
        object.insert(QStringLiteral("tool_choice"), toolChoice);
    }
    if (!earlier.isEmpty()) {
        object.insert(QStringLiteral("earlier"), ConversationTurn::listToJson(earlier));
    }
    object.insert(QStringLiteral("question"), question);
    if (!attachments.isEmpty()) {
        QJsonArray files;
        for (const Attachment& attachment : attachments) {
            files.append(attachment.reference());
        }
        object.insert(QStringLiteral("attachments"), files);
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

ColumnExchange ColumnExchange::fromJson(const QString& json)
{
    ColumnExchange exchange;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    if (object.isEmpty()) {
        return exchange;
    }
    exchange.column = object.value(QLatin1String("column")).toInt(-1);
    exchange.tools = ToolSet::fromJson(object.value(QLatin1String("tools")).toArray());
    exchange.toolChoice = object.value(QLatin1String("tool_choice"));
    exchange.earlier = ConversationTurn::listFromJson(object.value(QLatin1String("earlier")).toArray());
    exchange.question = object.value(QLatin1String("question")).toString();
    for (const QJsonValue& file : object.value(QLatin1String("attachments")).toArray()) {
        exchange.attachments.append(Attachment::fromReference(file.toObject()));
    }
    return exchange;
}
