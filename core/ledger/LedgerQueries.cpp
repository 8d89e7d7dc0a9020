#include "core/ledger/LedgerQueries.h"

#include "core/ledger/LedgerQueriesSql.h"
#include "core/ledger/LedgerReader.h"
#include "core/ledger/LedgerStatement.h"
#include "core/ledger/SqlWhere.h"
#include "core/pricing/CostCalculator.h"

#include <QSet>
#include <QSqlQuery>

#include <limits>

using namespace LedgerQueriesSql;

LedgerQueries::LedgerQueries(const QString& path)
    : m_reader(std::make_unique<LedgerReader>(path))
    , m_history(*m_reader)
    , m_reliability(*m_reader)
    , m_primaries(*m_reader)
{
}

LedgerQueries::~LedgerQueries() = default;

QString LedgerQueries::errorString() const
{
    return m_reader->errorString();
}

QList<SpendRow> LedgerQueries::spendOverTime(const LedgerFilter& filter, LedgerBucket bucket, LedgerSplit splitBy)
{
    QString key = QStringLiteral("''");
    switch (splitBy) {
    case LedgerSplit::None:
        break;
    case LedgerSplit::Model:
        key = QStringLiteral("model");
        break;
    case LedgerSplit::Provider:
        key = QStringLiteral("provider");
        break;
    case LedgerSplit::Tier:
        key = QStringLiteral("tier");
        break;
    }
    const Source source
        = rollupSource(QStringLiteral("rollup"), QStringLiteral("model, provider, tier, cost_usd, requests, unpriced"),
                       filter, bucket == LedgerBucket::Hour);
    QSqlQuery query;
    QList<SpendRow> rows;
    if (bucket == LedgerBucket::Hour && m_reader->dialect().sumsWhileReading()) {
        LedgerStatement statement;
        if (!m_reader->scan(statement,
                            QStringLiteral("SELECT t, %1, cost_usd, requests, unpriced FROM %2").arg(key, source.sql),
                            source.binds)) {
            return rows;
        }
        QMap<std::pair<qint64, QString>, SpendRow> sums;
        while (statement.next()) {
            SpendRow& row = sums[{ statement.int64(0), statement.text(1) }];
            row.costUsd += statement.real(2);
            row.requests += statement.int64(3);
            row.unpricedRequests += statement.int64(4);
        }
        m_reader->setError(statement.errorString());
        for (auto it = sums.begin(); it != sums.end(); ++it) {
            it->bucketStart = QDateTime::fromSecsSinceEpoch(it.key().first, Qt::UTC);
            it->key = it.key().second;
            rows << *it;
        }
        return rows;
    }
    if (!m_reader->run(query,
                       QStringLiteral("SELECT %1 AS b, %2 AS k, SUM(cost_usd), SUM(requests), SUM(unpriced) FROM %3"
                                      " GROUP BY b, k ORDER BY b, k")
                           .arg(bucketSql(m_reader->dialect(), bucket, QStringLiteral("t")), key, source.sql),
                       source.binds)) {
        return rows;
    }
    while (query.next()) {
        rows << SpendRow { fromSecs(query.value(0)), query.value(1).toString(), query.value(2).toDouble(),
                           query.value(3).toLongLong(), query.value(4).toLongLong() };
    }
    return rows;
}

QList<TierUsageRow> LedgerQueries::requestsAndTokensByTier(const LedgerFilter& filter)
{
    const QString columns = QStringLiteral("tier, requests, failures, prompt_tokens, completion_tokens, cached_tokens,"
                                           " reasoning_tokens, estimated_usage, cost_usd, unpriced");
    const Source source = rollupSource(QStringLiteral("rollup"), columns, filter, false);
    QSqlQuery query;
    QList<TierUsageRow> rows;
    if (!m_reader->run(query,
                       QStringLiteral("SELECT tier, %1 FROM %2 GROUP BY tier ORDER BY tier")
                           .arg(sums(columns.section(QStringLiteral(", "), 1).split(QStringLiteral(", "))), source.sql),
                       source.binds)) {
        return rows;
    }
    while (query.next()) {
        TierUsageRow row;
        row.tier = query.value(0).toString();
        row.requests = query.value(1).toLongLong();
        row.failures = query.value(2).toLongLong();
        row.promptTokens = query.value(3).toLongLong();
        row.completionTokens = query.value(4).toLongLong();
        row.cachedTokens = query.value(5).toLongLong();
        row.reasoningTokens = query.value(6).toLongLong();
        row.estimatedUsageRequests = query.value(7).toLongLong();
        row.costUsd = query.value(8).toDouble();
        row.unpricedRequests = query.value(9).toLongLong();
        rows << row;
    }
    return rows;
}

