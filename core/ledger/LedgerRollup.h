#pragma once

#include "core/ledger/LatencyHistogram.h"
#include "core/ledger/LedgerRecords.h"
#include "core/ledger/LedgerStatement.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <array>
#include <memory>

// Rollups of the raw rows, kept at two grains so that a dashboard query over any range reads
// whole days from the daily tables and only the partial days at its edges from the hourly
// ones. Per grain:
//   rollup_*   requests, failures, tokens, cost (+ unpriced count) per (t, model, provider, tier, source)
//   latency_*  latency and ttft histograms (LatencyHistogram) under the same key; kept apart so
//              the counter tables stay narrow
//   uptime_*   attempts and provider-fault failures per (t, provider, model, tier, source)
// t is the start of the hour (or UTC day) in epoch seconds. The writer adds a batch's rollups in
// the same transaction as its raw rows; the v3 migration backfills them from older files.
class LedgerRollup
{
public:
    enum Grain
    {
        Hourly,
        Daily,
    };

    struct Key
    {
        qint64 t = 0;
        QString model;
        QString provider;
        QString tier;
        QString source;
        bool operator==(const Key&) const = default;
    };

    struct Totals
    {
        // In column order of rollup_*: requests .. priced_cached_tokens, cost_usd kept as double.
        std::array<qint64, 14> counts {};
        double costUsd = 0;
        LatencyHistogram::Counts latency {};
        LatencyHistogram::Counts ttft {};
    };

    struct AttemptTotals
    {
        qint64 attempts = 0;
        qint64 providerFaults = 0;
    };

    LedgerRollup();
    ~LedgerRollup();

    void add(const RequestRecord& record);
    void clear();
    // Upserts what was accumulated into both grains; the caller owns the transaction.
    // Statements are prepared on first use and kept for the connection's lifetime.
    bool write(const QSqlDatabase& db, QString* error);

    static qint64 hourOf(const QDateTime& at);
    static qint64 dayOf(qint64 secs);
    // Table name for a family ("rollup", "latency", "uptime") and grain, and its time column.
    static QString table(const QString& family, Grain grain);
    static QString timeColumn(Grain grain);
    // Counter columns of rollup_* ("requests", ..., "cost_usd"), histogram columns of latency_*.
    static QStringList counterColumns();
    static QStringList latencyColumns();
    static QStringList ttftColumns();
    // In SQLite's DDL, as every schema step (LedgerDialect::ddl adapts it).
    static QStringList createTablesSql();

private:
    struct Statements;
    // PostgreSQL: one upsert per table from array parameters, not one round trip per key.
    bool writeGrainArrays(const QSqlDatabase& db, Grain grain, const QHash<Key, Totals>& requests,
                          const QHash<Key, AttemptTotals>& attempts, QString* error);
    bool writeGrain(Grain grain, const QHash<Key, Totals>& requests, const QHash<Key, AttemptTotals>& attempts,
                    QString* error);

    QHash<Key, Totals> m_requests;
    QHash<Key, AttemptTotals> m_attempts;
    std::unique_ptr<Statements> m_statements;
};

size_t qHash(const LedgerRollup::Key& key, size_t seed = 0);
