#include "core/ledger/SharedBudget.h"

#include "core/ledger/LedgerConnection.h"
#include "core/ledger/LedgerDialect.h"

#include "core/common/Clock.h"
#include "core/common/Money.h"

#include <QCoreApplication>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

namespace {
// What the writer's epsilon is for limits: a cent's millionth, so sums of doubles compare fairly.
constexpr double kEpsilonUsd = 1e-9;

// The lines a batch job's hold carries besides its scope keys (which look like "global/day@...").
const QString kBatchTag = QStringLiteral("batch:"); // + the job's id, empty until the provider gave one
const QString kBatchPattern = QStringLiteral("%batch:%"); // LIKE: a batch job's hold
const QString kBatchProviderTag = QStringLiteral("batch-provider:"); // + the provider's id

bool run(QSqlQuery& query, const QString& sql, const QVariantList& binds, QString* error)
{
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return false;
    }
    for (int i = 0; i < binds.size(); ++i) {
        query.bindValue(i, binds[i]);
    }
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}
} // namespace

SharedBudget::SharedBudget(const QString& location)
    : m_location(location)
{
}

SharedBudget::~SharedBudget() = default;

bool SharedBudget::connect(QString* error)
{
    if (m_connection && m_connection->isOpen() && !m_broken) {
        return true;
    }
    m_broken = false;
    m_connection.reset(); // no query of it is alive here
    m_connection = std::make_unique<LedgerConnection>(m_location, QStringLiteral("budget"));
    if (!m_connection->open(5000, error)) {
        m_connection.reset();
        return false;
    }
    return true;
}

void SharedBudget::disconnect()
{
    // Closed when next asked: queries of the connection may still be alive in the caller.
    m_broken = true;
}

SharedBudget::Hold SharedBudget::reserve(QList<Scope> scopes, double amountUsd)
{
    return reserveTagged(std::move(scopes), amountUsd, {}, QDateTime::currentMSecsSinceEpoch());
}

