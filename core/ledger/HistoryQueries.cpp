#include "core/ledger/HistoryQueries.h"

#include "core/ledger/LedgerQueriesSql.h"
#include "core/ledger/LedgerReader.h"
#include "core/ledger/LedgerRows.h"
#include "core/ledger/LedgerStatement.h"
#include "core/ledger/SqlWhere.h"

#include <QSqlQuery>

#include <algorithm>

QList<RequestRecord> HistoryQueries::readRequests(QSqlQuery& query)
{
    QList<RequestRecord> records;
    QList<qint64> rids;
    QStringList toolsHashes;
    while (query.next()) {
        qint64 rid = 0;
        QString toolsHash;
        records << LedgerRows::readRequest(query, &rid, &toolsHash);
        rids << rid;
        toolsHashes << toolsHash;
    }
    query.finish();
    LedgerRows::DetailsLoader details(m_reader.database());
    for (int i = 0; i < records.size(); ++i) {
        if (!details.load(rids[i], &records[i], toolsHashes[i])) {
            m_reader.setError(details.errorString());
        }
    }
    return records;
}

HistoryQueries::HistoryQueries(LedgerReader& reader)
    : m_reader(reader)
{
}

bool HistoryQueries::scanUsage(const QDateTime& since, const QList<RequestSource>& excluded,
                               const std::function<void(const PricedUsage&)>& row)
{
    QStringList marks;
    QVariantList binds { since.toMSecsSinceEpoch() };
    for (const RequestSource source : excluded) {
        marks << QStringLiteral("?");
        binds << RequestSources::id(source);
    }
    LedgerStatement statement;
    if (!m_reader.scan(
            statement,
            QStringLiteral("SELECT prompt, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,"
                           " usage_estimated, cache_write_5m_tokens, cache_write_1h_tokens, images,"
                           " web_searches, batch, CASE WHEN cost_usd IS NULL THEN 1 ELSE 0 END,"
                           " COALESCE(cost_usd, 0) FROM requests WHERE started_at >= ?%1"
                           " AND prompt_tokens + completion_tokens > 0")
                .arg(marks.isEmpty() ? QString()
                                     : QStringLiteral(" AND source NOT IN (%1)").arg(marks.join(QStringLiteral(", ")))),
            binds)) {
        return false;
    }
    PricedUsage usage;
    while (statement.next()) {
        usage.prompt = statement.text(0);
        TokenUsage& u = usage.usage;
        u.promptTokens = statement.int64(1);
        u.completionTokens = statement.int64(2);
        u.cachedTokens = statement.int64(3);
        u.reasoningTokens = statement.int64(4);
        u.estimated = statement.int64(5) != 0;
        u.cacheWrite5mTokens = statement.int64(6);
        u.cacheWrite1hTokens = statement.int64(7);
        u.images = statement.int64(8);
        u.webSearches = statement.int64(9);
        u.batch = statement.int64(10) != 0;
        usage.costUsd = statement.int64(11) != 0 ? std::nullopt : std::optional<double>(statement.real(12));
        row(usage);
    }
    m_reader.setError(statement.errorString());
    return statement.errorString().isEmpty();
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
        for (const char* column : { "prompt", "final_model", "final_provider", "tier", "rule", "compare_group",
                                    "error_message", "answer", "reasoning", "tool_calls" }) {
            matches << QStringLiteral("r.%1 %2 ? ESCAPE '\\'")
                           .arg(QLatin1String(column), m_reader.dialect().likeOperator());
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
                      QStringLiteral("SELECT compare_group, winner_model, tie, at, winner_settings, tag FROM votes"
                                     " WHERE compare_group = ?"
                                     " ORDER BY at, id"),
                      { group })) {
        return votes;
    }
    while (query.next()) {
        votes << VoteRecord {
            query.value(0).toString(),          query.value(1).toString(), query.value(2).toBool(),
            LedgerRows::fromMs(query.value(3)), query.value(4).toString(), query.value(5).toString()
        };
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

QList<VotedRun> HistoryQueries::votedRuns(const QDateTime& from, const QDateTime& until)
{
    SqlWhere where;
    where.add(QStringLiteral("v.id IN (SELECT MAX(id) FROM votes GROUP BY compare_group)"));
    where.during(QStringLiteral("v.at"), from, until);
    QSqlQuery query;
    // requests_compare_group finds each run's columns; the rid order makes a rerun's row the last.
    if (!m_reader.run(query,
                      QStringLiteral("SELECT v.compare_group, v.at, v.winner_model, v.winner_settings, v.tie, v.tag,"
                                     " r.final_model, r.settings, r.tier, r.rule, r.cost_usd, r.prompt"
                                     " FROM votes v JOIN requests r ON r.compare_group = v.compare_group%1"
                                     " ORDER BY v.at, v.id, r.rid")
                          .arg(where.sql()),
                      where.binds())) {
        return {};
    }
    QList<VotedRun> runs;
    while (query.next()) {
        const QString group = query.value(0).toString();
        if (runs.isEmpty() || runs.constLast().compareGroup != group) {
            VotedRun run;
            run.compareGroup = group;
            run.at = LedgerRows::fromMs(query.value(1));
            run.winnerModel = query.value(2).toString();
            run.winnerSettings = query.value(3).toString();
            run.tie = query.value(4).toBool();
            run.tag = query.value(5).toString();
            run.prompt = query.value(11).toString();
            runs.append(run);
        }
        VotedColumn column;
        column.model = query.value(6).toString();
        column.settings = query.value(7).toString();
        column.tier = query.value(8).toString();
        column.rule = query.value(9).toString();
        if (!query.value(10).isNull()) {
            column.costUsd = query.value(10).toDouble();
        }
        QList<VotedColumn>& columns = runs.last().columns;
        const auto same = std::find_if(columns.begin(), columns.end(), [&](const VotedColumn& c) {
            return c.model == column.model && c.settings == column.settings;
        });
        if (same != columns.end()) {
            *same = column;
        } else {
            columns.append(column);
        }
    }
    return runs;
}
