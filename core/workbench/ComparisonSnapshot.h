#pragma once

#include "core/workbench/ColumnExchange.h"
#include "core/workbench/ColumnFigures.h"
#include "core/workbench/ColumnRoute.h"
#include "core/workbench/ColumnRun.h"
#include "core/workbench/ColumnSpec.h"

#include <QDateTime>
#include <QList>

// A comparison frozen for export or history: plain values, no live objects.
struct ColumnSnapshot
{
    ColumnSpec spec;
    QString modelId;
    QString providerId;
    QString providerName;
    ColumnState state = ColumnState::Idle;
    QString statusText;
    QString text;
    QString reasoning;
    QList<ToolCall> toolCalls;
    QString settings; // RequestSettings::describe of what the column sent (empty: defaults)
    ColumnFigures figures;
    CallError error;
    QString note; // e.g. "routed: tier fast, rule short-prompts; failed over from x"
    ColumnRoute route; // a routed column's decision and failovers
    // The tools it was offered, its earlier turns, this turn's question and files.
    ColumnExchange exchange;

    bool operator==(const ColumnSnapshot& other) const;
};

struct ComparisonSnapshot
{
    QString compareGroup;
    QDateTime startedAt; // UTC
    PromptSettings prompt;
    QList<ColumnSnapshot> columns;
};
