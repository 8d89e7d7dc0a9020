#include "core/ledger/LedgerSchema.h"

#include "core/ledger/LedgerDialect.h"
#include "core/ledger/LedgerRollup.h"
#include "core/ledger/LedgerRows.h"
#include "core/ledger/LedgerStatement.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("LedgerSchema", text);
}

LedgerSchema::Result failure(const QSqlError& error)
{
    return LedgerSchema::classify(error);
}
} // namespace

LedgerSchema::Result LedgerSchema::classify(const QSqlError& error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    LedgerSchema::Result result;
    switch (code) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        result.error = LedgerOpenError::Locked;
        result.message = tr("The ledger file is locked by another program (%1).").arg(error.databaseText());
        break;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        result.error = LedgerOpenError::Damaged;
        result.message = tr("The ledger file is damaged or is not a database (%1).").arg(error.databaseText());
        break;
    default:
        result.error = LedgerOpenError::Io;
        result.message = tr("The ledger file cannot be used (%1).").arg(error.text());
        break;
    }
    return result;
}

namespace {
bool run(QSqlQuery& query, const QString& sql, LedgerSchema::Result* result)
{
    if (query.exec(sql)) {
        return true;
    }
    *result = failure(query.lastError());
    return false;
}

// Version stored in the file; 0 for an empty database, -1 for a database of something else.
int readVersion(QSqlQuery& query, const LedgerDialect& dialect, LedgerSchema::Result* result)
{
    if (!run(query, dialect.listTablesSql(), result)) {
        return -2;
    }
    QStringList tables;
    while (query.next()) {
        tables << query.value(0).toString();
    }
    if (tables.isEmpty()) {
        return 0;
    }
    if (!tables.contains(QStringLiteral("meta"))) {
        return -1;
    }
    if (!run(query, QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"), result)) {
        return -2;
    }
    bool ok = false;
    const int version = query.next() ? query.value(0).toString().toInt(&ok) : 0;
    return ok && version > 0 ? version : -1;
}

bool backfillRollups(const QSqlDatabase& db, LedgerSchema::Result* result)
{
    QSqlQuery requests(db);
    requests.setForwardOnly(LedgerDialect::of(db).nestsForwardOnlyReads());
    if (!run(requests, QStringLiteral("SELECT %1 FROM requests r ORDER BY r.rid").arg(LedgerRows::requestColumns()),
             result)) {
        return false;
    }
    LedgerRows::DetailsLoader details(db);
    LedgerRollup rollup;
    rollup.setCountsFailovers(false); // the v14 step counted them
    QString error;
    int pending = 0;
    while (requests.next()) {
        qint64 rid = 0;
        RequestRecord record = LedgerRows::readRequest(requests, &rid);
        details.load(rid, &record);
        rollup.add(record);
        if (++pending == 5000) {
            if (!rollup.write(db, &error)) {
                break;
            }
            rollup.clear();
            pending = 0;
        }
    }
    if (error.isEmpty() && rollup.write(db, &error)) {
        return true;
    }
    result->error = LedgerOpenError::Io;
    result->message = QCoreApplication::translate("LedgerSchema", "Cannot build the ledger summaries (%1).").arg(error);
    return false;
}
} // namespace

QStringList LedgerSchema::stepSql(int version)
{
    switch (version) {
    case 1:
        return {
            QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE requests(rid INTEGER PRIMARY KEY, uuid TEXT NOT NULL, started_at INTEGER NOT NULL,"
                " source TEXT NOT NULL, prompt TEXT NOT NULL, tier TEXT NOT NULL, rule TEXT NOT NULL,"
                " final_model TEXT NOT NULL, final_provider TEXT NOT NULL, status TEXT NOT NULL,"
                " ttft_ms INTEGER NOT NULL, latency_ms INTEGER NOT NULL, prompt_tokens INTEGER NOT NULL,"
                " completion_tokens INTEGER NOT NULL, cached_tokens INTEGER NOT NULL,"
                " reasoning_tokens INTEGER NOT NULL, usage_estimated INTEGER NOT NULL, cost_usd REAL,"
                " cost_estimated INTEGER NOT NULL, price_version INTEGER NOT NULL, cached_answer INTEGER NOT NULL,"
                " compare_group TEXT NOT NULL, failure_class TEXT NOT NULL, error_message TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX requests_started_at ON requests(started_at)"),
            QStringLiteral("CREATE TABLE attempts(request_rid INTEGER NOT NULL REFERENCES requests(rid) ON DELETE "
                           "CASCADE, seq INTEGER NOT NULL, model_id TEXT NOT NULL, provider_id TEXT NOT NULL,"
                           " started_at INTEGER, ended_at INTEGER, outcome TEXT NOT NULL,"
                           " failure_class TEXT NOT NULL, http_status INTEGER NOT NULL, message TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX attempts_request ON attempts(request_rid)"),
        };
    case 2:
        return {
            QStringLiteral("CREATE TABLE failovers(request_rid INTEGER NOT NULL REFERENCES requests(rid) ON DELETE "
                           "CASCADE, seq INTEGER NOT NULL, at INTEGER NOT NULL, from_model TEXT NOT NULL,"
                           " to_model TEXT NOT NULL, failure_class TEXT NOT NULL, message TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX failovers_request ON failovers(request_rid)"),
            QStringLiteral("CREATE TABLE votes(id INTEGER PRIMARY KEY, compare_group TEXT NOT NULL,"
                           " winner_model TEXT NOT NULL, tie INTEGER NOT NULL, at INTEGER NOT NULL)"),
        };
    case 3:
        return LedgerRollup::createTablesSql()
            + QStringList {
                  QStringLiteral("CREATE INDEX failovers_at ON failovers(at)"),
                  QStringLiteral("CREATE INDEX requests_compare_group ON requests(compare_group)"
                                 " WHERE compare_group <> ''"),
                  QStringLiteral("CREATE INDEX votes_compare_group ON votes(compare_group)"),
              };
    case 4:
        // Gateway client keys: whose request it was, for per-key spend, budgets and filters.
        return {
            QStringLiteral("ALTER TABLE requests ADD COLUMN client_key TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE INDEX requests_client_key ON requests(client_key, started_at)"
                           " WHERE client_key <> ''"),
        };
    case 5:
        // Every usage dimension a cost was computed from, so a row can be re-costed and checked
        // against an invoice. Older rows had none of them: 0 is what they were billed as.
        return {
            QStringLiteral("ALTER TABLE requests ADD COLUMN cache_write_5m_tokens INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE requests ADD COLUMN cache_write_1h_tokens INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE requests ADD COLUMN images INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE requests ADD COLUMN web_searches INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE requests ADD COLUMN batch INTEGER NOT NULL DEFAULT 0"),
        };
    case 6:
        // A learned rule's estimate and choice; NULL for requests no learned rule routed.
        return {
            QStringLiteral("ALTER TABLE requests ADD COLUMN learned_p_strong REAL"),
            QStringLiteral("ALTER TABLE requests ADD COLUMN learned_strong INTEGER"),
        };
    case 7:
        // What a workbench column answered, so a reopened run shows it and votes can be weighed per
        // model and settings. Older rows kept no answers: empty is what they have.
        return {
            QStringLiteral("ALTER TABLE requests ADD COLUMN answer TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE requests ADD COLUMN reasoning TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE requests ADD COLUMN tool_calls TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE requests ADD COLUMN settings TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE votes ADD COLUMN winner_settings TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE votes ADD COLUMN tag TEXT NOT NULL DEFAULT ''"),
        };
    case 8:
        // Budgets shared by every process on one database (SharedBudget): per scope and period
        // what was spent and what in-flight requests hold, and the holds themselves.
        return {
            QStringLiteral("CREATE TABLE budget_periods(scope TEXT PRIMARY KEY, spent_usd REAL NOT NULL,"
                           " held_usd REAL NOT NULL)"),
            QStringLiteral("CREATE TABLE budget_holds(id INTEGER PRIMARY KEY, scopes TEXT NOT NULL,"
                           " amount_usd REAL NOT NULL, created_at INTEGER NOT NULL)"),
        };
    case 9:
        // Batch evaluations (core/evaluation): the prompts, models and graders of each, and one row
        // per prompt x model. A cell names the ledger request of its call (and of its judge's), so
        // a resumed evaluation skips what was paid for; its cost is the request's as recorded.
        return {
            QStringLiteral("CREATE TABLE evaluations(id INTEGER PRIMARY KEY, created_at INTEGER NOT NULL,"
                           " name TEXT NOT NULL, prompts TEXT NOT NULL, models TEXT NOT NULL,"
                           " graders TEXT NOT NULL, state TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE evaluation_cells(evaluation_id INTEGER NOT NULL REFERENCES evaluations(id)"
                           " ON DELETE CASCADE, prompt_index INTEGER NOT NULL, prompt_id TEXT NOT NULL,"
                           " model TEXT NOT NULL, state TEXT NOT NULL, outcome TEXT NOT NULL, score REAL,"
                           " reason TEXT NOT NULL, answer TEXT NOT NULL, request_uuid TEXT NOT NULL,"
                           " judge_request_uuid TEXT NOT NULL, cost_usd REAL, judge_cost_usd REAL,"
                           " latency_ms INTEGER NOT NULL, error TEXT NOT NULL, updated_at INTEGER NOT NULL,"
                           " PRIMARY KEY(evaluation_id, prompt_index, model))"),
        };
    case 10:
        // What a workbench column's row needs to reopen as it was shown: the tools and tool_choice
        // it was sent, its earlier turns (answers, tool calls, results, the files each carried as
        // references) and this turn's files. A JSON document the workbench reads; '' for others.
        return {
            QStringLiteral("ALTER TABLE requests ADD COLUMN exchange TEXT NOT NULL DEFAULT ''"),
        };
    case 11:
        // One team configuration for every gateway and app on the database (TeamConfigStore):
        // each version whole, as the files hold it, with who pushed it from where and why.
        return {
            QStringLiteral("CREATE TABLE team_config(version INTEGER PRIMARY KEY, providers TEXT NOT NULL,"
                           " routing TEXT NOT NULL, client_keys TEXT NOT NULL, changed_by TEXT NOT NULL,"
                           " changed_on TEXT NOT NULL, changed_at INTEGER NOT NULL, note TEXT NOT NULL)"),
        };
    case 12:
        // The cooldowns announced on a PostgreSQL ledger (SharedCooldowns), each with its end by the
        // server's clock, so that a process that starts listening (or listens again) learns those
        // still in force, not only the ones announced after it.
        return {
            QStringLiteral("CREATE TABLE cooldowns(kind TEXT NOT NULL, id TEXT NOT NULL, until_ms INTEGER NOT NULL,"
                           " reason TEXT NOT NULL, PRIMARY KEY(kind, id))"),
        };
    case 13:
        // Provider batch jobs (core/batch): the provider's id of the job, the model and what each
        // request asked (custom_id -> prompt, for the rows), and when its results were recorded
        // (0: not yet). Recording claims the job with a conditional UPDATE first, so two processes
        // fetching the same results record them once.
        return {
            QStringLiteral("CREATE TABLE batch_jobs(id TEXT PRIMARY KEY, provider_id TEXT NOT NULL,"
                           " model_id TEXT NOT NULL, upstream_model TEXT NOT NULL, input_name TEXT NOT NULL,"
                           " prompts TEXT NOT NULL, request_count INTEGER NOT NULL, state TEXT NOT NULL,"
                           " submitted_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
                           " recorded_at INTEGER NOT NULL DEFAULT 0)"),
        };
    case 14:
        // Failovers per hour and per UTC day (LedgerRollup), for the failover chart: 90 days of a
        // 10M-request ledger held 300,000 raw failovers, which took 338 ms to count. Filled here
        // from the raw failovers, then kept by the writer in each batch's transaction.
        return LedgerRollup::createFailoverTablesSql() + LedgerRollup::backfillFailoversSql();
    case 15:
        // What a gateway, `ask` or `route` client sent besides its prompt, so that its rows replay
        // in an evaluation as they were asked: the system prompt and tool_choice in the row, the
        // tools once per distinct document (ToolDocument: an agent sends the same 20-40 KB on every
        // request), named by hash. The partial index finds the rows still naming a document when
        // retention deletes rows, and costs nothing to rows without tools. Older rows kept none.
        return {
            QStringLiteral("CREATE TABLE tool_documents(hash TEXT PRIMARY KEY, tools TEXT NOT NULL)"),
            QStringLiteral("ALTER TABLE requests ADD COLUMN system_prompt TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE requests ADD COLUMN tools_hash TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE requests ADD COLUMN tool_choice TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE INDEX requests_tools_hash ON requests(tools_hash) WHERE tools_hash <> ''"),
        };
    default:
        return {};
    }
}

LedgerSchema::Result LedgerSchema::prepare(const QSqlDatabase& db)
{
    Result result;
    QSqlQuery query(db);
    const LedgerDialect dialect = LedgerDialect::of(db);
    // Read-only checks first: a refused file must stay byte-identical.
    if (!dialect.isPostgres()) {
        if (!run(query, QStringLiteral("PRAGMA quick_check"), &result)) {
            return result;
        }
        const QString check = query.next() ? query.value(0).toString() : QString();
        if (check != QLatin1String("ok")) {
            return { LedgerOpenError::Damaged, tr("The ledger file is damaged (%1).").arg(check), 0 };
        }
    }
    int version = readVersion(query, dialect, &result);
    if (version == -2) {
        return result;
    }
    if (version == -1) {
        return { LedgerOpenError::NotALedger, tr("This file is a database, but not a Switchyard ledger."), 0 };
    }
    if (version > kVersion) {
        return { LedgerOpenError::NewerVersion,
                 tr("The ledger was written by a newer Switchyard (schema %1, this version reads up to %2)."
                    " Update Switchyard or choose another ledger file.")
                     .arg(version)
                     .arg(kVersion),
                 version };
    }
    result.fromVersion = version;

    if (!dialect.isPostgres()) {
        if (!run(query, QStringLiteral("PRAGMA journal_mode=WAL"), &result)) {
            return result;
        }
        const QString mode = query.next() ? query.value(0).toString() : QString();
        if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            return { LedgerOpenError::Io,
                     tr("The ledger cannot use write-ahead logging (journal mode is \"%1\").").arg(mode), version };
        }
    }
    // Taking the write lock now reports a locked file at open, not at the first write.
    if (!run(query, dialect.beginWrite(), &result)) {
        return result;
    }
    bool ok = true;
    for (const QString& sql : dialect.lockSchema()) {
        ok = ok && run(query, sql, &result);
    }
    // Another process may have upgraded the file between the check and the lock.
    version = ok ? readVersion(query, dialect, &result) : -2;
    ok = ok && version >= 0 && version <= kVersion;
    for (int step = version + 1; ok && step <= kVersion; ++step) {
        for (const QString& sql : stepSql(step)) {
            ok = ok && run(query, dialect.ddl(sql), &result);
        }
        for (const QString& sql : dialect.extraStepSql(step)) {
            ok = ok && run(query, sql, &result);
        }
        ok = ok
            && run(query,
                   QStringLiteral("INSERT INTO meta(key, value) VALUES('schema_version', '%1')"
                                  " ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                       .arg(step),
                   &result);
    }
    // The v3 rollups are backfilled from rows read with today's column list, so only once every
    // later column exists (same transaction: a failed backfill leaves the file as it was).
    if (ok && version > 0 && version < 3) {
        ok = backfillRollups(db, &result);
    }
    if (ok && run(query, QStringLiteral("COMMIT"), &result)) {
        result.fromVersion = version;
        return result;
    }
    if (result.ok()) {
        result = { LedgerOpenError::Io, tr("The ledger schema could not be upgraded."), version };
    }
    QSqlQuery rollback(db);
    rollback.exec(QStringLiteral("ROLLBACK"));
    return result;
}
