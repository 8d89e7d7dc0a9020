#pragma once

#include "core/ledger/LedgerDialect.h"
#include "core/ledger/LedgerQueryTypes.h"
#include "core/ledger/SqlWhere.h"

#include <QDateTime>
#include <QStringList>
#include <QVariantList>

// SQL building blocks shared by the ledger's readers: the filters as WHERE clauses, hour arithmetic, and the rollup
// subquery that every dashboard query reads from.
namespace LedgerQueriesSql {
qint64 floorHour(const QDateTime& at);
qint64 ceilHour(const QDateTime& at);

constexpr qint64 kOpenStart = -(qint64(1) << 50);
constexpr qint64 kOpenEnd = qint64(1) << 50;

// Rows whose `column` is in [start, end); kOpenStart / kOpenEnd leave that side open.
void addTimeRange(SqlWhere* where, const QString& column, qint64 start, qint64 end);
// The filter's key lists on a rollup table (columns provider, model, tier, source).
void addColumnFilters(SqlWhere* where, const LedgerFilter& filter);
// Requests (alias r) started in the filter's period, with its model, provider, tier and source.
SqlWhere requestWhere(const LedgerFilter& filter);
// The filter's provider, tier and source on the request (alias r) a row belongs to.
void addRequestKeys(SqlWhere* where, const LedgerFilter& filter);
// Failovers (alias f) in the filter's period, from or to one of its models: a failover's own
// time and models, as the failover chart counts them (index failovers_at).
SqlWhere failoverWhere(const LedgerFilter& filter);

// The rows of one rollup family ("rollup", "latency", "uptime") for the hours overlapping
// [from, until), as a subquery with its time column named t: whole UTC days from the daily
// table, the partial days at either end from the hourly one (or hourly only, for hour buckets).
struct Source
{
    QString sql;
    QVariantList binds;
};

Source rollupSource(const QString& family, const QString& columns, const LedgerFilter& filter, bool hourlyOnly);
// SQL for the start of the bucket holding `seconds` (an SQL expression in epoch seconds).
QString bucketSql(const LedgerDialect& dialect, LedgerBucket bucket, const QString& seconds);
QDateTime fromSecs(const QVariant& secs);
// "TOTAL(a),TOTAL(b),..."
QString sums(const QStringList& columns);
} // namespace LedgerQueriesSql
