#pragma once

#include "core/ledger/LedgerDialect.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <memory>

class LedgerConnection;
class QSqlQuery;
class LedgerStatement;

// One read connection to the ledger file, opened on first use on the calling thread (where it
// must stay), and the error of the last query run through it. The query classes share one.
class LedgerReader final
{
public:
    explicit LedgerReader(const QString& path);
    ~LedgerReader();
    LedgerReader(const LedgerReader&) = delete;
    LedgerReader& operator=(const LedgerReader&) = delete;

    // Empty when the last query succeeded.
    QString errorString() const { return m_error; }
    void setError(const QString& error) { m_error = error; }

    // Prepares, binds and runs `sql`; false (and errorString()) when any step fails.
    bool run(QSqlQuery& query, const QString& sql, const QVariantList& binds);
    // Prepares and binds `sql` as a LedgerStatement, for reading many rows fast: rows are read
    // in primary-key order and summed by the caller, which avoids the temporary b-tree an SQL
    // GROUP BY (hour, key) needs over thousands of hours.
    bool scan(LedgerStatement& statement, const QString& sql, const QVariantList& binds);
    // The open connection (for the details loaders); only valid after a successful run()/scan().
    QSqlDatabase database() const;
    const LedgerDialect& dialect() const { return m_dialect; }

private:
    bool open();

    QString m_path;
    LedgerDialect m_dialect;
    std::unique_ptr<LedgerConnection> m_connection;
    QString m_error;
};
