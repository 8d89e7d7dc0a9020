#include "core/ledger/DashboardWorker.h"

#include "core/common/RequestSource.h"
#include "core/ledger/LedgerQueries.h"

#include <QElapsedTimer>

DashboardWorker::DashboardWorker(const QString& ledgerPath, std::shared_ptr<std::atomic<quint64>> latest)
    : m_path(ledgerPath)
    , m_latest(std::move(latest))
{
}

DashboardWorker::~DashboardWorker() = default;

void DashboardWorker::load(const DashboardQuery& query)
{
    if (stale(query.generation)) {
        return;
    }
    if (!m_queries) {
        m_queries = std::make_unique<LedgerQueries>(m_path);
    }
    QElapsedTimer timer;
    timer.start();
    DashboardResult result;
    result.generation = query.generation;
    LedgerQueries& q = *m_queries;
    result.totals = q.totals(query.filter);
    result.error = q.errorString();
    result.previousTotals = q.totals(query.previous);
    LedgerFilter savingsFilter = query.filter;
    savingsFilter.routedOnly = query.savingsRoutedOnly;
    // Health probes buy no answer: they are never savings (a filter of only probes matches nothing).
    const QString probe = RequestSources::id(RequestSource::Probe);
    if (savingsFilter.sources.isEmpty()) {
        for (const RequestSource source : RequestSources::all()) {
            if (source != RequestSource::Probe) {
                savingsFilter.sources.append(RequestSources::id(source));
            }
        }
    } else if (savingsFilter.sources.removeAll(probe) > 0 && savingsFilter.sources.isEmpty()) {
        savingsFilter.sources = { QStringLiteral("-") };
    }
    result.savings = q.savings(savingsFilter, query.reference);
    result.savingsByClass = q.savingsByClass(savingsFilter, query.reference);
    result.spend = q.spendOverTime(query.filter, query.spendBucket, query.split);
    // Checked between query groups too: a newer request makes the rest of this one useless.
    if (stale(query.generation)) {
        return;
    }
    result.tierUsage = q.requestsAndTokensByTier(query.filter);
    result.uptime = q.uptime(query.filter, query.uptimeBucket);
    result.failovers = q.failoverEvents(query.filter, query.failoverLimit);
    result.failoverCounts = q.failoverCounts(query.filter, query.uptimeBucket);
    for (const FailoverCountRow& row : std::as_const(result.failoverCounts)) {
        result.failoverTotal += row.count;
    }
    result.latency = q.latencyPercentiles(query.filter);
    result.primaries = q.primaryReview(query.filter, query.chains, query.primaryRule);
    if (stale(query.generation)) {
        return;
    }
    // Filter menus list everything in the period, not only what the filters leave.
    LedgerFilter period;
    period.from = query.filter.from;
    period.until = query.filter.until;
    period.sources = query.filter.sources;
    const LedgerKeys keys = q.keys(period);
    result.modelNames = keys.models;
    result.providerNames = keys.providers;
    result.tierNames = keys.tiers;
    result.clientKeyNames = keys.clientKeys;
    if (result.error.isEmpty()) {
        result.error = q.errorString();
    }
    result.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    emit loaded(result);
}

void DashboardWorker::findRequests(const DrillDownQuery& query)
{
    if (!m_queries) {
        m_queries = std::make_unique<LedgerQueries>(m_path);
    }
    // One more than the limit tells whether the list is cut short.
    QList<RequestRecord> found = m_queries->requests(query.filter, query.limit + 1, query.match);
    const bool truncated = found.size() > query.limit;
    if (truncated) {
        found.resize(query.limit);
    }
    emit requestsFound(query.generation, found, truncated);
}
