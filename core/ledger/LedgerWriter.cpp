#include "LedgerWriter.h"

#include "LedgerConnection.h"
#include "LedgerRows.h"
#include "SqliteStatement.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QVariant>

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

    m_connection = std::make_unique<LedgerConnection>(m_path, QStringLiteral("writer"));
    QString error;
    if (!m_connection->open(m_busyTimeoutMs, &error, 64) || !prepareStatements(&error)) {
        m_connection.reset();
        emit writeFailed(QCoreApplication::translate("Ledger", "Cannot open the ledger for writing: %1").arg(error));
    }
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
            m_db, QStringLiteral("INSERT INTO votes(compare_group, winner_model, tie, at) VALUES(?,?,?,?)"));
    if (!ok) {
        for (const auto* statement :
             { &m_begin, &m_commit, &m_insertRequest, &m_insertAttempt, &m_insertFailover, &m_insertVote }) {
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
    for (;;) {
        QList<RequestRecord> records;
        QList<VoteRecord> votes;
        {
            QMutexLocker lock(&m_mutex);
            m_commitRequested = false;
            if (m_queue.isEmpty() && m_votes.isEmpty()) {
                return;
            }
            const qsizetype take = qMin<qsizetype>(kBatchSize, m_queue.size());
            records = m_queue.mid(0, take);
            m_queue.remove(0, take);
            votes.swap(m_votes);
        }
        QString error;
        if (!m_connection) {
            error = QCoreApplication::translate("Ledger", "the ledger is not open");
        } else if (writeBatch(records, votes, &error)) {
            m_total += records.size();
            emit committed(int(records.size()), m_total);
            continue;
        }
        emit writeFailed(QCoreApplication::translate("Ledger", "%n record(s) could not be written to the ledger: %1",
                                                     nullptr, int(records.size() + votes.size()))
                             .arg(error));
    }
}

bool LedgerWriter::writeBatch(const QList<RequestRecord>& records, const QList<VoteRecord>& votes, QString* error)
{
    if (!m_begin->exec()) {
        *error = m_begin->errorString();
        return false;
    }
    bool ok = true;
    m_rollup->clear();
    for (const RequestRecord& record : records) {
        ok = writeRequest(record, error);
        if (!ok) {
            break;
        }
        m_rollup->add(record);
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
    ok = ok && m_rollup->write(m_db, error);
    m_rollup->clear();
    if (ok) {
        if (m_commit->exec()) {
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
    commitPending();
    // Statements must be finalized before their connection closes.
    m_begin.reset();
    m_commit.reset();
    m_insertRequest.reset();
    m_insertAttempt.reset();
    m_insertFailover.reset();
    m_insertVote.reset();
    m_rollup.reset();
    m_connection.reset();
    delete m_timer;
    m_timer = nullptr;
    QThread::currentThread()->quit();
}
