#include "core/ledger/HistoryQueries.h"

#include "core/ledger/LedgerQueriesSql.h"
#include "core/ledger/LedgerReader.h"
#include "core/ledger/LedgerRows.h"

#include <QSqlQuery>

QList<RequestRecord> HistoryQueries::readRequests(QSqlQuery& query)
{
    QList<RequestRecord> records;
    QList<qint64> rids;
    while (query.next()) {
        qint64 rid = 0;
        records << LedgerRows::readRequest(query, &rid);
        rids << rid;
    }
    query.finish();
    LedgerRows::DetailsLoader details(m_reader.database());
    for (int i = 0; i < records.size(); ++i) {
        if (!details.load(rids[i], &records[i])) {
            m_reader.setError(details.errorString());
        }
    }
    return records;
}

HistoryQueries::HistoryQueries(LedgerReader& reader)
    : m_reader(reader)
{
}

QList<RequestRecord> HistoryQueries::recentRequests(int limit, int offset, const QString& searchText)
{
    QString where;
    QVariantList binds;
    const QString text = searchText.trimmed();
    if (!text.isEmpty()) {
        QString pattern = text;
        pattern.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        pattern = u'%' + pattern + u'%';
        QStringList matches;
        for (const char* column :
             { "prompt", "final_model", "final_provider", "tier", "rule", "compare_group", "error_message" }) {
            matches << QStringLiteral("r.%1 LIKE ? ESCAPE '\\'").arg(QLatin1String(column));
            binds << pattern;
        }
        where = QStringLiteral(" WHERE ") + matches.join(QStringLiteral(" OR "));
    }
    binds << limit << offset;
    QSqlQuery query;
    if (!m_reader.run(
            query,
            QStringLiteral("SELECT %1 FROM requests r%2 ORDER BY r.started_at DESC, r.rid DESC LIMIT ? OFFSET ?")
                .arg(LedgerRows::requestColumns(), where),
            binds)) {
        return {};
    }
    return readRequests(query);
}

QList<RequestRecord> HistoryQueries::requestsInCompareGroup(const QString& group)
{
    QSqlQuery query;
    if (group.isEmpty()
        || !m_reader.run(
            query,
            QStringLiteral("SELECT %1 FROM requests r WHERE r.compare_group = ? ORDER BY r.started_at, r.rid")
                .arg(LedgerRows::requestColumns()),
            { group })) {
        return {};
    }
    return readRequests(query);
}

QList<VoteRecord> HistoryQueries::votesInCompareGroup(const QString& group)
{
    QSqlQuery query;
    QList<VoteRecord> votes;
    if (!m_reader.run(query,
                      QStringLiteral("SELECT compare_group, winner_model, tie, at FROM votes WHERE compare_group = ?"
                                     " ORDER BY at, id"),
                      { group })) {
        return votes;
    }
    while (query.next()) {
        votes << VoteRecord { query.value(0).toString(), query.value(1).toString(), query.value(2).toBool(),
                              LedgerRows::fromMs(query.value(3)) };
    }
    return votes;
}

QList<RequestRecord> HistoryQueries::requests(const LedgerFilter& filter, int limit, const RequestMatch& match)
{
    SqlWhere where;
    if (match.failedOverOnly) {
        // The failover's time and models, as the failover chart counts them; failovers_at finds them.
        SqlWhere failovers = LedgerQueriesSql::failoverWhere(filter);
        if (!match.failureClass.isEmpty()) {
            failovers.add(QStringLiteral("f.failure_class = ?"), { match.failureClass });
        }
        where.add(QStringLiteral("r.rid IN (SELECT f.request_rid FROM failovers f%1)").arg(failovers.sql()),
                  failovers.binds());
        LedgerQueriesSql::addRequestKeys(&where, filter);
    } else {
        where = LedgerQueriesSql::requestWhere(filter);
    }
    if (!match.requestId.isEmpty()) {
        where.add(QStringLiteral("r.uuid = ?"), { match.requestId });
    }
    QVariantList binds = where.binds();
    binds << limit;
    QSqlQuery query;
    if (!m_reader.run(query,
                      QStringLiteral("SELECT %1 FROM requests r%2 ORDER BY r.started_at DESC, r.rid DESC LIMIT ?")
                          .arg(LedgerRows::requestColumns(), where.sql()),
                      binds)) {
        return {};
    }
    return readRequests(query);
}
