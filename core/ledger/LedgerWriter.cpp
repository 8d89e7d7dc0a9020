#include "core/ledger/LedgerWriter.h"

#include "core/ledger/LedgerConnection.h"
#include "core/ledger/LedgerRows.h"
#include "core/ledger/SqliteStatement.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <QVariant>

#include <sqlite3.h>

LedgerWriter::LedgerWriter(const QString& path, int busyTimeoutMs)
    : m_path(path)
    , m_busyTimeoutMs(busyTimeoutMs)
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
    if (queued >= kBatchSize && !m_commitRequested) {
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
    if (m_replay) {
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
    m_insertRequest.reset();
    m_insertAttempt.reset();
    m_insertFailover.reset();
    m_insertVote.reset();
    m_insertSpillMark.reset();
    m_rollup.reset();
    m_connection.reset();
    m_db = nullptr;
}

// A spill left by a run that had to stop while the ledger was locked; written before anything new.
void LedgerWriter::loadSpill()
{
    const QString path = LedgerSpill::pathFor(m_path);
    if (!QFile::exists(path)) {
        return;
    }
    QString error;
    m_replay = LedgerSpill::load(path, &error);
    if (m_replay) {
        return;
    }
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
    m_db = SqliteStatement::handle(m_connection->database());
    m_rollup = std::make_unique<LedgerRollup>();
    m_begin = std::make_unique<SqliteStatement>();
    m_commit = std::make_unique<SqliteStatement>();
    m_insertRequest = std::make_unique<SqliteStatement>();
    m_insertAttempt = std::make_unique<SqliteStatement>();
    m_insertFailover = std::make_unique<SqliteStatement>();
    m_insertVote = std::make_unique<SqliteStatement>();
    m_insertSpillMark = std::make_unique<SqliteStatement>();
    const QString columns = LedgerRows::requestColumns(QString()).section(u',', 1); // rid is assigned
    const bool ok = m_begin->prepare(m_db, QStringLiteral("BEGIN IMMEDIATE"))
        && m_commit->prepare(m_db, QStringLiteral("COMMIT"))
        && m_insertRequest->prepare(
            m_db,
            QStringLiteral("INSERT INTO requests(%1) VALUES(%2)")
                .arg(columns, QStringList(columns.count(u',') + 1, QStringLiteral("?")).join(u',')))
        && m_insertAttempt->prepare(
            m_db,
            QStringLiteral("INSERT INTO attempts(request_rid, seq, model_id, provider_id, started_at, ended_at,"
                           " outcome, failure_class, http_status, message) VALUES(?,?,?,?,?,?,?,?,?,?)"))
        && m_insertFailover->prepare(
            m_db,
            QStringLiteral("INSERT INTO failovers(request_rid, seq, at, from_model, to_model, failure_class, message)"
                           " VALUES(?,?,?,?,?,?,?)"))
        && m_insertVote->prepare(
            m_db, QStringLiteral("INSERT INTO votes(compare_group, winner_model, tie, at) VALUES(?,?,?,?)"))
        && m_insertSpillMark->prepare(m_db, QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?)"));
    if (!ok) {
        for (const auto* statement : { &m_begin, &m_commit, &m_insertRequest, &m_insertAttempt, &m_insertFailover,
                                       &m_insertVote, &m_insertSpillMark }) {
            if (!(*statement)->errorString().isEmpty()) {
                *error = (*statement)->errorString();
            }
        }
    }
    return ok;
}

void LedgerWriter::commitPending()
{
    if (m_timer) {
        m_timer->stop();
    }
    if (m_retryTimer && m_retryTimer->isActive()) {
        return; // waiting out a lock: the retry takes everything queued meanwhile
    }
    QString error;
    if (tryCommit(&error)) {
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
    if (m_retryTimer) {
        m_retryTimer->start(m_retryMs);
        m_retryMs = qMin(m_retryMs * 2, kMaxRetryMs);
    }
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
    for (;;) {
        QList<RequestRecord> records;
        QList<VoteRecord> votes;
        {
            QMutexLocker lock(&m_mutex);
            m_commitRequested = false;
            if (m_queue.isEmpty() && m_votes.isEmpty()) {
                return true;
            }
            const qsizetype take = qMin<qsizetype>(kBatchSize, m_queue.size());
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
    SqliteStatement query;
    if (!query.prepare(m_db, QStringLiteral("SELECT 1 FROM meta WHERE key = ?"))) {
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
    SqliteStatement query;
    if (!query.prepare(m_db, QStringLiteral("SELECT 1 FROM requests WHERE started_at = ? AND uuid = ?"))) {
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
    for (int i = 0; ok && i < records.size(); ++i) {
        if (!spillKey.isEmpty()) {
            // A spill may repeat rows (a crashed run's journal keeps rows until a flush confirms
            // them): a row the ledger holds already is not written twice.
            bool present = false;
            ok = requestPresent(records[i], &present, error);
            if (!ok || present) {
                continue;
            }
        }
        ok = writeRequest(records[i], error);
        if (ok) {
            m_rollup->add(records[i]);
        }
    }
    for (int i = 0; ok && i < votes.size(); ++i) {
        m_insertVote->bind(1, votes[i].compareGroup);
        m_insertVote->bind(2, votes[i].winnerModel);
        m_insertVote->bind(3, qint64(votes[i].tie ? 1 : 0));
        m_insertVote->bind(4, LedgerRows::toMs(votes[i].at));
        ok = m_insertVote->exec();
        if (!ok) {
            *error = m_insertVote->errorString();
        }
    }
    if (ok && !spillKey.isEmpty()) {
        m_insertSpillMark->bind(1, spillKey);
        m_insertSpillMark->bind(2, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        ok = m_insertSpillMark->exec();
        if (!ok) {
            *error = m_insertSpillMark->errorString();
        }
    }
    ok = ok && m_rollup->write(m_db, error);
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

bool LedgerWriter::writeRequest(const RequestRecord& r, QString* error)
{
    SqliteStatement& q = *m_insertRequest;
    int i = 1;
    q.bind(i++, r.id);
    q.bind(i++, LedgerRows::toMs(r.startedAt));
    for (const QString& value : { RequestSources::id(r.source), r.prompt, r.tier, r.rule, r.finalModel, r.finalProvider,
                                  RequestStatuses::id(r.status) }) {
        q.bind(i++, value);
    }
    for (qint64 value : { r.ttftMs, r.latencyMs, r.usage.promptTokens, r.usage.completionTokens, r.usage.cachedTokens,
                          r.usage.reasoningTokens, qint64(r.usage.estimated) }) {
        q.bind(i++, value);
    }
    if (r.costUsd) {
        q.bind(i++, *r.costUsd);
    } else {
        q.bindNull(i++);
    }
    for (qint64 value : { qint64(r.costEstimated), qint64(r.priceVersion), qint64(r.cachedAnswer) }) {
        q.bind(i++, value);
    }
    q.bind(i++, r.compareGroup);
    q.bind(i++, r.failureClass);
    q.bind(i++, r.errorMessage);
    q.bind(i++, r.clientKey);
    for (qint64 value : { r.usage.cacheWrite5mTokens, r.usage.cacheWrite1hTokens, r.usage.images, r.usage.webSearches,
                          qint64(r.usage.batch) }) {
        q.bind(i++, value);
    }
    if (!q.exec()) {
        *error = q.errorString();
        return false;
    }
    const qint64 rid = q.lastInsertRowId();
    qint64 seq = 0;
    SqliteStatement& a = *m_insertAttempt;
    for (const AttemptRecord& attempt : r.attempts) {
        a.bind(1, rid);
        a.bind(2, seq++);
        a.bind(3, attempt.modelId);
        a.bind(4, attempt.providerId);
        for (int column : { 5, 6 }) {
            const QDateTime& at = column == 5 ? attempt.startedAt : attempt.endedAt;
            if (at.isValid()) {
                a.bind(column, at.toMSecsSinceEpoch());
            } else {
                a.bindNull(column);
            }
        }
        a.bind(7, AttemptOutcomes::id(attempt.outcome));
        a.bind(8, attempt.failureClass);
        a.bind(9, qint64(attempt.httpStatus));
        a.bind(10, attempt.message);
        if (!a.exec()) {
            *error = a.errorString();
            return false;
        }
    }
    seq = 0;
    SqliteStatement& f = *m_insertFailover;
    for (const FailoverRecord& failover : r.failovers) {
        f.bind(1, rid);
        f.bind(2, seq++);
        f.bind(3, LedgerRows::toMs(failover.at.isValid() ? failover.at : r.startedAt));
        f.bind(4, failover.fromModel);
        f.bind(5, failover.toModel);
        f.bind(6, failover.failureClass);
        f.bind(7, failover.message);
        if (!f.exec()) {
            *error = f.errorString();
            return false;
        }
    }
    return true;
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
    // Attempts and failovers go with their request (ON DELETE CASCADE); rollups stay.
    bool ok = LedgerConnection::exec(db, QStringLiteral("BEGIN IMMEDIATE"), &error);
    int deleted = 0;
    if (ok) {
        query.prepare(QStringLiteral("DELETE FROM requests WHERE started_at < ?"));
        query.addBindValue(cutoff.toMSecsSinceEpoch());
        ok = query.exec();
        deleted = query.numRowsAffected();
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
    if (m_db) {
        // One last, shorter wait for a lock; then what is left goes to the spill file.
        sqlite3_busy_timeout(m_db, kStopBusyTimeoutMs);
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
