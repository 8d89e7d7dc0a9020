#pragma once

#include "core/ledger/LedgerQueryTypes.h"
#include "core/ledger/PrimaryReview.h"

class LedgerReader;

// The ledger's side of "reconsider your primary" (PrimaryReview), for every request of the
// period, from the rollups and the failovers, never a sample:
//   - requests that tried a model first and stayed on it: the rollup's requests of that final
//     model minus those that failed over and answers from the cache (which tried nothing);
//   - requests that failed over from it: the first failover of each request (seq 0), whose
//     `from_model` is the model the request tried first, joined to its request for the tier,
//     the source and the request's start hour (so both halves count by the same hours);
//   - attempts and provider faults per provider and model from the uptime rollup.
// Periods work at whole hours as every rollup query. The filter's tiers and sources narrow the
// counts; its models and providers pick which primaries are shown (a failed-over request's final
// model is the fallback's, so they cannot narrow the counts); client keys are not in the rollups
// and are ignored, as uptime ignores them.
class PrimaryReviewQueries final
{
public:
    explicit PrimaryReviewQueries(LedgerReader& reader);

    QList<PrimaryReview::Row> review(const LedgerFilter& filter, const QList<PrimaryReview::Chain>& chains,
                                     const FailoverRateRule& rule);
    PrimaryReview::PrimaryCounts primaryCounts(const LedgerFilter& filter);
    PrimaryReview::ModelAttempts modelAttempts(const LedgerFilter& filter);

private:
    LedgerReader& m_reader;
};
