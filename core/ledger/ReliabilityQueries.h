#pragma once

#include "core/ledger/LedgerQueryTypes.h"

#include <QString>

class LedgerReader;

// How the providers held up: failover events (raw failover rows, indexed by time), failover
// counts (failover rollups, raw rows for the partial hours at the period's edges), uptime per
// provider and latency percentiles per model (hourly rollups).
class ReliabilityQueries final
{
public:
    explicit ReliabilityQueries(LedgerReader& reader);

    // Newest first, at most `limit`.
    QList<FailoverEvent> failoverEvents(const LedgerFilter& filter, int limit = 1000);
    QList<FailoverCountRow> failoverCounts(const LedgerFilter& filter, LedgerBucket bucket);
    // bucket: Hour or Day.
    UptimeReport uptime(const LedgerFilter& filter, LedgerBucket bucket);
    QList<LatencyRow> latencyPercentiles(const LedgerFilter& filter);

private:
    LedgerReader& m_reader;
};
