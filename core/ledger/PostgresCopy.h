#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

struct pg_conn;

// Rows sent with COPY ... FROM STDIN in PostgreSQL's binary format, on the libpq connection
// behind a QPSQL QSqlDatabase and so inside the transaction that connection has open. Binding
// each value through QSqlQuery costs the writer more than the server's work (about 8,000 rows a
// second); COPY takes the rows as one stream. Values are written in the table's column order as
// the schema declares them on PostgreSQL (LedgerDialect::ddl): BIGINT, DOUBLE PRECISION, TEXT.
class PostgresCopy final
{
public:
    PostgresCopy() = default;
    ~PostgresCopy(); // a COPY started and not finished is abandoned (the server discards its rows)
    PostgresCopy(const PostgresCopy&) = delete;
    PostgresCopy& operator=(const PostgresCopy&) = delete;

    // The PGconn of an open QPSQL connection, or nullptr (any other driver, or a closed one).
    static pg_conn* connection(const QSqlDatabase& db);
    // Runs a statement with text parameters and returns its first column as text (NULL as an
    // empty array); false with *error naming what the server said.
    static bool queryColumn(pg_conn* connection, const QByteArray& sql, const QList<QByteArray>& parameters,
                            QList<QByteArray>* column, QString* error);
    // Runs a statement that returns no rows; false with *error naming what the server said.
    static bool exec(pg_conn* connection, const QByteArray& sql, const QList<QByteArray>& parameters, QString* error);
    // An array literal of texts for a text[] parameter ('{"a","b"}'), and one element of it.
    static QByteArray textArray(const QStringList& values);
    static QByteArray arrayElement(const QString& text);

    // Starts COPY table(columns) FROM STDIN. The rows added after it are sent in pieces of
    // kChunkBytes as they fill, so a batch of long prompts and answers is never held whole.
    bool start(pg_conn* connection, const QString& table, const QString& columns, QString* error);
    void beginRow(int fields);
    void add(qint64 value);
    void add(double value);
    void add(const QString& text); // a null QString is written as '', as the row writer binds it
    void addNull();
    // Ends the COPY: false with *error when the server refused a row or the connection failed.
    bool finish(QString* error);
    // The SQLSTATE of the error finish() reported ("23505": a unique index refused a row), or empty.
    QByteArray sqlState() const { return m_sqlState; }

    static constexpr qsizetype kChunkBytes = 1 << 20;

private:
    void put32(qint32 value);
    void sendChunk();

    pg_conn* m_connection = nullptr;
    QByteArray m_data;
    QByteArray m_sqlState;
    bool m_sendFailed = false;
};
