#include "core/ledger/LedgerConnection.h"

#include "core/ledger/LedgerUrl.h"

#include <QAtomicInteger>
#include <QCoreApplication>
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
    if (LedgerUrl::isUrl(m_path)) {
        return openPostgres(busyTimeoutMs, error);
    }
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

bool LedgerConnection::openPostgres(int busyTimeoutMs, QString* error)
{
    auto fail = [&](const QString& message) {
        m_lastError = QSqlError(message, QString(), QSqlError::ConnectionError);
        if (error) {
            *error = message;
        }
        return false;
    };
    QString message;
    const std::optional<LedgerUrl> url = LedgerUrl::parse(m_path, &message);
    if (!url) {
        return fail(message);
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return fail(QCoreApplication::translate("Ledger",
                                                "Qt's PostgreSQL driver is not installed (Debian package "
                                                "libqt6sql6-psql)."));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    db.setHostName(url->host);
    db.setPort(url->port);
    db.setDatabaseName(url->database);
    db.setUserName(url->user);
    // The URL's own password, else one from the keychain; with none libpq reads PGPASSFILE.
    const QString password = !m_password.isEmpty() ? m_password
        : url->password.isEmpty()                  ? LedgerUrl::storedPassword(url->redacted())
                                                   : url->password;
    if (!password.isEmpty()) {
        db.setPassword(password);
    }
    db.setConnectOptions(url->connectOptions());
    if (!db.open()) {
        m_lastError = db.lastError();
        return fail(QCoreApplication::translate("Ledger", "Cannot connect to %1: %2")
                        .arg(url->redacted(), db.lastError().text().trimmed()));
    }
    return exec(db, QStringLiteral("SET client_min_messages = warning"), error, &m_lastError)
        && exec(db, QStringLiteral("SET lock_timeout = %1").arg(qMax(0, busyTimeoutMs)), error, &m_lastError);
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
