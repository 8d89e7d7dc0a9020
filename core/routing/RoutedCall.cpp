#include "core/routing/RoutedCall.h"

#include "core/common/Clock.h"
#include "core/common/UsageEstimate.h"
#include "core/pricing/CostCalculator.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/FailoverRules.h"

#include <QTimer>

namespace {
qint64 nowMs()
{
    return Clock::instance().currentMSecsSinceEpoch();
}

} // namespace

RoutedCall::RoutedCall(Router* router, const ResolvedRoute& route, const ChatRequest& request,
                       const RouteOptions& options, QObject* parent)
    : QObject(parent)
    , m_router(router)
    , m_route(route)
    , m_request(request)
    , m_options(options)
    , m_cursor(router, route.chain, route.settings, request, route.group)
    , m_requestedTier(route.tier)
    , m_hedgeTimer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
{
    m_elapsed.start();
    if (router->isTracing()) {
        m_span = options.parentTrace ? options.parentTrace->child() : TraceContext::root();
    }
    m_hedgeTimer->setSingleShot(true);
    m_retryTimer->setSingleShot(true);
    // A coarse timer may fire 5% early; retry-after is a promise to the provider.
    m_retryTimer->setTimerType(Qt::PreciseTimer);
    m_hedgeTimer->setTimerType(Qt::PreciseTimer);
    connect(m_hedgeTimer, &QTimer::timeout, this, &RoutedCall::onHedgeTimer);
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_retryCandidate) {
            const Candidate candidate = *m_retryCandidate;
            m_retryCandidate.reset();
            startAttempt(candidate, AttemptReason::RateLimitRetry);
        }
    });
}

RoutedCall::~RoutedCall()
{
    stopEverything();
}

void RoutedCall::setCallerBudget(Router::BudgetReserve reserve, Router::BudgetSettle settle)
{
    m_callerReserve = reserve;
    m_cursor.setCallerBudget(std::move(reserve));
    m_callerSettle = std::move(settle);
}

void RoutedCall::begin()
{
    if (m_done) {
        return;
    }
    emit decided(m_route.tier, m_route.rule.ruleName, m_route.rule.why);
    if (m_done) {
        return;
    }
    if (!m_router || !m_router->services().canSend()) {
        failWith(tr("No provider client is available to send the request."), false);
        return;
    }
    startNextOrFinish();
}

void RoutedCall::startNextOrFinish()
{
    do {
        if (const auto candidate = m_cursor.next()) {
            AttemptReason reason = m_attempts.isEmpty()
                ? AttemptReason::Primary
                : (m_continuing ? AttemptReason::Continue : AttemptReason::Failover);
            if (m_pendingDowngrade) {
                m_pendingDowngrade = false;
                reason = AttemptReason::Downgrade;
            }
            startAttempt(*candidate, reason);
            return;
        }
    } while (moveDownATier());
    if (m_done) {
        return; // a receiver of downgraded() cancelled the call
    }
    // A gateway client's body (tools, images, ...) is more than the messages the cache is keyed by.
    if (m_route.settings.cacheEnabled && m_router && !m_request.hasClientBody()) {
        if (m_router->services().cache().lookup(m_request.messages, m_route.tier)) {
            answerFromCache();
            return;
        }
    }
    QString message;
    if (m_attempts.isEmpty()) {
        message = notSentMessage();
    } else if (m_cursor.needsLargerContext()) {
        message = tr("The prompt is too long for every model in the chain.");
    } else {
        message = tr("Every model in the chain failed.");
    }
    failWith(message, !m_displayed.isEmpty());
}

bool RoutedCall::moveDownATier()
{
    if (m_done || !m_router || (m_cursor.downgradeLimit().isEmpty() && m_downgrades.isEmpty())) {
        return false;
    }
    if (!m_cheaperTiers) {
        m_cheaperTiers = m_router->cheaperTiers(m_route);
    }
    while (!m_cheaperTiers->isEmpty()) {
        const QString name = m_cheaperTiers->takeFirst();
        const RoutingTier* tier = m_router->policy().tier(name);
        if (!tier) {
            continue;
        }
        // Once moving down, a tier with nothing usable (for whatever reason) passes on the last limit.
        const QString limit
            = m_cursor.downgradeLimit().isEmpty() ? m_downgrades.constLast().limit : m_cursor.downgradeLimit();
        const TierDowngrade downgrade { m_route.tier, name, limit };
        m_downgrades.append(downgrade);
        m_route.tier = name;
        m_route.chain = tier->chain;
        m_route.settings = m_router->policy().effectiveSettings(name);
        m_cursor.moveTo(m_route.chain, m_route.settings);
        m_pendingDowngrade = true;
        emit downgraded(downgrade);
        return !m_done;
    }
    return false;
}

