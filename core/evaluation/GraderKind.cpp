#include "core/evaluation/GraderKind.h"

#include <QStringList>

namespace {
struct Entry
{
    GraderKind value;
    const char* id;
};

constexpr Entry kEntries[] = {
    { GraderKind::Equals, "equals" },
    { GraderKind::Contains, "contains" },
    { GraderKind::Regex, "regex" },
    { GraderKind::JsonValid, "json-valid" },
    { GraderKind::JsonSchemaValid, "json-schema-valid" },
    { GraderKind::Numeric, "numeric" },
    { GraderKind::ToolCall, "tool-call" },
    { GraderKind::LlmJudge, "llm-judge" },
    { GraderKind::LlmPairwise, "llm-pairwise" },
};
} // namespace

QString GraderKinds::id(GraderKind kind)
{
    for (const auto& entry : kEntries) {
        if (entry.value == kind) {
            return QString::fromLatin1(entry.id);
        }
    }
    return {};
}

std::optional<GraderKind> GraderKinds::fromId(const QString& id)
{
    for (const auto& entry : kEntries) {
        if (id == QLatin1String(entry.id)) {
            return entry.value;
        }
    }
    return std::nullopt;
}

QList<GraderKind> GraderKinds::all()
{
    QList<GraderKind> kinds;
    for (const auto& entry : kEntries) {
        kinds.append(entry.value);
    }
    return kinds;
}

QString GraderKinds::idList()
{
    QStringList ids;
    for (const auto& entry : kEntries) {
        ids.append(QString::fromLatin1(entry.id));
    }
    return ids.join(QStringLiteral(", "));
}
