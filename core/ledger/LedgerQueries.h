#pragma once

#include "LedgerQueryTypes.h"
#include "LedgerRecords.h"

#include "common/ProviderTypes.h"

#include <QHash>
#include <QSet>
#include <QVariantList>

#include <memory>

class LedgerConnection;
namespace LedgerQueriesSql {
struct Where;
}
class SqliteStatement;
class QSqlQuery;

// Read side of the ledger for the dashboard and the workbench history. Each instance opens
// its own connection on first use and must stay on that thread; the dashboard creates one on
// its worker thread. WAL lets these reads run while the writer commits.
//
// Everything the dashboard shows comes from the hourly rollups (rollup_hourly,
// rollup_attempts_hourly), whose keys (hour, model, provider, tier, source) cover every field
// of LedgerFilter, so no filter falls back to raw rows. What does read raw rows:
//   - failoverEvents / failoverCounts: failovers are kept raw, indexed by time; filters on
//     provider, tier and source join their request by primary key (failoverCounts looks each
//     request up once and keeps what the filters need);
//   - spendInPeriod: the partial hours at either end of a period that does not start or end
//     on a whole hour (index on requests.started_at);
//   - the history listing (index on started_at; a search text scans until `limit` matches);
//   - requests(): the drill-down list behind a clicked bar or failover.
class LedgerQueries
{
public:
    explicit LedgerQueries(const QString& path);
    ~LedgerQueries();
    LedgerQueries(const LedgerQueries&) = delete;
    LedgerQueries& operator=(const LedgerQueries&) = delete;

    // Empty when the last query succeeded.
    QString errorString() const { return m_error; }

    QList<SpendRow> spendOverTime(const LedgerFilter& filter, LedgerBucket bucket, LedgerSplit splitBy);
    QList<TierUsageRow> requestsAndTokensByTier(const LedgerFilter& filter);
    // Newest first, at most `limit`.
    QList<FailoverEvent> failoverEvents(const LedgerFilter& filter, int limit = 1000);
    QList<FailoverCountRow> failoverCounts(const LedgerFilter& filter, LedgerBucket bucket);
    // bucket: Hour or Day.
    UptimeReport uptime(const LedgerFilter& filter, LedgerBucket bucket);
    QList<LatencyRow> latencyPercentiles(const LedgerFilter& filter);
    // Cached tokens are priced at reference.cachedInputPerMTok when it is set (> 0), else at the input price.
    SavingsResult savings(const LedgerFilter& filter, const ModelPrice& reference);
    LedgerTotals totals(const LedgerFilter& filter);
    LedgerKeys keys(const LedgerFilter& filter);
    // Exact to the millisecond, for budgets; an empty provider means all.
    double spendInPeriod(const QDateTime& from, const QDateTime& until, const QString& provider = QString());
    // What requests made with a gateway client key cost since `from` (raw rows: the rollups do not
    // split by key).
    double clientKeySpend(const QString& keyId, const QDateTime& from);

    // Workbench history, newest first, with attempts and failovers. The search text matches
    // prompt, models, provider, tier, rule, compare group and error message.
    QList<RequestRecord> recentRequests(int limit, int offset = 0, const QString& searchText = QString());
    QList<RequestRecord> requestsInCompareGroup(const QString& group);
    // The requests behind a chart element, newest first, at most `limit`, with attempts and
    // failovers. Reads raw rows by time (index on started_at, or on failovers.at for
    // failedOverOnly), so it works on any old bucket, and stops at `limit`.
    QList<RequestRecord> requests(const LedgerFilter& filter, int limit, const RequestMatch& match = {});
    QList<VoteRecord> votesInCompareGroup(const QString& group);

private:
    bool open();
    bool run(QSqlQuery& query, const QString& sql, const QVariantList& binds);
    // Hour buckets: rows are read in primary-key order and summed here, which avoids the
    // temporary b-tree an SQL GROUP BY (hour, key) needs over thousands of hours.
    bool scan(SqliteStatement& statement, const QString& sql, const QVariantList& binds);
    QList<RequestRecord> readRequests(QSqlQuery& query);
    // Adds the provider, tier and source of these requests, those of the failovers `failovers`
    // selects, to m_failedOverRequests.
    bool loadFailedOverRequests(const QList<qint64>& rids, const LedgerQueriesSql::Where& failovers);

    QString m_path;
    std::unique_ptr<LedgerConnection> m_connection;
    QString m_error;
    // What failoverCounts filters on, per request that failed over (by rid). A request's row is
    // written once and never changed, and retention removes a request with its failovers.
    struct RequestKeys
    {
        QString provider;
        QString tier;
        QString source;
    };
    QHash<qint64, RequestKeys> m_failedOverRequests;
    QSet<QString> m_keyStrings;
};
