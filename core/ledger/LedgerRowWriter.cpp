#include "core/ledger/LedgerRowWriter.h"

#include "core/ledger/LedgerDialect.h"
#include "core/ledger/LedgerRows.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

bool LedgerRowWriter::prepare(const QSqlDatabase& db, QString* error)
{
    const LedgerDialect dialect = LedgerDialect::of(db);
    m_postgres = dialect.isPostgres();
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

namespace {
// Every column of a request row after rid, in LedgerRows::requestColumns() order, handed to
// `put` as qint64, double, QString or nullptr (NULL): one list for both ways of binding.
template <typename Put>
void putRequestValues(const RequestRecord& r, Put&& put)
{
    put(r.id);
    put(LedgerRows::toMs(r.startedAt));
    for (const QString& value : { RequestSources::id(r.source), r.prompt, r.tier, r.rule, r.finalModel, r.finalProvider,
                                  RequestStatuses::id(r.status) }) {
        put(value);
    }
    for (qint64 value : { r.ttftMs, r.latencyMs, r.usage.promptTokens, r.usage.completionTokens, r.usage.cachedTokens,
                          r.usage.reasoningTokens, qint64(r.usage.estimated) }) {
        put(value);
    }
    if (r.costUsd) {
        put(*r.costUsd);
    } else {
        put(nullptr);
    }
    for (qint64 value : { qint64(r.costEstimated), qint64(r.priceVersion), qint64(r.cachedAnswer) }) {
        put(value);
    }
    put(r.compareGroup);
    put(r.failureClass);
    put(r.errorMessage);
    put(r.clientKey);
    for (qint64 value : { r.usage.cacheWrite5mTokens, r.usage.cacheWrite1hTokens, r.usage.images, r.usage.webSearches,
                          qint64(r.usage.batch) }) {
        put(value);
    }
    if (r.learned) {
        put(r.learned->pStrong);
        put(qint64(r.learned->strong ? 1 : 0));
    } else {
        put(nullptr);
        put(nullptr);
    }
    for (const QString& value :
         { r.answer, r.reasoning, LedgerRows::toolCallsToJson(r.toolCalls), r.settings, r.exchange }) {
        put(value);
    }
}

// One attempt row after request_rid and seq: model_id .. message.
template <typename Put>
void putAttemptValues(const AttemptRecord& attempt, Put&& put)
{
    put(attempt.modelId);
    put(attempt.providerId);
    for (const QDateTime* at : { &attempt.startedAt, &attempt.endedAt }) {
        if (at->isValid()) {
            put(at->toMSecsSinceEpoch());
        } else {
            put(nullptr);
        }
    }
    put(AttemptOutcomes::id(attempt.outcome));
    put(attempt.failureClass);
    put(qint64(attempt.httpStatus));
    put(attempt.message);
}

// One failover row after request_rid and seq: at .. message.
template <typename Put>
void putFailoverValues(const RequestRecord& r, const FailoverRecord& failover, Put&& put)
{
    put(LedgerRows::toMs(failover.at.isValid() ? failover.at : r.startedAt));
    put(failover.fromModel);
    put(failover.toModel);
    put(failover.failureClass);
    put(failover.message);
}

// Binds into a LedgerStatement by position (SQLite's fast path, or one prepared row).
struct StatementPut
{
    LedgerStatement& statement;
    int index = 1;
    void operator()(qint64 value) { statement.bind(index++, value); }
    void operator()(double value) { statement.bind(index++, value); }
    void operator()(const QString& value) { statement.bind(index++, value); }
    void operator()(std::nullptr_t) { statement.bindNull(index++); }
};

// Binds into a QSqlQuery in order (PostgreSQL's multi-row inserts).
struct QueryPut
{
    QSqlQuery& query;
    void operator()(qint64 value) { query.addBindValue(value); }
    void operator()(double value) { query.addBindValue(value); }
    void operator()(const QString& value) { query.addBindValue(value.isNull() ? QStringLiteral("") : value); }
    void operator()(std::nullptr_t) { query.addBindValue(QVariant()); }
};

QString placeholders(int rows, int columns)
{
    const QString row = u'(' + QStringList(columns, QStringLiteral("?")).join(u',') + u')';
    return QStringList(rows, row).join(u',');
}
} // namespace

bool LedgerRowWriter::writeRequest(const RequestRecord& r, QString* error, bool* inserted)
{
    if (inserted) {
        *inserted = false;
    }
    LedgerStatement& q = m_insertRequest;
    putRequestValues(r, StatementPut { q });
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
        putAttemptValues(attempt, StatementPut { a, 3 });
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
        putFailoverValues(r, failover, StatementPut { f, 3 });
        if (!f.exec()) {
            *error = f.errorString();
            return false;
        }
    }
    return true;
}

