#include "core/common/RequestStatus.h"

namespace {
struct Entry
{
    RequestStatus value;
    const char* id;
};

constexpr Entry kEntries[] = {
    { RequestStatus::Ok, "ok" },
    { RequestStatus::Cached, "cached" },
    { RequestStatus::Failed, "failed" },
    { RequestStatus::Incomplete, "incomplete" },
    { RequestStatus::Cancelled, "cancelled" },
    { RequestStatus::Interrupted, "interrupted" },
};
} // namespace

QString RequestStatuses::id(RequestStatus value)
{
    for (const auto& entry : kEntries) {
        if (entry.value == value) {
            return QString::fromLatin1(entry.id);
        }
    }
    return {};
}

std::optional<RequestStatus> RequestStatuses::fromId(const QString& id)
{
    for (const auto& entry : kEntries) {
        if (id == QLatin1String(entry.id)) {
            return entry.value;
        }
    }
    return std::nullopt;
}

QList<RequestStatus> RequestStatuses::all()
{
    QList<RequestStatus> values;
    for (const auto& entry : kEntries) {
        values.append(entry.value);
    }
    return values;
}