const QList<SkipInfo>& RoutedCall::skipped() const
{
    return m_cursor.skipped();
}

QString RoutedCall::notSentMessage() const
{
    if (!m_downgrades.isEmpty()) {
        return Router::downgradeRefusal(m_requestedTier, m_downgrades.constFirst().limit, true);
    }
    if (!m_cursor.downgradeLimit().isEmpty()) {
        return Router::downgradeRefusal(m_requestedTier, m_cursor.downgradeLimit(), false);
    }
    if (!m_cursor.budgetRefusal().isEmpty()) {
        return Router::budgetRefusal(m_cursor.budgetRefusal());
    }
    if (SkipInfo::allIncapable(m_cursor.skipped())) {
        const SkipInfo& first = m_cursor.skipped().constFirst();
        return tr("No model in the chain can take what the request sends: %1 %2.").arg(first.modelId, first.reason);
    }
    return m_route.chain.isEmpty() ? tr("There is no model to call for \"%1\".").arg(m_route.tier)
                                   : tr("No model in the chain could be tried now.");
}

void RoutedCall::startAttempt(const Candidate& candidate, AttemptReason reason)
{
    if (m_done || !m_router || !m_router->services().canSend()) {
        return;
    }
    m_cursor.markTried(candidate.model.id);
    if (m_pendingFailover) {
        m_pendingFailover = false;
        ++m_failovers;
        emit failedOver(m_lastModel, candidate.model.id, m_lastError);
    }
    if (m_pendingRestart) {
        m_pendingRestart = false;
        m_displayed.clear();
        m_firstTokenMs = -1;
        emit restarted(candidate.model.id);
    }
    if (m_done) {
        return;
    }
    ModelConfig effective = candidate.model;
    effective.timeouts = m_router->timeoutsFor(m_request, candidate.model, &m_route.settings).values;
    ChatRequest request = m_request;
    if (m_continuing && !m_displayed.isEmpty()) {
        request.messages.append({ QStringLiteral("assistant"), m_displayed });
    }
    AttemptInfo info;
    info.modelId = candidate.model.id;
    info.providerId = candidate.provider.id;
    info.reason = reason;
    info.tier = m_route.tier;
    info.startedMs = nowMs();
    info.server = AttemptInfo::serverOf(candidate.provider.baseUrl);
    if (m_span.isValid()) {
        const TraceContext attempt = m_span.child();
        info.spanId = attempt.spanId;
        request.traceparent = attempt.traceparent();
    } else if (m_options.parentTrace) {
        request.traceparent = m_options.parentTrace->traceparent(); // not traced here: passed on as it came
    }
    m_attempts.append(info);

    ProviderCall* call = m_router->services().send(candidate.provider, effective, request, this);
    m_active.append({ call, int(m_attempts.size() - 1), candidate, false });
    connect(call, &ProviderCall::requestSent, this, [this] {
        if (!m_requestSentEmitted) {
            m_requestSentEmitted = true;
            emit requestSent();
        }
    });
    connect(call, &ProviderCall::firstTokenReceived, this, [this, call](qint64) { onFirstToken(call); });
    connect(call, &ProviderCall::textReceived, this,
            [this, call](const QString& delta) { onDelta(call, delta, false); });
    connect(call, &ProviderCall::reasoningReceived, this,
            [this, call](const QString& delta) { onDelta(call, delta, true); });
    connect(call, &ProviderCall::partReceived, this, [this, call](const AnswerPart& part) {
        if (activeIndex(call) < 0) {
            return;
        }
        if (part.kind == AnswerPart::Kind::TextBlock) {
            // Where a block begins shows nothing yet: it neither settles a race nor stops a restart.
            if (isSoleActive(call)) {
                emit partReceived(part);
            }
            return;
        }
        if (m_active.size() > 1) {
            settleRace(call); // as a text delta does
        }
        m_active.first().shown = true;
        emit partReceived(part);
    });
    connect(call, &ProviderCall::usageReported, this, [this, call](const TokenUsage& usage) {
        if (isSoleActive(call)) {
            emit usageReported(usage);
        }
    });
    connect(call, &ProviderCall::finished, this, [this, call](const CallResult& result) { onFinished(call, result); });
    connect(call, &ProviderCall::failed, this,
            [this, call](const CallError& error, const CallResult&) { onFailed(call, error); });
    emit attemptStarted(candidate.model.id, candidate.provider.id, reason);
    if (!candidate.budgetWarning.isEmpty() && !m_done) {
        if (!m_budgetWarnings.contains(candidate.budgetWarning)) {
            m_budgetWarnings.append(candidate.budgetWarning);
        }
        emit budgetWarning(candidate.model.id, candidate.budgetWarning);
    }
    if (m_done) {
        return;
    }

    // The first attempt on a tier a budget moved the request to is its primary too.
    const bool primary
        = reason == AttemptReason::Primary || (reason == AttemptReason::Downgrade && m_attempts.size() == 1);
    if (primary && m_route.settings.hedging && m_route.settings.hedgeAfterMs >= 0) {
        m_hedgeTimer->start(m_route.settings.hedgeAfterMs);
    }
}

