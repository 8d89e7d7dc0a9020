#include "core/ledger/LedgerWriter.h"

#include "core/ledger/LedgerConnection.h"
#include "core/ledger/LedgerRowWriter.h"
#include "core/ledger/LedgerRows.h"
#include "core/ledger/LedgerStatement.h"
#include "core/ledger/ToolDocument.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <QVariant>

#include <sqlite3.h>

#include <utility>

LedgerWriter::LedgerWriter(const QString& path, int busyTimeoutMs)
    : m_path(path)
    , m_busyTimeoutMs(busyTimeoutMs)
    , m_dialect(LedgerBackends::ofLocation(path))
{
}

LedgerWriter::~LedgerWriter() = default;

void LedgerWriter::enqueue(const RequestRecord& record)
{
    QMutexLocker lock(&m_mutex);
    m_queue.append(record);
    wake(m_queue.size() + m_votes.size());
}

void LedgerWriter::enqueueVote(const VoteRecord& vote)
{
    QMutexLocker lock(&m_mutex);
    m_votes.append(vote);
    wake(m_queue.size() + m_votes.size());
}

// Called with m_mutex held: the first queued record arms the timer, a full batch commits now.
void LedgerWriter::wake(qsizetype queued)
{
    if (queued == 1) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_timer) {
                    m_timer->start();
                }
            },
            Qt::QueuedConnection);
    }
    if (queued >= batchSize() && !m_commitRequested) {
        m_commitRequested = true;
        QMetaObject::invokeMethod(this, &LedgerWriter::commitPending, Qt::QueuedConnection);
    }
}

void LedgerWriter::start()
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(kFlushDelayMs);
    connect(m_timer, &QTimer::timeout, this, &LedgerWriter::commitPending);
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &LedgerWriter::commitPending);

    loadSpill();
    QString error;
    if (!openConnection(&error)) {
        emit writeFailed(QCoreApplication::translate("Ledger", "Cannot open the ledger for writing: %1").arg(error));
    }
    if (m_replay || !m_spools.isEmpty()) {
        commitPending();
    }
}

bool LedgerWriter::openConnection(QString* error)
{
    if (m_connection) {
        return true;
    }
    m_connection = std::make_unique<LedgerConnection>(m_path, QStringLiteral("writer"));
    if (!m_connection->open(m_busyTimeoutMs, error, 64) || !prepareStatements(error)) {
        closeConnection();
        return false;
    }
    return true;
}

void LedgerWriter::closeConnection()
{
    // Statements must be finalized before their connection closes.
    m_begin.reset();
    m_commit.reset();
    m_rows.reset();
    m_insertSpillMark.reset();
    m_rollup.reset();
    m_connection.reset();
}

// A spill left by a run that had to stop while the ledger was locked; written before anything new.
void LedgerWriter::loadSpill()
{
    m_spools = LedgerSpill::spoolsFor(m_path); // read one at a time when written
    const QString path = LedgerSpill::pathFor(m_path);
    if (!QFile::exists(path)) {
        return;
    }
    QString error;
    m_replay = LedgerSpill::load(path, &error);
    if (!m_replay) {
        setAsideUnreadable(path, error);
    }
}

void LedgerWriter::setAsideUnreadable(const QString& path, const QString& error)
{
    // Never deleted: set aside for a person to look at, and out of the next run's way.
    const QString aside = path + QStringLiteral(".unreadable");
    QFile::remove(aside);
    QFile::rename(path, aside);
    emit writeFailed(QCoreApplication::translate("Ledger",
                                                 "Rows kept from an earlier run in %1 could not be read (%2); "
                                                 "the file was kept as %3.")
                         .arg(path, error, aside));
}

