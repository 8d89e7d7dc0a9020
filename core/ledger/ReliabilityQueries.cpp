#include "core/ledger/ReliabilityQueries.h"

#include "core/ledger/LatencyHistogram.h"
#include "core/ledger/LedgerQueriesSql.h"
#include "core/ledger/LedgerReader.h"
#include "core/ledger/LedgerRollup.h"
#include "core/ledger/LedgerStatement.h"

#include <QSqlQuery>

using namespace LedgerQueriesSql;

namespace {
Percentiles percentiles(const LatencyHistogram::Counts& counts)
{
    Percentiles p;
    p.samples = LatencyHistogram::total(counts);
    p.p50 = LatencyHistogram::percentile(counts, 0.50);
    p.p90 = LatencyHistogram::percentile(counts, 0.90);
    p.p95 = LatencyHistogram::percentile(counts, 0.95);
    p.p99 = LatencyHistogram::percentile(counts, 0.99);
    return p;
}

// Failovers are raw rows; the request is joined only when the filter needs its fields
// (`requestColumns` false: only the failover's own time and models).
SqlWhere failoverWhere(const LedgerFilter& filter, bool* needsJoin, bool requestColumns = true)
{
    SqlWhere where = LedgerQueriesSql::failoverWhere(filter);
    if (requestColumns) {
        addRequestKeys(&where, filter);
    }
    *needsJoin = !filter.providers.isEmpty() || !filter.tiers.isEmpty() || !filter.sources.isEmpty();
    return where;
}
} // namespace

ReliabilityQueries::ReliabilityQueries(LedgerReader& reader)
    : m_reader(reader)
{
}

QList<FailoverEvent> ReliabilityQueries::failoverEvents(const LedgerFilter& filter, int limit)
{
    bool join = false;
    const SqlWhere where = failoverWhere(filter, &join);
    QVariantList binds = where.binds();
    binds << limit;
    QSqlQuery query;
    QList<FailoverEvent> events;
    if (!m_reader.run(query,
                      QStringLiteral("SELECT f.at, f.from_model, f.to_model, f.failure_class, f.message, r.uuid"
                                     " FROM failovers f JOIN requests r ON r.rid = f.request_rid%1"
                                     " ORDER BY f.at DESC, %2 DESC LIMIT ?")
                          .arg(where.sql(), m_reader.dialect().insertionOrder(QStringLiteral("f"))),
                      binds)) {
        return events;
    }
    while (query.next()) {
        events << FailoverEvent { QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC),
                                  query.value(1).toString(),
                                  query.value(2).toString(),
                                  query.value(3).toString(),
                                  query.value(4).toString(),
                                  query.value(5).toString() };
    }
    return events;
}

