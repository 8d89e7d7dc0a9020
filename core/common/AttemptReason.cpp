#include "core/common/AttemptReason.h"

namespace {
struct Entry
{
    AttemptReason value;
    const char* id;
};

constexpr Entry kEntries[] = {
    { AttemptReason::Primary, "primary" },
    { AttemptReason::Failover, "failover" },
    { AttemptReason::RateLimitRetry, "rate_limit_retry" },
    { AttemptReason::Hedge, "hedge" },
    { AttemptReason::Continue, "continue" },
    { AttemptReason::Downgrade, "downgrade" },
};
} // namespace

QString AttemptReasons::id(AttemptReason value)
{
    for (const auto& entry : kEntries) {
        if (entry.value == value) {
            return QString::fromLatin1(entry.id);
        }
    }
    return {};
}

std::optional<AttemptReason> AttemptReasons::fromId(const QString& id)
{
    for (const auto& entry : kEntries) {
        if (id == QLatin1String(entry.id)) {
            return entry.value;
        }
    }
    return std::nullopt;
}

QList<AttemptReason> AttemptReasons::all()
{
    QList<AttemptReason> values;
    for (const auto& entry : kEntries) {
        values.append(entry.value);
    }
    return values;
}
