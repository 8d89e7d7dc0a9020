#pragma once

#include <QList>
#include <QString>

class ColumnRun;

// The line under the workbench's columns: how many columns, how many still answering, done,
// stopped (by the user, or cut off unfinished) and failed, and what the run cost in total, "~"
// when it includes estimated costs of answers that did not finish.
struct RunSummary
{
    int columns = 0;
    int active = 0;
    int done = 0;
    int failed = 0;
    int stopped = 0;
    bool anyCost = false;
    double costUsd = 0;
    bool estimated = false;

    static RunSummary of(const QList<ColumnRun*>& columns);

    // "3 columns · 2 done · 1 stopped · total ~$0.000412"; empty without columns.
    QString text() const;
    // Why a "~" is there, or empty.
    QString toolTip() const;
};
