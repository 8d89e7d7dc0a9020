#include "core/ledger/LedgerRollup.h"

#include "core/common/FailureClass.h"
#include "core/ledger/LedgerDialect.h"
#include "core/ledger/PostgresCopy.h"

#include <QCoreApplication>

namespace {
// Order matches Totals::counts, then cost_usd.
const QStringList kCounters = { "requests",
                                "failures",
                                "failed_over",
                                "cached_answers",
                                "estimated_usage",
                                "estimated_cost",
                                "prompt_tokens",
                                "completion_tokens",
                                "cached_tokens",
                                "reasoning_tokens",
                                "unpriced",
                                "priced_prompt_tokens",
                                "priced_completion_tokens",
                                "priced_cached_tokens" };
enum Counter
{
    Requests,
    Failures,
    FailedOver,
    CachedAnswers,
    EstimatedUsage,
    EstimatedCost,
    PromptTokens,
    CompletionTokens,
    CachedTokens,
    ReasoningTokens,
    Unpriced,
    PricedPrompt,
    PricedCompletion,
    PricedCached,
};

QStringList numbered(const QString& prefix)
{
    QStringList names;
    for (int i = 0; i < LatencyHistogram::kBuckets; ++i) {
        names << prefix + QString::number(i);
    }
    return names;
}

QString keyColumns(LedgerRollup::Grain grain, bool uptime)
{
    const QString t = LedgerRollup::timeColumn(grain);
    return uptime ? t + QStringLiteral(", provider, model, tier, source")
                  : t + QStringLiteral(", model, provider, tier, source");
}

QString createSql(const QString& table, const QString& keys, const QStringList& values, const QString& type)
{
    QStringList columns;
    for (const QString& key : keys.split(QStringLiteral(", "))) {
        columns << key + (columns.isEmpty() ? QStringLiteral(" INTEGER NOT NULL") : QStringLiteral(" TEXT NOT NULL"));
    }
    for (const QString& value : values) {
        columns << QStringLiteral("%1 %2 NOT NULL DEFAULT 0").arg(value, value == "cost_usd" ? "REAL" : type);
    }
    return QStringLiteral("CREATE TABLE %1(%2, PRIMARY KEY(%3)) WITHOUT ROWID")
        .arg(table, columns.join(QStringLiteral(", ")), keys);
}

QString upsertSql(const QString& table, const QString& keys, const QStringList& values)
{
    const int count = int(keys.count(u',')) + 1 + int(values.size());
    QStringList updates;
    for (const QString& column : values) {
        // Qualified: PostgreSQL finds a bare column ambiguous between the row and `excluded`.
        updates << QStringLiteral("%1=%2.%1+excluded.%1").arg(column, table);
    }
    return QStringLiteral("INSERT INTO %1(%2, %3) VALUES(%4) ON CONFLICT(%2) DO UPDATE SET %5")
        .arg(table, keys, values.join(QStringLiteral(", ")), QStringList(count, QStringLiteral("?")).join(u','),
             updates.join(u','));
}
// The columns of an upsert as PostgreSQL array literals, one per column, filled row by row.
class ArrayColumns
{
public:
    explicit ArrayColumns(int columns)
        : m_columns(columns, QByteArray("{"))
    {
    }
    void add(int column, qint64 value) { append(column, QByteArray::number(value)); }
    void add(int column, double value) { append(column, QByteArray::number(value, 'g', 17)); }
    void add(int column, const QString& text) { append(column, PostgresCopy::arrayElement(text)); }
    bool isEmpty() const { return m_columns.isEmpty() || m_columns[0].size() == 1; }
    QList<QByteArray> literals() const
    {
        QList<QByteArray> out;
        for (const QByteArray& column : m_columns) {
            out << column + '}';
        }
        return out;
    }

private:
    void append(int column, const QByteArray& value)
    {
        QByteArray& out = m_columns[column];
        if (out.size() > 1) {
            out += ',';
        }
        out += value;
    }
    QList<QByteArray> m_columns;
};

// INSERT INTO table SELECT * FROM unnest($1::bigint[], ...) ON CONFLICT(keys) DO UPDATE: keys are
// a time and four texts, values bigint but cost_usd.
QByteArray upsertArraysSql(const QString& table, const QString& keys, const QStringList& values)
{
    QStringList arrays;
    int n = 0;
    for (int key = 0; key <= keys.count(u','); ++key) {
        arrays << QStringLiteral("$%1::%2[]").arg(++n).arg(key == 0 ? "bigint" : "text");
    }
    QStringList updates;
    for (const QString& value : values) {
        arrays << QStringLiteral("$%1::%2[]").arg(++n).arg(value == QLatin1String("cost_usd") ? "float8" : "bigint");
        updates << QStringLiteral("%1=%2.%1+excluded.%1").arg(value, table);
    }
    return QStringLiteral("INSERT INTO %1(%2, %3) SELECT * FROM unnest(%4) ON CONFLICT(%2) DO UPDATE SET %5")
        .arg(table, keys, values.join(QStringLiteral(", ")), arrays.join(QStringLiteral(", ")), updates.join(u','))
        .toUtf8();
}
} // namespace

