#pragma once

#include <QList>
#include <QString>

#include <optional>

// How one day x model (x key) row of a reconciliation came out.
enum class ReconcileStatus
{
    Matched, // "matched": on the provider's export and in the ledger (drift says how close)
    MissingInLedger, // "missing_in_ledger": billed by the provider, not recorded: spend outside Switchyard
    MissingAtProvider, // "missing_at_provider": recorded, not on the export
};

namespace ReconcileStatuses {
// Stable identifiers, used only where JSON needs a string.
QString id(ReconcileStatus value);
std::optional<ReconcileStatus> fromId(const QString& id);
QList<ReconcileStatus> all();
// "matched", "missing in ledger", ... for people.
QString displayName(ReconcileStatus value);
} // namespace ReconcileStatuses
