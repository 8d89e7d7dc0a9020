#include "DashboardWorker.h"

#include "ledger/LedgerQueries.h"

#include <QElapsedTimer>
#include <QSet>

namespace {
QStringList sortedKeys(const QList<SpendRow>& rows)
{
    QSet<QString> keys;
    for (const SpendRow& row : rows) {
        keys.insert(row.key);
    }
    QStringList list(keys.begin(), keys.end());
    list.removeAll(QString());
    list.sort(Qt::CaseInsensitive);
    return list;
}

bool matches(const RequestRecord& record, const DrillDownQuery& query)
{
    const LedgerFilter& f = query.filter;
    if (!query.requestId.isEmpty()) {
        return record.id == query.requestId;
    }
    if ((!f.providers.isEmpty() && !f.providers.contains(record.finalProvider))
        || (!f.models.isEmpty() && !f.models.contains(record.finalModel))
        || (!f.tiers.isEmpty() && !f.tiers.contains(record.tier))
        || (!f.sources.isEmpty() && !f.sources.contains(record.source))) {
        return false;
    }
    if (!query.failureClass.isEmpty()) {
        for (const FailoverRecord& failover : record.failovers) {
            if (failover.failureClass == query.failureClass) {
                return true;
            }
        }
        return false;
    }
    return true;
}
} // namespace

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
    result.savings = q.savings(query.filter, query.reference);
    result.spend = q.spendOverTime(query.filter, query.spendBucket, query.split);
    // Checked between query groups too: a newer request makes the rest of this one useless.
    if (stale(query.generation)) {
        return;
    }
    result.tierUsage = q.requestsAndTokensByTier(query.filter);
    result.uptime = q.uptime(query.filter, query.uptimeBucket);
    result.failovers = q.failoverEvents(query.filter, 500);
    result.failoverCounts = q.failoverCounts(query.filter, query.uptimeBucket);
    result.latency = q.latencyPercentiles(query.filter);
    if (stale(query.generation)) {
        return;
    }
    // Filter menus list everything in the period, not only what the filters leave.
    LedgerFilter period;
    period.from = query.filter.from;
    period.until = query.filter.until;
    period.sources = query.filter.sources;
    result.modelNames = sortedKeys(q.spendOverTime(period, LedgerBucket::Month, LedgerSplit::Model));
    result.providerNames = sortedKeys(q.spendOverTime(period, LedgerBucket::Month, LedgerSplit::Provider));
    result.tierNames = sortedKeys(q.spendOverTime(period, LedgerBucket::Month, LedgerSplit::Tier));
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
    // The ledger lists requests newest first; page back to the start of the window. Deep
    // windows are capped so a click never scans the whole ledger.
    constexpr int kPage = 2000;
    constexpr int kMaxScanned = 60000;
    QList<RequestRecord> found;
    bool truncated = false;
    for (int offset = 0;; offset += kPage) {
        const QList<RequestRecord> page = m_queries->recentRequests(kPage, offset);
        bool done = page.size() < kPage;
        for (const RequestRecord& record : page) {
            if (query.filter.from.isValid() && record.startedAt < query.filter.from) {
                done = true;
                break;
            }
            if (query.filter.until.isValid() && record.startedAt >= query.filter.until) {
                continue;
            }
            if (matches(record, query)) {
                found << record;
                if (found.size() >= query.limit) {
                    truncated = true;
                    done = true;
                    break;
                }
            }
        }
        if (done) {
            break;
        }
        if (offset + kPage >= kMaxScanned) {
            truncated = true;
            break;
        }
    }
    emit requestsFound(query.generation, found, truncated);
}