struct LedgerRollup::Statements
{
    LedgerStatement rollup[2];
    LedgerStatement latency[2];
    LedgerStatement uptime[2];
    LedgerStatement failover[2];
};

size_t qHash(const LedgerRollup::Key& key, size_t seed)
{
    return qHashMulti(seed, key.t, key.model, key.provider, key.tier, key.source);
}

size_t qHash(const LedgerRollup::FailoverKey& key, size_t seed)
{
    return qHashMulti(seed, key.t, key.fromModel, key.toModel, key.failureClass, key.provider, key.tier, key.source);
}

LedgerRollup::LedgerRollup() = default;
LedgerRollup::~LedgerRollup() = default;

qint64 LedgerRollup::hourOf(const QDateTime& at)
{
    const qint64 secs = at.toSecsSinceEpoch();
    return secs - ((secs % 3600) + 3600) % 3600;
}

qint64 LedgerRollup::dayOf(qint64 secs)
{
    return secs - ((secs % 86400) + 86400) % 86400;
}

QString LedgerRollup::table(const QString& family, Grain grain)
{
    return family + (grain == Hourly ? QStringLiteral("_hourly") : QStringLiteral("_daily"));
}

QString LedgerRollup::timeColumn(Grain grain)
{
    return grain == Hourly ? QStringLiteral("hour") : QStringLiteral("day");
}

QStringList LedgerRollup::counterColumns()
{
    return kCounters + QStringList { QStringLiteral("cost_usd") };
}

QStringList LedgerRollup::latencyColumns()
{
    return numbered(QStringLiteral("lat_"));
}

QStringList LedgerRollup::ttftColumns()
{
    return numbered(QStringLiteral("ttft_"));
}

QStringList LedgerRollup::createTablesSql()
{
    QStringList sql;
    for (Grain grain : { Hourly, Daily }) {
        sql << createSql(table("rollup", grain), keyColumns(grain, false), counterColumns(), "INTEGER")
            << createSql(table("latency", grain), keyColumns(grain, false), latencyColumns() + ttftColumns(), "INTEGER")
            << createSql(table("uptime", grain), keyColumns(grain, true), { "attempts", "provider_faults" }, "INTEGER");
    }
    return sql;
}

QStringList LedgerRollup::failoverKeyColumns()
{
    return { QStringLiteral("from_model"), QStringLiteral("to_model"), QStringLiteral("failure_class"),
             QStringLiteral("provider"),   QStringLiteral("tier"),     QStringLiteral("source") };
}

QString LedgerRollup::failoverCountColumn()
{
    return QStringLiteral("failovers");
}

namespace {
QString failoverKeys(LedgerRollup::Grain grain)
{
    return (QStringList { LedgerRollup::timeColumn(grain) } + LedgerRollup::failoverKeyColumns())
        .join(QStringLiteral(", "));
}
} // namespace

QStringList LedgerRollup::createFailoverTablesSql()
{
    QStringList sql;
    for (Grain grain : { Hourly, Daily }) {
        sql << createSql(table("failover", grain), failoverKeys(grain), { failoverCountColumn() }, "INTEGER");
    }
    return sql;
}

