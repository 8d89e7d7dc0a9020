#include "core/ledger/LedgerRowWriter.h"

#include "core/ledger/LedgerDialect.h"
#include "core/ledger/LedgerRows.h"

bool LedgerRowWriter::prepare(const QSqlDatabase& db, QString* error)
{
    const LedgerDialect dialect = LedgerDialect::of(db);
    const QString columns = LedgerRows::requestColumns(QString()).section(u',', 1); // rid is assigned
    const bool ok = m_insertRequest.prepare(
                        db,
                        QStringLiteral("INSERT INTO requests(%1) VALUES(%2)%3%4")
                            .arg(columns, QStringList(columns.count(u',') + 1, QStringLiteral("?")).join(u','),
                                 dialect.skipDuplicateRequest(), dialect.returningId(QStringLiteral("rid"))))
        && m_insertAttempt.prepare(
            db,
            QStringLiteral("INSERT INTO attempts(request_rid, seq, model_id, provider_id, started_at, ended_at,"
                           " outcome, failure_class, http_status, message) VALUES(?,?,?,?,?,?,?,?,?,?)"))
        && m_insertFailover.prepare(
            db,
            QStringLiteral("INSERT INTO failovers(request_rid, seq, at, from_model, to_model, failure_class,"
                           " message) VALUES(?,?,?,?,?,?,?)"))
        && m_insertVote.prepare(
            db,
            QStringLiteral("INSERT INTO votes(compare_group, winner_model, tie, at, winner_settings, tag)"
                           " VALUES(?,?,?,?,?,?)"));
    if (!ok) {
        for (const LedgerStatement* statement :
             { &m_insertRequest, &m_insertAttempt, &m_insertFailover, &m_insertVote }) {
            if (!statement->errorString().isEmpty()) {
                *error = statement->errorString();
            }
        }
    }
    return ok;
}

bool LedgerRowWriter::writeVote(const VoteRecord& vote, QString* error)
{
    m_insertVote.bind(1, vote.compareGroup);
    m_insertVote.bind(2, vote.winnerModel);
    m_insertVote.bind(3, qint64(vote.tie ? 1 : 0));
    m_insertVote.bind(4, LedgerRows::toMs(vote.at));
    m_insertVote.bind(5, vote.winnerSettings);
    m_insertVote.bind(6, vote.tag);
    if (!m_insertVote.exec()) {
        *error = m_insertVote.errorString();
        return false;
    }
    return true;
}

bool LedgerRowWriter::writeRequest(const RequestRecord& r, QString* error, bool* inserted)
{
    if (inserted) {
        *inserted = false;
    }
    LedgerStatement& q = m_insertRequest;
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
    if (r.learned) {
        q.bind(i++, r.learned->pStrong);
        q.bind(i++, qint64(r.learned->strong ? 1 : 0));
    } else {
        q.bindNull(i++);
        q.bindNull(i++);
    }
    for (const QString& value :
         { r.answer, r.reasoning, LedgerRows::toolCallsToJson(r.toolCalls), r.settings, r.exchange }) {
        q.bind(i++, value);
    }
    if (!q.exec()) {
        *error = q.errorString();
        return false;
    }
    const qint64 rid = q.lastInsertRowId();
    if (rid == 0) {
        return true; // a duplicate the dialect skipped
    }
    if (inserted) {
        *inserted = true;
    }
    qint64 seq = 0;
    LedgerStatement& a = m_insertAttempt;
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
    LedgerStatement& f = m_insertFailover;
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
