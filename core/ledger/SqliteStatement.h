#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QVarLengthArray>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

// A statement prepared once on the raw handle behind a QSQLITE connection. The writer's hot
// path uses it because binding through QVariant costs more than the insert itself; the
// connection (and its thread affinity) stays owned by QSqlDatabase.
class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // The sqlite3 handle of an open QSQLITE connection, or nullptr.
    static sqlite3* handle(const QSqlDatabase& db);

    bool prepare(sqlite3* db, const QString& sql);
    bool isPrepared() const { return m_statement != nullptr; }
    // Indexes start at 1, as in SQLite.
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bind(int index, const QString& text); // a null QString binds ''
    void bindNull(int index);
    void bind(int index, const QVariant& value); // integers, doubles, text
    // Steps until done and resets; false with errorString() on failure.
    bool exec();
    // Row-by-row reading: next() is true while there is a row; check errorString() after.
    bool next();
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    void reset();
    qint64 lastInsertRowId() const;
    QString errorString() const { return m_error; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    QString m_error;
    // UTF-8 of the bound texts, alive until the next exec(), so SQLite neither copies nor converts.
    QVarLengthArray<QByteArray, 32> m_texts;
};
