#pragma once

#include "LedgerRecords.h"
#include "LedgerStatement.h"

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
    bool writeRequest(const RequestRecord& record, QString* error);
    bool writeVote(const VoteRecord& vote, QString* error);

private:
    LedgerStatement m_insertRequest;
    LedgerStatement m_insertAttempt;
    LedgerStatement m_insertFailover;
    LedgerStatement m_insertVote;
};
