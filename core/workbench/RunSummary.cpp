#include "core/workbench/RunSummary.h"

#include "core/common/Money.h"
#include "core/workbench/ColumnRun.h"

#include <QCoreApplication>

RunSummary RunSummary::of(const QList<ColumnRun*>& columns)
{
    RunSummary summary;
    summary.columns = int(columns.size());
    for (const ColumnRun* column : columns) {
        summary.active += column->isActive();
        summary.done += column->state() == ColumnState::Done;
        summary.failed += column->state() == ColumnState::Failed;
        // Stopped by the user (with or without text so far), or cut off at max tokens: ended unfinished.
        summary.stopped += column->state() == ColumnState::Incomplete || column->state() == ColumnState::Cancelled;
        if (const std::optional<double> cost = column->figures().costUsd) {
            summary.costUsd += *cost;
            summary.anyCost = true;
            summary.estimated = summary.estimated || (column->figures().costEstimated && *cost > 0);
        }
    }
    return summary;
}

QString RunSummary::text() const
{
    if (columns == 0) {
        return {};
    }
    auto tr = [](const char* text) { return QCoreApplication::translate("RunSummary", text); };
    QStringList parts { QCoreApplication::translate("RunSummary", "%n column(s)", nullptr, columns) };
    if (active > 0) {
        parts.append(tr("%1 answering").arg(active));
    } else if (done + failed + stopped > 0) {
        parts.append(tr("%1 done").arg(done));
        if (stopped > 0) {
            parts.append(tr("%1 stopped").arg(stopped));
        }
        if (failed > 0) {
            parts.append(tr("%1 failed").arg(failed));
        }
        if (anyCost) {
            // "~" as in the columns: a stopped answer is charged for what was generated, estimated.
            parts.append(tr("total %1").arg((estimated ? QStringLiteral("~") : QString()) + Money::format(costUsd)));
        }
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

QString RunSummary::toolTip() const
{
    return estimated
        ? QCoreApplication::translate("RunSummary", "Includes estimated costs (~) of answers that did not finish")
        : QString();
}
