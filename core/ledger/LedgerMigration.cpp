#include "core/ledger/LedgerMigration.h"

#include "core/ledger/LedgerConnection.h"
#include "core/ledger/LedgerDialect.h"
#include "core/ledger/LedgerRollup.h"
#include "core/ledger/LedgerRowWriter.h"
#include "core/ledger/LedgerRows.h"
#include "core/ledger/LedgerSchema.h"
#include "core/ledger/LedgerUrl.h"
#include "core/ledger/PostgresCopy.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("LedgerMigration", text);
}

bool exec(QSqlQuery& query, const QString& sql, const QVariantList& binds, QString* error)
{
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return false;
    }
    for (const QVariant& bind : binds) {
        query.addBindValue(bind);
    }
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

bool readFigures(const QSqlDatabase& db, LedgerMigration::Figures* figures, QString* error)
{
    QSqlQuery query(db);
    if (!exec(query,
              QStringLiteral("SELECT COUNT(*), COALESCE(SUM(prompt_tokens + completion_tokens), 0),"
                             " COALESCE(SUM(cost_usd), 0) FROM requests"),
              {}, error)
        || !query.next()) {
        return false;
    }
    figures->requests = query.value(0).toLongLong();
    figures->tokens = query.value(1).toLongLong();
    figures->costUsd = query.value(2).toDouble();
    for (auto [table, field] :
         { std::pair { "attempts", &figures->attempts }, std::pair { "failovers", &figures->failovers },
           std::pair { "votes", &figures->votes }, std::pair { "evaluations", &figures->evaluations },
           std::pair { "evaluation_cells", &figures->evaluationCells } }) {
        if (!exec(query, QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)), {}, error)
            || !query.next()) {
            return false;
        }
        *field = query.value(0).toLongLong();
    }
    if (!exec(query, QStringLiteral("SELECT COALESCE(SUM(requests), 0), COALESCE(SUM(cost_usd), 0) FROM rollup_daily"),
              {}, error)
        || !query.next()) {
        return false;
    }
    figures->rollupRequests = query.value(0).toLongLong();
    figures->rollupCostUsd = query.value(1).toDouble();
    for (auto [sql, field] :
         { std::pair { "SELECT COALESCE(SUM(failovers), 0) FROM failover_daily", &figures->rollupFailovers },
           std::pair { "SELECT COUNT(*) FROM batch_jobs", &figures->batchJobs },
           std::pair { "SELECT COUNT(*) FROM cooldowns", &figures->cooldowns } }) {
        if (!exec(query, QLatin1String(sql), {}, error) || !query.next()) {
            return false;
        }
        *field = query.value(0).toLongLong();
    }
    return true;
}

QJsonObject toJson(const LedgerMigration::Figures& f)
{
    return { { "requests", f.requests },
             { "attempts", f.attempts },
             { "failovers", f.failovers },
             { "votes", f.votes },
             { "evaluations", f.evaluations },
             { "evaluation_cells", f.evaluationCells },
             { "tokens", f.tokens },
             { "cost_usd", f.costUsd },
             { "rollup_requests", f.rollupRequests },
             { "rollup_cost_usd", f.rollupCostUsd },
             { "rollup_failovers", f.rollupFailovers },
             { "batch_jobs", f.batchJobs },
             { "cooldowns", f.cooldowns } };
}

LedgerMigration::Figures fromJson(const QJsonObject& o)
{
    LedgerMigration::Figures f;
    f.requests = o.value("requests").toInteger();
    f.attempts = o.value("attempts").toInteger();
    f.failovers = o.value("failovers").toInteger();
    f.votes = o.value("votes").toInteger();
    f.evaluations = o.value("evaluations").toInteger();
    f.evaluationCells = o.value("evaluation_cells").toInteger();
    f.tokens = o.value("tokens").toInteger();
    f.costUsd = o.value("cost_usd").toDouble();
    f.rollupRequests = o.value("rollup_requests").toInteger();
    f.rollupCostUsd = o.value("rollup_cost_usd").toDouble();
    f.rollupFailovers = o.value("rollup_failovers").toInteger();
    f.batchJobs = o.value("batch_jobs").toInteger();
    f.cooldowns = o.value("cooldowns").toInteger();
    return f;
}

