#pragma once

#include <QList>
#include <QString>

#include <optional>

// How a request ended, as the ledger keeps it. Only Failed counts as a failure.
enum class RequestStatus
{
    Ok, // "ok": answered
    Cached, // "cached": answered from the response cache after every model failed
    Failed, // "failed": no answer
    Incomplete, // "incomplete": text was shown and the answer broke off
    Cancelled, // "cancelled": stopped by the user or a client, or torn down
    Interrupted, // "interrupted": sent, then the process died before it ended (from its journal)
};

namespace RequestStatuses {
// Stable identifiers, used only where SQL or JSON needs a string.
QString id(RequestStatus value);
std::optional<RequestStatus> fromId(const QString& id);
QList<RequestStatus> all();
} // namespace RequestStatuses