SharedBudget::Hold SharedBudget::reserveTagged(QList<Scope> scopes, double amountUsd, const QStringList& tags,
                                               qint64 createdAtMs)
{
    Hold hold;
    if (!connect(&hold.error)) {
        return hold;
    }
    // One order for every process: two reservations lock the same rows in the same order.
    std::sort(scopes.begin(), scopes.end(), [](const Scope& a, const Scope& b) { return a.key < b.key; });
    const QSqlDatabase db = m_connection->database();
    const LedgerDialect dialect = LedgerDialect::of(db);
    const QString forUpdate = dialect.isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
    QSqlQuery query(db);
    QString& error = hold.error;
    auto fail = [&] {
        LedgerConnection::exec(db, QStringLiteral("ROLLBACK"), nullptr);
        if (!error.isEmpty() && dialect.isPostgres()) {
            disconnect(); // the server may be gone: connect anew next time
        }
        return hold;
    };
    if (!LedgerConnection::exec(db, dialect.beginWrite(), &error)) {
        return fail();
    }
    for (const Scope& scope : std::as_const(scopes)) {
        const QString select
            = QStringLiteral("SELECT spent_usd, held_usd FROM budget_periods WHERE scope = ?") + forUpdate;
        if (!run(query, select, { scope.key }, &error)) {
            return fail();
        }
        if (!query.next()) {
            // The period's first hold anywhere: it starts from what the ledger holds for it.
            QString provider;
            QVariantList binds { scope.key, scope.from.toMSecsSinceEpoch(), scope.until.toMSecsSinceEpoch() };
            if (!scope.providerId.isEmpty()) {
                provider += QStringLiteral(" AND final_provider = ?");
                binds << scope.providerId;
            }
            if (!scope.clientKeyId.isEmpty()) {
                provider += QStringLiteral(" AND client_key = ?");
                binds << scope.clientKeyId;
            }
            if (!run(query,
                     QStringLiteral("INSERT INTO budget_periods(scope, spent_usd, held_usd) SELECT ?,"
                                    " COALESCE(SUM(cost_usd), 0), 0 FROM requests WHERE started_at >= ?"
                                    " AND started_at < ?%1 ON CONFLICT(scope) DO NOTHING")
                         .arg(provider),
                     binds, &error)
                || !run(query, select, { scope.key }, &error)) {
                return fail();
            }
            if (!query.next()) {
                error = QStringLiteral("budget period %1 vanished").arg(scope.key);
                return fail();
            }
        }
        const double spent = query.value(0).toDouble();
        const double held = query.value(1).toDouble();
        query.finish();
        if (spent + held + amountUsd > scope.limitUsd + kEpsilonUsd) {
            hold.refusal = QCoreApplication::translate("SharedBudget",
                                                       "%1 of the team's budget are spent or held, the limit is %2")
                               .arg(Money::format(spent + held), Money::format(scope.limitUsd));
            error.clear();
            return fail();
        }
        if (!run(query, QStringLiteral("UPDATE budget_periods SET held_usd = held_usd + ? WHERE scope = ?"),
                 { amountUsd, scope.key }, &error)) {
            return fail();
        }
        hold.remainingUsd.insert(scope.key, scope.limitUsd - spent - held - amountUsd);
    }
    QStringList keys;
    for (const Scope& scope : std::as_const(scopes)) {
        keys << scope.key;
    }
    keys << tags; // no scope has such a key: settle() and expireHolds() update no period for them
    if (!run(query,
             QStringLiteral("INSERT INTO budget_holds(scopes, amount_usd, created_at) VALUES(?, ?, ?)%1")
                 .arg(dialect.returningId(QStringLiteral("id"))),
             { keys.join(u'\n'), amountUsd, createdAtMs }, &error)) {
        return fail();
    }
    hold.id
        = dialect.isPostgres() ? (query.next() ? query.value(0).toLongLong() : 0) : query.lastInsertId().toLongLong();
    query.finish();
    if (hold.id == 0 || !LedgerConnection::exec(db, QStringLiteral("COMMIT"), &error)) {
        return fail();
    }
    hold.ok = true;
    return hold;
}

SharedBudget::Hold SharedBudget::reserveBatch(QList<Scope> scopes, double amountUsd, const QString& providerId,
                                              const QDateTime& at)
{
    return reserveTagged(std::move(scopes), amountUsd, { kBatchTag, kBatchProviderTag + providerId },
                         at.toMSecsSinceEpoch());
}

std::optional<QList<std::pair<qint64, QStringList>>> SharedBudget::batchHolds(QString* error)
{
    if (!connect(error)) {
        return std::nullopt;
    }
    QSqlQuery query(m_connection->database());
    if (!run(query, QStringLiteral("SELECT id, scopes FROM budget_holds WHERE scopes LIKE ?"), { kBatchPattern },
             error)) {
        disconnect();
        return std::nullopt;
    }
    QList<std::pair<qint64, QStringList>> holds;
    while (query.next()) {
        holds.append({ query.value(0).toLongLong(), query.value(1).toString().split(u'\n') });
    }
    return holds;
}

bool SharedBudget::nameBatch(qint64 holdId, const QString& jobId, QString* errorOut)
{
    QString error;
    const auto holds = batchHolds(&error);
    bool ok = holds.has_value();
    for (const auto& [id, lines] : holds.value_or(QList<std::pair<qint64, QStringList>> {})) {
        if (id != holdId) {
            continue;
        }
        QStringList named = lines;
        named.replace(named.indexOf(kBatchTag), kBatchTag + jobId);
        QSqlQuery query(m_connection->database());
        ok = run(query, QStringLiteral("UPDATE budget_holds SET scopes = ? WHERE id = ?"),
                 { named.join(u'\n'), holdId }, &error);
        if (!ok) {
            disconnect();
        }
        break;
    }
    if (!ok && errorOut) {
        *errorOut = error;
    }
    return ok;
}

