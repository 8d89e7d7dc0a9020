#pragma once

#include "core/ledger/LedgerRecords.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>

// Mapping between RequestRecord and the columns of the requests/attempts/failovers tables,
// shared by the writer, the history queries, the exports and the v3 backfill.
namespace LedgerRows {
// "r.rid, r.uuid, r.started_at, ..." in the order readRequest() expects.
QString requestColumns(const QString& alias = QStringLiteral("r"));
// Reads the columns listed by requestColumns(), starting at column 0; rid is returned aside.
RequestRecord readRequest(const QSqlQuery& query, qint64* rid = nullptr);

// tool_calls column: a compact JSON array of {id, name, arguments}, empty text for none.
QString toolCallsToJson(const QList<ToolCall>& calls);
QList<ToolCall> toolCallsFromJson(const QString& json);
QJsonArray toolCallsToJsonArray(const QList<ToolCall>& calls);
QList<ToolCall> toolCallsFromJsonArray(const QJsonArray& array);

qint64 toMs(const QDateTime& at); // invalid -> 0
QDateTime fromMs(const QVariant& ms); // NULL -> invalid

// Loads attempts and failovers of one request with statements prepared once per instance.
class DetailsLoader
{
public:
    explicit DetailsLoader(const QSqlDatabase& db, bool withFailovers = true);
    bool load(qint64 rid, RequestRecord* record);
    QString errorString() const { return m_error; }

private:
    QSqlQuery m_attempts;
    QSqlQuery m_failovers;
    bool m_withFailovers;
    bool m_prepared = false;
    QString m_error;
};
} // namespace LedgerRows
