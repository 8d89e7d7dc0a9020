#pragma once

#include "core/ledger/LedgerRecords.h"
#include "core/ledger/LedgerSchema.h"

#include <QObject>
#include <QThread>

class LedgerWriter;

// The ledger as the UI thread sees it. open() checks and upgrades the file (once, at start-up);
// after that every write goes to a LedgerWriter on its own thread, so record() never blocks on
// disk. Reads go through LedgerQueries, which opens its own connection wherever it runs.
class Ledger : public QObject
{
    Q_OBJECT

public:
    explicit Ledger(QObject* parent = nullptr);
    // Commits everything still queued before returning.
    ~Ledger() override;

    bool open(const QString& path);
    void close();
    bool isOpen() const { return m_writer != nullptr; }
    QString path() const { return m_path; }
    QString errorString() const { return m_errorString; }
    LedgerOpenError openError() const { return m_openError; }

    // Off: the prompt text is blanked before the record leaves the caller.
    void setStorePrompts(bool store) { m_storePrompts = store; }
    bool storePrompts() const { return m_storePrompts; }
    // How long open() and the writer wait for another program's lock.
    void setBusyTimeoutMs(int ms) { m_busyTimeoutMs = ms; }

    void record(RequestRecord record);
    void recordVote(const VoteRecord& vote);
    // Commits what is queued now; flushed() follows.
    void flush();
    // Deletes raw requests (with their attempts and failovers) and votes older than `days` days
    // according to Clock::instance(). Rollups are kept: they hold no prompts, and the dashboard's
    // long-range charts stay intact. pruned() follows.
    void deleteOlderThan(int days);

    // Renames a damaged or refused file (and its -wal/-shm) aside so a new ledger can take its
    // place; nothing is deleted. Returns the new name, or an empty string on failure.
    static QString moveAside(const QString& path);

    // Non-empty while records wait in memory because the file cannot be written (locked by
    // another program): why. They are retried, never dropped.
    QString stallReason() const { return m_stallReason; }
    // What the last close() could not write and kept in a spill file for the next open.
    struct CloseReport
    {
        int spilled = 0; // records and votes
        QString spillPath;
        QString error; // the spill file could not be written either
    };
    CloseReport closeReport() const { return m_closeReport; }

signals:
    void recorded(int count); // records committed by one transaction
    void flushed();
    void pruned(int requests);
    void writeFailed(const QString& message);
    void writeStalled(const QString& reason);
    void writeResumed();

private:
    QThread m_thread;
    LedgerWriter* m_writer = nullptr;
    QString m_path;
    QString m_errorString;
    LedgerOpenError m_openError = LedgerOpenError::None;
    bool m_storePrompts = true;
    int m_busyTimeoutMs = 5000;
    QString m_stallReason;
    CloseReport m_closeReport;
};