SavingsResult LedgerQueries::savings(const LedgerFilter& filter, const ModelPrice& reference)
{
    const Source source = rollupSource(QStringLiteral("rollup"),
                                       QStringLiteral("cost_usd, requests, unpriced, priced_prompt_tokens,"
                                                      " priced_completion_tokens, priced_cached_tokens"),
                                       filter, false);
    QSqlQuery query;
    SavingsResult result;
    if (!m_reader->run(
            query,
            QStringLiteral("SELECT COALESCE(SUM(cost_usd), 0), COALESCE(SUM(requests), 0) - COALESCE(SUM(unpriced), "
                           "0), COALESCE(SUM(unpriced), 0),"
                           " COALESCE(SUM(priced_prompt_tokens), 0), COALESCE(SUM(priced_completion_tokens), 0), "
                           "COALESCE(SUM(priced_cached_tokens), 0)"
                           " FROM %1")
                .arg(source.sql),
            source.binds)
        || !query.next()) {
        return result;
    }
    result.actualCostUsd = query.value(0).toDouble();
    result.pricedRequests = query.value(1).toLongLong();
    result.unpricedRequests = query.value(2).toLongLong();
    // The priced requests' tokens at the reference model's price, each request at its own tier.
    TokenUsage tokens;
    tokens.promptTokens = qint64(query.value(3).toDouble());
    tokens.completionTokens = qint64(query.value(4).toDouble());
    tokens.cachedTokens = qint64(query.value(5).toDouble());
    TokenUsage aboveTier;
    if (reference.known && reference.hasLongContext()) {
        for (const TokenUsage& part : pricedAboveTier(filter, reference.longContext.aboveTokens)) {
            aboveTier.promptTokens += part.promptTokens;
            aboveTier.completionTokens += part.completionTokens;
            aboveTier.cachedTokens += part.cachedTokens;
        }
    }
    if (const std::optional<double> cost = CostCalculator::costOfMany(reference, tokens, aboveTier)) {
        result.referenceCostUsd = *cost;
        result.savingsUsd = *cost - result.actualCostUsd;
    }
    return result;
}

QList<SavingsClassRow> LedgerQueries::savingsByClass(const LedgerFilter& filter, const ModelPrice& reference)
{
    const Source source = rollupSource(QStringLiteral("rollup"),
                                       QStringLiteral("tier, model, cost_usd, requests, unpriced, priced_prompt_tokens,"
                                                      " priced_completion_tokens, priced_cached_tokens"),
                                       filter, false);
    QSqlQuery query;
    QList<SavingsClassRow> rows;
    if (!m_reader->run(
            query,
            QStringLiteral(
                "SELECT tier, model, COALESCE(SUM(cost_usd), 0), COALESCE(SUM(requests), 0) - COALESCE(SUM(unpriced), "
                "0),"
                " COALESCE(SUM(priced_prompt_tokens), 0), COALESCE(SUM(priced_completion_tokens), 0),"
                " COALESCE(SUM(priced_cached_tokens), 0) FROM %1 GROUP BY tier, model"
                " HAVING COALESCE(SUM(requests), 0) > COALESCE(SUM(unpriced), 0) ORDER BY 3 DESC, tier, model")
                .arg(source.sql),
            source.binds)) {
        return rows;
    }
    const QHash<QString, TokenUsage> aboveTier = reference.known && reference.hasLongContext()
        ? pricedAboveTier(filter, reference.longContext.aboveTokens)
        : QHash<QString, TokenUsage> {};
    while (query.next()) {
        SavingsClassRow row;
        row.tier = query.value(0).toString();
        row.model = query.value(1).toString();
        row.costUsd = query.value(2).toDouble();
        row.requests = query.value(3).toLongLong();
        TokenUsage tokens;
        tokens.promptTokens = qint64(query.value(4).toDouble());
        tokens.completionTokens = qint64(query.value(5).toDouble());
        tokens.cachedTokens = qint64(query.value(6).toDouble());
        row.promptTokens = tokens.promptTokens;
        row.completionTokens = tokens.completionTokens;
        // The class's tokens at the reference price, each request at its own tier, as savings() does.
        row.referenceCostUsd
            = CostCalculator::costOfMany(reference, tokens, aboveTier.value(row.tier + u'\x1f' + row.model));
        rows << row;
    }
    return rows;
}

