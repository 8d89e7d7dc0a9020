#pragma once

#include "core/ledger/HistoryQueries.h"
#include "core/ledger/LedgerQueryTypes.h"
#include "core/ledger/LedgerRecords.h"
#include "core/ledger/PrimaryReviewQueries.h"
#include "core/ledger/ReliabilityQueries.h"

#include "core/common/ProviderTypes.h"

#include <QHash>

#include <memory>

class LedgerReader;

// Read side of the ledger for the dashboard and the workbench history. Each instance opens
// its own connection on first use and must stay on that thread; the dashboard creates one on
// its worker thread. WAL lets these reads run while the writer commits.
//
// Everything the dashboard shows comes from the hourly rollups (rollup_hourly,
// rollup_attempts_hourly), whose keys (hour, model, provider, tier, source) cover every field
// of LedgerFilter, so no filter falls back to raw rows. What does read raw rows:
//   - failoverEvents: failovers are kept raw, indexed by time; filters on provider, tier and
//     source join their request by primary key;
//   - failoverCounts: whole hours from the failover rollups (failover_hourly/daily), the
//     partial hours at either end of the period from the raw failovers;
//   - spendInPeriod: the partial hours at either end of a period that does not start or end
//     on a whole hour (index on requests.started_at);
//   - the history listing (index on started_at; a search text scans until `limit` matches);
//   - requests(): the drill-down list behind a clicked bar or failover.
// The spend side is answered here; history and reliability by the collaborators HistoryQueries
// and ReliabilityQueries over the same connection (LedgerReader).
class LedgerQueries final
{
public:
    explicit LedgerQueries(const QString& path);
    ~LedgerQueries();
    LedgerQueries(const LedgerQueries&) = delete;
    LedgerQueries& operator=(const LedgerQueries&) = delete;

    // Empty when the last query succeeded.
    QString errorString() const;

    QList<SpendRow> spendOverTime(const LedgerFilter& filter, LedgerBucket bucket, LedgerSplit splitBy);
    QList<TierUsageRow> requestsAndTokensByTier(const LedgerFilter& filter);
    // See ReliabilityQueries.
    QList<FailoverEvent> failoverEvents(const LedgerFilter& filter, int limit = 1000)
    {
        return m_reliability.failoverEvents(filter, limit);
    }
    QList<FailoverCountRow> failoverCounts(const LedgerFilter& filter, LedgerBucket bucket)
    {
        return m_reliability.failoverCounts(filter, bucket);
    }
    UptimeReport uptime(const LedgerFilter& filter, LedgerBucket bucket)
    {
        return m_reliability.uptime(filter, bucket);
    }
    QList<LatencyRow> latencyPercentiles(const LedgerFilter& filter)
    {
        return m_reliability.latencyPercentiles(filter);
    }
    // See PrimaryReviewQueries.
    QList<PrimaryReview::Row> primaryReview(const LedgerFilter& filter, const QList<PrimaryReview::Chain>& chains,
                                            const FailoverRateRule& rule)
    {
        return m_primaries.review(filter, chains, rule);
    }
    // Cached tokens are priced at reference.cachedInputPerMTok when it is set (> 0), else at the input price.
    // A reference with a long-context tier bills each request at the tier its own prompt reaches
    // (CostCalculator::costOfMany); which requests crossed it is read from the raw rows, so
    // requests retention already removed count below it.
    SavingsResult savings(const LedgerFilter& filter, const ModelPrice& reference);
    // The same per class of traffic (tier x model), dearest first.
    QList<SavingsClassRow> savingsByClass(const LedgerFilter& filter, const ModelPrice& reference);
    LedgerTotals totals(const LedgerFilter& filter);
    LedgerKeys keys(const LedgerFilter& filter);
    // Exact to the millisecond, for budgets; an empty provider means all.
    double spendInPeriod(const QDateTime& from, const QDateTime& until, const QString& provider = QString());
    // What requests made with a gateway client key cost since `from` (raw rows: the rollups do not
    // split by key).
    double clientKeySpend(const QString& keyId, const QDateTime& from);
    // Per UTC day x provider x model x client key over [from, until) from raw rows (the rollups
    // do not split by key), so it reaches back as far as the history is kept; an empty provider
    // list means all.
    QList<DailyUsageRow> dailyUsage(const QDateTime& from, const QDateTime& until, const QStringList& providers);

    // See HistoryQueries.
    QList<RequestRecord> recentRequests(int limit, int offset = 0, const QString& searchText = QString())
    {
        return m_history.recentRequests(limit, offset, searchText);
    }
    bool scanUsage(const QDateTime& since, const QList<RequestSource>& excluded,
                   const std::function<void(const HistoryQueries::PricedUsage&)>& row)
    {
        return m_history.scanUsage(since, excluded, row);
    }
    QList<RequestRecord> requestsInCompareGroup(const QString& group)
    {
        return m_history.requestsInCompareGroup(group);
    }
    QList<RequestRecord> requests(const LedgerFilter& filter, int limit, const RequestMatch& match = {})
    {
        return m_history.requests(filter, limit, match);
    }
    QList<VoteRecord> votesInCompareGroup(const QString& group) { return m_history.votesInCompareGroup(group); }
    QList<VotedRun> votedRuns(const QDateTime& from = {}, const QDateTime& until = {})
    {
        return m_history.votedRuns(from, until);
    }

private:
    // The priced usage of the requests whose own prompt exceeded `aboveTokens`, per tier and model
    // ("tier\x1fmodel"), over the same whole hours as the rollups answer for `filter`.
    QHash<QString, TokenUsage> pricedAboveTier(const LedgerFilter& filter, qint64 aboveTokens);

    std::unique_ptr<LedgerReader> m_reader;
    HistoryQueries m_history;
    ReliabilityQueries m_reliability;
    PrimaryReviewQueries m_primaries;
};
