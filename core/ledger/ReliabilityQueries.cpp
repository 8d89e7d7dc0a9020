#include "core/ledger/ReliabilityQueries.h"

#include "core/ledger/LatencyHistogram.h"
#include "core/ledger/LedgerQueriesSql.h"
#include "core/ledger/LedgerReader.h"
#include "core/ledger/LedgerRollup.h"
#include "core/ledger/LedgerStatement.h"

#include <QSqlQuery>

using namespace LedgerQueriesSql;

namespace {
bool matches(const QStringList& wanted, const QString& value)
{
    return wanted.isEmpty() || wanted.contains(value);
}

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
    bool join = false;
    SqlWhere where = failoverWhere(filter, &join, false);
    QList<FailoverCountRow> rows;
    if (!m_reader.dialect().sumsWhileReading()) {
        // PostgreSQL counts on the server: sending 300,000 failovers (10M requests, 90 days)
        // through QPSQL took 700 ms, their counts 150-300 ms. The request's provider, tier and
        // source are matched as the cached keys below match them.
        if (join) {
            where.in(QStringLiteral("r.final_provider"), filter.providers);
            where.in(QStringLiteral("r.tier"), filter.tiers);
            where.in(QStringLiteral("r.source"), filter.sources);
        }
        QSqlQuery query;
        if (!m_reader.run(query,
                          QStringLiteral("SELECT %1 AS b, f.failure_class, COUNT(*) FROM failovers f%2%3"
                                         " GROUP BY b, f.failure_class ORDER BY b, f.failure_class")
                              .arg(bucketSql(m_reader.dialect(), bucket, QStringLiteral("f.at / 1000")),
                                   join ? QStringLiteral(" JOIN requests r ON r.rid = f.request_rid") : QString(),
                                   where.sql()),
                          where.binds())) {
            return rows;
        }
        while (query.next()) {
            rows << FailoverCountRow { fromSecs(query.value(0)), query.value(1).toString(),
                                       query.value(2).toLongLong() };
        }
        return rows;
    }
    // Read in failovers_at order and counted here: an SQL GROUP BY sorts every failover of the
    // period first, which costs more than the scan itself (30,000 failovers over 90 days).
    // Filters on the request's provider, tier or source are not joined in SQL (a primary-key
    // lookup per failover, every time the filter changes) but matched against cached keys of
    // the requests that failed over: only failovers new since the last call look theirs up.
    LedgerStatement statement;
    if (!m_reader.scan(statement,
                       QStringLiteral("SELECT %1, f.failure_class, f.request_rid FROM failovers f%2 ORDER BY f.at")
                           .arg(bucketSql(m_reader.dialect(), bucket, QStringLiteral("f.at / 1000")), where.sql()),
                       where.binds())) {
        return rows;
    }
    struct Failover
    {
        qint64 bucket;
        QString failureClass;
        qint64 rid;
    };
    QList<Failover> failovers;
    QList<qint64> missing;
    while (statement.next()) {
        failovers << Failover { statement.int64(0), statement.text(1), statement.int64(2) };
        if (join && !m_failedOverRequests.contains(failovers.last().rid)) {
            missing << failovers.last().rid;
        }
    }
    m_reader.setError(statement.errorString());
    if (!m_reader.errorString().isEmpty() || (join && !loadFailedOverRequests(missing, where))) {
        return rows;
    }
    QMap<std::pair<qint64, QString>, qint64> counts;
    for (const Failover& failover : std::as_const(failovers)) {
        if (join) {
            const auto keys = m_failedOverRequests.constFind(failover.rid);
            if (keys == m_failedOverRequests.cend() || !matches(filter.providers, keys->provider)
                || !matches(filter.tiers, keys->tier) || !matches(filter.sources, keys->source)) {
                continue;
            }
        }
        ++counts[{ failover.bucket, failover.failureClass }];
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        rows << FailoverCountRow { QDateTime::fromSecsSinceEpoch(it.key().first, Qt::UTC), it.key().second, *it };
    }
    return rows;
}

bool ReliabilityQueries::loadFailedOverRequests(const QList<qint64>& rids, const SqlWhere& failovers)
{
    // A few distinct values each: one shared string per value keeps the cache small.
    auto shared = [this](const QString& text) { return *m_keyStrings.insert(text); };
    constexpr int kBatch = 500;
    auto remember = [&](LedgerStatement& statement) {
        while (statement.next()) {
            m_failedOverRequests.insert(
                statement.int64(0),
                { shared(statement.text(1)), shared(statement.text(2)), shared(statement.text(3)) });
        }
        m_reader.setError(statement.errorString());
        return m_reader.errorString().isEmpty();
    };
    if (m_failedOverRequests.isEmpty() || rids.size() > kBatch) {
        // A first call: one join over these failovers beats many IN lists.
        LedgerStatement statement;
        if (!m_reader.scan(statement,
                           QStringLiteral("SELECT r.rid, r.final_provider, r.tier, r.source FROM failovers f"
                                          " JOIN requests r ON r.rid = f.request_rid%1")
                               .arg(failovers.sql()),
                           failovers.binds())) {
            return false;
        }
        return remember(statement);
    }
    for (qsizetype first = 0; first < rids.size(); first += kBatch) {
        const QList<qint64> batch = rids.mid(first, kBatch);
        QVariantList binds;
        for (qint64 rid : batch) {
            binds << rid;
        }
        LedgerStatement statement;
        if (!m_reader.scan(statement,
                           QStringLiteral("SELECT rid, final_provider, tier, source FROM requests WHERE rid IN (%1)")
                               .arg(QStringList(batch.size(), QStringLiteral("?")).join(u',')),
                           binds)
            || !remember(statement)) {
            return false;
        }
    }
    return true;
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