QHash<QString, TokenUsage> LedgerQueries::pricedAboveTier(const LedgerFilter& filter, qint64 aboveTokens)
{
    SqlWhere where;
    if (filter.from.isValid()) {
        where.add(QStringLiteral("r.started_at >= ?"), { floorHour(filter.from) * 1000 });
    }
    if (filter.until.isValid()) {
        where.add(QStringLiteral("r.started_at < ?"), { ceilHour(filter.until) * 1000 });
    }
    where.in(QStringLiteral("r.final_model"), filter.models);
    addRequestKeys(&where, filter);
    where.add(QStringLiteral("r.cost_usd IS NOT NULL AND r.prompt_tokens > ?"), { aboveTokens });
    QSqlQuery query;
    QHash<QString, TokenUsage> result;
    if (!m_reader->run(query,
                       QStringLiteral("SELECT r.tier, r.final_model, SUM(r.prompt_tokens), SUM(r.completion_tokens),"
                                      " SUM(r.cached_tokens) FROM requests r%1 GROUP BY r.tier, r.final_model")
                           .arg(where.sql()),
                       where.binds())) {
        return result;
    }
    while (query.next()) {
        TokenUsage& usage = result[query.value(0).toString() + u'\x1f' + query.value(1).toString()];
        usage.promptTokens = query.value(2).toLongLong();
        usage.completionTokens = query.value(3).toLongLong();
        usage.cachedTokens = query.value(4).toLongLong();
    }
    return result;
}

LedgerTotals LedgerQueries::totals(const LedgerFilter& filter)
{
    const QStringList columns = { "cost_usd", "requests",       "failures",       "failed_over",
                                  "unpriced", "cached_answers", "estimated_cost", "estimated_usage" };
    const Source source = rollupSource(QStringLiteral("rollup"), columns.join(u','), filter, false);
    QSqlQuery query;
    LedgerTotals totals;
    if (!m_reader->run(query, QStringLiteral("SELECT %1 FROM %2").arg(sums(columns), source.sql), source.binds)
        || !query.next()) {
        return totals;
    }
    totals.spendUsd = query.value(0).toDouble();
    totals.requests = query.value(1).toLongLong();
    totals.failures = query.value(2).toLongLong();
    totals.failedOverRequests = query.value(3).toLongLong();
    totals.unpricedRequests = query.value(4).toLongLong();
    totals.cachedAnswers = query.value(5).toLongLong();
    totals.estimatedCostRequests = query.value(6).toLongLong();
    totals.estimatedUsageRequests = query.value(7).toLongLong();
    totals.failoverRate = totals.requests > 0 ? double(totals.failedOverRequests) / double(totals.requests) : 0;
    return totals;
}

LedgerKeys LedgerQueries::keys(const LedgerFilter& filter)
{
    const Source source
        = rollupSource(QStringLiteral("rollup"), QStringLiteral("model, provider, tier"), filter, false);
    LedgerKeys keys;
    QSqlQuery query;
    LedgerStatement statement;
    if (!m_reader->scan(statement, QStringLiteral("SELECT model, provider, tier FROM %1").arg(source.sql),
                        source.binds)) {
        return keys;
    }
    QSet<QString> models;
    QSet<QString> providers;
    QSet<QString> tiers;
    while (statement.next()) {
        models.insert(statement.text(0));
        providers.insert(statement.text(1));
        tiers.insert(statement.text(2));
    }
    m_reader->setError(statement.errorString());
    auto sorted = [](const QSet<QString>& set) {
        QStringList list(set.cbegin(), set.cend());
        list.removeAll(QString());
        list.sort(Qt::CaseInsensitive);
        return list;
    };
    LedgerKeys result { sorted(models), sorted(providers), sorted(tiers), {} };
    SqlWhere where = requestWhere(filter);
    where.add(QStringLiteral("r.client_key <> ''"));
    if (m_reader->run(query, QStringLiteral("SELECT DISTINCT r.client_key FROM requests r%1").arg(where.sql()),
                      where.binds())) {
        while (query.next()) {
            result.clientKeys << query.value(0).toString();
        }
        result.clientKeys.sort();
    }
    return result;
}

