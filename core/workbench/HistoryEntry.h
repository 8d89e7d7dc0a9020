#pragma once

#include "core/workbench/ComparisonSnapshot.h"

#include "core/ledger/LedgerRecords.h"

#include <QList>

// Earlier workbench runs as the ledger stores them (one RequestRecord per column, tied by the
// compare group), turned back into what the workbench shows: columns, figures and, when prompt
// storage was on, every answer with its reasoning and tool calls.
struct HistoryEntry
{
    QString compareGroup;
    QDateTime startedAt;
    QString prompt;
    QStringList models;
    double costUsd = 0;
    bool costEstimated = false; // part of the cost is estimated (a stopped or broken-off answer)
    int failed = 0;

    // Groups records (newest first) into runs, newest first; records without a compare group
    // are runs of their own.
    static QList<HistoryEntry> group(const QList<RequestRecord>& records);
    static ColumnSnapshot columnOf(const RequestRecord& record);
    static ComparisonSnapshot snapshotOf(const QList<RequestRecord>& records);
};
