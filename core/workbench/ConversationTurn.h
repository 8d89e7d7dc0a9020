#pragma once

#include "core/common/ProviderTypes.h"
#include "core/workbench/Attachment.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

// One earlier turn of a column's conversation: what was asked with the files it carried, what the
// model answered (text and tool calls) and, when the calls were answered by hand, their results.
// A follow-up request sends every turn as the providers take multi-turn messages: the files as
// parts of their own user message, the calls back with their results.
struct ConversationTurn
{
    QString question; // empty: the turn went on from the previous turn's tool results
    QList<Attachment> attachments; // with their bytes while live; references once read back
    QString answer;
    QList<ToolCall> toolCalls;
    QStringList toolResults; // one per call when answered by hand; empty: left unanswered

    bool answered() const { return !toolCalls.isEmpty() && !toolResults.isEmpty(); }
    // The answer as the plain (text) messages carry it: unanswered calls as text, since the APIs
    // take a call back only with its result.
    QString answerText() const;

    // The turn with its files as references (name, kind, size, SHA-256), never their bytes.
    QJsonObject toJson() const;
    static ConversationTurn fromJson(const QJsonObject& object);
    static QJsonArray listToJson(const QList<ConversationTurn>& turns);
    static QList<ConversationTurn> listFromJson(const QJsonArray& array);

    bool operator==(const ConversationTurn&) const = default;
};
