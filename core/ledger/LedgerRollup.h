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
//   failover_* failovers per (t, from_model, to_model, failure_class, provider, tier, source), t
//              the hour of the failover's own time, provider/tier/source its request's (v14)
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

    // A failover's key: t of the failover's own time; provider, tier and source of its request.
    struct FailoverKey
    {
        qint64 t = 0;
        QString fromModel;
        QString toModel;
        QString failureClass;
        QString provider;
        QString tier;
        QString source;
        bool operator==(const FailoverKey&) const = default;
    };

    struct AttemptTotals
    {
        qint64 attempts = 0;
        qint64 providerFaults = 0;
    };

    LedgerRollup();
    ~LedgerRollup();

    // False: add() leaves failovers out (the v3 backfill of an older file, whose failovers the
    // v14 step has counted already).
    void setCountsFailovers(bool counts) { m_countsFailovers = counts; }

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
    // In SQLite's DDL, as every schema step (LedgerDialect::ddl adapts it). The v3 tables.
    static QStringList createTablesSql();
    // The v14 tables failover_hourly and failover_daily, and the SQL that fills them from the raw
    // failovers (of a file upgraded to v14).
    static QStringList createFailoverTablesSql();
    static QStringList backfillFailoversSql();
    // Key columns of failover_* after the time column, and its one counter ("failovers").
    static QStringList failoverKeyColumns();
    static QString failoverCountColumn();

private:
    struct Statements;
    // PostgreSQL: one upsert per table from array parameters, not one round trip per key.
    bool writeGrainArrays(const QSqlDatabase& db, Grain grain, const QHash<Key, Totals>& requests,
                          const QHash<Key, AttemptTotals>& attempts, QString* error);
    bool writeGrain(Grain grain, const QHash<Key, Totals>& requests, const QHash<Key, AttemptTotals>& attempts,
                    QString* error);
    bool writeFailovers(const QSqlDatabase& db, Grain grain, const QHash<FailoverKey, qint64>& failovers,
                        QString* error);

    QHash<Key, Totals> m_requests;
    QHash<Key, AttemptTotals> m_attempts;
    QHash<FailoverKey, qint64> m_failovers;
    bool m_countsFailovers = true;
    std::unique_ptr<Statements> m_statements;
};

size_t qHash(const LedgerRollup::Key& key, size_t seed = 0);
size_t qHash(const LedgerRollup::FailoverKey& key, size_t seed = 0);
