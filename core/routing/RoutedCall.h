#pragma once

#include "core/routing/ChainCursor.h"
#include "core/routing/RoutedTypes.h"
#include "core/routing/Router.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

class ProviderCall;
class QTimer;

// One request routed through a chain with failover. Emits what ProviderCall emits (for the text
// the user should see) plus the routing events, and exactly one of finished() or failed() -
// unless cancelled, after which nothing is emitted.
//
// Failover rules (FailoverRules): server errors, every timeout, network errors, broken streams,
// malformed responses and auth errors skip the provider's remaining deployments at once; a 429
// retries the same model once if retry-after fits the tier's cap, otherwise switches; quota
// exhausted cools the whole provider down and switches; context length exceeded moves on to
// models with a larger context window (a forced group's contextWindowFallbacks first); other bad requests end the call
// without burning the chain.
//
// Timeouts: each attempt runs with Router::timeoutsFor() - what the request sets, else what the
// model (deployment) sets itself, else its tier's, else the policy defaults - field by field.
//
// Every upstream request is one AttemptInfo: no hidden retries. Deployments not tried are listed
// as skipped with the reason.
//
// Budgets: a deployment over a limit is skipped like any other; the tier's other deployments
// (on providers still within their limits) go first. When the chain is spent and a limit asked
// for a cheaper tier (BudgetVerdict::downgrade), the call moves down to Router::cheaperTiers(),
// one tier at a time, keeping what was tried and ruled out; downgraded() reports each move and
// the first attempt on the new tier has the reason "downgrade". A model or group chosen by name
// is never moved. Nothing sent and nothing cheaper: failed() names the limit.
class RoutedCall : public QObject
{
    Q_OBJECT

public:
    ~RoutedCall() override;

    const ResolvedRoute& route() const { return m_route; }
    const ChatRequest& request() const { return m_request; }
    const RouteOptions& options() const { return m_options; }
    // The request's span (invalid unless the router traces).
    const TraceContext& span() const { return m_span; }
    const QList<AttemptInfo>& attempts() const { return m_attempts; }
    // The text the user sees now (cleared by restarted()).
    const QString& textSoFar() const { return m_displayed; }
    bool isDone() const { return m_done; }
    // A budget of the caller's own besides the router's (a gateway client key's): `reserve` is asked
    // for each deployment after the router's hold (a refusal skips it as over budget), `settle`
    // when its attempt ends (usage nullptr: nothing billed). Set right after Router::route(),
    // before the first attempt starts.
    void setCallerBudget(Router::BudgetReserve reserve, Router::BudgetSettle settle);
    // How the call stands now, as a failure would report it (attempts, usage, first token), for
    // whoever stops it and records it: call after cancel().
    RoutedError snapshot(const QString& message, bool incomplete) const;
    // The deployments skipped so far, and why.
    const QList<SkipInfo>& skipped() const;

public slots:
    // Stops every upstream request at once; only cancelled() follows.
    void cancel();

signals:
    void decided(const QString& tier, const QString& ruleName, const QString& why);
    void attemptStarted(const QString& modelId, const QString& providerId, AttemptReason reason);
    void requestSent(); // the first upstream request went out
    void firstTokenReceived(qint64 ttftMs); // ms since the routed call started; again after a restart
    void textReceived(const QString& delta);
    void reasoningReceived(const QString& delta);
    void partReceived(const AnswerPart& part); // a tool call piece or refusal text
    void usageReported(const TokenUsage& usage);
    void failedOver(const QString& fromModel, const QString& toModel, const CallError& error);
    void restarted(const QString& nextModel); // clear the partial answer shown so far
    void cacheAnswered();
    // A budget limit moved the request to a cheaper tier (TierDowngrade::text() says it for people).
    void downgraded(const TierDowngrade& downgrade);
    // An attempt goes out although it passes a budget limit (warn only).
    void budgetWarning(const QString& modelId, const QString& warning);
    void finished(const RoutedResult& result);
    void failed(const RoutedError& error);
    // Emitted by cancel() alone: what was sent and used before the stop. Nothing follows.
    void cancelled(const RoutedError& state);

private:
    friend class Router;
    using Candidate = ChainCursor::Candidate;
    struct Active
    {
        ProviderCall* call = nullptr;
        int attempt = -1;
        Candidate candidate;
        bool shown = false; // emitted text or reasoning to the user
    };

    RoutedCall(Router* router, const ResolvedRoute& route, const ChatRequest& request, const RouteOptions& options,
               QObject* parent);
    void begin();

    void startAttempt(const Candidate& candidate, AttemptReason reason);
    void startNextOrFinish();
    bool moveDownATier();
    QString notSentMessage() const;

    int activeIndex(ProviderCall* call) const;
    bool isSoleActive(ProviderCall* call) const;
    void settleRace(ProviderCall* winner);
    void onFirstToken(ProviderCall* call);
    void onDelta(ProviderCall* call, const QString& delta, bool reasoning);
    void onFinished(ProviderCall* call, const CallResult& result);
    void onFailed(ProviderCall* call, const CallError& error);
    void onHedgeTimer();

    Active takeActive(int index, AttemptOutcome outcome, const CallError& error);
    void abandon(Active& active, AttemptOutcome outcome);
    double estimateCost(const Candidate& candidate, const CallResult& partial) const;
    void answerFromCache();
    void failWith(const QString& message, bool incomplete);
    void stopEverything();
    RouteTrace trace() const;

    QPointer<Router> m_router;
    ResolvedRoute m_route;
    ChatRequest m_request;
    RouteOptions m_options;
    TraceContext m_span; // the request's span when tracing, else invalid
    QElapsedTimer m_elapsed;

    ChainCursor m_cursor;
    Router::BudgetReserve m_callerReserve;
    Router::BudgetSettle m_callerSettle;
    bool m_rateLimitRetried = false; // a 429 retries the same model at most once per request

    QList<Active> m_active;
    QList<AttemptInfo> m_attempts;
    CallError m_lastError;
    QString m_lastModel;
    bool m_pendingFailover = false;
    bool m_pendingRestart = false;
    bool m_continuing = false; // the next attempt continues m_displayed
    QString m_displayed;
    qint64 m_firstTokenMs = -1;
    int m_failovers = 0;
    double m_hedgeCost = 0;
    TokenUsage m_unfinishedUsage; // attempts that produced output and did not finish
    bool m_requestSentEmitted = false;
    QString m_requestedTier;
    std::optional<QStringList> m_cheaperTiers; // computed at the first downgrade
    QList<TierDowngrade> m_downgrades;
    bool m_pendingDowngrade = false;
    QStringList m_budgetWarnings;
    bool m_done = false;

    QTimer* m_hedgeTimer;
    QTimer* m_retryTimer;
    std::optional<Candidate> m_retryCandidate;
};
