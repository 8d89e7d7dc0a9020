#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QVarLengthArray>
#include <QVariant>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;
class QSqlQuery;

// A statement prepared once and run many times with new bindings. On SQLite it works on the raw
// handle behind the QSQLITE connection, because binding through QVariant costs more than the
// insert itself there; on PostgreSQL it is a prepared QSqlQuery (the round trip dominates). The
// connection (and its thread affinity) stays owned by QSqlDatabase.
class LedgerStatement
{
public:
    LedgerStatement();
    ~LedgerStatement();
    LedgerStatement(const LedgerStatement&) = delete;
    LedgerStatement& operator=(const LedgerStatement&) = delete;

    // The sqlite3 handle of an open QSQLITE connection, or nullptr (any other driver).
    static sqlite3* handle(const QSqlDatabase& db);

    bool prepare(const QSqlDatabase& db, const QString& sql);
    bool isPrepared() const;
    // Indexes start at 1, as in SQLite.
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bind(int index, const QString& text); // a null QString binds ''
    void bindNull(int index);
    void bind(int index, const QVariant& value); // integers, doubles, text
    // Runs to the end and resets; false with errorString() on failure.
    bool exec();
    // Row-by-row reading: next() is true while there is a row; check errorString() after.
    bool next();
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    void reset();
    // The row id of the last insert: SQLite's last_insert_rowid, or the first column that a
    // PostgreSQL INSERT ... RETURNING (LedgerDialect::returningId) gave back.
    qint64 lastInsertRowId() const;
    QString errorString() const { return m_error; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    std::unique_ptr<QSqlQuery> m_query; // PostgreSQL
    QString m_plainSql; // PostgreSQL, a statement without parameters: run as text
    bool m_executed = false;
    qint64 m_returnedId = 0;
    QString m_error;
    // UTF-8 of the bound texts, alive until the next exec(), so SQLite neither copies nor converts.
    QVarLengthArray<QByteArray, 32> m_texts;
};