double LedgerQueries::clientKeySpend(const QString& keyId, const QDateTime& from)
{
    QSqlQuery query;
    if (m_reader->run(
            query,
            QStringLiteral("SELECT COALESCE(SUM(cost_usd), 0) FROM requests WHERE client_key = ? AND started_at >= ?"),
            { keyId, from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min() })
        && query.next()) {
        return query.value(0).toDouble();
    }
    return 0;
}

QList<DailyUsageRow> LedgerQueries::dailyUsage(const QDateTime& from, const QDateTime& until,
                                               const QStringList& providers)
{
    SqlWhere where;
    where.during(QStringLiteral("started_at"), from, until);
    where.in(QStringLiteral("final_provider"), providers);
    // A cached answer never reached a provider; a request without tokens or cost was not billed.
    where.add(QStringLiteral("cached_answer = 0 AND status <> 'cached'"
                             " AND (prompt_tokens + completion_tokens > 0 OR cost_usd > 0)"));
    QSqlQuery query;
    QList<DailyUsageRow> rows;
    if (!m_reader->run(query,
                       QStringLiteral("SELECT started_at / 86400000 AS d, final_provider, final_model, client_key,"
                                      " COUNT(*), COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), "
                                      "0), COALESCE(SUM(cost_usd), 0),"
                                      " COALESCE(SUM(CASE WHEN cost_usd IS NULL THEN 1 ELSE 0 END), 0) FROM requests%1"
                                      " GROUP BY d, final_provider, final_model, client_key"
                                      " ORDER BY d, final_provider, final_model, client_key")
                           .arg(where.sql()),
                       where.binds())) {
        return rows;
    }
    while (query.next()) {
        DailyUsageRow row;
        row.day = QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong() * 86400000, Qt::UTC).date();
        row.provider = query.value(1).toString();
        row.model = query.value(2).toString();
        row.clientKey = query.value(3).toString();
        row.requests = query.value(4).toLongLong();
        row.promptTokens = qint64(query.value(5).toDouble());
        row.completionTokens = qint64(query.value(6).toDouble());
        row.costUsd = query.value(7).toDouble();
        row.unpricedRequests = qint64(query.value(8).toDouble());
        rows << row;
    }
    return rows;
}

double LedgerQueries::spendInPeriod(const QDateTime& from, const QDateTime& until, const QString& provider)
{
    const qint64 fromMs = from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    const qint64 untilMs = until.isValid() ? until.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    // Whole hours from the rollup, the partial hours at the edges from raw rows.
    const qint64 firstHour = from.isValid() ? ceilHour(from) : std::numeric_limits<qint64>::min() / 1000;
    const qint64 endHour = until.isValid() ? floorHour(until) : std::numeric_limits<qint64>::max() / 1000;
    const QString providerClause = provider.isEmpty() ? QString() : QStringLiteral(" AND final_provider = ?");
    auto withProvider = [&](QVariantList binds) {
        if (!provider.isEmpty()) {
            binds << provider;
        }
        return binds;
    };
    double total = 0;
    QSqlQuery query;
    auto rawSum = [&](qint64 a, qint64 b) {
        if (a < b
            && m_reader->run(
                query,
                QStringLiteral(
                    "SELECT COALESCE(SUM(cost_usd), 0) FROM requests WHERE started_at >= ? AND started_at < ?")
                    + providerClause,
                withProvider({ a, b }))
            && query.next()) {
            total += query.value(0).toDouble();
        }
    };
    if (firstHour < endHour) {
        LedgerFilter whole;
        whole.from = from.isValid() ? QDateTime::fromSecsSinceEpoch(firstHour, Qt::UTC) : QDateTime();
        whole.until = until.isValid() ? QDateTime::fromSecsSinceEpoch(endHour, Qt::UTC) : QDateTime();
        if (!provider.isEmpty()) {
            whole.providers = { provider };
        }
        const Source source = rollupSource(QStringLiteral("rollup"), QStringLiteral("cost_usd"), whole, false);
        if (m_reader->run(query, QStringLiteral("SELECT COALESCE(SUM(cost_usd), 0) FROM %1").arg(source.sql),
                          source.binds)
            && query.next()) {
            total += query.value(0).toDouble();
        }
        rawSum(fromMs, firstHour * 1000);
        rawSum(endHour * 1000, untilMs);
    } else {
        rawSum(fromMs, untilMs);
    }
    return total;
}
