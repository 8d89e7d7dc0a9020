#pragma once

#include "core/common/ProviderTypes.h"
#include "core/common/RequestSource.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QString>

#include <optional>

// What is known about a call when it starts: who sent it and what it asked. Fixed for the call's
// life; the PendingRecord taken with it carries it to the ledger row.
struct RecordContext
{
    RequestSource source = RequestSource::Workbench;
    QString prompt;
    QString compareGroup;
    QDateTime startedAt; // UTC; the recorder sets it (Clock) when left invalid
    // A direct call knows its model from the start; a routed one learns it from its attempts.
    QString modelId;
    QString providerId;
    // The rates of the model the call went to, when the caller holds its own copy (a workbench
    // column's model); otherwise the recorder looks the final model up.
    std::optional<ModelPrice> price;
    QString clientKey; // the gateway client key's id, empty otherwise
    // The answer, reasoning and tool calls go into the row (workbench runs: the evidence of a
    // comparison); the ledger still drops them when prompt storage is off.
    bool keepAnswer = false;
    QString settings; // RequestSettings::describe of the request
    QString exchange; // a workbench column's tools, earlier turns and files (kept with the answer)
    QString requestId; // the row's uuid; the recorder makes one when left empty
    // What a client sent besides its prompt (the gateway, `ask`, `route`): its system prompt, and
    // its tools and tool_choice as OpenAI's (see RequestRecord). The ledger drops them with the
    // prompt when prompt storage is off.
    QString system;
    QJsonArray tools;
    QJsonValue toolChoice { QJsonValue::Undefined };
};