QStringList LedgerRollup::backfillFailoversSql()
{
    // A failover's hour as LedgerRollup::add() takes it (the row holds the failover's time, or
    // its request's when it had none); the daily table sums the hourly one.
    return {
        QStringLiteral("INSERT INTO failover_hourly(%1, failovers) SELECT (f.at / 3600000) * 3600, f.from_model,"
                       " f.to_model, f.failure_class, r.final_provider, r.tier, r.source, COUNT(*)"
                       " FROM failovers f JOIN requests r ON r.rid = f.request_rid GROUP BY 1, 2, 3, 4, 5, 6, 7")
            .arg(failoverKeys(Hourly)),
        QStringLiteral("INSERT INTO failover_daily(%1, failovers) SELECT (hour / 86400) * 86400, %2, SUM(failovers)"
                       " FROM failover_hourly GROUP BY 1, 2, 3, 4, 5, 6, 7")
            .arg(failoverKeys(Daily), failoverKeyColumns().join(QStringLiteral(", "))),
    };
}

void LedgerRollup::add(const RequestRecord& record)
{
    const qint64 hour = hourOf(record.startedAt);
    const QString source = RequestSources::id(record.source);
    Totals& totals = m_requests[Key { hour, record.finalModel, record.finalProvider, record.tier, source }];
    auto& c = totals.counts;
    c[Requests] += 1;
    c[Failures] += record.status == RequestStatus::Failed ? 1 : 0;
    c[FailedOver] += record.failovers.isEmpty() ? 0 : 1;
    c[CachedAnswers] += record.cachedAnswer ? 1 : 0;
    c[EstimatedUsage] += record.usage.estimated ? 1 : 0;
    c[EstimatedCost] += record.costUsd && record.costEstimated ? 1 : 0;
    c[PromptTokens] += record.usage.promptTokens;
    c[CompletionTokens] += record.usage.completionTokens;
    c[CachedTokens] += record.usage.cachedTokens;
    c[ReasoningTokens] += record.usage.reasoningTokens;
    if (record.costUsd) {
        totals.costUsd += *record.costUsd;
        c[PricedPrompt] += record.usage.promptTokens;
        c[PricedCompletion] += record.usage.completionTokens;
        c[PricedCached] += record.usage.cachedTokens;
    } else {
        c[Unpriced] += 1;
    }
    // Latency percentiles describe answered calls; cached answers would drag them to zero.
    if (record.status == RequestStatus::Ok && !record.cachedAnswer) {
        totals.latency[size_t(LatencyHistogram::bucketFor(record.latencyMs))] += 1;
        if (record.ttftMs >= 0) {
            totals.ttft[size_t(LatencyHistogram::bucketFor(record.ttftMs))] += 1;
        }
    }

    for (const AttemptRecord& attempt : record.attempts) {
        // Cancelled and hedge-lost attempts say nothing about the provider's health.
        const bool failed = attempt.outcome == AttemptOutcome::Failed;
        if (!failed && attempt.outcome != AttemptOutcome::Ok) {
            continue;
        }
        const qint64 attemptHour = attempt.startedAt.isValid() ? hourOf(attempt.startedAt) : hour;
        AttemptTotals& counts
            = m_attempts[Key { attemptHour, attempt.modelId, attempt.providerId, record.tier, source }];
        counts.attempts += 1;
        if (failed && FailureClasses::isProviderFault(FailureClasses::fromId(attempt.failureClass))) {
            counts.providerFaults += 1;
        }
    }

    if (!m_countsFailovers) {
        return;
    }
    for (const FailoverRecord& failover : record.failovers) {
        // The time the failovers row gets (LedgerRowWriter): its own, else its request's.
        const qint64 failoverHour = failover.at.isValid() ? hourOf(failover.at) : hour;
        m_failovers[FailoverKey { failoverHour, failover.fromModel, failover.toModel, failover.failureClass,
                                  record.finalProvider, record.tier, source }]
            += 1;
    }
}

void LedgerRollup::clear()
{
    m_requests.clear();
    m_attempts.clear();
    m_failovers.clear();
}

