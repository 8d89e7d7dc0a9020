#include "core/ledger/TeamConfigStore.h"

#include "core/ledger/LedgerConnection.h"
#include "core/ledger/LedgerDialect.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QVariant>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("TeamConfigStore", text);
}

const QString kColumns = QStringLiteral("version, changed_by, changed_on, changed_at, note");

// The user this process runs as, for the history ("alice@laptop").
QString osUser()
{
    for (const char* variable : { "USER", "LOGNAME" }) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty()) {
            return name;
        }
    }
    return QDir::home().dirName();
}

TeamConfigVersion fromRow(const QSqlQuery& query, bool withFiles)
{
    TeamConfigVersion config;
    config.version = query.value(0).toInt();
    config.changedBy = query.value(1).toString();
    config.changedOn = query.value(2).toString();
    config.changedAt = QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC);
    config.note = query.value(4).toString();
    if (withFiles) {
        config.providers = query.value(5).toString().toUtf8();
        config.routing = query.value(6).toString().toUtf8();
        config.clientKeys = query.value(7).toString().toUtf8();
    }
    return config;
}
} // namespace

TeamConfigStore::TeamConfigStore(const QString& location)
    : m_location(location)
{
}

TeamConfigStore::~TeamConfigStore() = default;

bool TeamConfigStore::connect()
{
    m_error.clear();
    if (m_connection && m_connection->isOpen()) {
        return true;
    }
    m_connection = std::make_unique<LedgerConnection>(m_location, QStringLiteral("team"));
    QString error;
    if (!m_connection->open(5000, &error)) {
        m_connection.reset();
        m_error = error;
        return false;
    }
    return true;
}

void TeamConfigStore::fail(const QString& error)
{
    m_error = error;
}

int TeamConfigStore::latestVersion()
{
    if (!connect()) {
        return -1;
    }
    QSqlQuery query(m_connection->database());
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM team_config")) || !query.next()) {
        fail(query.lastError().text());
        return -1;
    }
    return query.value(0).toInt();
}

std::optional<TeamConfigVersion> TeamConfigStore::version(int number)
{
    if (!connect()) {
        return std::nullopt;
    }
    QSqlQuery query(m_connection->database());
    const QString columns = kColumns + QStringLiteral(", providers, routing, client_keys");
    const bool ok = number > 0
        ? query.prepare(QStringLiteral("SELECT %1 FROM team_config WHERE version = ?").arg(columns))
        : query.prepare(QStringLiteral("SELECT %1 FROM team_config ORDER BY version DESC LIMIT 1").arg(columns));
    if (number > 0) {
        query.addBindValue(number);
    }
    if (!ok || !query.exec()) {
        fail(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        return std::nullopt;
    }
    return fromRow(query, true);
}

std::optional<QList<TeamConfigVersion>> TeamConfigStore::history()
{
    if (!connect()) {
        return std::nullopt;
    }
    QSqlQuery query(m_connection->database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM team_config ORDER BY version DESC").arg(kColumns))) {
        fail(query.lastError().text());
        return std::nullopt;
    }
    QList<TeamConfigVersion> versions;
    while (query.next()) {
        versions.append(fromRow(query, false));
    }
    return versions;
}

int TeamConfigStore::push(const TeamConfigVersion& config, int baseVersion, bool force)
{
    m_conflict.reset();
    if (!connect()) {
        return 0;
    }
    const QSqlDatabase db = m_connection->database();
    const LedgerDialect dialect = LedgerDialect::of(db);
    QString error;
    auto rollback = [&](const QString& why) {
        LedgerConnection::exec(db, QStringLiteral("ROLLBACK"), nullptr);
        fail(why);
        return 0;
    };
    if (!LedgerConnection::exec(db, dialect.beginWrite(), &error)) {
        return rollback(error);
    }
    // One push at a time: the newest version is read and the next written under one lock (an
    // advisory lock needs no privilege beyond the INSERT a push needs anyway).
    if (dialect.isPostgres()
        && !LedgerConnection::exec(
            db, QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('switchyard_team_config'))"), &error)) {
        return rollback(error);
    }
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT %1 FROM team_config ORDER BY version DESC LIMIT 1").arg(kColumns))) {
        return rollback(query.lastError().text());
    }
    const int newest = query.next() ? query.value(0).toInt() : 0;
    if (newest != baseVersion && !force) {
        if (newest > 0) {
            m_conflict = fromRow(query, false);
        }
        return rollback(
            tr("version %1 is the newest, not %2, the one this change was made on").arg(newest).arg(baseVersion));
    }
    query.finish();
    // Who: the role the server authenticated on PostgreSQL; the file's owner can only say.
    QString changedBy = osUser();
    if (dialect.isPostgres()) {
        if (!query.exec(QStringLiteral("SELECT current_user")) || !query.next()) {
            return rollback(query.lastError().text());
        }
        changedBy = query.value(0).toString();
        query.finish();
    }
    const QString changedOn = osUser() + u'@' + QSysInfo::machineHostName();
    const int number = newest + 1;
    if (!query.prepare(QStringLiteral("INSERT INTO team_config(version, providers, routing, client_keys, changed_by,"
                                      " changed_on, changed_at, note) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"))) {
        return rollback(query.lastError().text());
    }
    query.addBindValue(number);
    query.addBindValue(LedgerConnection::text(QString::fromUtf8(config.providers)));
    query.addBindValue(LedgerConnection::text(QString::fromUtf8(config.routing)));
    query.addBindValue(LedgerConnection::text(QString::fromUtf8(config.clientKeys)));
    query.addBindValue(changedBy);
    query.addBindValue(changedOn);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(LedgerConnection::text(config.note));
    if (!query.exec()) {
        return rollback(query.lastError().text());
    }
    query.finish();
    if (!LedgerConnection::exec(db, QStringLiteral("COMMIT"), &error)) {
        return rollback(error);
    }
    return number;
}
