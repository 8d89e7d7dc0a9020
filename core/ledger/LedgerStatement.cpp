#include "core/ledger/LedgerStatement.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

LedgerStatement::LedgerStatement() = default;

LedgerStatement::~LedgerStatement()
{
    sqlite3_finalize(m_statement);
}

sqlite3* LedgerStatement::handle(const QSqlDatabase& db)
{
    const QVariant value = db.driver() ? db.driver()->handle() : QVariant();
    if (!value.isValid() || qstrcmp(value.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3* const*>(value.data());
}

bool LedgerStatement::isPrepared() const
{
    return m_statement != nullptr || m_query != nullptr;
}

bool LedgerStatement::prepare(const QSqlDatabase& db, const QString& sql)
{
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
    m_query.reset();
    m_executed = false;
    m_error.clear();
    m_db = handle(db);
    if (!m_db) {
        if (!db.isValid() || !db.isOpen()) {
            m_error = QStringLiteral("no database connection");
            return false;
        }
        m_query = std::make_unique<QSqlQuery>(db);
        m_query->setForwardOnly(false); // see LedgerDialect::nestsForwardOnlyReads
        if (!sql.contains(u'?')) {
            // PostgreSQL cannot PREPARE BEGIN or COMMIT; a statement without parameters gains
            // nothing from it either.
            m_plainSql = sql;
            return true;
        }
        m_plainSql.clear();
        if (!m_query->prepare(sql)) {
            m_error = m_query->lastError().text();
            m_query.reset();
            return false;
        }
        return true;
    }
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr)
        != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        m_statement = nullptr;
        return false;
    }
    return true;
}

void LedgerStatement::bind(int index, qint64 value)
{
    if (m_query) {
        m_query->bindValue(index - 1, value);
        return;
    }
    sqlite3_bind_int64(m_statement, index, value);
}

void LedgerStatement::bind(int index, double value)
{
    if (m_query) {
        m_query->bindValue(index - 1, value);
        return;
    }
    sqlite3_bind_double(m_statement, index, value);
}

void LedgerStatement::bind(int index, const QString& text)
{
    if (m_query) {
        m_query->bindValue(index - 1, text.isNull() ? QStringLiteral("") : text);
        return;
    }
    if (m_texts.size() <= index) {
        m_texts.resize(index + 1);
    }
    QByteArray& utf8 = m_texts[index];
    utf8 = text.toUtf8();
    // constData() of an empty QByteArray is "", never null: a null QString binds '' (NOT NULL columns).
    sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void LedgerStatement::bindNull(int index)
{
    if (m_query) {
        m_query->bindValue(index - 1, QVariant(QMetaType::fromType<double>()));
        return;
    }
    sqlite3_bind_null(m_statement, index);
}

bool LedgerStatement::exec()
{
    if (m_query) {
        m_executed = false;
        m_returnedId = 0;
        if (!(m_plainSql.isEmpty() ? m_query->exec() : m_query->exec(m_plainSql))) {
            m_error = m_query->lastError().text();
            return false;
        }
        if (m_query->isSelect() && m_query->next()) {
            m_returnedId = m_query->value(0).toLongLong();
        }
        m_query->finish();
        return true;
    }
    int rc = sqlite3_step(m_statement);
    while (rc == SQLITE_ROW) {
        rc = sqlite3_step(m_statement);
    }
    sqlite3_reset(m_statement);
    if (rc != SQLITE_DONE) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    return true;
}

qint64 LedgerStatement::lastInsertRowId() const
{
    return m_query ? m_returnedId : sqlite3_last_insert_rowid(m_db);
}

void LedgerStatement::bind(int index, const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Double:
        bind(index, value.toDouble());
        break;
    case QMetaType::QString:
        bind(index, value.toString());
        break;
    default:
        bind(index, value.toLongLong());
        break;
    }
}

bool LedgerStatement::next()
{
    if (m_query) {
        if (!m_executed) {
            m_executed = true;
            if (!(m_plainSql.isEmpty() ? m_query->exec() : m_query->exec(m_plainSql))) {
                m_error = m_query->lastError().text();
                return false;
            }
        }
        return m_query->next();
    }
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc != SQLITE_DONE) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    return false;
}

qint64 LedgerStatement::int64(int column) const
{
    if (m_query) {
        return m_query->value(column).toLongLong();
    }
    return sqlite3_column_int64(m_statement, column);
}

double LedgerStatement::real(int column) const
{
    if (m_query) {
        return m_query->value(column).toDouble();
    }
    return sqlite3_column_double(m_statement, column);
}

QString LedgerStatement::text(int column) const
{
    if (m_query) {
        return m_query->value(column).toString();
    }
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
}

void LedgerStatement::reset()
{
    if (m_query) {
        m_executed = false;
        m_query->finish();
        return;
    }
    sqlite3_reset(m_statement);
}
