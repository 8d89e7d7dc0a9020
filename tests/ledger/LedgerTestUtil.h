#pragma once

#include "core/ledger/Ledger.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include "PostgresServer.h"

// Helpers shared by the ledger tests: record builders and a raw side connection.
namespace LedgerTestUtil {

inline QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

inline AttemptRecord attempt(const QString& model, const QString& provider, const QDateTime& at,
                             const QString& outcome = QStringLiteral("ok"), const QString& failureClass = QString())
{
    AttemptRecord a;
    a.modelId = model;
    a.providerId = provider;
    a.startedAt = at;
    a.endedAt = at.addMSecs(500);
    a.outcome = *AttemptOutcomes::fromId(outcome);
    a.failureClass = failureClass;
    a.httpStatus = outcome == QLatin1String("failed") ? 503 : 200;
    a.message = outcome == QLatin1String("failed") ? QStringLiteral("upstream said no") : QString();
    return a;
}

inline RequestRecord request(const QDateTime& at, const QString& model, const QString& provider,
                             std::optional<double> cost = 0.001)
{
    RequestRecord r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.startedAt = at;
    r.source = RequestSource::Workbench;
    r.prompt = QStringLiteral("hello");
    r.tier = QStringLiteral("fast");
    r.rule = QStringLiteral("default");
    r.finalModel = model;
    r.finalProvider = provider;
    r.status = RequestStatus::Ok;
    r.ttftMs = 50;
    r.latencyMs = 400;
    r.usage.promptTokens = 100;
    r.usage.completionTokens = 20;
    r.costUsd = cost;
    r.priceVersion = 1;
    r.attempts = { attempt(model, provider, at) };
    return r;
}

// Records everything and waits (bounded) until the writer has committed it.
inline bool recordAll(Ledger& ledger, const QList<RequestRecord>& records)
{
    QSignalSpy flushed(&ledger, &Ledger::flushed);
    for (const RequestRecord& record : records) {
        ledger.record(record);
    }
    ledger.flush();
    return flushed.wait(10000);
}

inline QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

class RawDb;
QByteArray storedBytes(const QString& location);

// A side connection for setting up old files or inspecting results, removed on destruction.
class RawDb
{
public:
    // A file path, or a postgresql:// URL.
    explicit RawDb(const QString& path)
        : m_name(QUuid::createUuid().toString())
    {
        if (path.startsWith(QLatin1String("postgresql://"))) {
            const QUrl url(path);
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
            db.setHostName(url.host());
            db.setPort(url.port());
            db.setUserName(url.userName());
            db.setDatabaseName(url.path().mid(1));
            db.open();
            return;
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=100"));
        db.open();
    }
    ~RawDb()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool exec(const QString& sql)
    {
        QSqlQuery query(db());
        const bool ok = query.exec(sql);
        if (!ok) {
            qWarning() << sql << query.lastError().text();
        }
        return ok;
    }
    QVariant scalar(const QString& sql)
    {
        QSqlQuery query(db());
        return query.exec(sql) && query.next() ? query.value(0) : QVariant();
    }

private:
    QString m_name;
};

// Everything a ledger holds, as bytes to search: the file and its WAL, or on PostgreSQL every
// row of every table as text.
inline QByteArray storedBytes(const QString& location)
{
    if (!location.startsWith(QLatin1String("postgresql://"))) {
        return fileBytes(location) + fileBytes(location + QStringLiteral("-wal"));
    }
    RawDb raw(location);
    QByteArray all;
    for (const char* table : { "meta", "requests", "attempts", "failovers", "votes", "tool_documents" }) {
        all += raw.scalar(QStringLiteral("SELECT string_agg(t::text, E'\\n') FROM %1 t").arg(QLatin1String(table)))
                   .toString()
                   .toUtf8();
    }
    return all;
}

// The backends every ledger test runs on, as Qt Test global data: each test function runs once
// per row ("sqlite", "postgresql"); init() takes the row's location from here and skips the
// PostgreSQL row when no server could be started.
class Backends
{
public:
    static void addRows()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }
    // The current row's backend.
    static QString current()
    {
        QFETCH_GLOBAL(QString, backend);
        return backend;
    }
    static bool isPostgres() { return current() == QLatin1String("postgresql"); }

    // A new, empty ledger location for the current row: a file in `dir`, or a new database.
    // Empty (with skipReason()) when the row's backend is not available here.
    QString newLocation(const QTemporaryDir& dir, const QString& name)
    {
        if (!isPostgres()) {
            return dir.filePath(name + QStringLiteral(".sqlite"));
        }
        if (!m_server.start()) {
            return {};
        }
        return m_server.createDatabase();
    }
    QString skipReason() const
    {
        return m_server.skipReason().isEmpty() ? QStringLiteral("PostgreSQL is not available") : m_server.skipReason();
    }
    PostgresServer& server() { return m_server; }

private:
    PostgresServer m_server;
};
} // namespace LedgerTestUtil
