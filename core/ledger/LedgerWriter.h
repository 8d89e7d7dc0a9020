#pragma once

#include "core/ledger/LedgerDialect.h"
#include "core/ledger/LedgerRecords.h"
#include "core/ledger/LedgerRollup.h"
#include "core/ledger/LedgerSpill.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <memory>
#include <optional>

class LedgerConnection;
class LedgerRowWriter;
class LedgerStatement;
class QTimer;

// Lives on the Ledger's writer thread with its own connection. Records are queued from any
// thread (enqueue is thread-safe) and committed in batches: one transaction per at most
// kBatchSize records, at the latest kFlushDelayMs after the first one was queued. Raw rows and
// their rollups go into the same transaction, so a committed row is never lost and a kill
// loses at most what was still queued. A batch that cannot be written (another program holds
// the write lock past the busy timeout) is never dropped: it stays queued and is retried with
// backoff (writeStalled, then writeResumed once it is in); at stop() whatever is still pending
// is kept in a LedgerSpill next to the ledger and written on the next start.
class LedgerWriter : public QObject
{
    Q_OBJECT

public:
    static constexpr int kBatchSize = 500;
    // PostgreSQL: a transaction costs round trips and each table's rollups one upsert whatever
    // the batch holds, so larger batches go further (COPY takes any number of rows).
    static constexpr int kPostgresBatchSize = 5000;
    static constexpr int kFlushDelayMs = 50;
    static constexpr int kFirstRetryMs = 100;
    static constexpr int kMaxRetryMs = 2000;
    // The last attempt at stop() waits this long for a lock before the rows are spilled.
    static constexpr int kStopBusyTimeoutMs = 1000;
    // While the ledger cannot be written, at most this many rows wait in memory: each time the
    // queue reaches it, the queue goes to a spool file next to the spill (written exactly once,
    // like a spill, when the ledger answers again, also after a restart). Past kMaxSpoolFiles the
    // rows wait in memory again, said once.
    static constexpr int kSpoolRows = 5000;
    static constexpr int kMaxSpoolFiles = 200;

    explicit LedgerWriter(const QString& path, int busyTimeoutMs);
    ~LedgerWriter() override;

    // Thread-safe.
    void enqueue(const RequestRecord& record);
    void enqueueVote(const VoteRecord& vote);

    // After stop(), read from the thread that waited for it: what went to the spill file.
    int spilledCount() const { return m_spilled; }
    QString spillPath() const { return m_spillPath; }
    QString spillError() const { return m_spillError; }

public slots:
    void start();
    void commitPending();
    void flush();
    void deleteOlderThan(const QDateTime& cutoff);
    // Commits what is queued (spills it when the ledger stays locked), closes the connection and
    // ends the thread.
    void stop();

signals:
    void committed(int count, qint64 total);
    void flushed();
    void pruned(int requests);
    void writeFailed(const QString& message);
    // Rows wait in memory because the ledger cannot be written (message says why); retried.
    void writeStalled(const QString& message);
    // Everything that waited is written.
    void writeResumed();

private:
    bool openConnection(QString* error);
    bool prepareStatements(QString* error);
    void loadSpill();
    // One pass over the queue (and a spill to replay); false when something is left waiting.
    bool tryCommit(QString* error);
    void spillPending();
    // A spill or spool that cannot be read: renamed to .unreadable (never deleted) and said.
    void setAsideUnreadable(const QString& path, const QString& error);
    // The queue into a new spool file once it holds kSpoolRows (while the ledger cannot be written).
    void spoolQueue();
    // Writes the spool files, oldest first; false (the rest kept) when the ledger refuses one.
    bool replaySpools(QString* error);
    // spillKey non-empty: the batch is that spill's, written at most once (see LedgerSpill).
    bool writeBatch(const QList<RequestRecord>& records, const QList<VoteRecord>& votes, QString* error,
                    const QString& spillKey = {});
    bool requestPresent(const RequestRecord& record, bool* present, QString* error);
    bool spillAlreadyWritten(const QString& spillKey, bool* written, QString* error);
    void closeConnection();
    void wake(qsizetype queued);
    int batchSize() const { return m_dialect.isPostgres() ? kPostgresBatchSize : kBatchSize; }

    QString m_path;
    int m_busyTimeoutMs;
    std::unique_ptr<LedgerConnection> m_connection;
    LedgerDialect m_dialect;
    std::unique_ptr<LedgerStatement> m_begin;
    std::unique_ptr<LedgerStatement> m_commit;
    std::unique_ptr<LedgerRowWriter> m_rows;
    std::unique_ptr<LedgerStatement> m_insertSpillMark;
    std::unique_ptr<LedgerRollup> m_rollup;
    QTimer* m_timer = nullptr;
    QTimer* m_retryTimer = nullptr;
    int m_retryMs = kFirstRetryMs;
    bool m_stalled = false;
    std::optional<LedgerSpill> m_replay; // read from disk at start, not yet in the ledger
    QStringList m_spools; // spool files not yet in the ledger, oldest first
    bool m_spoolFullSaid = false;
    qint64 m_total = 0;
    int m_spilled = 0;
    QString m_spillPath;
    QString m_spillError;

    QMutex m_mutex; // guards the two queues and m_commitRequested
    QList<RequestRecord> m_queue;
    QList<VoteRecord> m_votes;
    bool m_commitRequested = false;
};
