#include "core/workbench/ColumnExchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

void ColumnExchange::setOfferedFrom(const ChatRequest& request)
{
    system = request.systemText();
    if (system.isEmpty() && request.hasClientBody()) {
        // A body of its own (files, tools): its system message, as text or as text parts.
        const QJsonArray messages
            = QJsonDocument::fromJson(request.clientBody).object().value(QLatin1String("messages")).toArray();
        for (const QJsonValue& value : messages) {
            const QJsonObject message = value.toObject();
            if (message.value(QLatin1String("role")).toString() != QLatin1String("system")) {
                continue;
            }
            const QJsonValue content = message.value(QLatin1String("content"));
            QStringList parts { content.toString() };
            for (const QJsonValue& part : content.toArray()) {
                parts.append(part.toObject().value(QLatin1String("text")).toString());
            }
            parts.removeAll(QString());
            system += parts.join(u'\n');
        }
    }
    tools = ToolSet::ofRequestBody(request.clientBody);
    toolChoice = request.hasClientBody()
        ? QJsonDocument::fromJson(request.clientBody).object().value(QLatin1String("tool_choice"))
        : QJsonValue(QJsonValue::Undefined);
}

QString ColumnExchange::toJson() const
{
    QJsonObject object { { QStringLiteral("column"), column } };
    if (!system.isEmpty()) {
        object.insert(QStringLiteral("system"), system);
    }
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
    exchange.system = object.value(QLatin1String("system")).toString();
    exchange.tools = ToolSet::fromJson(object.value(QLatin1String("tools")).toArray());
    exchange.toolChoice = object.value(QLatin1String("tool_choice"));
    exchange.earlier = ConversationTurn::listFromJson(object.value(QLatin1String("earlier")).toArray());
    exchange.question = object.value(QLatin1String("question")).toString();
    for (const QJsonValue& file : object.value(QLatin1String("attachments")).toArray()) {
        exchange.attachments.append(Attachment::fromReference(file.toObject()));
    }
    return exchange;
}
