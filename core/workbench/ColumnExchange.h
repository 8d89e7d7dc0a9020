#pragma once

#include "core/common/ProviderTypes.h"
#include "core/workbench/ConversationTurn.h"
#include "core/workbench/ToolSet.h"

#include <QJsonValue>
#include <QList>
#include <QString>

// What a column's ledger row keeps besides its answer, so that a run reopened from history shows
// the column as it was: the tools (and tool_choice) the column was sent, so its calls are checked
// again; the earlier turns of its conversation; the question and files of this turn. JSON only at
// the ledger's edge (the requests.exchange column).
struct ColumnExchange
{
    int column = -1; // the column's place in its run: the newest row of a place is what it showed
    // The system prompt the column was sent: the ledger keeps a call's last user message as its
    // prompt, so a prompt set made of this row (HistorySet) asks the same thing with it.
    QString system;
    ToolSet tools;
    QJsonValue toolChoice { QJsonValue::Undefined }; // as sent; undefined when none was
    QList<ConversationTurn> earlier;
    QString question; // empty: this turn went on from the last earlier turn's tool results
    QList<Attachment> attachments; // this turn's files

    bool isEmpty() const
    {
        return column < 0 && system.isEmpty() && tools.isEmpty() && earlier.isEmpty() && attachments.isEmpty();
    }

    // The system prompt, tools and tool_choice of a request (what the column was really sent).
    void setOfferedFrom(const ChatRequest& request);

    QString toJson() const;
    // Empty for a row written before exchanges were kept, or by something else than a column.
    static ColumnExchange fromJson(const QString& json);

    bool operator==(const ColumnExchange&) const = default;
};