bool LedgerWriter::prepareStatements(QString* error)
{
    const QSqlDatabase db = m_connection->database();
    m_rollup = std::make_unique<LedgerRollup>();
    m_rows = std::make_unique<LedgerRowWriter>();
    m_begin = std::make_unique<LedgerStatement>();
    m_commit = std::make_unique<LedgerStatement>();
    m_insertSpillMark = std::make_unique<LedgerStatement>();
    const bool ok = m_begin->prepare(db, m_dialect.beginWrite()) && m_commit->prepare(db, QStringLiteral("COMMIT"))
        && m_insertSpillMark->prepare(db, QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?)"));
    if (!ok) {
        for (const auto* statement : { &m_begin, &m_commit, &m_insertSpillMark }) {
            if (!(*statement)->errorString().isEmpty()) {
                *error = (*statement)->errorString();
            }
        }
        return false;
    }
    return m_rows->prepare(db, error);
}

void LedgerWriter::commitPending()
{
    if (m_timer) {
        m_timer->stop();
    }
    if (m_retryTimer && m_retryTimer->isActive()) {
        // Waiting out a lock or an absent server: the retry takes everything queued meanwhile,
        // and what passes the memory bound goes to disk now.
        spoolQueue();
        return;
    }
    QString error;
    const bool committed = tryCommit(&error);
    if (!committed && m_dialect.isPostgres()) {
        // The server may have gone away: the next attempt connects anew.
        closeConnection();
    }
    if (committed) {
        m_retryMs = kFirstRetryMs;
        if (m_stalled) {
            m_stalled = false;
            emit writeResumed();
        }
        return;
    }
    if (!m_stalled) {
        m_stalled = true;
        qsizetype waiting = 0;
        {
            QMutexLocker lock(&m_mutex);
            waiting = m_queue.size() + m_votes.size();
        }
        if (m_replay) {
            waiting += m_replay->requests.size();
        }
        emit writeStalled(QCoreApplication::translate("Ledger",
                                                      "%n record(s) wait to be written to the ledger (%1); retrying",
                                                      nullptr, int(waiting))
                              .arg(error));
    }
    spoolQueue();
    if (m_retryTimer) {
        m_retryTimer->start(m_retryMs);
        m_retryMs = qMin(m_retryMs * 2, kMaxRetryMs);
    }
}

void LedgerWriter::spoolQueue()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_queue.size() < kSpoolRows) {
            return;
        }
    }
    if (m_spools.size() >= kMaxSpoolFiles) {
        if (!std::exchange(m_spoolFullSaid, true)) {
            emit writeFailed(QCoreApplication::translate("Ledger",
                                                         "%1 spool files of rows wait beside the ledger; further "
                                                         "rows wait in memory until it can be written.")
                                 .arg(kMaxSpoolFiles));
        }
        return;
    }
    LedgerSpill spool;
    spool.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QMutexLocker lock(&m_mutex);
        spool.requests.swap(m_queue);
    }
    const QString path = LedgerSpill::spoolPathFor(m_path, spool.id);
    QString error;
    if (spool.save(path, &error)) {
        m_spools.append(path);
        return;
    }
    // The disk refused: the rows wait in memory, in order, as before.
    QMutexLocker lock(&m_mutex);
    spool.requests += m_queue;
    m_queue = std::move(spool.requests);
    if (!std::exchange(m_spoolFullSaid, true)) {
        emit writeFailed(QCoreApplication::translate("Ledger",
                                                     "Rows waiting for the ledger cannot be set aside on disk (%1); "
                                                     "they wait in memory.")
                             .arg(error));
    }
}

bool LedgerWriter::replaySpools(QString* error)
{
    while (!m_spools.isEmpty()) {
        const QString path = m_spools.constFirst();
        QString loadError;
        const std::optional<LedgerSpill> spool = LedgerSpill::load(path, &loadError);
        if (!spool) {
            setAsideUnreadable(path, loadError);
            m_spools.removeFirst();
            continue;
        }
        if (!writeBatch(spool->requests, spool->votes, error, spool->metaKey())) {
            return false;
        }
        QFile::remove(path);
        m_spools.removeFirst();
    }
    m_spoolFullSaid = false;
    return true;
}

