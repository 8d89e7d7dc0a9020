#pragma once

#include "LedgerRecords.h"
#include "LedgerRollup.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <memory>

class LedgerConnection;
class SqliteStatement;
class QTimer;
struct sqlite3;

// Lives on the Ledger's writer thread with its own connection. Records are queued from any
// thread (enqueue is thread-safe) and committed in batches: one transaction per at most
// kBatchSize records, at the latest kFlushDelayMs after the first one was queued. Raw rows and
// their rollups go into the same transaction, so a committed row is never lost and a kill
// loses at most what was still queued.
class LedgerWriter : public QObject
{
    Q_OBJECT

public:
    static constexpr int kBatchSize = 500;
    static constexpr int kFlushDelayMs = 50;

    explicit LedgerWriter(const QString& path, int busyTimeoutMs);
    ~LedgerWriter() override;

    // Thread-safe.
    void enqueue(const RequestRecord& record);
    void enqueueVote(const VoteRecord& vote);

public slots:
    void start();
    void commitPending();
    void flush();
    void deleteOlderThan(const QDateTime& cutoff);
    // Commits what is queued, closes the connection and ends the thread.
    void stop();

signals:
    void committed(int count, qint64 total);
    void flushed();
    void pruned(int requests);
    void writeFailed(const QString& message);

private:
    bool prepareStatements(QString* error);
    bool writeBatch(const QList<RequestRecord>& records, const QList<VoteRecord>& votes, QString* error);
    bool writeRequest(const RequestRecord& record, QString* error);
    void wake(qsizetype queued);

    QString m_path;
    int m_busyTimeoutMs;
    std::unique_ptr<LedgerConnection> m_connection;
    sqlite3* m_db = nullptr;
    std::unique_ptr<SqliteStatement> m_begin;
    std::unique_ptr<SqliteStatement> m_commit;
    std::unique_ptr<SqliteStatement> m_insertRequest;
    std::unique_ptr<SqliteStatement> m_insertAttempt;
    std::unique_ptr<SqliteStatement> m_insertFailover;
    std::unique_ptr<SqliteStatement> m_insertVote;
    std::unique_ptr<LedgerRollup> m_rollup;
    QTimer* m_timer = nullptr;
    qint64 m_total = 0;

    QMutex m_mutex; // guards the two queues and m_commitRequested
    QList<RequestRecord> m_queue;
    QList<VoteRecord> m_votes;
    bool m_commitRequested = false;
};
