#pragma once

#include "core/common/AttemptOutcome.h"
#include "core/common/ProviderTypes.h"
#include "core/common/RequestSource.h"
#include "core/common/RequestStatus.h"
#include "core/common/TraceContext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// Plain records handed to the Ledger by the workbench, router, gateway and CLI. The ledger
// stores exactly these fields and nothing else (no keys, no headers).

// What the trace exporter reads beside a row: the ledger does not store it, so it takes no part
// in a row's equality (a row read back equals the row written).
struct AttemptSpanInfo
{
    QByteArray spanId; // the attempt's span, named in its upstream `traceparent`; empty: not traced
    QString server; // "host:port" it was sent to

    bool operator==(const AttemptSpanInfo&) const { return true; }
};

struct RequestSpanInfo
{
    TraceContext span; // the request's span (invalid when it was not traced)
    int maxTokens = 0; // what the request asked for (0: the default)
    QString finishReason;
    // The GenAI operation (gen_ai.operation.name): "chat" when empty, "embeddings", "count_tokens".
    QString operation;

    bool operator==(const RequestSpanInfo&) const { return true; }
};

struct AttemptRecord
{
    QString modelId;
    QString providerId;
    QDateTime startedAt; // UTC
    QDateTime endedAt; // UTC
    AttemptOutcome outcome = AttemptOutcome::Ok;
    QString failureClass; // FailureClasses::id, empty when ok
    int httpStatus = 0;
    QString message;
    AttemptSpanInfo trace;

    bool operator==(const AttemptRecord&) const = default;
};

struct FailoverRecord
{
    QDateTime at; // UTC
    QString fromModel;
    QString toModel;
    QString failureClass; // FailureClasses::id of the failure that caused the switch
    QString message;

    bool operator==(const FailoverRecord&) const = default;
};

// A learned routing rule's decision, kept with the request it routed.
struct LearnedRouteRecord
{
    double pStrong = 0; // the trained router's estimate that the strong model is needed
    bool strong = false; // the strong model was chosen (pStrong at or above the rule's threshold)

    bool operator==(const LearnedRouteRecord&) const = default;
};

struct RequestRecord
{
    QString id; // uuid; the Ledger makes one when empty
    QDateTime startedAt; // UTC
    RequestSource source = RequestSource::Workbench;
    QString clientKey; // the gateway client key's id, empty otherwise
    QString prompt; // blanked by the Ledger when prompt storage is off
    QString tier;
    QString rule;
    std::optional<LearnedRouteRecord> learned; // set when a learned rule routed the request
    QString finalModel;
    QString finalProvider;
    RequestStatus status = RequestStatus::Ok; // only Failed counts as a failure
    qint64 ttftMs = -1; // -1 = no first token
    qint64 latencyMs = 0;
    TokenUsage usage;
    std::optional<double> costUsd; // nullopt = unpriced, never 0
    bool costEstimated = false;
    int priceVersion = 0;
    bool cachedAnswer = false;
    QString compareGroup;
    QString failureClass; // FailureClasses::id of the final failure, empty when ok
    QString errorMessage;
    QList<AttemptRecord> attempts;
    QList<FailoverRecord> failovers;
    // What came back, kept for workbench runs; blanked with the prompt when prompt storage is off.
    QString answer;
    QString reasoning;
    QList<ToolCall> toolCalls;
    // What makes two calls of one model differ (RequestSettings::describe), empty for defaults.
    QString settings;
    // A workbench column's tools, earlier turns and files as a JSON document the workbench writes
    // and reads (ColumnExchange); blanked with the prompt when prompt storage is off.
    QString exchange;
    // What a client sent with its prompt besides the conversation (the gateway, `ask`, `route`), so
    // that a prompt set made of the row asks the same (HistorySet): the system prompt (its system
    // and developer messages, or Anthropic's `system`, joined), the tools as OpenAI's `tools` array
    // (function tools; Anthropic's translated) and tool_choice as OpenAI's (undefined: none).
    // Blanked with the prompt when prompt storage is off; the tools are stored once per distinct
    // document (ToolDocument).
    QString system;
    QJsonArray tools;
    QJsonValue toolChoice { QJsonValue::Undefined };
    RequestSpanInfo trace;

    bool operator==(const RequestRecord&) const = default;
};

struct VoteRecord
{
    QString compareGroup;
    QString winnerModel; // empty when tie
    bool tie = false;
    QDateTime at; // UTC
    QString winnerSettings; // the winning column's RequestSettings::describe
    QString tag; // the user's label for the comparison ("coding", "summaries"), may be empty

    bool operator==(const VoteRecord&) const = default;
};

Q_DECLARE_METATYPE(RequestRecord)
Q_DECLARE_METATYPE(VoteRecord)