bool LedgerRollup::write(const QSqlDatabase& db, QString* error)
{
    const bool arrays = LedgerDialect::of(db).isPostgres();
    if (!arrays && !m_statements) {
        auto statements = std::make_unique<Statements>();
        for (Grain grain : { Hourly, Daily }) {
            const bool ok = statements->rollup[grain].prepare(
                                db, upsertSql(table("rollup", grain), keyColumns(grain, false), counterColumns()))
                && statements->latency[grain].prepare(
                    db, upsertSql(table("latency", grain), keyColumns(grain, false), latencyColumns() + ttftColumns()))
                && statements->uptime[grain].prepare(
                    db, upsertSql(table("uptime", grain), keyColumns(grain, true), { "attempts", "provider_faults" }))
                && statements->failover[grain].prepare(
                    db, upsertSql(table("failover", grain), failoverKeys(grain), { failoverCountColumn() }));
            if (!ok) {
                *error = statements->rollup[grain].errorString() + statements->latency[grain].errorString()
                    + statements->uptime[grain].errorString() + statements->failover[grain].errorString();
                return false;
            }
        }
        m_statements = std::move(statements);
    }
    QHash<Key, Totals> dailyRequests;
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        Key day = it.key();
        day.t = dayOf(day.t);
        Totals& sum = dailyRequests[day];
        for (size_t i = 0; i < sum.counts.size(); ++i) {
            sum.counts[i] += it->counts[i];
        }
        sum.costUsd += it->costUsd;
        for (size_t i = 0; i < sum.latency.size(); ++i) {
            sum.latency[i] += it->latency[i];
            sum.ttft[i] += it->ttft[i];
        }
    }
    QHash<Key, AttemptTotals> dailyAttempts;
    for (auto it = m_attempts.cbegin(); it != m_attempts.cend(); ++it) {
        Key day = it.key();
        day.t = dayOf(day.t);
        dailyAttempts[day].attempts += it->attempts;
        dailyAttempts[day].providerFaults += it->providerFaults;
    }
    QHash<FailoverKey, qint64> dailyFailovers;
    for (auto it = m_failovers.cbegin(); it != m_failovers.cend(); ++it) {
        FailoverKey day = it.key();
        day.t = dayOf(day.t);
        dailyFailovers[day] += *it;
    }
    const bool ok = arrays
        ? writeGrainArrays(db, Hourly, m_requests, m_attempts, error)
            && writeGrainArrays(db, Daily, dailyRequests, dailyAttempts, error)
        : writeGrain(Hourly, m_requests, m_attempts, error) && writeGrain(Daily, dailyRequests, dailyAttempts, error);
    return ok && writeFailovers(db, Hourly, m_failovers, error) && writeFailovers(db, Daily, dailyFailovers, error);
}

bool LedgerRollup::writeFailovers(const QSqlDatabase& db, Grain grain, const QHash<FailoverKey, qint64>& failovers,
                                  QString* error)
{
    if (failovers.isEmpty()) {
        return true;
    }
    if (LedgerDialect::of(db).isPostgres()) { // one upsert from array parameters
        pg_conn* connection = PostgresCopy::connection(db);
        if (!connection) {
            *error = QCoreApplication::translate(
                "Ledger", "The ledger's connection gives no PostgreSQL handle to copy rows with.");
            return false;
        }
        ArrayColumns columns(8);
        for (auto it = failovers.cbegin(); it != failovers.cend(); ++it) {
            const FailoverKey& key = it.key();
            columns.add(0, key.t);
            int index = 1;
            for (const QString* text :
                 { &key.fromModel, &key.toModel, &key.failureClass, &key.provider, &key.tier, &key.source }) {
                columns.add(index++, *text);
            }
            columns.add(7, *it);
        }
        return PostgresCopy::exec(
            connection, upsertArraysSql(table("failover", grain), failoverKeys(grain), { failoverCountColumn() }),
            columns.literals(), error);
    }
    LedgerStatement& upsert = m_statements->failover[grain];
    for (auto it = failovers.cbegin(); it != failovers.cend(); ++it) {
        const FailoverKey& key = it.key();
        upsert.bind(1, key.t);
        int index = 2;
        for (const QString* text :
             { &key.fromModel, &key.toModel, &key.failureClass, &key.provider, &key.tier, &key.source }) {
            upsert.bind(index++, *text);
        }
        upsert.bind(8, *it);
        if (!upsert.exec()) {
            *error = upsert.errorString();
            return false;
        }
    }
    return true;
}