int RoutedCall::activeIndex(ProviderCall* call) const
{
    for (int i = 0; i < m_active.size(); ++i) {
        if (m_active.at(i).call == call) {
            return i;
        }
    }
    return -1;
}

bool RoutedCall::isSoleActive(ProviderCall* call) const
{
    return m_active.size() == 1 && m_active.first().call == call;
}

void RoutedCall::onHedgeTimer()
{
    if (m_done || !m_router || m_active.size() != 1 || m_active.first().call->hasFirstToken()) {
        return;
    }
    if (const auto candidate = m_cursor.next(m_active.first().candidate.provider.id)) {
        startAttempt(*candidate, AttemptReason::Hedge);
    }
}

double RoutedCall::estimateCost(const Candidate& candidate, const CallResult& partial) const
{
    // What a hedge lost so far, through the one cost function (the long-context tier included).
    const TokenUsage usage = partial.usage == TokenUsage {} ? UsageEstimate::of(m_request, partial) : partial.usage;
    return CostCalculator::cost(candidate.model.price, usage).value_or(0.0);
}

RoutedCall::Active RoutedCall::takeActive(int index, AttemptOutcome outcome, const CallError& error)
{
    Active active = m_active.takeAt(index);
    AttemptInfo& info = m_attempts[active.attempt];
    info.endedMs = nowMs();
    info.outcome = outcome;
    info.error = error;
    if (outcome == AttemptOutcome::Cancelled) {
        active.call->cancel(); // first, so that its usage is estimated from what came back
    }
    // A successful attempt is billed; so is one that produced output before it failed or was
    // stopped (its usage estimated). One that produced nothing, or lost a race, gives its hold back.
    const TokenUsage usage = active.call->result().usage;
    const bool billed
        = outcome == AttemptOutcome::Ok || (outcome != AttemptOutcome::HedgeLost && usage != TokenUsage {});
    if (billed && outcome != AttemptOutcome::Ok) {
        m_unfinishedUsage.promptTokens += usage.promptTokens;
        m_unfinishedUsage.completionTokens += usage.completionTokens;
        m_unfinishedUsage.cachedTokens += usage.cachedTokens;
        m_unfinishedUsage.reasoningTokens += usage.reasoningTokens;
        m_unfinishedUsage.estimated = m_unfinishedUsage.estimated || usage.estimated;
    }
    if (m_router) {
        m_router->services().attemptEnded(active.candidate.model.id);
        m_router->settleBudget(active.candidate.budgetHold, active.candidate.model, billed ? &usage : nullptr);
    }
    if (active.candidate.callerHold != 0 && m_callerSettle) {
        m_callerSettle(active.candidate.callerHold, active.candidate.model, billed ? &usage : nullptr);
    }
    active.call->disconnect(this);
    active.call->deleteLater();
    return active;
}