bool SharedBudget::settleBatch(const QString& jobId, double actualUsd, QString* errorOut)
{
    QString error;
    const auto holds = batchHolds(&error);
    if (!holds) {
        if (errorOut) {
            *errorOut = error;
        }
        return false;
    }
    for (const auto& [id, lines] : *holds) {
        if (lines.contains(kBatchTag + jobId)) {
            // One hold per job; settle() claims it, so two processes recording the results settle once.
            return settle(id, actualUsd, errorOut);
        }
    }
    return false;
}

std::optional<SharedBudget::BatchStanding> SharedBudget::batchStanding(const QString& providerId, const QDateTime& from,
                                                                       const QDateTime& until, QString* errorOut)
{
    QString error;
    auto fail = [&] {
        if (errorOut) {
            *errorOut = error;
        }
        return std::nullopt;
    };
    if (!connect(&error)) {
        return fail();
    }
    QSqlQuery query(m_connection->database());
    const qint64 untilMs = until.isValid() ? until.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    if (!run(query,
             QStringLiteral("SELECT scopes, amount_usd, created_at FROM budget_holds WHERE scopes LIKE ?"
                            " AND created_at >= ? AND created_at < ?"),
             { kBatchPattern, from.toMSecsSinceEpoch(), untilMs }, &error)) {
        disconnect();
        return fail();
    }
    const qint64 expiredBefore = Clock::instance().currentDateTimeUtc().addSecs(-kBatchHoldSecs).toMSecsSinceEpoch();
    BatchStanding standing;
    while (query.next()) {
        if (!providerId.isEmpty() && !query.value(0).toString().split(u'\n').contains(kBatchProviderTag + providerId)) {
            continue;
        }
        (query.value(2).toLongLong() < expiredBefore ? standing.expiredUsd : standing.heldUsd)
            += query.value(1).toDouble();
    }
    return standing;
}

std::optional<double> SharedBudget::batchHeld(const QString& providerId, const QDateTime& from, const QDateTime& until,
                                              QString* error)
{
    const std::optional<BatchStanding> standing = batchStanding(providerId, from, until, error);
    return standing ? std::optional<double>(standing->heldUsd) : std::nullopt;
}

bool SharedBudget::addSpent(const QHash<QString, double>& spentUsd, QString* errorOut)
{
    QString error;
    if (!connect(&error)) {
        if (errorOut) {
            *errorOut = error;
        }
        return false;
    }
    const QSqlDatabase db = m_connection->database();
    QSqlQuery query(db);
    bool ok = LedgerConnection::exec(db, LedgerDialect::of(db).beginWrite(), &error);
    for (auto it = spentUsd.cbegin(); ok && it != spentUsd.cend(); ++it) {
        ok = run(query, QStringLiteral("UPDATE budget_periods SET spent_usd = spent_usd + ? WHERE scope = ?"),
                 { it.value(), it.key() }, &error);
    }
    ok = ok && LedgerConnection::exec(db, QStringLiteral("COMMIT"), &error);
    if (!ok) {
        LedgerConnection::exec(db, QStringLiteral("ROLLBACK"), nullptr);
        disconnect();
        if (errorOut) {
            *errorOut = error;
        }
    }
    return ok;
}

bool SharedBudget::settle(qint64 holdId, double actualUsd, QString* errorOut)
{
    QString error;
    auto fail = [&](const QSqlDatabase& db) {
        LedgerConnection::exec(db, QStringLiteral("ROLLBACK"), nullptr);
        if (!error.isEmpty()) {
            disconnect();
        }
        if (errorOut) {
            *errorOut = error;
        }
        return false;
    };
    if (!connect(&error)) {
        if (errorOut) {
            *errorOut = error;
        }
        return false;
    }
    const QSqlDatabase db = m_connection->database();
    const LedgerDialect dialect = LedgerDialect::of(db);
    QSqlQuery query(db);
    // Deleting the hold first claims it: a second settle of the same hold finds nothing.
    if (!LedgerConnection::exec(db, dialect.beginWrite(), &error)
        || !run(query, QStringLiteral("DELETE FROM budget_holds WHERE id = ? RETURNING scopes, amount_usd"), { holdId },
                &error)) {
        return fail(db);
    }
    if (!query.next()) {
        error.clear();
        return fail(db); // settled already, or never held
    }
    QStringList keys = query.value(0).toString().split(u'\n', Qt::SkipEmptyParts);
    const double amount = query.value(1).toDouble();
    query.finish();
    keys.sort(); // the same lock order as reserve()
    for (const QString& key : std::as_const(keys)) {
        if (!run(query,
                 QStringLiteral("UPDATE budget_periods SET held_usd = held_usd - ?, spent_usd = spent_usd + ?"
                                " WHERE scope = ?"),
                 { amount, actualUsd, key }, &error)) {
            return fail(db);
        }
    }
    if (!LedgerConnection::exec(db, QStringLiteral("COMMIT"), &error)) {
        return fail(db);
    }
    return true;
}

