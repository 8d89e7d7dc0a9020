#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>

enum class LedgerOpenError
{
    None,
    NotALedger, // a SQLite file that holds something else: left alone
    Damaged, // not a database, or PRAGMA quick_check fails: move it aside and start a new one
    Locked, // another program holds a lock longer than the busy timeout
    NewerVersion, // written by a newer Switchyard: left untouched
    Io, // cannot open or write (permissions, disk full, WAL refused)
};

// The ledger's schema, versioned in meta.schema_version and upgraded one step at a time:
//   v1  requests + attempts
//   v2  failovers + votes
//   v3  hourly rollups (requests, attempts) + time/compare-group indexes, backfilled from raw rows
//   v4  requests.client_key
//   v5  requests: cache writes by TTL, images, web searches, batch (what a cost was made of)
//   v6  requests.learned_p_strong, learned_strong: a learned rule's estimate and choice
//   v7  requests: answer, reasoning, tool calls and settings (the evidence of a comparison);
//       votes.winner_settings and tag
//   v8  budget_periods + budget_holds: budgets shared by every process on one database
//   v9  evaluations + evaluation_cells: batch evaluations, each cell linked to its ledger request
//   v10 requests.exchange: a workbench row's tools, earlier turns and file references
//   v11 team_config: a team's providers, routing policy and client keys, versioned, with who
//       changed them
//   v13 batch_jobs: provider batch jobs (`switchyard batch`), what each asked and whether its
//       results are in the ledger (v12 is another branch's step)
//   v14 failover_hourly + failover_daily: failovers per hour and day, backfilled from the raw rows
//   v15 requests.system_prompt, tools_hash, tool_choice + tool_documents: what a gateway, `ask` or
//       `route` client sent besides its prompt, each distinct tools document stored once
// requests.uuid has no index on purpose: random keys would dirty one index page per insert,
// and nothing looks a request up by uuid (history pages by time, details by rowid).
// Old steps are never edited: a v1 file upgrades through exactly the DDL a v1 build would follow.
namespace LedgerSchema {
constexpr int kVersion = 15;

struct Result
{
    LedgerOpenError error = LedgerOpenError::None;
    QString message;
    int fromVersion = 0; // version found in the file (0 = new file)
    bool ok() const { return error == LedgerOpenError::None; }
};

// Checks the file behind an open connection and brings it to kVersion in one transaction.
// Nothing is written to a file that is refused (newer, damaged, foreign).
Result prepare(const QSqlDatabase& db);

// Maps a SQLite error to what the user can do about it (locked, damaged, other).
Result classify(const QSqlError& error);

// DDL of one step (version - 1 -> version), without the meta update.
QStringList stepSql(int version);
} // namespace LedgerSchema
