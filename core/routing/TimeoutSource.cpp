#include "core/routing/TimeoutSource.h"

namespace {
struct Entry
{
    TimeoutSource value;
    const char* id;
};

constexpr Entry kEntries[] = {
    { TimeoutSource::Request, "request" },
    { TimeoutSource::Model, "model" },
    { TimeoutSource::Tier, "tier" },
    { TimeoutSource::Defaults, "defaults" },
};
} // namespace

QString TimeoutSources::id(TimeoutSource value)
{
    for (const auto& entry : kEntries) {
        if (entry.value == value) {
            return QString::fromLatin1(entry.id);
        }
    }
    return {};
}

std::optional<TimeoutSource> TimeoutSources::fromId(const QString& id)
{
    for (const auto& entry : kEntries) {
        if (id == QLatin1String(entry.id)) {
            return entry.value;
        }
    }
    return std::nullopt;
}