QList<FailoverCountRow> ReliabilityQueries::failoverCounts(const LedgerFilter& filter, LedgerBucket bucket)
{
    // Whole hours from the failover rollups (whole UTC days from the daily table, unless the
    // buckets are hours), the partial hours at the period's edges from the raw failovers: the
    // same counts as the raw rows give, from a few hundred rollup rows instead of 300,000
    // failovers (10M requests over 90 days: 338 ms counted raw on PostgreSQL).
    const LedgerDialect& dialect = m_reader.dialect();
    const qint64 from = filter.from.isValid() ? filter.from.toMSecsSinceEpoch() : kOpenStart;
    const qint64 until = filter.until.isValid() ? filter.until.toMSecsSinceEpoch() : kOpenEnd;
    // The whole hours in the period (seconds), open ends as they are.
    const qint64 h0 = filter.from.isValid() ? ceilHour(filter.from) : kOpenStart;
    const qint64 h1 = filter.until.isValid() ? floorHour(filter.until) : kOpenEnd;
    QStringList parts;
    QVariantList binds;
    // Raw failovers in [start, end) (milliseconds), their request joined when the filter needs it.
    auto raw = [&](qint64 start, qint64 end) {
        if (start >= end) {
            return;
        }
        LedgerFilter edge = filter;
        edge.from = start == kOpenStart ? QDateTime() : QDateTime::fromMSecsSinceEpoch(start, Qt::UTC);
        edge.until = end == kOpenEnd ? QDateTime() : QDateTime::fromMSecsSinceEpoch(end, Qt::UTC);
        SqlWhere where = LedgerQueriesSql::failoverWhere(edge);
        const bool join = !filter.providers.isEmpty() || !filter.tiers.isEmpty() || !filter.sources.isEmpty();
        where.in(QStringLiteral("r.final_provider"), filter.providers);
        where.in(QStringLiteral("r.tier"), filter.tiers);
        where.in(QStringLiteral("r.source"), filter.sources);
        parts << QStringLiteral("SELECT %1 AS b, f.failure_class, 1 AS n FROM failovers f%2%3")
                     .arg(bucketSql(dialect, bucket, QStringLiteral("f.at / 1000")),
                          join ? QStringLiteral(" JOIN requests r ON r.rid = f.request_rid") : QString(), where.sql());
        binds << where.binds();
    };
    // Rollup rows with t in [start, end) (seconds).
    auto rollup = [&](LedgerRollup::Grain grain, qint64 start, qint64 end) {
        if (start >= end) {
            return;
        }
        const QString t = LedgerRollup::timeColumn(grain);
        SqlWhere where;
        addTimeRange(&where, t, start, end);
        SqlWhere models;
        models.in(QStringLiteral("from_model"), filter.models);
        models.in(QStringLiteral("to_model"), filter.models);
        where.anyOf(models);
        where.in(QStringLiteral("provider"), filter.providers);
        where.in(QStringLiteral("tier"), filter.tiers);
        where.in(QStringLiteral("source"), filter.sources);
        parts << QStringLiteral("SELECT %1 AS b, failure_class, failovers AS n FROM %2%3")
                     .arg(bucketSql(dialect, bucket, t), LedgerRollup::table(QStringLiteral("failover"), grain),
                          where.sql());
        binds << where.binds();
    };
    if (h0 >= h1) {
        raw(from, until); // no whole hour
    } else {
        raw(from, h0 == kOpenStart ? from : h0 * 1000);
        qint64 d0 = h0 == kOpenStart ? kOpenStart : LedgerRollup::dayOf(h0 + 86399);
        qint64 d1 = h1 == kOpenEnd ? kOpenEnd : LedgerRollup::dayOf(h1);
        if (bucket == LedgerBucket::Hour || d0 >= d1) {
            d0 = d1 = h1; // no whole days (or hour buckets): the hourly table only
        }
        rollup(LedgerRollup::Hourly, h0, d0);
        rollup(LedgerRollup::Daily, d0, d1);
        rollup(LedgerRollup::Hourly, qMax(d1, h0), h1);
        raw(h1 == kOpenEnd ? until : h1 * 1000, until);
    }
    QList<FailoverCountRow> rows;
    if (parts.isEmpty()) {
        return rows;
    }
    QSqlQuery query;
    if (!m_reader.run(query,
                      QStringLiteral("SELECT b, failure_class, SUM(n) FROM (%1) AS src GROUP BY b, failure_class"
                                     " ORDER BY b, failure_class")
                          .arg(parts.join(QStringLiteral(" UNION ALL "))),
                      binds)) {
        return rows;
    }
    while (query.next()) {
        rows << FailoverCountRow { fromSecs(query.value(0)), query.value(1).toString(), query.value(2).toLongLong() };
    }
    return rows;
}

