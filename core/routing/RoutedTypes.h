#pragma once

#include "core/common/AttemptOutcome.h"
#include "core/common/AttemptReason.h"
#include "core/common/ProviderTypes.h"
#include "core/common/RequestSource.h"
#include "core/common/TraceContext.h"
#include "core/routing/LearnedDecision.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// Answer of the budget hook asked before each attempt (the pricing domain's BudgetTracker is
// adapted to it by the caller).
struct BudgetVerdict
{
    bool allowed = true;
    QString reason; // why not, shown in explain and in the attempt list
    bool downgrade = false; // not allowed here, and the user wants a cheaper tier rather than a refusal
    QString warning; // allowed although over a limit (warn only): what to tell the user
    QString limit; // the limit reached, short ("daily budget for openai, limit $1.00"); empty: use reason
};

// Worst-case cost held against the budgets while one attempt runs (id 0: nothing held).
struct BudgetHold
{
    bool ok = true;
    quint64 id = 0;
    QString reason; // why the budget refused, shown as the skip reason
    bool downgrade = false; // refused, and a cheaper tier should be tried (BudgetVerdict::downgrade)
    QString warning; // held although over a limit (warn only)
    QString limit;
};

// How a request reached the router and what the caller forced.
struct RouteOptions
{
    RequestSource source = RequestSource::Route; // recorded, not interpreted
    QString forcedTier; // skip the rules, use this tier
    QString forcedModelOrGroup; // `ask --model NAME`: a group, tier or model id; wins over forcedTier
    // The caller's span (a gateway client's `traceparent`). With Router::setTracing() on, the
    // request's span becomes its child; otherwise the attempts pass it on unchanged.
    std::optional<TraceContext> parentTrace;
};

// One upstream request made for a routed call. Only real requests are attempts: every attempt
// is exactly one HTTP request sent (or tried to be sent) upstream.
struct AttemptInfo
{
    QString modelId;
    QString providerId;
    AttemptReason reason = AttemptReason::Primary; // why it was started
    QString tier; // the tier whose chain it came from (empty for a forced model or group)
    qint64 startedMs = 0; // Clock ms since epoch
    qint64 endedMs = 0;
    AttemptOutcome outcome = AttemptOutcome::Ok; // set when it ended
    CallError error; // set when the attempt failed
    double costUsd = 0; // estimate for attempts that produced no billed result (hedge losers)
    QByteArray spanId; // the attempt's span when the call is traced (its `traceparent` upstream)
    QString server; // "host:port" the attempt was sent to

    // The outcome as JSON answers show it: "ok", "hedge_lost", "cancelled" or the failure class id.
    QString outcomeId() const;
    // "host:port" of a provider's URL (the scheme's port when it has none); empty without a host
    // (a Bedrock provider whose endpoint comes from its region).
    static QString serverOf(const QUrl& url);
};

// Why a deployment would not be used right now.
enum class SkipKind
{
    None, // usable
    UnknownModel, // the chain names a model that is not configured
    UnknownProvider, // the model's provider is not configured
    ProviderDisabled,
    NoKey,
    CoolingDown, // until Availability::untilMs
    ProbeInUse, // half-open and its one probe request is already in flight
    OverBudget,
    MissingCapability, // the request needs what the model's data says it lacks (images, tools, ...)
};

// A deployment the router did not try, and why (cooling down, over budget, no key ...).
struct SkipInfo
{
    QString modelId;
    QString providerId;
    QString reason;
    bool overBudget = false;
    SkipKind kind = SkipKind::None;
    QString field; // MissingCapability: the request's field the model cannot take

    // Every one skipped for lacking a capability the request needs (and at least one).
    static bool allIncapable(const QList<SkipInfo>& skipped);
};

// The router left a tier because its models were over a budget limit whose action is "use a
// cheaper tier", and went on with a cheaper one.
struct TierDowngrade
{
    QString fromTier;
    QString toTier;
    QString limit; // the limit reached, as BudgetVerdict::limit

    // "tier premium over budget (daily budget for openai, limit $1.00), moved down to tier standard"
    QString text() const;
};

// How a routed call went, whether it answered or not: the route taken and every attempt.
struct RouteTrace
{
    QString tier; // the tier that answered or was tried last (after any budget downgrade)
    QString requestedTier; // the tier the rules (or the caller) chose
    QList<TierDowngrade> downgrades;
    QStringList budgetWarnings; // limits passed under "warn only"
    int ruleIndex = -1;
    QString ruleName;
    QString why;
    std::optional<LearnedDecision> learned; // a learned rule's estimate and choice
    QList<AttemptInfo> attempts;
    QList<SkipInfo> skipped;
    int failovers = 0;
    double hedgeCostUsd = 0; // estimated cost of hedge attempts that lost the race
    // The request's span when tracing is on (Router::setTracing()); invalid otherwise.
    TraceContext span;
    int maxTokens = 0; // what the request asked for (0: the provider's default)
};

struct RoutedResult : CallResult, RouteTrace
{
    bool cached = false; // answered from the response cache after every model failed
    bool incomplete = false; // never true on finished(); kept for symmetry with RoutedError
};

struct RoutedError : RouteTrace
{
    QString message; // one translated sentence for the user
    CallError lastError;
    bool incomplete = false; // text was shown and the answer stopped before its end
    QString partialText;
    // What the attempts that produced output before they ended used (estimated unless reported);
    // zero when nothing came back.
    TokenUsage usage;
    qint64 ttftMs = -1; // ms since the routed call started; -1: no token came

    // Nothing was tried, and every deployment was skipped for lacking a capability the request needs.
    bool onlyIncapable() const;
    // Multi-line: the message, then one line per attempt ("gpt-5 @ openai: server_error (HTTP 503) ...")
    // and per skipped deployment.
    QString details() const;
};

Q_DECLARE_METATYPE(TierDowngrade)
Q_DECLARE_METATYPE(RoutedResult)
Q_DECLARE_METATYPE(RoutedError)
