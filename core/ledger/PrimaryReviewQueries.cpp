#include "core/ledger/PrimaryReviewQueries.h"

#include "core/common/RequestStatus.h"

#include "core/ledger/LedgerQueriesSql.h"
#include "core/ledger/LedgerReader.h"
#include "core/ledger/LedgerStatement.h"
#include "core/ledger/SqlWhere.h"

using namespace LedgerQueriesSql;

namespace {
// A failover comes after its request started, within the request's time limits; a day of slack
// lets the failovers_at index bound the scan while the request's own start decides.
constexpr qint64 kFailoverSlackMs = 24 * 3600 * 1000;

// What narrows the counts: the period, tiers, sources and "routed only".
LedgerFilter countingFilter(const LedgerFilter& filter)
{
    LedgerFilter counting;
    counting.from = filter.from;
    counting.until = filter.until;
    counting.tiers = filter.tiers;
    counting.sources = filter.sources;
    counting.routedOnly = filter.routedOnly;
    return counting;
}
} // namespace

PrimaryReviewQueries::PrimaryReviewQueries(LedgerReader& reader)
    : m_reader(reader)
{
}

QList<PrimaryReview::Row> PrimaryReviewQueries::review(const LedgerFilter& filter,
                                                       const QList<PrimaryReview::Chain>& chains,
                                                       const FailoverRateRule& rule)
{
    QList<PrimaryReview::Chain> shown;
    for (const PrimaryReview::Chain& chain : chains) {
        if (chain.steps.isEmpty() || (!filter.tiers.isEmpty() && !filter.tiers.contains(chain.tier))
            || (!filter.models.isEmpty() && !filter.models.contains(chain.steps.first().model))
            || (!filter.providers.isEmpty() && !filter.providers.contains(chain.steps.first().provider))) {
            continue;
        }
        shown << chain;
    }
    if (shown.isEmpty()) {
        return {};
    }
    const PrimaryReview::PrimaryCounts counts = primaryCounts(filter);
    if (!m_reader.errorString().isEmpty()) {
        return {};
    }
    const PrimaryReview::ModelAttempts attempts = modelAttempts(filter);
    if (!m_reader.errorString().isEmpty()) {
        return {};
    }
    return PrimaryReview::build(shown, counts, attempts, rule);
}

PrimaryReview::PrimaryCounts PrimaryReviewQueries::primaryCounts(const LedgerFilter& filter)
{
    const LedgerFilter counting = countingFilter(filter);
    PrimaryReview::PrimaryCounts counts;
    const Source stayed
        = rollupSource(QStringLiteral("rollup"), QStringLiteral("model, tier, requests, failed_over, cached_answers"),
                       counting, false);
    LedgerStatement statement;
    if (!m_reader.scan(
            statement,
            QStringLiteral("SELECT tier, model, requests - failed_over - cached_answers FROM %1").arg(stayed.sql),
            stayed.binds)) {
        return counts;
    }
    while (statement.next()) {
        counts[{ statement.text(0), statement.text(1) }].requests += statement.int64(2);
    }
    m_reader.setError(statement.errorString());
    if (!m_reader.errorString().isEmpty()) {
        return counts;
    }

    SqlWhere where;
    where.add(QStringLiteral("f.seq = 0"));
    if (counting.from.isValid()) {
        const qint64 start = floorHour(counting.from) * 1000;
        where.add(QStringLiteral("f.at >= ? AND r.started_at >= ?"), { start, start });
    }
    if (counting.until.isValid()) {
        const qint64 end = ceilHour(counting.until) * 1000;
        where.add(QStringLiteral("f.at < ? AND r.started_at < ?"), { end + kFailoverSlackMs, end });
    }
    addRequestKeys(&where, counting);
    LedgerStatement failovers;
    if (!m_reader.scan(failovers,
                       QStringLiteral("SELECT r.tier, f.from_model FROM failovers f JOIN requests r"
                                      " ON r.rid = f.request_rid%1")
                           .arg(where.sql()),
                       where.binds())) {
        return counts;
    }
    while (failovers.next()) {
        PrimaryReview::Counts& count = counts[{ failovers.text(0), failovers.text(1) }];
        count.requests += 1;
        count.failedOver += 1;
    }
    m_reader.setError(failovers.errorString());
    if (!m_reader.errorString().isEmpty()) {
        return counts;
    }

    // A request that ended without an outcome (stopped by its client, or its process died) and did
    // not fail over says nothing about whether its primary holds up: it leaves the count instead
    // of passing for one that stayed. Counted from the rows, in the rollup's hours.
    SqlWhere unfinished;
    unfinished.add(QStringLiteral("r.status IN (?, ?)"),
                   { RequestStatuses::id(RequestStatus::Cancelled), RequestStatuses::id(RequestStatus::Interrupted) });
    unfinished.add(QStringLiteral("NOT EXISTS(SELECT 1 FROM failovers f WHERE f.request_rid = r.rid)"));
    if (counting.from.isValid()) {
        unfinished.add(QStringLiteral("r.started_at >= ?"), { floorHour(counting.from) * 1000 });
    }
    if (counting.until.isValid()) {
        unfinished.add(QStringLiteral("r.started_at < ?"), { ceilHour(counting.until) * 1000 });
    }
    addRequestKeys(&unfinished, counting);
    LedgerStatement cancelled;
    if (!m_reader.scan(cancelled,
                       QStringLiteral("SELECT r.tier, r.final_model, COUNT(*) FROM requests r%1"
                                      " GROUP BY r.tier, r.final_model")
                           .arg(unfinished.sql()),
                       unfinished.binds())) {
        return counts;
    }
    while (cancelled.next()) {
        const auto found = counts.find({ cancelled.text(0), cancelled.text(1) });
        if (found != counts.end()) {
            found->requests = qMax(found->failedOver, found->requests - cancelled.int64(2));
        }
    }
    m_reader.setError(cancelled.errorString());
    return counts;
}

PrimaryReview::ModelAttempts PrimaryReviewQueries::modelAttempts(const LedgerFilter& filter)
{
    // A provider's health is not a tier's: every tier's attempts count, only the period and sources narrow.
    LedgerFilter period;
    period.from = filter.from;
    period.until = filter.until;
    period.sources = filter.sources;
    const Source source = rollupSource(QStringLiteral("uptime"),
                                       QStringLiteral("provider, model, attempts, provider_faults"), period, false);
    PrimaryReview::ModelAttempts attempts;
    LedgerStatement statement;
    if (!m_reader.scan(statement,
                       QStringLiteral("SELECT provider, model, attempts, provider_faults FROM %1").arg(source.sql),
                       source.binds)) {
        return attempts;
    }
    while (statement.next()) {
        PrimaryReview::AttemptCounts& count = attempts[{ statement.text(0), statement.text(1) }];
        count.attempts += statement.int64(2);
        count.faults += statement.int64(3);
    }
    m_reader.setError(statement.errorString());
    return attempts;
}