// Stops an attempt that did not fail by itself (lost the race, cancelled): no cooldown verdict.
void RoutedCall::abandon(Active& active, AttemptOutcome outcome)
{
    active.call->cancel();
    if (active.candidate.probe && m_router) {
        m_router->services().cooldowns().releaseProbe(active.candidate.model.id, active.candidate.provider.id);
    }
    if (outcome == AttemptOutcome::HedgeLost) {
        const double cost = estimateCost(active.candidate, active.call->result());
        m_attempts[active.attempt].costUsd = cost;
        m_hedgeCost += cost;
    }
}

void RoutedCall::settleRace(ProviderCall* winner)
{
    m_hedgeTimer->stop();
    for (int i = int(m_active.size()) - 1; i >= 0; --i) {
        if (m_active.at(i).call != winner) {
            Active loser = takeActive(i, AttemptOutcome::HedgeLost, {});
            abandon(loser, AttemptOutcome::HedgeLost);
        }
    }
}

void RoutedCall::onFirstToken(ProviderCall* call)
{
    if (activeIndex(call) < 0) {
        return;
    }
    settleRace(call);
    if (m_firstTokenMs < 0) {
        m_firstTokenMs = m_elapsed.elapsed();
    }
    emit firstTokenReceived(m_elapsed.elapsed());
}

void RoutedCall::onDelta(ProviderCall* call, const QString& delta, bool reasoning)
{
    const int index = activeIndex(call);
    if (index < 0) {
        return;
    }
    if (m_active.size() > 1) {
        settleRace(call);
    }
    m_active.first().shown = true;
    if (reasoning) {
        emit reasoningReceived(delta);
    } else {
        m_displayed += delta;
        emit textReceived(delta);
    }
}

void RoutedCall::onFinished(ProviderCall* call, const CallResult& result)
{
    const int index = activeIndex(call);
    if (index < 0 || !m_router) {
        return;
    }
    settleRace(call);
    const Active active = takeActive(0, AttemptOutcome::Ok, {});
    RouterServices& services = m_router->services();
    services.cooldowns().recordSuccess(active.candidate.model.id, active.candidate.provider.id);
    services.loadBalancer().recordLatency(active.candidate.model.id, result.latencyMs);

    RoutedResult routed;
    static_cast<CallResult&>(routed) = result;
    if (m_continuing) {
        routed.text = m_displayed; // the prefix shown before the break plus this continuation
    }
    routed.ttftMs = m_firstTokenMs;
    routed.latencyMs = m_elapsed.elapsed();
    static_cast<RouteTrace&>(routed) = trace();
    if (m_route.settings.cacheEnabled && !m_request.hasClientBody()) {
        services.cache().store(m_request.messages, m_route.tier,
                               { routed.text, routed.usage, routed.modelId, routed.providerId, 0 });
    }
    m_done = true;
    emit finished(routed);
}

void RoutedCall::onFailed(ProviderCall* call, const CallError& error)
{
    const int index = activeIndex(call);
    if (index < 0 || !m_router) {
        return;
    }
    const Active active = takeActive(index, AttemptOutcome::Failed, error);
    const ModelConfig& model = active.candidate.model;
    const ProviderConfig& provider = active.candidate.provider;
    CooldownTracker& cooldowns = m_router->services().cooldowns();
    cooldowns.recordFailure(model.id, provider.id, error.failureClass, m_route.settings, error.retryAfterMs);
    if (active.candidate.probe && !CooldownTracker::countsTowardCooldown(error.failureClass)
        && error.failureClass != FailureClass::QuotaExhausted) {
        cooldowns.releaseProbe(model.id, provider.id);
    }
    m_lastError = error;
    m_lastModel = model.id;

    if (active.shown) {
        switch (m_route.settings.midStream) {
        case MidStreamPolicy::StopIncomplete:
            failWith(tr("The answer from %1 broke off (%2); it is incomplete.").arg(model.id, error.summary()), true);
            return;
        case MidStreamPolicy::Restart:
            m_pendingRestart = true;
            m_continuing = false;
            break;
        case MidStreamPolicy::Continue:
            m_continuing = true;
            break;
        }
    }

    switch (FailoverRules::actionFor(error, m_route.settings, m_rateLimitRetried)) {
    case FailoverAction::SwitchProvider:
    case FailoverAction::CoolProviderAndSwitch: // the cooldown itself was recorded above
        m_cursor.ruleOutProvider(provider.id, FailureClasses::id(error.failureClass));
        break;
    case FailoverAction::RetrySameModel:
        if (m_active.isEmpty()) {
            m_rateLimitRetried = true;
            // The retry is an attempt of its own: the caller's budget holds for it again.
            const BudgetHold caller = m_callerReserve ? m_callerReserve(model, m_request) : BudgetHold {};
            if (caller.ok) {
                m_retryCandidate = Candidate { model, provider, false, 0, {}, caller.id };
                m_retryTimer->start(int(qMax<qint64>(0, error.retryAfterMs)));
                return;
            }
        }
        break;
    case FailoverAction::SwitchModel:
        break;
    case FailoverAction::LargerContext:
        m_cursor.requireLargerContext(model.contextWindow);
        break;
    case FailoverAction::End:
        failWith(tr("%1 rejected the request (%2). No other model was tried: the request itself is at fault.")
                     .arg(model.id, error.summary()),
                 !m_displayed.isEmpty());
        return;
    case FailoverAction::Stop:
        stopEverything();
        return;
    }

    if (!m_active.isEmpty()) {
        // A hedge partner is still running: it carries on alone.
        ++m_failovers;
        emit failedOver(model.id, m_active.first().candidate.model.id, error);
        return;
    }
    m_pendingFailover = true;
    startNextOrFinish();
}

