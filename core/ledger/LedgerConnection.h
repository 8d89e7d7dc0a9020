#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

// One named connection owned by the thread that created it (Qt Sql connections must not cross
// threads): QSQLITE for a file path, QPSQL for a postgresql:// URL (LedgerUrl). Removes itself
// from the connection registry when destroyed.
class LedgerConnection
{
public:
    LedgerConnection(const QString& path, const QString& purpose);
    ~LedgerConnection();
    LedgerConnection(const LedgerConnection&) = delete;
    LedgerConnection& operator=(const LedgerConnection&) = delete;

    // Opens the file and sets the per-connection pragmas (busy timeout, synchronous, foreign keys),
    // or connects to the PostgreSQL server (busyTimeoutMs becomes its lock_timeout).
    // cacheMiB sizes this connection's page cache: the writer and the dashboard work on the
    // rollups and the newest index pages over and over.
    bool open(int busyTimeoutMs, QString* error, int cacheMiB = 16);
    // A PostgreSQL password for this connection only, over the URL's and the stored one (a
    // password typed into Settings is tried before it is kept). Call before open().
    void setPassword(const QString& password) { m_password = password; }
    QSqlDatabase database() const;
    bool isOpen() const;
    QString path() const { return m_path; }

    // Runs one statement that needs no binding; false with a message on failure.
    static bool exec(const QSqlDatabase& db, const QString& sql, QString* error, QSqlError* sqlError = nullptr);
    // The error behind a failed open().
    QSqlError lastError() const { return m_lastError; }
    // Qt binds a null QString as SQL NULL; text columns are NOT NULL, so bind "" instead.
    static QString text(const QString& value);

private:
    bool openPostgres(int busyTimeoutMs, QString* error);

    QString m_path;
    QString m_name;
    QString m_password;
    QSqlError m_lastError;
};
