#include "core/ledger/LedgerReader.h"

#include "core/ledger/LedgerConnection.h"
#include "core/ledger/LedgerStatement.h"

#include <QSqlError>
#include <QSqlQuery>

LedgerReader::LedgerReader(const QString& path)
    : m_path(path)
    , m_dialect(LedgerBackends::ofLocation(path))
{
}

LedgerReader::~LedgerReader() = default;

bool LedgerReader::open()
{
    m_error.clear();
    if (!m_connection) {
        m_connection = std::make_unique<LedgerConnection>(m_path, QStringLiteral("queries"));
        if (!m_connection->open(5000, &m_error)) {
            m_connection.reset();
            return false;
        }
    }
    return true;
}

QSqlDatabase LedgerReader::database() const
{
    return m_connection ? m_connection->database() : QSqlDatabase();
}

bool LedgerReader::scan(LedgerStatement& statement, const QString& sql, const QVariantList& binds)
{
    if (!open()) {
        return false;
    }
    if (!statement.prepare(m_connection->database(), sql)) {
        m_error = statement.errorString();
        return false;
    }
    for (int i = 0; i < binds.size(); ++i) {
        statement.bind(i + 1, binds[i]);
    }
    return true;
}

bool LedgerReader::run(QSqlQuery& query, const QString& sql, const QVariantList& binds)
{
    if (!open()) {
        return false;
    }
    query = QSqlQuery(m_connection->database());
    query.setForwardOnly(m_dialect.nestsForwardOnlyReads());
    if (!query.prepare(sql)) {
        m_error = query.lastError().text();
        return false;
    }
    for (const QVariant& bind : binds) {
        query.addBindValue(bind);
    }
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return true;
}
