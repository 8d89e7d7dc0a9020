#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

// Where the ledger lives: the embedded SQLite file (the default) or a shared PostgreSQL server.
enum class LedgerBackend
{
    Sqlite,
    Postgres,
};

namespace LedgerBackends {
QString id(LedgerBackend backend); // "sqlite", "postgresql"
std::optional<LedgerBackend> fromId(const QString& id);
// A ledger location is a file path or a postgresql:// (postgres://) URL.
LedgerBackend ofLocation(const QString& location);
// The backend behind an open connection (by its Qt SQL driver).
LedgerBackend ofDatabase(const QSqlDatabase& db);
} // namespace LedgerBackends

// Every difference between the SQL that SQLite and PostgreSQL accept, in one place. The schema
// steps, the writer and the queries are written once, in the portable subset both engines
// understand (COALESCE(SUM()), CASE WHEN for flags, qualified upsert columns, aliased subqueries);
// what cannot be written that way is asked of the dialect.
class LedgerDialect final
{
public:
    explicit LedgerDialect(LedgerBackend backend)
        : m_backend(backend)
    {
    }
    static LedgerDialect of(const QSqlDatabase& db) { return LedgerDialect(LedgerBackends::ofDatabase(db)); }

    LedgerBackend backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == LedgerBackend::Postgres; }

    // A schema step's DDL, written for SQLite (the historical form that old files were made
    // with), as this engine needs it: 64-bit integers, doubles, identity row ids, no WITHOUT ROWID.
    QString ddl(const QString& sqliteDdl) const;
    // Opens a write transaction that takes the write lock at once (SQLite: BEGIN IMMEDIATE).
    QString beginWrite() const;
    // Statements that serialise schema upgrades between processes, run right after beginWrite().
    QStringList lockSchema() const;
    // Taken in a transaction that names tools documents (shared) or deletes those no row names
    // (exclusive), until its end: on PostgreSQL another process's retention could otherwise see
    // a document unnamed while a batch naming it is not committed yet, and delete it. Empty on
    // SQLite, whose writers hold the file's write lock anyway.
    QString lockToolDocuments(bool exclusive) const;
    // The names of the tables in the ledger's schema (one column).
    QString listTablesSql() const;
    // Appended to an INSERT so that the statement returns the new row id (PostgreSQL has no
    // last-insert-rowid); empty for SQLite.
    QString returningId(const QString& column) const;
    // Start of the UTC month, in epoch seconds, of an expression in epoch seconds.
    QString monthStart(const QString& seconds) const;
    // Appended to the request INSERT: a request whose uuid is there already is skipped (and
    // RETURNING gives no row). Only PostgreSQL has the unique index it needs (extraStepSql).
    QString skipDuplicateRequest() const;
    // DDL a schema step adds on this engine only: PostgreSQL's unique index on requests.uuid makes
    // a replayed batch idempotent; SQLite's writer never replays a committed batch, and the
    // index would cost it an index page per insert (LedgerSchema). Step 12 drops PostgreSQL's
    // foreign keys of attempts and failovers (their check cost the COPY writer most of its time).
    QStringList extraStepSql(int version) const;
    // Case-insensitive LIKE, as SQLite's LIKE is for ASCII.
    QString likeOperator() const;
    // Whether a reading query may be forward-only while other queries run on its connection.
    // QPSQL reads a forward-only query row by row and another query on the connection discards
    // the rest of it; the readers load attempts and failovers inside their row loops, so on
    // PostgreSQL a result is fetched whole.
    bool nestsForwardOnlyReads() const { return !isPostgres(); }
    // Whether the dashboard adds up hourly or wide rollup rows while reading them (SQLite: its
    // GROUP BY sorts the rows first and reading a row costs next to nothing) or has the server
    // sum them (PostgreSQL hashes the groups, and each row sent costs the wire format and
    // QPSQL's conversion: 83,000 hourly rows of 90 days took 250 ms, their 10,800 sums 110 ms).
    bool sumsWhileReading() const { return !isPostgres(); }
    // A column that orders a table's rows by insertion (SQLite's rowid), for tables with no key.
    QString insertionOrder(const QString& alias) const;

private:
    LedgerBackend m_backend;
};