bool SharedBudget::standing(const QString& key, double* spentUsd, double* heldUsd, QString* errorOut)
{
    QString error;
    if (!connect(&error)) {
        if (errorOut) {
            *errorOut = error;
        }
        return false;
    }
    QSqlQuery query(m_connection->database());
    if (!run(query, QStringLiteral("SELECT spent_usd, held_usd FROM budget_periods WHERE scope = ?"), { key },
             &error)) {
        if (errorOut) {
            *errorOut = error;
        }
        disconnect();
        return false;
    }
    const bool found = query.next();
    *spentUsd = found ? query.value(0).toDouble() : 0;
    *heldUsd = found ? query.value(1).toDouble() : 0;
    return true;
}

bool SharedBudget::ping(QString* error)
{
    if (!connect(error)) {
        return false;
    }
    QSqlQuery query(m_connection->database());
    if (!run(query, QStringLiteral("SELECT 1"), {}, error)) {
        disconnect();
        return false;
    }
    return true;
}

int SharedBudget::expireHolds(const QDateTime& before, QString* errorOut)
{
    QString error;
    if (!connect(&error)) {
        if (errorOut) {
            *errorOut = error;
        }
        return -1;
    }
    const QSqlDatabase db = m_connection->database();
    QSqlQuery query(db);
    // Deleting claims each stale hold once, whichever process expires it.
    if (!LedgerConnection::exec(db, LedgerDialect::of(db).beginWrite(), &error)
        || !run(
            query,
            QStringLiteral("DELETE FROM budget_holds WHERE created_at < ? AND (scopes NOT LIKE ? OR created_at < ?)"
                           " RETURNING scopes, amount_usd"),
            { before.toMSecsSinceEpoch(), kBatchPattern,
              std::min(before, Clock::instance().currentDateTimeUtc().addSecs(-kBatchHoldSecs)).toMSecsSinceEpoch() },
            &error)) {
        LedgerConnection::exec(db, QStringLiteral("ROLLBACK"), nullptr);
        disconnect();
        if (errorOut) {
            *errorOut = error;
        }
        return -1;
    }
    QMap<QString, double> held; // sorted: the same lock order as reserve()
    int expired = 0;
    while (query.next()) {
        const double amount = query.value(1).toDouble();
        for (const QString& key : query.value(0).toString().split(u'\n', Qt::SkipEmptyParts)) {
            held[key] += amount;
        }
        ++expired;
    }
    query.finish();
    bool ok = true;
    for (auto it = held.cbegin(); ok && it != held.cend(); ++it) {
        ok = run(query,
                 QStringLiteral("UPDATE budget_periods SET held_usd = held_usd - ?, spent_usd = spent_usd + ?"
                                " WHERE scope = ?"),
                 { it.value(), it.value(), it.key() }, &error);
    }
    if (!ok || !LedgerConnection::exec(db, QStringLiteral("COMMIT"), &error)) {
        LedgerConnection::exec(db, QStringLiteral("ROLLBACK"), nullptr);
        disconnect();
        if (errorOut) {
            *errorOut = error;
        }
        return -1;
    }
    return expired;
}
