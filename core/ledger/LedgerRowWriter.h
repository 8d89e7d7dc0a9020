#pragma once

#include "core/ledger/LedgerRecords.h"
#include "core/ledger/LedgerStatement.h"

#include <QSqlDatabase>

// Inserts a request with its attempts and failovers, or a vote, through statements prepared once
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
    // Several requests in one go (on PostgreSQL as multi-row inserts of up to kBatchRows);
    // (*inserted)[i] as writeRequest()'s for records[i].
    bool writeRequests(const QSqlDatabase& db, const QList<RequestRecord>& records, QList<bool>* inserted,
                       QString* error);
    bool writeVote(const VoteRecord& vote, QString* error);

    // Rows per multi-row INSERT: 500 requests of ~35 columns, or their attempts and failovers up to
    // 2,000 rows of at most 10 columns, stay within PostgreSQL's 65,535 parameters per statement.
    static constexpr qsizetype kBatchRows = 500;

private:
    bool writeBatch(const QSqlDatabase& db, const QList<RequestRecord>& records, qsizetype first, qsizetype end,
                    QList<bool>* inserted, QString* error);

    bool m_postgres = false;
    LedgerStatement m_insertRequest;
    LedgerStatement m_insertAttempt;
    LedgerStatement m_insertFailover;
    LedgerStatement m_insertVote;
};