bool LedgerWriter::tryCommit(QString* error)
{
    if (!openConnection(error)) {
        return false;
    }
    if (m_replay) {
        if (!writeBatch(m_replay->requests, m_replay->votes, error, m_replay->metaKey())) {
            return false;
        }
        QFile::remove(LedgerSpill::pathFor(m_path));
        m_replay.reset();
    }
    if (!replaySpools(error)) {
        return false;
    }
    for (;;) {
        QList<RequestRecord> records;
        QList<VoteRecord> votes;
        {
            QMutexLocker lock(&m_mutex);
            m_commitRequested = false;
            if (m_queue.isEmpty() && m_votes.isEmpty()) {
                return true;
            }
            const qsizetype take = qMin<qsizetype>(batchSize(), m_queue.size());
            records = m_queue.mid(0, take);
            m_queue.remove(0, take);
            votes.swap(m_votes);
        }
        if (!writeBatch(records, votes, error)) {
            // Back to the front, in order: a batch is never dropped.
            QMutexLocker lock(&m_mutex);
            records += m_queue;
            m_queue = std::move(records);
            votes += m_votes;
            m_votes = std::move(votes);
            return false;
        }
    }
}

bool LedgerWriter::spillAlreadyWritten(const QString& spillKey, bool* written, QString* error)
{
    LedgerStatement query;
    if (!query.prepare(m_connection->database(), QStringLiteral("SELECT 1 FROM meta WHERE key = ?"))) {
        *error = query.errorString();
        return false;
    }
    query.bind(1, spillKey);
    *written = query.next();
    if (!query.errorString().isEmpty()) {
        *error = query.errorString();
        return false;
    }
    return true;
}

bool LedgerWriter::requestPresent(const RequestRecord& record, bool* present, QString* error)
{
    LedgerStatement query;
    if (!query.prepare(m_connection->database(),
                       QStringLiteral("SELECT 1 FROM requests WHERE started_at = ? AND uuid = ?"))) {
        *error = query.errorString();
        return false;
    }
    query.bind(1, LedgerRows::toMs(record.startedAt));
    query.bind(2, record.id);
    *present = query.next();
    if (!query.errorString().isEmpty()) {
        *error = query.errorString();
        return false;
    }
    return true;
}

