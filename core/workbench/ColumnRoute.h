#pragma once

#include "core/common/FailureClass.h"

#include <QList>
#include <QString>

// What the router did for a "Route it" column: the tier and rule it chose, the model that
// answered, and every failover on the way. Plain data the column view and exports read.
struct ColumnRoute
{
    struct Failover
    {
        QString fromModel;
        QString toModel;
        CallError error;
    };

    bool decided = false;
    QString tier;
    QString ruleName;
    QString why;
    QString modelId; // the model running (or that answered) now
    QList<Failover> failovers;

    // "Tier standard · rule default"
    QString decisionText() const;
    // "Failed over from sandbox/gpt-4.1-mini (Server error, HTTP 503) to sandbox/deepseek-chat"
    static QString failoverText(const Failover& failover);
    // One line for exports and history: the decision, then the failovers.
    QString note() const;
};
