#pragma once

#include "core/batch/BatchJob.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

class LedgerConnection;

// The batch jobs in the ledger (schema step 13), SQLite or PostgreSQL, on a connection of its own,
// each change in its own statement so that a job submitted stays known when the process dies.
class BatchStore final
{
    Q_DECLARE_TR_FUNCTIONS(BatchStore)

public:
    explicit BatchStore(const QString& ledgerLocation);
    ~BatchStore();
    BatchStore(const BatchStore&) = delete;
    BatchStore& operator=(const BatchStore&) = delete;

    // The ledger must exist at the current schema (the Engine opened it).
    bool open(QString* error);

    bool add(const BatchJob& job, QString* error);
    std::optional<BatchJob> load(const QString& id, QString* error);
    // Every job, newest first.
    std::optional<QList<BatchJob>> list(QString* error);
    bool setState(const QString& id, BatchState state, const QDateTime& at, QString* error);
    // Claims the right to record the job's results: true for exactly one caller, ever (a
    // conditional UPDATE), so results fetched twice, or by two processes, are recorded once.
    std::optional<bool> claimRecording(const QString& id, const QDateTime& at, QString* error);

private:
    QString m_location;
    std::unique_ptr<LedgerConnection> m_connection;
};
