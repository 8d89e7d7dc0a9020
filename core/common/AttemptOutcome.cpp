#include "core/common/AttemptOutcome.h"

namespace {
struct Entry
{
    AttemptOutcome value;
    const char* id;
};

constexpr Entry kEntries[] = {
    { AttemptOutcome::Ok, "ok" },
    { AttemptOutcome::Failed, "failed" },
    { AttemptOutcome::HedgeLost, "hedge_lost" },
    { AttemptOutcome::Cancelled, "cancelled" },
};
} // namespace

QString AttemptOutcomes::id(AttemptOutcome value)
{
    for (const auto& entry : kEntries) {
        if (entry.value == value) {
            return QString::fromLatin1(entry.id);
        }
    }
    return {};
}

std::optional<AttemptOutcome> AttemptOutcomes::fromId(const QString& id)
{
    for (const auto& entry : kEntries) {
        if (id == QLatin1String(entry.id)) {
            return entry.value;
        }
    }
    return std::nullopt;
}

QList<AttemptOutcome> AttemptOutcomes::all()
{
    QList<AttemptOutcome> values;
    for (const auto& entry : kEntries) {
        values.append(entry.value);
    }
    return values;
}