UptimeReport ReliabilityQueries::uptime(const LedgerFilter& filter, LedgerBucket bucket)
{
    const Source source = rollupSource(QStringLiteral("uptime"), QStringLiteral("provider, attempts, provider_faults"),
                                       filter, bucket == LedgerBucket::Hour);
    QSqlQuery query;
    UptimeReport report;
    QMap<QString, UptimeRow> overall;
    if (bucket == LedgerBucket::Hour && m_reader.dialect().sumsWhileReading()) {
        LedgerStatement statement;
        if (!m_reader.scan(statement,
                           QStringLiteral("SELECT t, provider, attempts, provider_faults FROM %1").arg(source.sql),
                           source.binds)) {
            return report;
        }
        QMap<std::pair<qint64, QString>, UptimeRow> sums;
        while (statement.next()) {
            UptimeRow& row = sums[{ statement.int64(0), statement.text(1) }];
            row.attempts += statement.int64(2);
            row.providerFaults += statement.int64(3);
        }
        m_reader.setError(statement.errorString());
        for (auto it = sums.begin(); it != sums.end(); ++it) {
            UptimeRow row = *it;
            row.bucketStart = QDateTime::fromSecsSinceEpoch(it.key().first, Qt::UTC);
            row.provider = it.key().second;
            row.uptimeShare = row.attempts > 0 ? 1.0 - double(row.providerFaults) / double(row.attempts) : 1.0;
            report.buckets << row;
            UptimeRow& sum = overall[row.provider];
            sum.provider = row.provider;
            sum.attempts += row.attempts;
            sum.providerFaults += row.providerFaults;
        }
    } else if (!m_reader.run(query,
                             QStringLiteral("SELECT %1 AS b, provider, SUM(attempts), SUM(provider_faults)"
                                            " FROM %2 GROUP BY b, provider ORDER BY b, provider")
                                 .arg(bucketSql(m_reader.dialect(), bucket, QStringLiteral("t")), source.sql),
                             source.binds)) {
        return report;
    }
    while (query.next()) {
        UptimeRow row { fromSecs(query.value(0)), query.value(1).toString(), query.value(2).toLongLong(),
                        query.value(3).toLongLong(), 1 };
        if (row.attempts > 0) {
            row.uptimeShare = 1.0 - double(row.providerFaults) / double(row.attempts);
        }
        report.buckets << row;
        UptimeRow& sum = overall[row.provider];
        sum.provider = row.provider;
        sum.attempts += row.attempts;
        sum.providerFaults += row.providerFaults;
    }
    for (UptimeRow row : std::as_const(overall)) {
        if (row.attempts > 0) {
            row.uptimeShare = 1.0 - double(row.providerFaults) / double(row.attempts);
        }
        report.overall << row;
    }
    return report;
}

QList<LatencyRow> ReliabilityQueries::latencyPercentiles(const LedgerFilter& filter)
{
    const QStringList histogram = LedgerRollup::latencyColumns() + LedgerRollup::ttftColumns();
    const Source source
        = rollupSource(QStringLiteral("latency"), QStringLiteral("model, ") + histogram.join(u','), filter, false);
    QList<LatencyRow> rows;
    // On SQLite summed here rather than with GROUP BY model, which sorts every 80-column row first;
    // PostgreSQL sums on the server and sends a row per model (LedgerDialect::sumsWhileReading).
    QString select = QStringLiteral("SELECT model, %1 FROM %2").arg(histogram.join(u','), source.sql);
    if (!m_reader.dialect().sumsWhileReading()) {
        select = QStringLiteral("SELECT model, %1 FROM %2 GROUP BY model").arg(sums(histogram), source.sql);
    }
    LedgerStatement statement;
    if (!m_reader.scan(statement, select, source.binds)) {
        return rows;
    }
    QMap<QString, std::pair<LatencyHistogram::Counts, LatencyHistogram::Counts>> perModel;
    while (statement.next()) {
        auto& [latency, ttft] = perModel[statement.text(0)];
        for (int i = 0; i < LatencyHistogram::kBuckets; ++i) {
            latency[size_t(i)] += statement.int64(1 + i);
            ttft[size_t(i)] += statement.int64(1 + LatencyHistogram::kBuckets + i);
        }
    }
    m_reader.setError(statement.errorString());
    for (auto it = perModel.cbegin(); it != perModel.cend(); ++it) {
        rows << LatencyRow { it.key(), percentiles(it->first), percentiles(it->second) };
    }
    return rows;
}
