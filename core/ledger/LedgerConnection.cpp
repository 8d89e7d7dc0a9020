#include "core/ledger/LedgerConnection.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QAtomicInteger<quint64> s_counter;
}

LedgerConnection::LedgerConnection(const QString& path, const QString& purpose)
    : m_path(path)
    , m_name(QStringLiteral("switchyard-ledger-%1-%2").arg(purpose).arg(s_counter.fetchAndAddRelaxed(1)))
{
}

LedgerConnection::~LedgerConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid()) {
            db.close();
        }
    }
    if (QSqlDatabase::contains(m_name)) {
        QSqlDatabase::removeDatabase(m_name);
    }
}

bool LedgerConnection::open(int busyTimeoutMs, QString* error, int cacheMiB)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!db.open()) {
        m_lastError = db.lastError();
        if (error) {
            *error = db.lastError().text();
        }
        return false;
    }
    // These pragmas only change this connection, never the file.
    return exec(db, QStringLiteral("PRAGMA synchronous=NORMAL"), error, &m_lastError)
        && exec(db, QStringLiteral("PRAGMA foreign_keys=ON"), error, &m_lastError)
        && exec(db, QStringLiteral("PRAGMA cache_size=-%1").arg(cacheMiB * 1024), error, &m_lastError)
        && exec(db, QStringLiteral("PRAGMA temp_store=MEMORY"), error, &m_lastError);
}

QSqlDatabase LedgerConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool LedgerConnection::isOpen() const
{
    return QSqlDatabase::contains(m_name) && database().isOpen();
}

bool LedgerConnection::exec(const QSqlDatabase& db, const QString& sql, QString* error, QSqlError* sqlError)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        if (sqlError) {
            *sqlError = query.lastError();
        }
        if (error) {
            *error = query.lastError().text();
        }
        return false;
    }
    return true;
}

QString LedgerConnection::text(const QString& value)
{
    static const QString empty = QStringLiteral("");
    return value.isNull() ? empty : value;
}
