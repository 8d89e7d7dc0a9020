#pragma once

#include <QList>
#include <QString>

#include <optional>

// How one upstream request of a call ended. The failure class of a failed one is in its CallError.
enum class AttemptOutcome
{
    Ok, // "ok": the answer came from this attempt
    Failed, // "failed": it failed by itself (CallError says why)
    HedgeLost, // "hedge_lost": a hedge partner answered first
    Cancelled, // "cancelled": the call was stopped while it ran
};

namespace AttemptOutcomes {
// Stable identifiers, used only where SQL or JSON needs a string.
QString id(AttemptOutcome value);
std::optional<AttemptOutcome> fromId(const QString& id);
QList<AttemptOutcome> all();
} // namespace AttemptOutcomes
