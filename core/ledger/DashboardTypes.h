#pragma once

#include "core/common/ProviderTypes.h"
#include "core/ledger/LedgerQueryTypes.h"
#include "core/ledger/LedgerRecords.h"
#include "core/ledger/PrimaryReview.h"

#include <QMetaType>

// What the dashboard asks its worker for, and what comes back. One generation per request so
// that only the newest answer is applied.
struct DashboardQuery
{
    quint64 generation = 0;
    LedgerFilter filter;
    LedgerFilter previous; // the period of the same length just before, same filters
    LedgerBucket spendBucket = LedgerBucket::Day;
    LedgerBucket uptimeBucket = LedgerBucket::Day;
    LedgerSplit split = LedgerSplit::Model;
    ModelPrice reference;
    // Savings count only traffic the router chose a model for, unless the user widens them.
    bool savingsRoutedOnly = true;
    // The newest failover events listed (the chart counts all of them).
    int failoverLimit = 500;
    // "Reconsider your primary": each tier's chain (from the routing policy) and the threshold.
    QList<PrimaryReview::Chain> chains;
    FailoverRateRule primaryRule;

    // The period of the same length that ends where `filter` starts, with the same filters: what
    // the spend card compares with.
    static LedgerFilter previousPeriod(const LedgerFilter& filter)
    {
        LedgerFilter previous = filter;
        previous.until = filter.from;
        previous.from = filter.from.addSecs(-filter.from.secsTo(filter.until));
        return previous;
    }
};

struct DashboardResult
{
    quint64 generation = 0;
    QString error;
    LedgerTotals totals;
    LedgerTotals previousTotals;
    SavingsResult savings;
    QList<SavingsClassRow> savingsByClass;
    QList<SpendRow> spend;
    QList<TierUsageRow> tierUsage;
    UptimeReport uptime;
    QList<FailoverEvent> failovers; // the newest DashboardQuery::failoverLimit
    qint64 failoverTotal = 0; // all failover events of the period and filters
    QList<FailoverCountRow> failoverCounts;
    QList<LatencyRow> latency;
    QList<PrimaryReview::Row> primaries;
    // Keys seen in the period regardless of the provider/model/tier filters, for the filter menus.
    QStringList providerNames;
    QStringList modelNames;
    QStringList tierNames;
    QStringList clientKeyNames;
    double elapsedMs = 0;
};

// The requests behind a clicked bar, point or failover event.
struct DrillDownQuery
{
    quint64 generation = 0;
    LedgerFilter filter; // from/until narrowed to the clicked bucket
    RequestMatch match; // failover point: failed over with its class; failover event: that request
    int limit = 500;
};

Q_DECLARE_METATYPE(DashboardQuery)
Q_DECLARE_METATYPE(DashboardResult)
Q_DECLARE_METATYPE(DrillDownQuery)
