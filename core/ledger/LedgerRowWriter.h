#pragma once

#include "core/ledger/LedgerRecords.h"
#include "core/ledger/LedgerStatement.h"
#include "core/ledger/ToolDocument.h"

#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

struct pg_conn;

// Inserts a request with its attempts, failovers and tools document, or a vote, through statements prepared once
// on one connection (either backend). The caller owns the transaction and the rollups; the
// LedgerWriter and the migration to PostgreSQL (LedgerMigration) both write rows through it.
class LedgerRowWriter final
{
public:
    LedgerRowWriter() = default;
    LedgerRowWriter(const LedgerRowWriter&) = delete;
    LedgerRowWriter& operator=(const LedgerRowWriter&) = delete;

    bool prepare(const QSqlDatabase& db, QString* error);
    // *inserted false (and nothing written) when the database already holds a request with this
    // id: on PostgreSQL a batch whose commit was acknowledged by nobody is replayed once more.
    bool writeRequest(const RequestRecord& record, QString* error, bool* inserted = nullptr);
    // Several requests in one go (on PostgreSQL as COPY streams, see copyRequests());
    // (*inserted)[i] as writeRequest()'s for records[i].
    bool writeRequests(const QSqlDatabase& db, const QList<RequestRecord>& records, QList<bool>* inserted,
                       QString* error);
    bool writeVote(const VoteRecord& vote, QString* error);

private:
    bool copyRequests(const QSqlDatabase& db, const QList<RequestRecord>& records, QList<bool>* inserted,
                      QString* error);
    // COPYs records[fresh[k]] with row id rids[k] (naming its tools by toolsHashes[fresh[k]]),
    // their attempts and failovers; *duplicate when the unique index on uuid refused a request.
    bool copyRows(pg_conn* connection, const QList<RequestRecord>& records, const QStringList& toolsHashes,
                  const QList<qsizetype>& fresh, const QList<QByteArray>& rids, bool* duplicate, QString* error);
    bool writeRequest(const RequestRecord& record, QSet<QString>* storedTools, QString* error, bool* inserted);
    // Inserts the record's tools document unless this transaction stored it already (`stored`);
    // *hash names it (empty: no tools).
    bool storeTools(const RequestRecord& record, QSet<QString>* stored, QString* hash, QString* error);

    bool m_postgres = false;
    QString m_ridSequence; // PostgreSQL: the identity sequence behind requests.rid
    LedgerStatement m_insertRequest;
    LedgerStatement m_insertAttempt;
    LedgerStatement m_insertFailover;
    LedgerStatement m_insertVote;
    LedgerStatement m_insertTools;
    struct KnownTools
    {
        QJsonArray tools;
        ToolDocument document;
    };
    static constexpr qsizetype kKnownTools = 8;
    QList<KnownTools> m_knownTools; // the documents written last, newest first
};
