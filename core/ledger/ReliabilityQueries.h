#pragma once

#include "core/ledger/LedgerQueryTypes.h"

#include <QHash>
#include <QSet>
#include <QString>

class LedgerReader;
class SqlWhere;

// How the providers held up: failover events and counts (raw failover rows, indexed by time),
// uptime per provider and latency percentiles per model (hourly rollups).
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
    // Adds the provider, tier and source of these requests, those of the failovers `failovers`
    // selects, to m_failedOverRequests.
    bool loadFailedOverRequests(const QList<qint64>& rids, const SqlWhere& failovers);

    LedgerReader& m_reader;
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
