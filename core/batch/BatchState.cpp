#include "core/batch/BatchState.h"

namespace {
struct Entry
{
    BatchState value;
    const char* id;
};

constexpr Entry kEntries[] = {
    { BatchState::Validating, "validating" },  { BatchState::Queued, "queued" },
    { BatchState::InProgress, "in_progress" }, { BatchState::Finalizing, "finalizing" },
    { BatchState::Cancelling, "cancelling" },  { BatchState::Ended, "ended" },
    { BatchState::Failed, "failed" },          { BatchState::Expired, "expired" },
    { BatchState::Cancelled, "cancelled" },
};
} // namespace

QString BatchStates::id(BatchState state)
{
    for (const Entry& entry : kEntries) {
        if (entry.value == state) {
            return QString::fromLatin1(entry.id);
        }
    }
    return {};
}

std::optional<BatchState> BatchStates::fromId(const QString& id)
{
    for (const Entry& entry : kEntries) {
        if (id == QLatin1String(entry.id)) {
            return entry.value;
        }
    }
    return std::nullopt;
}

bool BatchStates::isRunning(BatchState state)
{
    return state == BatchState::Validating || state == BatchState::Queued || state == BatchState::InProgress
        || state == BatchState::Finalizing || state == BatchState::Cancelling;
}

bool BatchStates::hasResults(BatchState state)
{
    return state == BatchState::Ended || state == BatchState::Expired || state == BatchState::Cancelled;
}