bool LedgerWriter::writeBatch(const QList<RequestRecord>& records, const QList<VoteRecord>& votes, QString* error,
                              const QString& spillKey)
{
    if (!m_begin->exec()) {
        *error = m_begin->errorString();
        return false;
    }
    bool ok = true;
    if (!spillKey.isEmpty()) {
        bool written = false;
        ok = spillAlreadyWritten(spillKey, &written, error);
        if (ok && written) {
            // Committed by an earlier run that stopped before it could remove the file.
            if (m_commit->exec()) {
                return true;
            }
            *error = m_commit->errorString();
            ok = false;
        }
    }
    m_rollup->clear();
    QList<RequestRecord> fresh;
    const QList<RequestRecord>* toWrite = &records;
    if (!spillKey.isEmpty() && !m_dialect.isPostgres()) {
        // A spill may repeat rows (a crashed run's journal keeps rows until a flush confirms
        // them): a row the ledger holds already is not written twice. SQLite keeps uuid
        // unindexed (see LedgerSchema), so each is looked up by its time and id; on PostgreSQL
        // the unique index on uuid refuses it and the row writer copies the batch again without
        // it (LedgerRowWriter::copyRequests), instead of a round trip per row here.
        for (int i = 0; ok && i < records.size(); ++i) {
            bool present = false;
            ok = requestPresent(records[i], &present, error);
            if (ok && !present) {
                fresh.append(records[i]);
            }
        }
        toWrite = &fresh;
    }
    QList<bool> inserted;
    ok = ok && m_rows->writeRequests(m_connection->database(), *toWrite, &inserted, error);
    for (qsizetype i = 0; ok && i < toWrite->size(); ++i) {
        if (inserted[i]) {
            m_rollup->add(toWrite->at(i));
        }
    }
    for (int i = 0; ok && i < votes.size(); ++i) {
        ok = m_rows->writeVote(votes[i], error);
    }
    if (ok && !spillKey.isEmpty()) {
        m_insertSpillMark->bind(1, spillKey);
        m_insertSpillMark->bind(2, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        ok = m_insertSpillMark->exec();
        if (!ok) {
            *error = m_insertSpillMark->errorString();
        }
    }
    ok = ok && m_rollup->write(m_connection->database(), error);
    m_rollup->clear();
    if (ok) {
        if (m_commit->exec()) {
            m_total += records.size();
            emit committed(int(records.size()), m_total);
            return true;
        }
        *error = m_commit->errorString();
    }
    LedgerConnection::exec(m_connection->database(), QStringLiteral("ROLLBACK"), nullptr);
    return false;
}

void LedgerWriter::flush()
{
    commitPending();
    emit flushed();
}

void LedgerWriter::deleteOlderThan(const QDateTime& cutoff)
{
    commitPending();
    if (!m_connection) {
        return;
    }
    const QSqlDatabase db = m_connection->database();
    QString error;
    QSqlQuery query(db);
    // Attempts and failovers go with their request (on PostgreSQL they have no foreign key, see
    // LedgerDialect::extraStepSql; SQLite's ON DELETE CASCADE then finds nothing left), and so do
    // the tools documents no row names any more; rollups stay.
    bool ok = LedgerConnection::exec(db, m_dialect.beginWrite(), &error);
    int deleted = 0;
    if (ok) {
        for (const QString& children : { QStringLiteral("attempts"), QStringLiteral("failovers") }) {
            query.prepare(QStringLiteral("DELETE FROM %1 WHERE request_rid IN (SELECT rid FROM requests"
                                         " WHERE started_at < ?)")
                              .arg(children));
            query.addBindValue(cutoff.toMSecsSinceEpoch());
            ok = ok && query.exec();
        }
        query.prepare(QStringLiteral("DELETE FROM requests WHERE started_at < ?"));
        query.addBindValue(cutoff.toMSecsSinceEpoch());
        ok = ok && query.exec();
        deleted = query.numRowsAffected();
        // The tools documents only the deleted rows named go with them (once no batch naming one
        // is in flight: see lockToolDocuments).
        if (const QString lock = m_dialect.lockToolDocuments(true); !lock.isEmpty()) {
            ok = ok && query.exec(lock);
        }
        ok = ok && query.exec(ToolDocument::deleteOrphansSql());
        query.prepare(QStringLiteral("DELETE FROM votes WHERE at < ?"));
        query.addBindValue(cutoff.toMSecsSinceEpoch());
        ok = ok && query.exec();
        if (!ok) {
            error = query.lastError().text();
        }
        ok = ok && LedgerConnection::exec(db, QStringLiteral("COMMIT"), &error);
    }
    if (!ok) {
        LedgerConnection::exec(db, QStringLiteral("ROLLBACK"), nullptr);
        emit writeFailed(QCoreApplication::translate("Ledger", "Old ledger rows could not be deleted: %1").arg(error));
        return;
    }
    emit pruned(deleted);
}

void LedgerWriter::stop()
{
    if (m_retryTimer) {
        m_retryTimer->stop();
    }
    if (sqlite3* handle = m_connection ? LedgerStatement::handle(m_connection->database()) : nullptr) {
        // One last, shorter wait for a lock; then what is left goes to the spill file.
        sqlite3_busy_timeout(handle, kStopBusyTimeoutMs);
    }
    QString error;
    if (!tryCommit(&error)) {
        spillPending();
    }
    closeConnection();
    delete m_timer;
    m_timer = nullptr;
    delete m_retryTimer;
    m_retryTimer = nullptr;
    QThread::currentThread()->quit();
}

void LedgerWriter::spillPending()
{
    LedgerSpill spill;
    spill.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (m_replay) {
        spill.requests = m_replay->requests;
        spill.votes = m_replay->votes;
    }
    {
        QMutexLocker lock(&m_mutex);
        spill.requests += m_queue;
        spill.votes += m_votes;
        m_queue.clear();
        m_votes.clear();
    }
    if (spill.isEmpty()) {
        return;
    }
    m_spillPath = LedgerSpill::pathFor(m_path);
    m_spilled = int(spill.requests.size() + spill.votes.size());
    QString error;
    if (!spill.save(m_spillPath, &error)) {
        m_spillError = error;
    }
}