LedgerMigration::Figures minus(const LedgerMigration::Figures& a, const LedgerMigration::Figures& b)
{
    return { a.requests - b.requests,
             a.attempts - b.attempts,
             a.failovers - b.failovers,
             a.votes - b.votes,
             a.evaluations - b.evaluations,
             a.evaluationCells - b.evaluationCells,
             a.tokens - b.tokens,
             a.costUsd - b.costUsd,
             a.rollupRequests - b.rollupRequests,
             a.rollupCostUsd - b.rollupCostUsd,
             a.rollupFailovers - b.rollupFailovers,
             a.batchJobs - b.batchJobs,
             a.cooldowns - b.cooldowns };
}

bool sameMoney(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

// Reads a meta value in the current transaction; empty when absent.
bool metaValue(const QSqlDatabase& db, const QString& key, QString* value, QString* error)
{
    QSqlQuery query(db);
    if (!exec(query, QStringLiteral("SELECT value FROM meta WHERE key = ?"), { key }, error)) {
        return false;
    }
    *value = query.next() ? query.value(0).toString() : QString();
    return true;
}

bool setMeta(const QSqlDatabase& db, const QString& key, const QString& value, QString* error)
{
    QSqlQuery query(db);
    return exec(query,
                QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?)"
                               " ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                { key, value }, error);
}

// Each row `read` yields, bound in column order to the prepared `write` and run.
bool copyRows(QSqlQuery& read, QSqlQuery& write, int columns, QString* error)
{
    while (read.next()) {
        for (int i = 0; i < columns; ++i) {
            write.bindValue(i, read.value(i));
        }
        if (!write.exec()) {
            *error = write.lastError().text();
            return false;
        }
    }
    return true;
}

// Every evaluation of the source as a new one of the target (the target may have its own ids),
// with its cells; the cells keep naming their requests by uuid, which the copy kept.
bool copyEvaluations(const QSqlDatabase& source, const QSqlDatabase& target, QString* error)
{
    const LedgerDialect dialect = LedgerDialect::of(target);
    const QString columns = QStringLiteral("prompt_index, prompt_id, model, state, outcome, score, reason, answer,"
                                           " request_uuid, judge_request_uuid, cost_usd, judge_cost_usd, latency_ms,"
                                           " error, updated_at");
    constexpr int kCellColumns = 15;
    QSqlQuery evaluations(source);
    if (!exec(
            evaluations,
            QStringLiteral("SELECT id, created_at, name, prompts, models, graders, state FROM evaluations ORDER BY id"),
            {}, error)) {
        return false;
    }
    QSqlQuery insert(target);
    QSqlQuery cells(source);
    QSqlQuery insertCell(target);
    if (!insertCell.prepare(QStringLiteral("INSERT INTO evaluation_cells(evaluation_id, %1) VALUES(?%2)")
                                .arg(columns, QStringLiteral(", ?").repeated(kCellColumns)))) {
        *error = insertCell.lastError().text();
        return false;
    }
    while (evaluations.next()) {
        QVariantList values;
        for (int i = 1; i <= 6; ++i) {
            values << evaluations.value(i);
        }
        if (!exec(insert,
                  QStringLiteral("INSERT INTO evaluations(created_at, name, prompts, models, graders, state)"
                                 " VALUES(?, ?, ?, ?, ?, ?)%1")
                      .arg(dialect.returningId(QStringLiteral("id"))),
                  values, error)) {
            return false;
        }
        const QVariant id
            = dialect.isPostgres() ? (insert.next() ? insert.value(0) : QVariant()) : insert.lastInsertId();
        if (!id.isValid()) {
            *error = QCoreApplication::translate("LedgerMigration", "the copied evaluation got no id");
            return false;
        }
        if (!exec(cells, QStringLiteral("SELECT %1 FROM evaluation_cells WHERE evaluation_id = ?").arg(columns),
                  { evaluations.value(0) }, error)) {
            return false;
        }
        while (cells.next()) {
            insertCell.bindValue(0, id);
            for (int i = 0; i < kCellColumns; ++i) {
                insertCell.bindValue(i + 1, cells.value(i));
            }
            if (!insertCell.exec()) {
                *error = insertCell.lastError().text();
                return false;
            }
        }
    }
    return true;
}

// Adds every rollup row of the source to the target's (same upsert as the writer's).
bool copyRollups(const QSqlDatabase& source, const QSqlDatabase& target, QString* error)
{
    for (LedgerRollup::Grain grain : { LedgerRollup::Hourly, LedgerRollup::Daily }) {
        const QString t = LedgerRollup::timeColumn(grain);
        const struct
        {
            QString table;
            QString keys;
            QStringList values;
        } families[] = {
            { LedgerRollup::table("rollup", grain), t + ", model, provider, tier, source",
              LedgerRollup::counterColumns() },
            { LedgerRollup::table("latency", grain), t + ", model, provider, tier, source",
              LedgerRollup::latencyColumns() + LedgerRollup::ttftColumns() },
            { LedgerRollup::table("uptime", grain),
              t + ", provider, model, tier, source",
              { "attempts", "provider_faults" } },
            { LedgerRollup::table("failover", grain),
              (QStringList { t } + LedgerRollup::failoverKeyColumns()).join(QStringLiteral(", ")),
              { LedgerRollup::failoverCountColumn() } },
        };
        for (const auto& family : families) {
            const QStringList keys = family.keys.split(QStringLiteral(", "));
            const QStringList columns = keys + family.values;
            QStringList updates;
            for (const QString& column : family.values) {
                updates << QStringLiteral("%1=%2.%1+excluded.%1").arg(column, family.table);
            }
            QSqlQuery read(source);
            read.setForwardOnly(true);
            if (!exec(read, QStringLiteral("SELECT %1 FROM %2").arg(columns.join(u','), family.table), {}, error)) {
                return false;
            }
            if (pg_conn* connection = PostgresCopy::connection(target)) {
                // Bound row by row through QPSQL, the 80-column latency rows of a year took minutes:
                // COPY into a table of this transaction, then one upsert (the target may hold rollups).
                const QString staging = QStringLiteral("migrate_") + family.table;
                PostgresCopy copy;
                if (!PostgresCopy::exec(connection,
                                        QStringLiteral("CREATE TEMPORARY TABLE %1 (LIKE %2) ON COMMIT DROP")
                                            .arg(staging, family.table)
                                            .toUtf8(),
                                        {}, error)
                    || !copy.start(connection, staging, columns.join(u','), error)) {
                    return false;
                }
                while (read.next()) {
                    copy.beginRow(int(columns.size()));
                    copy.add(read.value(0).toLongLong());
                    for (int i = 1; i < int(keys.size()); ++i) {
                        copy.add(read.value(i).toString());
                    }
                    for (int i = int(keys.size()); i < int(columns.size()); ++i) {
                        if (columns[i] == QLatin1String("cost_usd")) {
                            copy.add(read.value(i).toDouble());
                        } else {
                            copy.add(read.value(i).toLongLong());
                        }
                    }
                }
                if (!copy.finish(error)
                    || !PostgresCopy::exec(
                        connection,
                        QStringLiteral("INSERT INTO %1(%2) SELECT %2 FROM %3 ON CONFLICT(%4) DO"
                                       " UPDATE SET %5")
                            .arg(family.table, columns.join(u','), staging, keys.join(u','), updates.join(u','))
                            .toUtf8(),
                        {}, error)) {
                    return false;
                }
                continue;
            }
            QSqlQuery write(target);
            if (!write.prepare(QStringLiteral("INSERT INTO %1(%2) VALUES(%3) ON CONFLICT(%4) DO UPDATE SET %5")
                                   .arg(family.table, columns.join(u','),
                                        QStringList(columns.size(), QStringLiteral("?")).join(u','), keys.join(u','),
                                        updates.join(u',')))) {
                *error = write.lastError().text();
                return false;
            }
            if (!copyRows(read, write, int(columns.size()), error)) {
                return false;
            }
        }
    }
    return true;
}

// Every batch job of the source that the target does not have (by id), and every cooldown, kept
// until the later of the two ends where the target has one for the same model or provider.
bool copyTable(const QSqlDatabase& source, const QSqlDatabase& target, const QString& table, QString* error)
{
    const bool jobs = table == QLatin1String("batch_jobs");
    const QStringList columns = jobs ? QStringList { "id",           "provider_id", "model_id",      "upstream_model",
                                                     "input_name",   "prompts",     "request_count", "state",
                                                     "submitted_at", "updated_at",  "recorded_at" }
                                     : QStringList { "kind", "id", "until_ms", "reason" };
    const QString conflict = jobs ? QStringLiteral(" ON CONFLICT(id) DO NOTHING")
                                  : QStringLiteral(" ON CONFLICT(kind, id) DO UPDATE SET"
                                                   " until_ms = CASE WHEN excluded.until_ms > cooldowns.until_ms"
                                                   " THEN excluded.until_ms ELSE cooldowns.until_ms END,"
                                                   " reason = CASE WHEN excluded.until_ms > cooldowns.until_ms"
                                                   " THEN excluded.reason ELSE cooldowns.reason END");
    QSqlQuery read(source);
    read.setForwardOnly(true);
    if (!exec(read, QStringLiteral("SELECT %1 FROM %2").arg(columns.join(u','), table), {}, error)) {
        return false;
    }
    QSqlQuery write(target);
    if (!write.prepare(QStringLiteral("INSERT INTO %1(%2) VALUES(%3)%4")
                           .arg(table, columns.join(u','), QStringList(columns.size(), QStringLiteral("?")).join(u','),
                                conflict))) {
        *error = write.lastError().text();
        return false;
    }
    return copyRows(read, write, int(columns.size()), error);
}

// How many rows of the source's `table` the target holds (by key): batch jobs by id, cooldowns by
// kind and id, each ending no earlier than the source's.
bool countPresent(const QSqlDatabase& source, const QSqlDatabase& target, const QString& table, qint64* present,
                  QString* error)
{
    const bool jobs = table == QLatin1String("batch_jobs");
    QSqlQuery read(source);
    read.setForwardOnly(true);
    if (!exec(read,
              jobs ? QStringLiteral("SELECT id FROM batch_jobs")
                   : QStringLiteral("SELECT kind, id, until_ms FROM cooldowns"),
              {}, error)) {
        return false;
    }
    QSqlQuery find(target);
    if (!find.prepare(jobs ? QStringLiteral("SELECT 1 FROM batch_jobs WHERE id = ?")
                           : QStringLiteral("SELECT 1 FROM cooldowns WHERE kind = ? AND id = ? AND until_ms >= ?"))) {
        *error = find.lastError().text();
        return false;
    }
    *present = 0;
    while (read.next()) {
        for (int i = 0; i < (jobs ? 1 : 3); ++i) {
            find.bindValue(i, read.value(i));
        }
        if (!find.exec()) {
            *error = find.lastError().text();
            return false;
        }
        *present += find.next() ? 1 : 0;
        find.finish();
    }
    return true;
}
} // namespace

