#pragma once

#include "core/ledger/LedgerRecords.h"
#include "core/recording/RecordContext.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <deque>
#include <functional>

// What a process has sent upstream and answered but the ledger may not hold yet, on disk, so a
// SIGKILL or a crash loses no row. Each call's start is appended before its request goes out, its
// finished row before the row goes to the ledger's queue: two appends, no fsync (a killed process's
// writes are in the page cache; only a power cut could lose them).
//
// One file per process beside the ledger, `<ledger>.journal.<pid>`, held with flock() while the
// process lives. recover() (at the next start, by any process) turns the journals of processes that
// are gone into the ledger's spill file: answered rows as they were, calls that never finished as
// "interrupted" (the provider may have billed them). The spill is replayed without duplicating a
// row the ledger already committed, so a journal may safely keep rows longer than needed: it is
// compacted, after the ledger confirms a flush, every kCompactEvery rows.
class CallJournal final
{
public:
    explicit CallJournal(const QString& ledgerPath);
    ~CallJournal(); // removes the file when nothing in it is outstanding
    CallJournal(const CallJournal&) = delete;
    CallJournal& operator=(const CallJournal&) = delete;

    // Prompts are kept only when the ledger keeps them.
    void setStorePrompts(bool store) { m_storePrompts = store; }
    // Asks the ledger to commit what it holds; the answer comes back through ledgerFlushed().
    void setFlushRequest(std::function<void()> request) { m_flushRequest = std::move(request); }

    void started(const RecordContext& context);
    void finished(const RequestRecord& row);
    // The ledger finished a flush asked for through the flush request; `committed`: it wrote
    // everything queued before (false while another program holds its lock).
    void ledgerFlushed(bool committed);
    // The ledger closed: every row it was handed is committed or in its spill file.
    void ledgerClosed() { m_done.clear(); }

    QString path() const { return m_path; }
    // Why the journal cannot be written (then calls are recorded as before, without it).
    QString errorString() const { return m_error; }

    static constexpr int kCompactEvery = 1000;

    struct Recovery
    {
        int journals = 0; // files of ended processes read and removed
        int answered = 0; // finished rows handed to the spill
        int interrupted = 0; // calls started but never finished
        QStringList problems; // unreadable files or lines, by file:line
    };
    // Moves what the journals of ended processes hold into the ledger's spill file (before the
    // ledger opens). A live process's journal is left alone.
    static Recovery recover(const QString& ledgerPath);
    // The row recorded for a call the process never finished.
    static RequestRecord interruptedRow(const RequestRecord& start);

private:
    bool ensureOpen();
    void append(const QByteArray& line);
    void compact();

    QString m_path;
    int m_fd = -1;
    bool m_failed = false;
    QString m_error;
    bool m_storePrompts = true;
    std::function<void()> m_flushRequest;

    QHash<QString, QByteArray> m_open; // id -> start line
    struct Done
    {
        qint64 seq;
        QByteArray line;
    };
    std::deque<Done> m_done; // finished rows not yet confirmed in the ledger
    qint64 m_seq = 0;
    qint64 m_barrier = -1; // last row a pending flush covers
    int m_sinceCompact = 0;
};
