#pragma once

#include "LedgerQueryTypes.h"

#include <QDateTime>
#include <QStringList>
#include <QVariantList>

// SQL building blocks shared by the LedgerQueries*.cpp files: WHERE clauses with their binds,
// hour arithmetic, and the rollup subquery that every dashboard query reads from.
namespace LedgerQueriesSql {
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

qint64 floorHour(const QDateTime& at);
qint64 ceilHour(const QDateTime& at);

constexpr qint64 kOpenStart = -(qint64(1) << 50);
constexpr qint64 kOpenEnd = qint64(1) << 50;

void addColumnFilters(Where* where, const LedgerFilter& filter);

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
QString bucketSql(LedgerBucket bucket, const QString& seconds);
QDateTime fromSecs(const QVariant& secs);
// "TOTAL(a),TOTAL(b),..."
QString sums(const QStringList& columns);
} // namespace LedgerQueriesSql