bool LedgerRollup::writeGrainArrays(const QSqlDatabase& db, Grain grain, const QHash<Key, Totals>& requests,
                                    const QHash<Key, AttemptTotals>& attempts, QString* error)
{
    pg_conn* connection = PostgresCopy::connection(db);
    if (!connection) {
        *error = QCoreApplication::translate("Ledger",
                                             "The ledger's connection gives no PostgreSQL handle to copy rows with.");
        return false;
    }
    const QStringList latencyValues = latencyColumns() + ttftColumns();
    ArrayColumns rollup(5 + int(counterColumns().size()));
    ArrayColumns latency(5 + int(latencyValues.size()));
    for (auto it = requests.cbegin(); it != requests.cend(); ++it) {
        const Key& key = it.key();
        const bool answered = LatencyHistogram::total(it->latency) != 0;
        for (ArrayColumns* columns : { &rollup, &latency }) {
            if (columns == &latency && !answered) {
                continue; // nothing answered under this key: no latency row needed
            }
            columns->add(0, key.t);
            columns->add(1, key.model);
            columns->add(2, key.provider);
            columns->add(3, key.tier);
            columns->add(4, key.source);
        }
        int index = 5;
        for (qint64 value : it->counts) {
            rollup.add(index++, value);
        }
        rollup.add(index, it->costUsd);
        if (answered) {
            index = 5;
            for (qint64 value : it->latency) {
                latency.add(index++, value);
            }
            for (qint64 value : it->ttft) {
                latency.add(index++, value);
            }
        }
    }
    ArrayColumns uptime(7);
    for (auto it = attempts.cbegin(); it != attempts.cend(); ++it) {
        const Key& key = it.key();
        uptime.add(0, key.t);
        uptime.add(1, key.provider);
        uptime.add(2, key.model);
        uptime.add(3, key.tier);
        uptime.add(4, key.source);
        uptime.add(5, it->attempts);
        uptime.add(6, it->providerFaults);
    }
    const auto upsert
        = [&](const ArrayColumns& columns, const QString& family, bool uptimeKeys, const QStringList& values) {
              return columns.isEmpty()
                  || PostgresCopy::exec(connection,
                                        upsertArraysSql(table(family, grain), keyColumns(grain, uptimeKeys), values),
                                        columns.literals(), error);
          };
    return upsert(rollup, QStringLiteral("rollup"), false, counterColumns())
        && upsert(latency, QStringLiteral("latency"), false, latencyValues)
        && upsert(uptime, QStringLiteral("uptime"), true,
                  { QStringLiteral("attempts"), QStringLiteral("provider_faults") });
}

bool LedgerRollup::writeGrain(Grain grain, const QHash<Key, Totals>& requests,
                              const QHash<Key, AttemptTotals>& attempts, QString* error)
{
    LedgerStatement& rollup = m_statements->rollup[grain];
    LedgerStatement& latency = m_statements->latency[grain];
    LedgerStatement& uptime = m_statements->uptime[grain];
    for (auto it = requests.cbegin(); it != requests.cend(); ++it) {
        const Key& key = it.key();
        for (LedgerStatement* statement : { &rollup, &latency }) {
            statement->bind(1, key.t);
            statement->bind(2, key.model);
            statement->bind(3, key.provider);
            statement->bind(4, key.tier);
            statement->bind(5, key.source);
        }
        int index = 6;
        for (qint64 value : it->counts) {
            rollup.bind(index++, value);
        }
        rollup.bind(index, it->costUsd);
        if (!rollup.exec()) {
            *error = rollup.errorString();
            return false;
        }
        if (LatencyHistogram::total(it->latency) == 0) {
            continue; // nothing answered under this key: no latency row needed
        }
        index = 6;
        for (qint64 value : it->latency) {
            latency.bind(index++, value);
        }
        for (qint64 value : it->ttft) {
            latency.bind(index++, value);
        }
        if (!latency.exec()) {
            *error = latency.errorString();
            return false;
        }
    }
    for (auto it = attempts.cbegin(); it != attempts.cend(); ++it) {
        const Key& key = it.key();
        uptime.bind(1, key.t);
        uptime.bind(2, key.provider);
        uptime.bind(3, key.model);
        uptime.bind(4, key.tier);
        uptime.bind(5, key.source);
        uptime.bind(6, it->attempts);
        uptime.bind(7, it->providerFaults);
        if (!uptime.exec()) {
            *error = uptime.errorString();
            return false;
        }
    }
    return true;
}
