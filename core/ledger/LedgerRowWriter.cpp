#include "core/ledger/LedgerRowWriter.h"

#include "core/ledger/LedgerDialect.h"
#include "core/ledger/LedgerRows.h"
#include "core/ledger/PostgresCopy.h"
#include "core/ledger/ToolDocument.h"

#include <QCoreApplication>

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

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
                           " VALUES(?,?,?,?,?,?)"))
        && m_insertTools.prepare(db, ToolDocument::insertSql());
    if (ok && m_postgres) {
        QSqlQuery sequence(db);
        if (!sequence.exec(QStringLiteral("SELECT pg_get_serial_sequence('requests', 'rid')")) || !sequence.next()) {
            *error = sequence.lastError().text();
            return false;
        }
        m_ridSequence = sequence.value(0).toString();
    }
    if (!ok) {
        for (const LedgerStatement* statement :
             { &m_insertRequest, &m_insertAttempt, &m_insertFailover, &m_insertVote, &m_insertTools }) {
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
// `put` as qint64, double, QString or nullptr (NULL): one list for both ways of binding. The
// tools go by the hash of their document (storeTools() wrote it).
template <typename Put>
void putRequestValues(const RequestRecord& r, const QString& toolsHash, Put&& put)
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
    for (const QString& value : { r.answer, r.reasoning, LedgerRows::toolCallsToJson(r.toolCalls), r.settings,
                                  r.exchange, r.system, toolsHash, LedgerRows::toolChoiceToText(r.toolChoice) }) {
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

// Appends to a COPY row in order (PostgreSQL).
struct CopyPut
{
    PostgresCopy& copy;
    void operator()(qint64 value) { copy.add(value); }
    void operator()(double value) { copy.add(value); }
    void operator()(const QString& value) { copy.add(value); }
    void operator()(std::nullptr_t) { copy.addNull(); }
};
} // namespace

bool LedgerRowWriter::storeTools(const RequestRecord& r, QSet<QString>* stored, QString* hash, QString* error)
{
    if (r.tools.isEmpty()) {
        hash->clear();
        return true;
    }
    // Serialising and hashing 40 KB of tools takes 0.5 ms; the few documents seen last are
    // recognised by comparison instead (6 us, or none for the array the gateway shares between
    // an agent's requests).
    auto known = std::find_if(m_knownTools.begin(), m_knownTools.end(),
                              [&](const KnownTools& k) { return k.tools == r.tools; });
    if (known == m_knownTools.end()) {
        m_knownTools.prepend({ r.tools, ToolDocument::of(r.tools) });
        if (m_knownTools.size() > kKnownTools) {
            m_knownTools.removeLast();
        }
        known = m_knownTools.begin();
    }
    const ToolDocument& document = known->document;
    *hash = document.hash;
    if (stored->contains(document.hash)) {
        return true;
    }
    m_insertTools.bind(1, document.hash);
    m_insertTools.bind(2, QString::fromUtf8(document.json));
    if (!m_insertTools.exec()) {
        *error = m_insertTools.errorString();
        return false;
    }
    stored->insert(document.hash);
    return true;
}

bool LedgerRowWriter::writeRequest(const RequestRecord& r, QString* error, bool* inserted)
{
    QSet<QString> stored;
    return writeRequest(r, &stored, error, inserted);
}

bool LedgerRowWriter::writeRequest(const RequestRecord& r, QSet<QString>* storedTools, QString* error, bool* inserted)
{
    if (inserted) {
        *inserted = false;
    }
    QString toolsHash;
    if (!storeTools(r, storedTools, &toolsHash, error)) {
        return false;
    }
    LedgerStatement& q = m_insertRequest;
    putRequestValues(r, toolsHash, StatementPut { q });
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
        QSet<QString> storedTools; // a batch of one agent's requests stores its tools once
        for (qsizetype i = 0; i < records.size(); ++i) {
            bool one = false;
            if (!writeRequest(records[i], &storedTools, error, &one)) {
                return false;
            }
            (*inserted)[i] = one;
        }
        return true;
    }
    return records.isEmpty() || copyRequests(db, records, inserted, error);
}

// PostgreSQL: the batch goes as three COPY streams (requests, attempts, failovers), a few round
// trips whatever its size; the new rows get their row ids from the identity's sequence first, so
// that attempts and failovers can name their request. COPY cannot skip a row that is there
// already, and the unique index on uuid refuses it. Nearly every batch is new (a batch whose
// commit nobody acknowledged, a spool written before its mark, a resumed migration are the
// exceptions), so it is copied as it is, inside a savepoint; only when the unique index refused
// a row is the copy rolled back to the savepoint and done again without the uuids the ledger
// holds. Asking for them first in every batch (an index probe per row, before the index insert
// probes the same pages again) took as long as the COPY of the requests itself: 23 of 62 s the
// server spent on 1M requests. A row another process writes in between still fails the COPY;
// the transaction is rolled back and the writer retries the batch, which then skips it.
// The session keeps the server's synchronous_commit: the writer forgets a batch (memory, spool
// file, spill) as soon as its COMMIT returns, so with synchronous_commit off a server crash in
// the next few hundred milliseconds would lose rows that nothing holds any more. What it would
// save is one WAL flush per batch of up to 5,000 requests, not one per request.
bool LedgerRowWriter::copyRequests(const QSqlDatabase& db, const QList<RequestRecord>& records, QList<bool>* inserted,
                                   QString* error)
{
    pg_conn* connection = PostgresCopy::connection(db);
    if (!connection) {
        *error = QCoreApplication::translate("Ledger",
                                             "The ledger's connection gives no PostgreSQL handle to copy rows with.");
        return false;
    }
    // A uuid twice in one batch is one row: only its first record counts as written.
    QList<qsizetype> unique;
    QStringList uuids;
    {
        QSet<QString> seen;
        for (qsizetype i = 0; i < records.size(); ++i) {
            if (!seen.contains(records[i].id)) {
                seen.insert(records[i].id);
                unique << i;
                uuids << records[i].id;
            }
        }
    }
    // The tools documents first, outside the savepoint: a row the copy skips as a duplicate names
    // its document in the row the ledger holds already.
    QStringList toolsHashes;
    const bool anyTools
        = std::any_of(records.begin(), records.end(), [](const RequestRecord& r) { return !r.tools.isEmpty(); });
    QList<QByteArray> locked;
    if (anyTools
        && !PostgresCopy::queryColumn(connection, LedgerDialect::of(db).lockToolDocuments(false).toUtf8(), {}, &locked,
                                      error)) {
        return false;
    }
    {
        QSet<QString> stored;
        for (const RequestRecord& record : records) {
            QString hash;
            if (!storeTools(record, &stored, &hash, error)) {
                return false;
            }
            toolsHashes << hash;
        }
    }
    const QByteArray sequence = QString(m_ridSequence).replace(u'\'', QStringLiteral("''")).toUtf8();
    QList<QByteArray> ridOf;
    if (!PostgresCopy::exec(connection, "SAVEPOINT ledger_copy", {}, error)
        || !PostgresCopy::queryColumn(connection,
                                      "SELECT nextval('" + sequence + "'::regclass) FROM generate_series(1, $1::int)",
                                      { QByteArray::number(unique.size()) }, &ridOf, error)) {
        return false;
    }
    bool duplicate = false;
    if (ridOf.size() == unique.size() && copyRows(connection, records, toolsHashes, unique, ridOf, &duplicate, error)) {
        for (const qsizetype i : std::as_const(unique)) {
            (*inserted)[i] = true;
        }
        return PostgresCopy::exec(connection, "RELEASE SAVEPOINT ledger_copy", {}, error);
    }
    if (!duplicate || !PostgresCopy::exec(connection, "ROLLBACK TO SAVEPOINT ledger_copy", {}, error)) {
        return false;
    }
    // One pass: for each uuid, NULL when the ledger holds it, else the row id it will have.
    ridOf.clear();
    if (!PostgresCopy::queryColumn(
            connection,
            "SELECT CASE WHEN EXISTS(SELECT 1 FROM requests r WHERE r.uuid = u.uuid) THEN NULL"
            " ELSE nextval('"
                + sequence + "'::regclass) END FROM unnest($1::text[]) WITH ORDINALITY AS u(uuid, i) ORDER BY u.i",
            { PostgresCopy::textArray(uuids) }, &ridOf, error)) {
        return false;
    }
    if (ridOf.size() != unique.size()) {
        *error = QCoreApplication::translate("Ledger", "The database answered for %1 of %2 requests.")
                     .arg(ridOf.size())
                     .arg(unique.size());
        return false;
    }
    QList<qsizetype> fresh;
    QList<QByteArray> rids;
    for (qsizetype k = 0; k < unique.size(); ++k) {
        if (!ridOf[k].isEmpty()) {
            fresh << unique[k];
            rids << ridOf[k];
        }
    }
    if (fresh.isEmpty()) {
        return true;
    }
    if (!copyRows(connection, records, toolsHashes, fresh, rids, &duplicate, error)) {
        return false;
    }
    for (const qsizetype i : std::as_const(fresh)) {
        (*inserted)[i] = true;
    }
    return true;
}

bool LedgerRowWriter::copyRows(pg_conn* connection, const QList<RequestRecord>& records, const QStringList& toolsHashes,
                               const QList<qsizetype>& fresh, const QList<QByteArray>& ridTexts, bool* duplicate,
                               QString* error)
{
    *duplicate = false;
    QList<qint64> rids;
    for (const QByteArray& rid : ridTexts) {
        rids << rid.toLongLong();
    }
    const QString columns = LedgerRows::requestColumns(QString());
    const int width = int(columns.count(u',')) + 1;
    qsizetype attempts = 0;
    qsizetype failovers = 0;
    for (const qsizetype i : fresh) {
        attempts += records[i].attempts.size();
        failovers += records[i].failovers.size();
    }
    PostgresCopy copy;
    if (!copy.start(connection, QStringLiteral("requests"), columns, error)) {
        return false;
    }
    for (qsizetype k = 0; k < fresh.size(); ++k) {
        copy.beginRow(width);
        copy.add(rids[k]);
        putRequestValues(records[fresh[k]], toolsHashes[fresh[k]], CopyPut { copy });
    }
    if (!copy.finish(error)) {
        *duplicate = copy.sqlState() == "23505"; // unique_violation
        return false;
    }
    if (attempts > 0) {
        if (!copy.start(connection, QStringLiteral("attempts"),
                        QStringLiteral("request_rid, seq, model_id, provider_id, started_at, ended_at, outcome,"
                                       " failure_class, http_status, message"),
                        error)) {
            return false;
        }
        for (qsizetype k = 0; k < fresh.size(); ++k) {
            qint64 seq = 0;
            for (const AttemptRecord& attempt : records[fresh[k]].attempts) {
                copy.beginRow(10);
                copy.add(rids[k]);
                copy.add(seq++);
                putAttemptValues(attempt, CopyPut { copy });
            }
        }
        if (!copy.finish(error)) {
            return false;
        }
    }
    if (failovers > 0) {
        if (!copy.start(connection, QStringLiteral("failovers"),
                        QStringLiteral("request_rid, seq, at, from_model, to_model, failure_class, message"), error)) {
            return false;
        }
        for (qsizetype k = 0; k < fresh.size(); ++k) {
            const RequestRecord& record = records[fresh[k]];
            qint64 seq = 0;
            for (const FailoverRecord& failover : record.failovers) {
                copy.beginRow(7);
                copy.add(rids[k]);
                copy.add(seq++);
                putFailoverValues(record, failover, CopyPut { copy });
            }
        }
        if (!copy.finish(error)) {
            return false;
        }
    }
    return true;
}
