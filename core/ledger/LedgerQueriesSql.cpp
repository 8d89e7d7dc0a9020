#include "core/ledger/LedgerQueriesSql.h"

#include "core/common/RequestSource.h"
#include "core/common/RequestStatus.h"
#include "core/ledger/LedgerRollup.h"

#include <QHash>

namespace LedgerQueriesSql {
qint64 floorHour(const QDateTime& at)
{
    return LedgerRollup::hourOf(at);
}

qint64 ceilHour(const QDateTime& at)
{
    const qint64 floor = floorHour(at);
    return floor * 1000 == at.toMSecsSinceEpoch() ? floor : floor + 3600;
}

namespace {
// Requests the router chose a model for: a tier, and not a comparison (workbench, evaluation).
void addRoutedOnly(SqlWhere* where, const QString& prefix)
{
    QStringList marks;
    QVariantList binds;
    for (const RequestSource source : RequestSources::comparisons()) {
        marks << QStringLiteral("?");
        binds << RequestSources::id(source);
    }
    where->add(QStringLiteral("%1tier <> '' AND %1source NOT IN (%2)").arg(prefix, marks.join(QStringLiteral(", "))),
               binds);
}
} // namespace

void addTimeRange(SqlWhere* where, const QString& column, qint64 start, qint64 end)
{
    if (start != kOpenStart) {
        where->add(column + QStringLiteral(" >= ?"), { start });
    }
    if (end != kOpenEnd) {
        where->add(column + QStringLiteral(" < ?"), { end });
    }
}

void addColumnFilters(SqlWhere* where, const LedgerFilter& filter)
{
    where->in(QStringLiteral("provider"), filter.providers);
    where->in(QStringLiteral("model"), filter.models);
    where->in(QStringLiteral("tier"), filter.tiers);
    where->in(QStringLiteral("source"), filter.sources);
    if (filter.routedOnly) {
        addRoutedOnly(where, QString());
    }
}

namespace {
// A request row as its contribution to the "rollup" family's columns (LedgerRollup::add).
QString rawColumn(const QString& column)
{
    static const QHash<QString, QString> map = {
        { QStringLiteral("model"), QStringLiteral("r.final_model") },
        { QStringLiteral("provider"), QStringLiteral("r.final_provider") },
        { QStringLiteral("tier"), QStringLiteral("r.tier") },
        { QStringLiteral("source"), QStringLiteral("r.source") },
        { QStringLiteral("requests"), QStringLiteral("1") },
        { QStringLiteral("failures"),
          QStringLiteral("CASE WHEN r.status = '%1' THEN 1 ELSE 0 END")
              .arg(RequestStatuses::id(RequestStatus::Failed)) },
        { QStringLiteral("failed_over"),
          QStringLiteral("CASE WHEN EXISTS(SELECT 1 FROM failovers f WHERE f.request_rid = r.rid) THEN 1 ELSE 0 END") },
        { QStringLiteral("cached_answers"), QStringLiteral("r.cached_answer") },
        { QStringLiteral("estimated_usage"), QStringLiteral("r.usage_estimated") },
        { QStringLiteral("estimated_cost"),
          QStringLiteral("CASE WHEN r.cost_usd IS NOT NULL AND r.cost_estimated <> 0 THEN 1 ELSE 0 END") },
        { QStringLiteral("prompt_tokens"), QStringLiteral("r.prompt_tokens") },
        { QStringLiteral("completion_tokens"), QStringLiteral("r.completion_tokens") },
        { QStringLiteral("cached_tokens"), QStringLiteral("r.cached_tokens") },
        { QStringLiteral("reasoning_tokens"), QStringLiteral("r.reasoning_tokens") },
        { QStringLiteral("cost_usd"), QStringLiteral("COALESCE(r.cost_usd, 0)") },
        { QStringLiteral("unpriced"), QStringLiteral("CASE WHEN r.cost_usd IS NULL THEN 1 ELSE 0 END") },
        { QStringLiteral("priced_prompt_tokens"),
          QStringLiteral("CASE WHEN r.cost_usd IS NULL THEN 0 ELSE r.prompt_tokens END") },
        { QStringLiteral("priced_completion_tokens"),
          QStringLiteral("CASE WHEN r.cost_usd IS NULL THEN 0 ELSE r.completion_tokens END") },
        { QStringLiteral("priced_cached_tokens"),
          QStringLiteral("CASE WHEN r.cost_usd IS NULL THEN 0 ELSE r.cached_tokens END") },
    };
    return map.value(column);
}

// The "rollup" family computed from the raw rows, for filters the rollups cannot answer (client
// keys); nullopt when a column has no raw equivalent.
std::optional<Source> rawRollupSource(const QString& columns, const LedgerFilter& filter, qint64 h0, qint64 h1)
{
    QStringList select;
    for (const QString& column : columns.split(u',')) {
        const QString name = column.trimmed();
        const QString expression = rawColumn(name);
        if (expression.isEmpty()) {
            return std::nullopt;
        }
        select << expression + QStringLiteral(" AS ") + name;
    }
    SqlWhere where;
    if (h0 != kOpenStart) {
        where.add(QStringLiteral("r.started_at >= ?"), { h0 * 1000 });
    }
    if (h1 != kOpenEnd) {
        where.add(QStringLiteral("r.started_at < ?"), { h1 * 1000 });
    }
    where.in(QStringLiteral("r.final_model"), filter.models);
    addRequestKeys(&where, filter);
    Source source;
    source.sql = QStringLiteral("(SELECT (r.started_at / 3600000) * 3600 AS t, %1 FROM requests r%2) AS src")
                     .arg(select.join(QStringLiteral(", ")), where.sql());
    source.binds = where.binds();
    return source;
}
} // namespace

SqlWhere requestWhere(const LedgerFilter& filter)
{
    SqlWhere where;
    where.during(QStringLiteral("r.started_at"), filter.from, filter.until);
    where.in(QStringLiteral("r.final_model"), filter.models);
    addRequestKeys(&where, filter);
    return where;
}

void addRequestKeys(SqlWhere* where, const LedgerFilter& filter)
{
    where->in(QStringLiteral("r.final_provider"), filter.providers);
    where->in(QStringLiteral("r.tier"), filter.tiers);
    where->in(QStringLiteral("r.source"), filter.sources);
    where->in(QStringLiteral("r.client_key"), filter.clientKeys);
    if (filter.routedOnly) {
        addRoutedOnly(where, QStringLiteral("r."));
    }
}

SqlWhere failoverWhere(const LedgerFilter& filter)
{
    SqlWhere where;
    where.during(QStringLiteral("f.at"), filter.from, filter.until);
    SqlWhere models;
    models.in(QStringLiteral("f.from_model"), filter.models);
    models.in(QStringLiteral("f.to_model"), filter.models);
    where.anyOf(models);
    return where;
}

Source rollupSource(const QString& family, const QString& columns, const LedgerFilter& filter, bool hourlyOnly)
{
    const qint64 h0 = filter.from.isValid() ? floorHour(filter.from) : kOpenStart;
    const qint64 h1 = filter.until.isValid() ? ceilHour(filter.until) : kOpenEnd;
    if (!filter.clientKeys.isEmpty() && family == QLatin1String("rollup")) {
        if (const std::optional<Source> raw = rawRollupSource(columns, filter, h0, h1)) {
            return *raw;
        }
    }
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
        SqlWhere where;
        addTimeRange(&where, t, start, end);
        addColumnFilters(&where, filter);
        parts << QStringLiteral("SELECT %1 AS t, %2 FROM %3%4")
                     .arg(t, columns, LedgerRollup::table(family, grain), where.sql());
        source.binds << where.binds();
    };
    part(LedgerRollup::Hourly, h0, d0);
    part(LedgerRollup::Daily, d0, d1);
    part(LedgerRollup::Hourly, qMax(d1, h0), h1);
    if (parts.isEmpty()) { // empty range
        parts << QStringLiteral("SELECT hour AS t, %1 FROM %2 WHERE 1 = 0")
                     .arg(columns, LedgerRollup::table(family, LedgerRollup::Hourly));
    }
    source.sql = QStringLiteral("(") + parts.join(QStringLiteral(" UNION ALL ")) + QStringLiteral(") AS src");
    return source;
}

QString bucketSql(const LedgerDialect& dialect, LedgerBucket bucket, const QString& seconds)
{
    switch (bucket) {
    case LedgerBucket::Hour:
        return QStringLiteral("((%1) / 3600) * 3600").arg(seconds);
    case LedgerBucket::Day:
        return QStringLiteral("((%1) / 86400) * 86400").arg(seconds);
    case LedgerBucket::Week: // 1970-01-05 (epoch + 4 days) was a Monday
        return QStringLiteral("(((%1) - 345600) / 604800) * 604800 + 345600").arg(seconds);
    case LedgerBucket::Month:
        return dialect.monthStart(seconds);
    }
    return seconds;
}

QDateTime fromSecs(const QVariant& secs)
{
    return QDateTime::fromSecsSinceEpoch(secs.toLongLong(), Qt::UTC);
}

QString sums(const QStringList& columns)
{
    QStringList out;
    for (const QString& column : columns) {
        out << QStringLiteral("COALESCE(SUM(%1), 0)").arg(column);
    }
    return out.join(u',');
}
} // namespace LedgerQueriesSql