bool LedgerRowWriter::writeRequests(const QSqlDatabase& db, const QList<RequestRecord>& records, QList<bool>* inserted,
                                    QString* error)
{
    inserted->fill(false, records.size());
    if (!m_postgres) {
        for (qsizetype i = 0; i < records.size(); ++i) {
            bool one = false;
            if (!writeRequest(records[i], error, &one)) {
                return false;
            }
            (*inserted)[i] = one;
        }
        return true;
    }
    qsizetype first = 0;
    while (first < records.size()) {
        // Up to kBatchRows requests, and no more attempts or failovers than fit one statement.
        qsizetype end = first;
        qsizetype children = 0;
        while (end < records.size() && end - first < kBatchRows
               && (end == first
                   || children + records[end].attempts.size() + records[end].failovers.size() <= kBatchRows * 4)) {
            children += records[end].attempts.size() + records[end].failovers.size();
            ++end;
        }
        if (!writeBatch(db, records, first, end, inserted, error)) {
            return false;
        }
        first = end;
    }
    return true;
}

// PostgreSQL: a round trip per row would cap the writer at a few thousand rows a second, so a
// batch goes as one multi-row INSERT per table. The requests' ids come back with their uuids
// (RETURNING), which also says which ones the unique uuid index skipped as already written.
bool LedgerRowWriter::writeBatch(const QSqlDatabase& db, const QList<RequestRecord>& records, qsizetype first,
                                 qsizetype end, QList<bool>* inserted, QString* error)
{
    QSqlQuery query(db);
    const QString columns = LedgerRows::requestColumns(QString()).section(u',', 1);
    const int width = int(columns.count(u',')) + 1;
    if (!query.prepare(QStringLiteral("INSERT INTO requests(%1) VALUES %2 ON CONFLICT (uuid) DO NOTHING"
                                      " RETURNING rid, uuid")
                           .arg(columns, placeholders(int(end - first), width)))) {
        *error = query.lastError().text();
        return false;
    }
    for (qsizetype i = first; i < end; ++i) {
        putRequestValues(records[i], QueryPut { query });
    }
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    QHash<QString, qint64> rids;
    while (query.next()) {
        rids.insert(query.value(1).toString(), query.value(0).toLongLong());
    }
    query.finish();
    // A uuid twice in one batch is one row: only its first record counts as written.
    int attempts = 0;
    int failovers = 0;
    QList<qint64> ridOf(end - first, 0);
    for (qsizetype i = first; i < end; ++i) {
        const auto found = rids.find(records[i].id);
        if (found != rids.end()) {
            ridOf[i - first] = *found;
            (*inserted)[i] = true;
            attempts += int(records[i].attempts.size());
            failovers += int(records[i].failovers.size());
            rids.erase(found);
        }
    }
    auto insertChildren
        = [&](const QString& table, const QString& childColumns, int childWidth, int rows, const auto& putRows) {
              if (rows == 0) {
                  return true;
              }
              QSqlQuery children(db);
              if (!children.prepare(QStringLiteral("INSERT INTO %1(%2) VALUES %3")
                                        .arg(table, childColumns, placeholders(rows, childWidth)))) {
                  *error = children.lastError().text();
                  return false;
              }
              putRows(children);
              if (!children.exec()) {
                  *error = children.lastError().text();
                  return false;
              }
              return true;
          };
    return insertChildren(QStringLiteral("attempts"),
                          QStringLiteral("request_rid, seq, model_id, provider_id, started_at, ended_at, outcome,"
                                         " failure_class, http_status, message"),
                          10, attempts,
                          [&](QSqlQuery& children) {
                              for (qsizetype i = first; i < end; ++i) {
                                  if (ridOf[i - first] == 0) {
                                      continue;
                                  }
                                  qint64 seq = 0;
                                  for (const AttemptRecord& attempt : records[i].attempts) {
                                      children.addBindValue(ridOf[i - first]);
                                      children.addBindValue(seq++);
                                      putAttemptValues(attempt, QueryPut { children });
                                  }
                              }
                          })
        && insertChildren(QStringLiteral("failovers"),
                          QStringLiteral("request_rid, seq, at, from_model, to_model, failure_class, message"), 7,
                          failovers, [&](QSqlQuery& children) {
                              for (qsizetype i = first; i < end; ++i) {
                                  if (ridOf[i - first] == 0) {
                                      continue;
                                  }
                                  qint64 seq = 0;
                                  for (const FailoverRecord& failover : records[i].failovers) {
                                      children.addBindValue(ridOf[i - first]);
                                      children.addBindValue(seq++);
                                      putFailoverValues(records[i], failover, QueryPut { children });
                                  }
                              }
                          });
}