bool LedgerMigration::Figures::operator==(const Figures& o) const
{
    return requests == o.requests && attempts == o.attempts && failovers == o.failovers && votes == o.votes
        && evaluations == o.evaluations && evaluationCells == o.evaluationCells && tokens == o.tokens
        && sameMoney(costUsd, o.costUsd) && rollupRequests == o.rollupRequests
        && sameMoney(rollupCostUsd, o.rollupCostUsd) && rollupFailovers == o.rollupFailovers && batchJobs == o.batchJobs
        && cooldowns == o.cooldowns;
}

LedgerMigration::LedgerMigration(const QString& sourcePath, const QString& target)
    : m_source(sourcePath)
    , m_target(target)
{
}

bool LedgerMigration::run(Report* report)
{
    m_error.clear();
    *report = {};
    if (LedgerUrl::isUrl(m_source) || !QFileInfo::exists(m_source)) {
        m_error = tr("There is no ledger file %1 to copy.").arg(ledgerLocationForDisplay(m_source));
        return false;
    }
    LedgerConnection source(m_source, QStringLiteral("migrate-from"));
    LedgerConnection target(m_target, QStringLiteral("migrate-to"));
    QString error;
    if (!source.open(5000, &error)) {
        m_error = tr("Cannot open %1: %2").arg(m_source, error);
        return false;
    }
    // Both at the current schema: the source is upgraded as any open would, the target created.
    for (const LedgerConnection* connection : { &source, &target }) {
        if (connection == &target && !target.open(5000, &error)) {
            m_error = error;
            return false;
        }
        const LedgerSchema::Result prepared = LedgerSchema::prepare(connection->database());
        if (!prepared.ok()) {
            m_error = tr("%1: %2").arg(ledgerLocationForDisplay(connection->path()), prepared.message);
            return false;
        }
    }
    const QSqlDatabase from = source.database();
    const QSqlDatabase to = target.database();
    const LedgerDialect dialect = LedgerDialect::of(to);
    // The source named by its absolute path: the same file migrated again resumes.
    const QString key = QStringLiteral("migrated-from:")
        + QString::fromLatin1(QCryptographicHash::hash(QFileInfo(m_source).absoluteFilePath().toUtf8(),
                                                       QCryptographicHash::Sha1)
                                  .toHex()
                                  .left(16));
    if (!readFigures(from, &report->source, &m_error)) {
        return false;
    }

    auto fail = [&](const QString& message) {
        LedgerConnection::exec(to, QStringLiteral("ROLLBACK"), nullptr);
        m_error = message;
        return false;
    };
    LedgerRowWriter rows;
    if (!rows.prepare(to, &error)) {
        return fail(error);
    }
    QString state;
    if (!metaValue(to, key, &state, &error)) {
        return fail(error);
    }
    QJsonObject progress = QJsonDocument::fromJson(state.toUtf8()).object();
    if (progress.isEmpty()) {
        Figures before;
        if (!readFigures(to, &before, &error)) {
            return fail(error);
        }
        progress
            = { { "before", toJson(before) }, { "last_rid", 0 },    { "copied", 0 },         { "votes", false },
                { "evaluations", false },     { "rollups", false }, { "batch_jobs", false }, { "cooldowns", false } };
    }
    report->resumedAfter = progress.value("copied").toInteger();

    QSqlQuery read(from);
    read.setForwardOnly(true);
    LedgerRows::DetailsLoader details(from);
    for (;;) {
        if (!exec(read,
                  QStringLiteral("SELECT %1 FROM requests r WHERE r.rid > ? ORDER BY r.rid LIMIT ?")
                      .arg(LedgerRows::requestColumns()),
                  { progress.value("last_rid").toInteger(), kBatchSize }, &error)) {
            return fail(error);
        }
        QList<RequestRecord> batch;
        QList<qint64> rids;
        QStringList toolsHashes;
        while (read.next()) {
            qint64 rid = 0;
            QString toolsHash;
            batch << LedgerRows::readRequest(read, &rid, &toolsHash);
            rids << rid;
            toolsHashes << toolsHash;
        }
        read.finish();
        if (batch.isEmpty()) {
            break;
        }
        for (int i = 0; i < batch.size(); ++i) {
            // With its tools, which the row writer stores (once) under the same hash.
            if (!details.load(rids[i], &batch[i], toolsHashes[i])) {
                return fail(details.errorString());
            }
        }
        const qint64 lastRid = rids.last();
        if (!LedgerConnection::exec(to, dialect.beginWrite(), &error)) {
            return fail(error);
        }
        QList<bool> inserted; // a request copied by an interrupted run is skipped by its uuid
        if (!rows.writeRequests(to, batch, &inserted, &error)) {
            return fail(error);
        }
        progress.insert("last_rid", lastRid);
        progress.insert("copied", progress.value("copied").toInteger() + batch.size());
        if (!setMeta(to, key, QString::fromUtf8(QJsonDocument(progress).toJson(QJsonDocument::Compact)), &error)
            || !LedgerConnection::exec(to, QStringLiteral("COMMIT"), &error)) {
            return fail(error);
        }
        report->copiedRequests += batch.size();
        if (m_progress) {
            m_progress(progress.value("copied").toInteger(), report->source.requests);
        }
    }

    for (const char* step : { "votes", "evaluations", "rollups", "batch_jobs", "cooldowns" }) {
        if (progress.value(QLatin1String(step)).toBool()) {
            continue;
        }
        if (!LedgerConnection::exec(to, dialect.beginWrite(), &error)) {
            return fail(error);
        }
        if (qstrcmp(step, "votes") == 0) {
            QSqlQuery votes(from);
            if (!exec(votes, QStringLiteral("SELECT compare_group, winner_model, tie, at FROM votes ORDER BY id"), {},
                      &error)) {
                return fail(error);
            }
            while (votes.next()) {
                const VoteRecord vote { votes.value(0).toString(), votes.value(1).toString(),
                                        votes.value(2).toLongLong() != 0, LedgerRows::fromMs(votes.value(3)) };
                if (!rows.writeVote(vote, &error)) {
                    return fail(error);
                }
            }
        } else if (qstrcmp(step, "evaluations") == 0) {
            if (!copyEvaluations(from, to, &error)) {
                return fail(error);
            }
        } else if (qstrcmp(step, "rollups") == 0) {
            if (!copyRollups(from, to, &error)) {
                return fail(error);
            }
        } else if (!copyTable(from, to, QLatin1String(step), &error)) {
            return fail(error);
        }
        progress.insert(QLatin1String(step), true);
        if (!setMeta(to, key, QString::fromUtf8(QJsonDocument(progress).toJson(QJsonDocument::Compact)), &error)
            || !LedgerConnection::exec(to, QStringLiteral("COMMIT"), &error)) {
            return fail(error);
        }
    }

    Figures now;
    if (!readFigures(to, &now, &error)) {
        return fail(error);
    }
    report->added = minus(now, fromJson(progress.value("before").toObject()));
    if (!countPresent(from, to, QStringLiteral("batch_jobs"), &report->added.batchJobs, &error)
        || !countPresent(from, to, QStringLiteral("cooldowns"), &report->added.cooldowns, &error)) {
        return fail(error);
    }
    report->verified = report->added == report->source;
    if (!report->verified) {
        m_error = tr("The copy does not match the source: %1 requests, %2 attempts, %3 failovers, %4 votes and $%5 "
                     "in the source; %6, %7, %8, %9 and $%10 added to the target. Was the target written by "
                     "something else meanwhile?")
                      .arg(report->source.requests)
                      .arg(report->source.attempts)
                      .arg(report->source.failovers)
                      .arg(report->source.votes)
                      .arg(report->source.costUsd, 0, 'f', 6)
                      .arg(report->added.requests)
                      .arg(report->added.attempts)
                      .arg(report->added.failovers)
                      .arg(report->added.votes)
                      .arg(report->added.costUsd, 0, 'f', 6)
            + u' '
            + tr("Evaluations: %1 with %2 cells in the source, %3 with %4 cells added.")
                  .arg(report->source.evaluations)
                  .arg(report->source.evaluationCells)
                  .arg(report->added.evaluations)
                  .arg(report->added.evaluationCells)
            + u' '
            + tr("Batch jobs: %1 in the source, %2 of them in the target. Cooldowns: %3 in the source, %4 of them"
                 " in the target. Failovers counted by the daily summaries: %5 in the source, %6 added.")
                  .arg(report->source.batchJobs)
                  .arg(report->added.batchJobs)
                  .arg(report->source.cooldowns)
                  .arg(report->added.cooldowns)
                  .arg(report->source.rollupFailovers)
                  .arg(report->added.rollupFailovers);
        return false;
    }
    return true;
}
