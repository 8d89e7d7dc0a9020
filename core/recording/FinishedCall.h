#pragma once

#include "core/common/ProviderTypes.h"
#include "core/common/RequestStatus.h"
#include "core/routing/RoutedTypes.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// How a call ended, as a value: whatever made the call (a routed call, a direct provider call,
// the gateway) fills one of these and hands it to its PendingRecord; the CallRecorder turns it
// into the ledger row. Nothing here is computed twice: cost, failovers and the failure class are
// derived by the recorder alone.
struct FinishedCall
{
    RequestStatus status = RequestStatus::Ok;
    QString tier;
    QString rule;
    std::optional<LearnedDecision> learned; // the learned rule's decision, when one routed the call
    QString modelId; // the model that answered, or the last one tried
    QString providerId;
    QList<AttemptInfo> attempts; // every upstream request, in order
    TokenUsage usage;
    qint64 ttftMs = -1;
    std::optional<qint64> latencyMs; // nullopt: from the call's start until it is recorded
    CallError error; // the failure that ended the call (None when it did not fail)
    QString errorMessage; // one sentence for the user
    // The router's budget holds already billed every attempt: the row is not counted again.
    bool budgetSettled = false;
    // What came back (all of it, or what came before a failure); kept when the context asks.
    QString answer;
    QString reasoning;
    QList<ToolCall> toolCalls;
    // For the trace exporter: the request's span (invalid when not traced), what it asked for
    // and why the answer ended.
    TraceContext span;
    int maxTokens = 0;
    QString finishReason;
    QString operation; // RequestSpanInfo::operation

    static FinishedCall routed(const RoutedResult& result);
    // Failed, or Incomplete when text was shown before the end.
    static FinishedCall routedFailure(const RoutedError& error);
    // A routed call stopped by the user or a client (RoutedCall::cancelled(), snapshot()).
    static FinishedCall routedCancelled(const RoutedError& state);
    // A direct provider call (workbench column, `ask --model`), started at `startedAt`; `error`
    // is set when it failed, `result` then holds what came before.
    static FinishedCall direct(const CallResult& result, const CallError& error, const QDateTime& startedAt);
    // Stopped by the user or a client, or torn down before it ended.
    static FinishedCall cancelled(const QString& message = {});
};

Q_DECLARE_METATYPE(FinishedCall)
