#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Inputs and results of LedgerQueries. Times are UTC.

// Empty lists mean "all". Time bounds work at whole hours for everything answered from the
// rollups: an hour is included when it overlaps [from, until). An invalid bound is open.
struct LedgerFilter
{
    QDateTime from;
    QDateTime until;
    QStringList providers;
    QStringList models;
    QStringList tiers;
    QStringList sources; // RequestSources ids
    // Gateway client key ids. The rollups do not know keys, so a key filter answers spend,
    // requests, tokens and savings from the raw rows (uptime, latency and failovers ignore it).
    QStringList clientKeys;
    // Only traffic the router chose a model for (a tier), workbench comparisons left out: what
    // "savings from routing" means.
    bool routedOnly = false;
};

enum class LedgerBucket
{
    Hour,
    Day,
    Week, // weeks start on Monday 00:00 UTC
    Month,
};

enum class LedgerSplit
{
    None,
    Model,
    Provider,
    Tier,
};

struct SpendRow
{
    QDateTime bucketStart;
    QString key; // model, provider or tier; empty for LedgerSplit::None
    double costUsd = 0; // priced requests only
    qint64 requests = 0;
    qint64 unpricedRequests = 0; // shown as "unpriced", never folded into the cost as zero

    bool operator==(const SpendRow&) const = default;
};

struct TierUsageRow
{
    QString tier;
    qint64 requests = 0;
    qint64 failures = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 cachedTokens = 0;
    qint64 reasoningTokens = 0;
    qint64 estimatedUsageRequests = 0; // token counts that were estimated, not reported
    double costUsd = 0;
    qint64 unpricedRequests = 0;

    bool operator==(const TierUsageRow&) const = default;
};

// What LedgerQueries::requests lists beyond the LedgerFilter (the drill-down behind a click).
struct RequestMatch
{
    // Only requests that failed over. The filter's time range and models then apply to the
    // failover (its time, its from or to model), as in failoverEvents and failoverCounts.
    bool failedOverOnly = false;
    QString failureClass; // with failedOverOnly: failed over with this class
    QString requestId; // only this request
};

struct FailoverEvent
{
    QDateTime at;
    QString fromModel;
    QString toModel;
    QString failureClass;
    QString message;
    QString requestId;

    bool operator==(const FailoverEvent&) const = default;
};

struct FailoverCountRow
{
    QDateTime bucketStart;
    QString failureClass;
    qint64 count = 0;

    bool operator==(const FailoverCountRow&) const = default;
};

struct UptimeRow
{
    QDateTime bucketStart; // invalid in the overall rows
    QString provider;
    qint64 attempts = 0; // ok + failed attempts (cancelled and hedge-lost ones say nothing)
    qint64 providerFaults = 0; // failed attempts whose class is FailureClasses::isProviderFault
    double uptimeShare = 1; // 1 - providerFaults / attempts

    bool operator==(const UptimeRow&) const = default;
};

struct UptimeReport
{
    QList<UptimeRow> buckets;
    QList<UptimeRow> overall; // one per provider over the whole filter
};

struct Percentiles
{
    qint64 samples = 0;
    double p50 = -1; // milliseconds; -1 without samples
    double p90 = -1;
    double p95 = -1;
    double p99 = -1;
};

struct LatencyRow
{
    QString model;
    Percentiles latency; // answered ("ok", not cached) requests
    Percentiles ttft; // those of them that reported a first token
};

struct SavingsResult
{
    double actualCostUsd = 0; // what the priced requests cost
    std::optional<double> referenceCostUsd; // the same tokens on the reference model; nullopt if it is unpriced
    std::optional<double> savingsUsd; // reference - actual
    qint64 pricedRequests = 0;
    qint64 unpricedRequests = 0; // not in either figure
};

// One class of routed traffic (tier x model) next to what it would have cost on the reference model.
struct SavingsClassRow
{
    QString tier;
    QString model;
    qint64 requests = 0; // priced requests
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double costUsd = 0;
    std::optional<double> referenceCostUsd; // nullopt when the reference is unpriced

    // (reference - actual) / reference, nullopt without a reference cost above zero.
    std::optional<double> savingsShare() const
    {
        return referenceCostUsd && *referenceCostUsd > 0
            ? std::optional<double>((*referenceCostUsd - costUsd) / *referenceCostUsd)
            : std::nullopt;
    }
    bool operator==(const SavingsClassRow&) const = default;
};

// The keys that have requests under a filter (for filter menus), each list sorted and without ''.
struct LedgerKeys
{
    QStringList models;
    QStringList providers;
    QStringList tiers;
    QStringList clientKeys;

    bool operator==(const LedgerKeys&) const = default;
};

struct LedgerTotals
{
    double spendUsd = 0;
    qint64 requests = 0;
    qint64 failures = 0;
    qint64 failedOverRequests = 0;
    double failoverRate = 0; // failedOverRequests / requests
    qint64 unpricedRequests = 0;
    qint64 cachedAnswers = 0;
    qint64 estimatedCostRequests = 0;
    qint64 estimatedUsageRequests = 0;

    bool operator==(const LedgerTotals&) const = default;
};

// What the ledger holds for one UTC day, provider, model and gateway client key: the requests
// that reached the provider (answers from Switchyard's own cache and requests without tokens or
// cost are left out), for comparing with a provider's usage export.
struct DailyUsageRow
{
    QDate day; // UTC
    QString provider;
    QString model;
    QString clientKey; // empty: not through a gateway client key
    qint64 requests = 0;
    qint64 promptTokens = 0; // cached ones included
    qint64 completionTokens = 0; // reasoning ones included
    double costUsd = 0; // priced requests only
    qint64 unpricedRequests = 0;

    bool operator==(const DailyUsageRow&) const = default;
};

// One column of a comparison the user voted on, as the leaderboard weighs it.
struct VotedColumn
{
    QString model;
    QString settings; // RequestSettings::describe of what it sent
    QString tier; // routed columns only
    QString rule;
    std::optional<double> costUsd; // nullopt = unpriced

    bool operator==(const VotedColumn&) const = default;
};

// A comparison with its latest vote (a changed mind replaces the earlier vote) and the columns
// it had; a column run again counts once, with its last answer.
struct VotedRun
{
    QString compareGroup;
    QDateTime at; // UTC, of the vote
    QString winnerModel; // empty for a tie
    QString winnerSettings;
    bool tie = false;
    QString tag;
    QList<VotedColumn> columns;
    QString prompt; // what every column was asked (empty when prompts are not stored)

    bool operator==(const VotedRun&) const = default;
};