void RoutedCall::answerFromCache()
{
    const auto answer = m_router->services().cache().lookup(m_request.messages, m_route.tier);
    if (!m_displayed.isEmpty() || m_pendingRestart) {
        m_pendingRestart = false;
        m_displayed.clear();
        emit restarted(answer->modelId);
    }
    emit cacheAnswered();
    if (m_done) {
        return;
    }
    emit textReceived(answer->text);
    if (m_done) {
        return;
    }
    RoutedResult routed;
    routed.modelId = answer->modelId;
    routed.providerId = answer->providerId;
    routed.text = answer->text;
    routed.usage = answer->usage;
    routed.finishReason = QStringLiteral("cached");
    routed.latencyMs = m_elapsed.elapsed();
    routed.cached = true;
    static_cast<RouteTrace&>(routed) = trace();
    m_done = true;
    emit finished(routed);
}

RouteTrace RoutedCall::trace() const
{
    RouteTrace trace;
    trace.tier = m_route.tier;
    trace.requestedTier = m_requestedTier;
    trace.downgrades = m_downgrades;
    trace.budgetWarnings = m_budgetWarnings;
    trace.ruleIndex = m_route.rule.ruleIndex;
    trace.ruleName = m_route.rule.ruleName;
    trace.why = m_route.rule.why;
    trace.learned = m_route.rule.learned;
    trace.attempts = m_attempts;
    trace.skipped = m_cursor.skipped();
    trace.failovers = m_failovers;
    trace.hedgeCostUsd = m_hedgeCost;
    trace.span = m_span;
    trace.maxTokens = m_request.maxTokens;
    return trace;
}

RoutedError RoutedCall::snapshot(const QString& message, bool incomplete) const
{
    RoutedError error;
    error.message = message;
    error.lastError = m_lastError;
    error.incomplete = incomplete;
    error.partialText = m_displayed;
    error.usage = m_unfinishedUsage;
    error.ttftMs = m_firstTokenMs;
    static_cast<RouteTrace&>(error) = trace();
    return error;
}

void RoutedCall::failWith(const QString& message, bool incomplete)
{
    stopEverything();
    emit failed(snapshot(message, incomplete));
}

void RoutedCall::stopEverything()
{
    m_done = true;
    m_hedgeTimer->stop();
    m_retryTimer->stop();
    if (m_retryCandidate && m_retryCandidate->callerHold != 0 && m_callerSettle) {
        m_callerSettle(m_retryCandidate->callerHold, m_retryCandidate->model, nullptr);
    }
    m_retryCandidate.reset();
    while (!m_active.isEmpty()) {
        Active active = takeActive(int(m_active.size()) - 1, AttemptOutcome::Cancelled, {});
        abandon(active, AttemptOutcome::Cancelled);
    }
}

void RoutedCall::cancel()
{
    if (m_done) {
        return;
    }
    stopEverything();
    emit cancelled(snapshot(tr("Cancelled"), !m_displayed.isEmpty()));
}
