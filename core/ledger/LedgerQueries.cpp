#include "LedgerQueries.h"

#include "LatencyHistogram.h"
#include "LedgerConnection.h"
#include "LedgerRollup.h"
#include "SqliteStatement.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>

namespace {
struct Where
{
    QStringList clauses;
    QVariantList binds;

    void in(const QString& column, const QStringList& values)
    {
        if (values.isEmpty()) {
            return;
        }
        clauses << QStringLiteral("%1 IN (%2)").arg(column, QStringList(values.size(), QStringLiteral("?")).join(u','));
        for (const QString& value : values) {
            binds << value;
        }
    }
    void add(const QString& clause, const QVariant& bind)
    {
        clauses << clause;
        binds << bind;
    }
    QString sql() const { return clauses.isEmpty() ? QString() : QStringLiteral(" WHERE ") + clauses.join(" AND "); }
};

qint64 floorHour(const QDateTime& at)
{
    return LedgerRollup::hourOf(at);
}

qint64 ceilHour(const QDateTime& at)
{
    const qint64 floor = floorHour(at);
    return floor * 1000 == at.toMSecsSinceEpoch() ? floor : floor + 3600;
}

constexpr qint64 kOpenStart = -(qint64(1) << 50);
constexpr qint64 kOpenEnd = qint64(1) << 50;

void addColumnFilters(Where* where, const LedgerFilter& filter)
{
    where->in(QStringLiteral("provider"), filter.providers);
    where->in(QStringLiteral("model"), filter.models);
    where->in(QStringLiteral("tier"), filter.tiers);
    where->in(QStringLiteral("source"), filter.sources);
}

// The rows of one rollup family ("rollup", "latency", "uptime") for the hours overlapping
// [from, until), as a subquery with its time column named t: whole UTC days from the daily
// table, the partial days at either end from the hourly one (or hourly only, for hour buckets).
struct Source
{
    QString sql;
    QVariantList binds;
};

Source rollupSource(const QString& family, const QString& columns, const LedgerFilter& filter, bool hourlyOnly)
{
    const qint64 h0 = filter.from.isValid() ? floorHour(filter.from) : kOpenStart;
    const qint64 h1 = filter.until.isValid() ? ceilHour(filter.until) : kOpenEnd;
    qint64 d0 = filter.from.isValid() ? LedgerRollup::dayOf(h0 + 86399) : kOpenStart;
    qint64 d1 = filter.until.isValid() ? LedgerRollup::dayOf(h1) : kOpenEnd;
    if (hourlyOnly || d0 >= d1) {
        d0 = d1 = h1; // no whole days: everything from the hourly table
    }
    QStringList parts;
    Source source;
    auto part = [&](LedgerRollup::Grain grain, qint64 start, qint64 end) {
        if (start >= end) {
            return;
        }
        const QString t = LedgerRollup::timeColumn(grain);
        Where where;
        if (start != kOpenStart) {
            where.add(t + QStringLiteral(" >= ?"), start);
        }
        if (end != kOpenEnd) {
            where.add(t + QStringLiteral(" < ?"), end);
        }
        addColumnFilters(&where, filter);
        parts << QStringLiteral("SELECT %1 AS t, %2 FROM %3%4")
                     .arg(t, columns, LedgerRollup::table(family, grain), where.sql());
        source.binds << where.binds;
    };
    part(LedgerRollup::Hourly, h0, d0);
    part(LedgerRollup::Daily, d0, d1);
    part(LedgerRollup::Hourly, qMax(d1, h0), h1);
    if (parts.isEmpty()) { // empty range
        parts << QStringLiteral("SELECT hour AS t, %1 FROM %2 WHERE 0")
                     .arg(columns, LedgerRollup::table(family, LedgerRollup::Hourly));
    }
    source.sql = QStringLiteral("(") + parts.join(QStringLiteral(" UNION ALL ")) + QStringLiteral(")");
    return source;
}

// SQL for the start of the bucket holding `seconds` (an SQL expression in epoch seconds).
QString bucketSql(LedgerBucket bucket, const QString& seconds)
{
    switch (bucket) {
    case LedgerBucket::Hour:
        return QStringLiteral("((%1) / 3600) * 3600").arg(seconds);
    case LedgerBucket::Day:
        return QStringLiteral("((%1) / 86400) * 86400").arg(seconds);
    case LedgerBucket::Week: // 1970-01-05 (epoch + 4 days) was a Monday
        return QStringLiteral("(((%1) - 345600) / 604800) * 604800 + 345600").arg(seconds);
    case LedgerBucket::Month:
        return QStringLiteral("CAST(strftime('%s', %1, 'unixepoch', 'start of month') AS INTEGER)").arg(seconds);
    }
    return seconds;
}

QDateTime fromSecs(const QVariant& secs)
{
    return QDateTime::fromSecsSinceEpoch(secs.toLongLong(), Qt::UTC);
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

QString sums(const QStringList& columns)
{
    QStringList out;
    for (const QString& column : columns) {
        out << QStringLiteral("TOTAL(%1)").arg(column);
    }
    return out.join(u',');
}
} // namespace

LedgerQueries::LedgerQueries(const QString& path)
    : m_path(path)
{
}

LedgerQueries::~LedgerQueries() = default;

bool LedgerQueries::open()
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

bool LedgerQueries::scan(SqliteStatement& statement, const QString& sql, const QVariantList& binds)
{
    if (!open()) {
        return false;
    }
    if (!statement.prepare(SqliteStatement::handle(m_connection->database()), sql)) {
        m_error = statement.errorString();
        return false;
    }
    for (int i = 0; i < binds.size(); ++i) {
        statement.bind(i + 1, binds[i]);
    }
    return true;
}

bool LedgerQueries::run(QSqlQuery& query, const QString& sql, const QVariantList& binds)
{
    if (!open()) {
        return false;
    }
    query = QSqlQuery(m_connection->database());
    query.setForwardOnly(true);
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

QList<SpendRow> LedgerQueries::spendOverTime(const LedgerFilter& filter, LedgerBucket bucket, LedgerSplit splitBy)
{
    QString key = QStringLiteral("''");
    switch (splitBy) {
    case LedgerSplit::None:
        break;
    case LedgerSplit::Model:
        key = QStringLiteral("model");
        break;
    case LedgerSplit::Provider:
        key = QStringLiteral("provider");
        break;
    case LedgerSplit::Tier:
        key = QStringLiteral("tier");
        break;
    }
    const Source source
        = rollupSource(QStringLiteral("rollup"), QStringLiteral("model, provider, tier, cost_usd, requests, unpriced"),
                       filter, bucket == LedgerBucket::Hour);
    QSqlQuery query;
    QList<SpendRow> rows;
    if (bucket == LedgerBucket::Hour) {
        SqliteStatement statement;
        if (!scan(statement, QStringLiteral("SELECT t, %1, cost_usd, requests, unpriced FROM %2").arg(key, source.sql),
                  source.binds)) {
            return rows;
        }
        QMap<std::pair<qint64, QString>, SpendRow> sums;
        while (statement.next()) {
            SpendRow& row = sums[{ statement.int64(0), statement.text(1) }];
            row.costUsd += statement.real(2);
            row.requests += statement.int64(3);
            row.unpricedRequests += statement.int64(4);
        }
        m_error = statement.errorString();
        for (auto it = sums.begin(); it != sums.end(); ++it) {
            it->bucketStart = QDateTime::fromSecsSinceEpoch(it.key().first, Qt::UTC);
            it->key = it.key().second;
            rows << *it;
        }
        return rows;
    }
    if (!run(query,
             QStringLiteral("SELECT %1 AS b, %2 AS k, SUM(cost_usd), SUM(requests), SUM(unpriced) FROM %3"
                            " GROUP BY b, k ORDER BY b, k")
                 .arg(bucketSql(bucket, QStringLiteral("t")), key, source.sql),
             source.binds)) {
        return rows;
    }
    while (query.next()) {
        rows << SpendRow { fromSecs(query.value(0)), query.value(1).toString(), query.value(2).toDouble(),
                           query.value(3).toLongLong(), query.value(4).toLongLong() };
    }
    return rows;
}

QList<TierUsageRow> LedgerQueries::requestsAndTokensByTier(const LedgerFilter& filter)
{
    const QString columns = QStringLiteral("tier, requests, failures, prompt_tokens, completion_tokens, cached_tokens,"
                                           " reasoning_tokens, estimated_usage, cost_usd, unpriced");
    const Source source = rollupSource(QStringLiteral("rollup"), columns, filter, false);
    QSqlQuery query;
    QList<TierUsageRow> rows;
    if (!run(query,
             QStringLiteral("SELECT tier, %1 FROM %2 GROUP BY tier ORDER BY tier")
                 .arg(sums(columns.section(QStringLiteral(", "), 1).split(QStringLiteral(", "))), source.sql),
             source.binds)) {
        return rows;
    }
    while (query.next()) {
        TierUsageRow row;
        row.tier = query.value(0).toString();
        row.requests = query.value(1).toLongLong();
        row.failures = query.value(2).toLongLong();
        row.promptTokens = query.value(3).toLongLong();
        row.completionTokens = query.value(4).toLongLong();
        row.cachedTokens = query.value(5).toLongLong();
        row.reasoningTokens = query.value(6).toLongLong();
        row.estimatedUsageRequests = query.value(7).toLongLong();
        row.costUsd = query.value(8).toDouble();
        row.unpricedRequests = query.value(9).toLongLong();
        rows << row;
    }
    return rows;
}

namespace {
// Failovers are raw rows; the request is joined only when the filter needs its fields.
Where failoverWhere(const LedgerFilter& filter, bool* needsJoin)
{
    Where where;
    if (filter.from.isValid()) {
        where.add(QStringLiteral("f.at >= ?"), filter.from.toMSecsSinceEpoch());
    }
    if (filter.until.isValid()) {
        where.add(QStringLiteral("f.at < ?"), filter.until.toMSecsSinceEpoch());
    }
    if (!filter.models.isEmpty()) {
        Where models;
        models.in(QStringLiteral("f.from_model"), filter.models);
        models.in(QStringLiteral("f.to_model"), filter.models);
        where.clauses << QStringLiteral("(%1)").arg(models.clauses.join(QStringLiteral(" OR ")));
        where.binds << models.binds;
    }
    where.in(QStringLiteral("r.final_provider"), filter.providers);
    where.in(QStringLiteral("r.tier"), filter.tiers);
    where.in(QStringLiteral("r.source"), filter.sources);
    *needsJoin = !filter.providers.isEmpty() || !filter.tiers.isEmpty() || !filter.sources.isEmpty();
    return where;
}
} // namespace

QList<FailoverEvent> LedgerQueries::failoverEvents(const LedgerFilter& filter, int limit)
{
    bool join = false;
    Where where = failoverWhere(filter, &join);
    where.binds << limit;
    QSqlQuery query;
    QList<FailoverEvent> events;
    if (!run(query,
             QStringLiteral("SELECT f.at, f.from_model, f.to_model, f.failure_class, f.message, r.uuid"
                            " FROM failovers f JOIN requests r ON r.rid = f.request_rid%1"
                            " ORDER BY f.at DESC, f.rowid DESC LIMIT ?")
                 .arg(where.sql()),
             where.binds)) {
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

QList<FailoverCountRow> LedgerQueries::failoverCounts(const LedgerFilter& filter, LedgerBucket bucket)
{
    bool join = false;
    const Where where = failoverWhere(filter, &join);
    QList<FailoverCountRow> rows;
    // Read in failovers_at order and counted here: an SQL GROUP BY sorts every failover of the
    // period first, which costs more than the scan itself (30,000 failovers over 90 days).
    SqliteStatement statement;
    if (!scan(statement,
              QStringLiteral("SELECT %1, f.failure_class FROM failovers f%2%3 ORDER BY f.at")
                  .arg(bucketSql(bucket, QStringLiteral("f.at / 1000")),
                       join ? QStringLiteral(" JOIN requests r ON r.rid = f.request_rid") : QString(), where.sql()),
              where.binds)) {
        return rows;
    }
    QMap<std::pair<qint64, QString>, qint64> counts;
    while (statement.next()) {
        ++counts[{ statement.int64(0), statement.text(1) }];
    }
    m_error = statement.errorString();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        rows << FailoverCountRow { QDateTime::fromSecsSinceEpoch(it.key().first, Qt::UTC), it.key().second, *it };
    }
    return rows;
}

UptimeReport LedgerQueries::uptime(const LedgerFilter& filter, LedgerBucket bucket)
{
    const Source source = rollupSource(QStringLiteral("uptime"), QStringLiteral("provider, attempts, provider_faults"),
                                       filter, bucket == LedgerBucket::Hour);
    QSqlQuery query;
    UptimeReport report;
    QMap<QString, UptimeRow> overall;
    if (bucket == LedgerBucket::Hour) {
        SqliteStatement statement;
        if (!scan(statement, QStringLiteral("SELECT t, provider, attempts, provider_faults FROM %1").arg(source.sql),
                  source.binds)) {
            return report;
        }
        QMap<std::pair<qint64, QString>, UptimeRow> sums;
        while (statement.next()) {
            UptimeRow& row = sums[{ statement.int64(0), statement.text(1) }];
            row.attempts += statement.int64(2);
            row.providerFaults += statement.int64(3);
        }
        m_error = statement.errorString();
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
    } else if (!run(query,
                    QStringLiteral("SELECT %1 AS b, provider, SUM(attempts), SUM(provider_faults)"
                                   " FROM %2 GROUP BY b, provider ORDER BY b, provider")
                        .arg(bucketSql(bucket, QStringLiteral("t")), source.sql),
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

QList<LatencyRow> LedgerQueries::latencyPercentiles(const LedgerFilter& filter)
{
    const QStringList histogram = LedgerRollup::latencyColumns() + LedgerRollup::ttftColumns();
    const Source source
        = rollupSource(QStringLiteral("latency"), QStringLiteral("model, ") + histogram.join(u','), filter, false);
    QList<LatencyRow> rows;
    // Summed here rather than with GROUP BY model, which sorts every 80-column row first.
    SqliteStatement statement;
    if (!scan(statement, QStringLiteral("SELECT model, %1 FROM %2").arg(histogram.join(u','), source.sql),
              source.binds)) {
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
    m_error = statement.errorString();
    for (auto it = perModel.cbegin(); it != perModel.cend(); ++it) {
        rows << LatencyRow { it.key(), percentiles(it->first), percentiles(it->second) };
    }
    return rows;
}

SavingsResult LedgerQueries::savings(const LedgerFilter& filter, const ModelPrice& reference)
{
    const Source source = rollupSource(QStringLiteral("rollup"),
                                       QStringLiteral("cost_usd, requests, unpriced, priced_prompt_tokens,"
                                                      " priced_completion_tokens, priced_cached_tokens"),
                                       filter, false);
    QSqlQuery query;
    SavingsResult result;
    if (!run(query,
             QStringLiteral("SELECT TOTAL(cost_usd), TOTAL(requests) - TOTAL(unpriced), TOTAL(unpriced),"
                            " TOTAL(priced_prompt_tokens), TOTAL(priced_completion_tokens), TOTAL(priced_cached_tokens)"
                            " FROM %1")
                 .arg(source.sql),
             source.binds)
        || !query.next()) {
        return result;
    }
    result.actualCostUsd = query.value(0).toDouble();
    result.pricedRequests = query.value(1).toLongLong();
    result.unpricedRequests = query.value(2).toLongLong();
    if (reference.known) {
        const double prompt = query.value(3).toDouble();
        const double completion = query.value(4).toDouble();
        const double cached = query.value(5).toDouble();
        const double cachedPrice
            = reference.cachedInputPerMTok > 0 ? reference.cachedInputPerMTok : reference.inputPerMTok;
        const double cost
            = ((prompt - cached) * reference.inputPerMTok + cached * cachedPrice + completion * reference.outputPerMTok)
            / 1e6;
        result.referenceCostUsd = cost;
        result.savingsUsd = cost - result.actualCostUsd;
    }
    return result;
}

LedgerTotals LedgerQueries::totals(const LedgerFilter& filter)
{
    const QStringList columns = { "cost_usd", "requests",       "failures",       "failed_over",
                                  "unpriced", "cached_answers", "estimated_cost", "estimated_usage" };
    const Source source = rollupSource(QStringLiteral("rollup"), columns.join(u','), filter, false);
    QSqlQuery query;
    LedgerTotals totals;
    if (!run(query, QStringLiteral("SELECT %1 FROM %2").arg(sums(columns), source.sql), source.binds)
        || !query.next()) {
        return totals;
    }
    totals.spendUsd = query.value(0).toDouble();
    totals.requests = query.value(1).toLongLong();
    totals.failures = query.value(2).toLongLong();
    totals.failedOverRequests = query.value(3).toLongLong();
    totals.unpricedRequests = query.value(4).toLongLong();
    totals.cachedAnswers = query.value(5).toLongLong();
    totals.estimatedCostRequests = query.value(6).toLongLong();
    totals.estimatedUsageRequests = query.value(7).toLongLong();
    totals.failoverRate = totals.requests > 0 ? double(totals.failedOverRequests) / double(totals.requests) : 0;
    return totals;
}

LedgerKeys LedgerQueries::keys(const LedgerFilter& filter)
{
    const Source source
        = rollupSource(QStringLiteral("rollup"), QStringLiteral("model, provider, tier"), filter, false);
    LedgerKeys keys;
    SqliteStatement statement;
    if (!scan(statement, QStringLiteral("SELECT model, provider, tier FROM %1").arg(source.sql), source.binds)) {
        return keys;
    }
    QSet<QString> models;
    QSet<QString> providers;
    QSet<QString> tiers;
    while (statement.next()) {
        models.insert(statement.text(0));
        providers.insert(statement.text(1));
        tiers.insert(statement.text(2));
    }
    m_error = statement.errorString();
    auto sorted = [](const QSet<QString>& set) {
        QStringList list(set.cbegin(), set.cend());
        list.removeAll(QString());
        list.sort(Qt::CaseInsensitive);
        return list;
    };
    return { sorted(models), sorted(providers), sorted(tiers) };
}

double LedgerQueries::spendInPeriod(const QDateTime& from, const QDateTime& until, const QString& provider)
{
    const qint64 fromMs = from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    const qint64 untilMs = until.isValid() ? until.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    // Whole hours from the rollup, the partial hours at the edges from raw rows.
    const qint64 firstHour = from.isValid() ? ceilHour(from) : std::numeric_limits<qint64>::min() / 1000;
    const qint64 endHour = until.isValid() ? floorHour(until) : std::numeric_limits<qint64>::max() / 1000;
    const QString providerClause = provider.isEmpty() ? QString() : QStringLiteral(" AND final_provider = ?");
    auto withProvider = [&](QVariantList binds) {
        if (!provider.isEmpty()) {
            binds << provider;
        }
        return binds;
    };
    double total = 0;
    QSqlQuery query;
    auto rawSum = [&](qint64 a, qint64 b) {
        if (a < b
            && run(query,
                   QStringLiteral("SELECT TOTAL(cost_usd) FROM requests WHERE started_at >= ? AND started_at < ?")
                       + providerClause,
                   withProvider({ a, b }))
            && query.next()) {
            total += query.value(0).toDouble();
        }
    };
    if (firstHour < endHour) {
        LedgerFilter whole;
        whole.from = from.isValid() ? QDateTime::fromSecsSinceEpoch(firstHour, Qt::UTC) : QDateTime();
        whole.until = until.isValid() ? QDateTime::fromSecsSinceEpoch(endHour, Qt::UTC) : QDateTime();
        if (!provider.isEmpty()) {
            whole.providers = { provider };
        }
        const Source source = rollupSource(QStringLiteral("rollup"), QStringLiteral("cost_usd"), whole, false);
        if (run(query, QStringLiteral("SELECT TOTAL(cost_usd) FROM %1").arg(source.sql), source.binds)
            && query.next()) {
            total += query.value(0).toDouble();
        }
        rawSum(fromMs, firstHour * 1000);
        rawSum(endHour * 1000, untilMs);
    } else {
        rawSum(fromMs, untilMs);
    }
    return total;
}
