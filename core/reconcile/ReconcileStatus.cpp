#include "core/reconcile/ReconcileStatus.h"

#include <QCoreApplication>

namespace ReconcileStatuses {

QString id(ReconcileStatus value)
{
    switch (value) {
    case ReconcileStatus::Matched:
        return QStringLiteral("matched");
    case ReconcileStatus::MissingInLedger:
        return QStringLiteral("missing_in_ledger");
    case ReconcileStatus::MissingAtProvider:
        return QStringLiteral("missing_at_provider");
    }
    return {};
}

std::optional<ReconcileStatus> fromId(const QString& id)
{
    for (ReconcileStatus value : all()) {
        if (ReconcileStatuses::id(value) == id) {
            return value;
        }
    }
    return std::nullopt;
}

QList<ReconcileStatus> all()
{
    return { ReconcileStatus::Matched, ReconcileStatus::MissingInLedger, ReconcileStatus::MissingAtProvider };
}

QString displayName(ReconcileStatus value)
{
    switch (value) {
    case ReconcileStatus::Matched:
        return QCoreApplication::translate("ReconcileStatuses", "matched");
    case ReconcileStatus::MissingInLedger:
        return QCoreApplication::translate("ReconcileStatuses", "missing in ledger");
    case ReconcileStatus::MissingAtProvider:
        return QCoreApplication::translate("ReconcileStatuses", "missing at provider");
    }
    return {};
}

} // namespace ReconcileStatuses
