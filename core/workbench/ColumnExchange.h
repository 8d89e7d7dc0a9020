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
    ToolSet tools;
    QJsonValue toolChoice { QJsonValue::Undefined }; // as sent; undefined when none was
    QList<ConversationTurn> earlier;
    QString question; // empty: this turn went on from the last earlier turn's tool results
    QList<Attachment> attachments; // this turn's files

    bool isEmpty() const { return column < 0 && tools.isEmpty() && earlier.isEmpty() && attachments.isEmpty(); }

    // The tools and tool_choice of a request's body (what the column was really sent).
    void setOfferedFrom(const ChatRequest& request);

    QString toJson() const;
    // Empty for a row written before exchanges were kept, or by something else than a column.
    static ColumnExchange fromJson(const QString& json);

    bool operator==(const ColumnExchange&) const = default;
};
