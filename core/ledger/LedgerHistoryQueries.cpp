// LedgerQueries: the workbench history part (raw rows, newest first).
#include "LedgerQueries.h"

#include "LedgerConnection.h"
#include "LedgerRows.h"

#include <QSqlQuery>

QList<RequestRecord> LedgerQueries::readRequests(QSqlQuery& query)
{
    QList<RequestRecord> records;
    QList<qint64> rids;
    while (query.next()) {
        qint64 rid = 0;
        records << LedgerRows::readRequest(query, &rid);
        rids << rid;
    }
    query.finish();
    LedgerRows::DetailsLoader details(m_connection->database());
    for (int i = 0; i < records.size(); ++i) {
        if (!details.load(rids[i], &records[i])) {
            m_error = details.errorString();
        }
    }
    return records;
}

QList<RequestRecord> LedgerQueries::recentRequests(int limit, int offset, const QString& searchText)
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
    if (!run(query,
             QStringLiteral("SELECT %1 FROM requests r%2 ORDER BY r.started_at DESC, r.rid DESC LIMIT ? OFFSET ?")
                 .arg(LedgerRows::requestColumns(), where),
             binds)) {
        return {};
    }
    return readRequests(query);
}

QList<RequestRecord> LedgerQueries::requestsInCompareGroup(const QString& group)
{
    QSqlQuery query;
    if (group.isEmpty()
        || !run(query,
                QStringLiteral("SELECT %1 FROM requests r WHERE r.compare_group = ? ORDER BY r.started_at, r.rid")
                    .arg(LedgerRows::requestColumns()),
                { group })) {
        return {};
    }
    return readRequests(query);
}

QList<VoteRecord> LedgerQueries::votesInCompareGroup(const QString& group)
{
    QSqlQuery query;
    QList<VoteRecord> votes;
    if (!run(query,
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

namespace {
void addIn(QStringList* clauses, QVariantList* binds, const QString& column, const QStringList& values)
{
    if (values.isEmpty()) {
        return;
    }
    *clauses << QStringLiteral("%1 IN (%2)").arg(column, QStringList(values.size(), QStringLiteral("?")).join(u','));
    for (const QString& value : values) {
        *binds << value;
    }
}
} // namespace

QList<RequestRecord> LedgerQueries::requests(const LedgerFilter& filter, int limit, const RequestMatch& match)
{
    QStringList clauses;
    QVariantList binds;
    if (match.failedOverOnly) {
        // The failover's time and models, as the failover chart counts them; failovers_at finds them.
        QStringList inner;
        if (filter.from.isValid()) {
            inner << QStringLiteral("f.at >= ?");
            binds << filter.from.toMSecsSinceEpoch();
        }
        if (filter.until.isValid()) {
            inner << QStringLiteral("f.at < ?");
            binds << filter.until.toMSecsSinceEpoch();
        }
        if (!match.failureClass.isEmpty()) {
            inner << QStringLiteral("f.failure_class = ?");
            binds << match.failureClass;
        }
        if (!filter.models.isEmpty()) {
            QStringList models;
            addIn(&models, &binds, QStringLiteral("f.from_model"), filter.models);
            addIn(&models, &binds, QStringLiteral("f.to_model"), filter.models);
            inner << QStringLiteral("(%1)").arg(models.join(QStringLiteral(" OR ")));
        }
        clauses << QStringLiteral("r.rid IN (SELECT f.request_rid FROM failovers f%1)")
                       .arg(inner.isEmpty() ? QString()
                                            : QStringLiteral(" WHERE ") + inner.join(QStringLiteral(" AND ")));
    } else {
        if (filter.from.isValid()) {
            clauses << QStringLiteral("r.started_at >= ?");
            binds << filter.from.toMSecsSinceEpoch();
        }
        if (filter.until.isValid()) {
            clauses << QStringLiteral("r.started_at < ?");
            binds << filter.until.toMSecsSinceEpoch();
        }
        addIn(&clauses, &binds, QStringLiteral("r.final_model"), filter.models);
    }
    addIn(&clauses, &binds, QStringLiteral("r.final_provider"), filter.providers);
    addIn(&clauses, &binds, QStringLiteral("r.tier"), filter.tiers);
    addIn(&clauses, &binds, QStringLiteral("r.source"), filter.sources);
    if (!match.requestId.isEmpty()) {
        clauses << QStringLiteral("r.uuid = ?");
        binds << match.requestId;
    }
    binds << limit;
    QSqlQuery query;
    if (!run(
            query,
            QStringLiteral("SELECT %1 FROM requests r%2 ORDER BY r.started_at DESC, r.rid DESC LIMIT ?")
                .arg(LedgerRows::requestColumns(),
                     clauses.isEmpty() ? QString() : QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "))),
            binds)) {
        return {};
    }
    return readRequests(query);
}
