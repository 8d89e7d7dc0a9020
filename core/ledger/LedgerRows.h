#pragma once

#include "core/ledger/LedgerRecords.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QSqlQuery>

// Mapping between RequestRecord and the columns of the requests/attempts/failovers tables,
// shared by the writer, the history queries, the exports and the v3 backfill.
namespace LedgerRows {
// "r.rid, r.uuid, r.started_at, ..." in the order readRequest() expects.
QString requestColumns(const QString& alias = QStringLiteral("r"));
// Reads the columns listed by requestColumns(), starting at column 0; rid is returned aside, and
// so is the hash naming the row's tools document (DetailsLoader reads the tools).
RequestRecord readRequest(const QSqlQuery& query, qint64* rid = nullptr, QString* toolsHash = nullptr);

// tool_calls column: a compact JSON array of {id, name, arguments}, empty text for none.
QString toolCallsToJson(const QList<ToolCall>& calls);
QList<ToolCall> toolCallsFromJson(const QString& json);
QJsonArray toolCallsToJsonArray(const QList<ToolCall>& calls);
QList<ToolCall> toolCallsFromJsonArray(const QJsonArray& array);

// tool_choice column: the value as JSON text, empty text for none.
QString toolChoiceToText(const QJsonValue& choice);
QJsonValue toolChoiceFromText(const QString& text);

qint64 toMs(const QDateTime& at); // invalid -> 0
QDateTime fromMs(const QVariant& ms); // NULL -> invalid

// Loads attempts, failovers and the tools document of one request with statements prepared once
// per instance; each tools document is read once per instance.
class DetailsLoader
{
public:
    explicit DetailsLoader(const QSqlDatabase& db, bool withFailovers = true);
    bool load(qint64 rid, RequestRecord* record, const QString& toolsHash = {});
    QString errorString() const { return m_error; }

private:
    QSqlQuery m_attempts;
    QSqlQuery m_failovers;
    QSqlQuery m_tools;
    QHash<QString, QJsonArray> m_toolDocuments; // hash -> tools
    bool m_withFailovers;
    bool m_prepared = false;
    QString m_error;
};
} // namespace LedgerRows
