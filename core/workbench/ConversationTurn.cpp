#include "core/workbench/ConversationTurn.h"

#include "core/ledger/LedgerRows.h"

QString ConversationTurn::answerText() const
{
    QString text = answer;
    if (answered()) {
        return text;
    }
    for (const ToolCall& call : toolCalls) {
        if (!text.isEmpty()) {
            text += QLatin1Char('\n');
        }
        text += QStringLiteral("[called %1 with %2; no result was given]").arg(call.name, call.arguments);
    }
    return text;
}

QJsonObject ConversationTurn::toJson() const
{
    QJsonObject object;
    if (!question.isEmpty()) {
        object.insert(QStringLiteral("question"), question);
    }
    if (!attachments.isEmpty()) {
        QJsonArray files;
        for (const Attachment& attachment : attachments) {
            files.append(attachment.reference());
        }
        object.insert(QStringLiteral("attachments"), files);
    }
    object.insert(QStringLiteral("answer"), answer);
    if (!toolCalls.isEmpty()) {
        object.insert(QStringLiteral("toolCalls"), LedgerRows::toolCallsToJsonArray(toolCalls));
    }
    if (!toolResults.isEmpty()) {
        object.insert(QStringLiteral("toolResults"), QJsonArray::fromStringList(toolResults));
    }
    return object;
}

ConversationTurn ConversationTurn::fromJson(const QJsonObject& object)
{
    ConversationTurn turn;
    turn.question = object.value(QLatin1String("question")).toString();
    for (const QJsonValue& file : object.value(QLatin1String("attachments")).toArray()) {
        turn.attachments.append(Attachment::fromReference(file.toObject()));
    }
    turn.answer = object.value(QLatin1String("answer")).toString();
    turn.toolCalls = LedgerRows::toolCallsFromJsonArray(object.value(QLatin1String("toolCalls")).toArray());
    for (const QJsonValue& result : object.value(QLatin1String("toolResults")).toArray()) {
        turn.toolResults.append(result.toString());
    }
    return turn;
}

QJsonArray ConversationTurn::listToJson(const QList<ConversationTurn>& turns)
{
    QJsonArray array;
    for (const ConversationTurn& turn : turns) {
        array.append(turn.toJson());
    }
    return array;
}

QList<ConversationTurn> ConversationTurn::listFromJson(const QJsonArray& array)
{
    QList<ConversationTurn> turns;
    for (const QJsonValue& value : array) {
        turns.append(fromJson(value.toObject()));
    }
    return turns;
}
