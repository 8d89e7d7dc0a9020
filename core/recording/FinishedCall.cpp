#include "core/recording/FinishedCall.h"

FinishedCall FinishedCall::routed(const RoutedResult& result)
{
    FinishedCall call;
    call.status = result.cached ? RequestStatus::Cached : RequestStatus::Ok;
    call.tier = result.tier;
    call.rule = result.ruleName;
    call.learned = result.learned;
    call.modelId = result.modelId;
    call.providerId = result.providerId;
    call.attempts = result.attempts;
    call.usage = result.usage;
    call.ttftMs = result.ttftMs;
    call.latencyMs = result.latencyMs;
    call.budgetSettled = true;
    call.answer = result.text;
    call.reasoning = result.reasoning;
    call.toolCalls = result.toolCalls;
    call.span = result.span;
    call.maxTokens = result.maxTokens;
    call.finishReason = result.finishReason;
    return call;
}

FinishedCall FinishedCall::routedFailure(const RoutedError& error)
{
    FinishedCall call;
    call.status = error.incomplete ? RequestStatus::Incomplete : RequestStatus::Failed;
    call.tier = error.tier;
    call.rule = error.ruleName;
    call.learned = error.learned;
    call.attempts = error.attempts;
    call.error = error.lastError;
    call.errorMessage = error.message;
    call.usage = error.usage;
    call.ttftMs = error.ttftMs;
    call.budgetSettled = true;
    call.answer = error.partialText;
    call.span = error.span;
    call.maxTokens = error.maxTokens;
    return call;
}

FinishedCall FinishedCall::routedCancelled(const RoutedError& state)
{
    FinishedCall call = routedFailure(state);
    call.status = RequestStatus::Cancelled;
    call.error = {};
    call.error.failureClass = FailureClass::Cancelled;
    return call;
}

FinishedCall FinishedCall::direct(const CallResult& result, const CallError& error, const QDateTime& startedAt)
{
    FinishedCall call;
    const bool cancelled = error.failureClass == FailureClass::Cancelled;
    call.status = !error.isError() ? RequestStatus::Ok : (cancelled ? RequestStatus::Cancelled : RequestStatus::Failed);
    call.modelId = result.modelId;
    call.providerId = result.providerId;
    call.usage = result.usage;
    call.ttftMs = result.ttftMs;
    call.latencyMs = result.latencyMs;
    call.error = error;
    call.errorMessage = error.message;
    call.answer = result.text;
    call.reasoning = result.reasoning;
    call.toolCalls = result.toolCalls;
    call.finishReason = result.finishReason;

    // A direct call is exactly one upstream request.
    AttemptInfo attempt;
    attempt.modelId = result.modelId;
    attempt.providerId = result.providerId;
    attempt.reason = AttemptReason::Primary;
    attempt.startedMs = startedAt.toMSecsSinceEpoch();
    attempt.endedMs = attempt.startedMs + result.latencyMs;
    attempt.outcome
        = !error.isError() ? AttemptOutcome::Ok : (cancelled ? AttemptOutcome::Cancelled : AttemptOutcome::Failed);
    attempt.error = error;
    call.attempts = { attempt };
    return call;
}

FinishedCall FinishedCall::cancelled(const QString& message)
{
    FinishedCall call;
    call.status = RequestStatus::Cancelled;
    call.error.failureClass = FailureClass::Cancelled;
    call.errorMessage = message;
    return call;
}
