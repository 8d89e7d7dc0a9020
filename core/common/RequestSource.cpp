#include "core/common/RequestSource.h"

namespace {
struct Entry
{
    RequestSource value;
    const char* id;
};

constexpr Entry kEntries[] = {
    { RequestSource::Workbench, "workbench" },   { RequestSource::Route, "route" },
    { RequestSource::Gateway, "gateway" },       { RequestSource::Cli, "cli" },
    { RequestSource::Probe, "probe" },           { RequestSource::Batch, "batch" },
    { RequestSource::Evaluation, "evaluation" },
};
} // namespace

QString RequestSources::id(RequestSource value)
{
    for (const auto& entry : kEntries) {
        if (entry.value == value) {
            return QString::fromLatin1(entry.id);
        }
    }
    return {};
}

std::optional<RequestSource> RequestSources::fromId(const QString& id)
{
    for (const auto& entry : kEntries) {
        if (id == QLatin1String(entry.id)) {
            return entry.value;
        }
    }
    return std::nullopt;
}

QList<RequestSource> RequestSources::all()
{
    QList<RequestSource> values;
    for (const auto& entry : kEntries) {
        values.append(entry.value);
    }
    return values;
}

bool RequestSources::isComparison(RequestSource value)
{
    return value == RequestSource::Workbench || value == RequestSource::Evaluation;
}

QList<RequestSource> RequestSources::comparisons()
{
    QList<RequestSource> values;
    for (const auto& entry : kEntries) {
        if (isComparison(entry.value)) {
            values.append(entry.value);
        }
    }
    return values;
}
