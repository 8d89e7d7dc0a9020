#pragma once

#include <QString>

#include <functional>

// Copies a SQLite ledger into another ledger (a PostgreSQL database, for a team): raw requests
// with their attempts and failovers in batches, then the votes, then the evaluations with their
// cells (renumbered after the target's own), then the rollups (which may reach further back than
// the raw rows that retention kept, failover counts included), then the provider batch jobs and
// the cooldowns (kept where the target has them already). Resumable: each batch commits together
// with the source row id it reached, under a key naming the source file in the target's meta
// table, so a migration that was stopped (or lost its server) continues where the last commit
// ended and never copies a row twice. At the end the copy is verified: row counts and the sums of
// cost and tokens of the source must equal what the migration added to the target, and every
// batch job and cooldown of the source must be in the target.
class LedgerMigration final
{
public:
    static constexpr int kBatchSize = 2000;

    struct Figures
    {
        qint64 requests = 0;
        qint64 attempts = 0;
        qint64 failovers = 0;
        qint64 votes = 0;
        qint64 evaluations = 0;
        qint64 evaluationCells = 0;
        qint64 tokens = 0; // prompt + completion of the raw rows
        double costUsd = 0; // of the raw rows
        qint64 rollupRequests = 0; // daily rollups
        double rollupCostUsd = 0;
        qint64 rollupFailovers = 0; // daily failover rollups
        // Of a source: its rows. Of what was added: the source's rows the target holds (by id;
        // a gateway on the target may add cooldowns of its own meanwhile).
        qint64 batchJobs = 0;
        qint64 cooldowns = 0;
        bool operator==(const Figures& other) const;
    };

    struct Report
    {
        qint64 copiedRequests = 0; // by this run
        qint64 resumedAfter = 0; // requests an earlier run had copied already
        Figures source;
        Figures added; // target now minus target before the first batch
        bool verified = false;
    };

    LedgerMigration(const QString& sourcePath, const QString& target);

    // False with errorString() when either ledger cannot be opened, a batch cannot be written, or
    // the verification finds a difference (then the report says which figures differ).
    bool run(Report* report);
    QString errorString() const { return m_error; }
    // Called after every committed batch: requests copied so far (all runs) and in the source.
    void setProgress(std::function<void(qint64 done, qint64 total)> progress) { m_progress = std::move(progress); }

private:
    QString m_source;
    QString m_target;
    QString m_error;
    std::function<void(qint64, qint64)> m_progress;
};
