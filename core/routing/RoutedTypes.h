#pragma once

#include "common/ProviderTypes.h"

#include <QMetaType>
#include <QString>

// Answer of the budget hook asked before each attempt (the pricing domain's BudgetTracker is
// adapted to it by the caller).
struct BudgetVerdict
{
    bool allowed = true;
    QString reason; // why not, shown in explain and in the attempt list
};

// Worst-case cost held against the budgets while one attempt runs (id 0: nothing held).
struct BudgetHold
{
    bool ok = true;
    quint64 id = 0;
    QString reason; // why the budget refused, shown as the skip reason
};

// How a request reached the router and what the caller forced.
struct RouteOptions
{
    QString source; // "workbench", "cli", "gateway": recorded, not interpreted
    QString forcedTier; // skip the rules, use this tier
    QString forcedModelOrGroup; // `ask --model NAME`: a group, tier or model id; wins over forcedTier
};

// One upstream request made for a routed call. Only real requests are attempts: every attempt
// is exactly one HTTP request sent (or tried to be sent) upstream.
struct AttemptInfo
{
    QString modelId;
    QString providerId;
    QString reason; // why it was started: "primary", "failover", "rate_limit_retry", "hedge", "continue"
    qint64 startedMs = 0; // Clock ms since epoch
    qint64 endedMs = 0;
    QString outcome; // "ok", a failure class id ("server_error"), "hedge_lost" or "cancelled"
    CallError error; // set when the attempt failed
    double costUsd = 0; // estimate for attempts that produced no billed result (hedge losers)
};

// A deployment the router did not try, and why (cooling down, over budget, no key ...).
struct SkipInfo
{
    QString modelId;
    QString providerId;
    QString reason;
};

struct RoutedResult : CallResult
{
    QString tier;
    int ruleIndex = -1;
    QString ruleName;
    QString why;
    QList<AttemptInfo> attempts;
    QList<SkipInfo> skipped;
    int failovers = 0;
    bool cached = false; // answered from the response cache after every model failed
    bool incomplete = false; // never true on finished(); kept for symmetry with RoutedError
    double hedgeCostUsd = 0; // estimated cost of hedge attempts that lost the race
};

struct RoutedError
{
    QString message; // one translated sentence for the user
    CallError lastError;
    QString tier;
    int ruleIndex = -1;
    QString ruleName;
    QString why;
    QList<AttemptInfo> attempts;
    QList<SkipInfo> skipped;
    int failovers = 0;
    bool incomplete = false; // text was shown and the answer stopped before its end
    QString partialText;
    double hedgeCostUsd = 0;

    // Multi-line: the message, then one line per attempt ("gpt-5 @ openai: server_error (HTTP 503) ...")
    // and per skipped deployment.
    QString details() const;
};

Q_DECLARE_METATYPE(RoutedResult)
Q_DECLARE_METATYPE(RoutedError)
