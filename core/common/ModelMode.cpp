#include "core/common/ModelMode.h"

namespace {
struct Entry
{
    ModelMode value;
    const char* id;
};

constexpr Entry kEntries[] = {
    { ModelMode::Chat, "chat" },
    { ModelMode::Embedding, "embedding" },
};
} // namespace

QString ModelModes::id(ModelMode value)
{
    for (const auto& entry : kEntries) {
        if (entry.value == value) {
            return QString::fromLatin1(entry.id);
        }
    }
    return {};
}

std::optional<ModelMode> ModelModes::fromId(const QString& id)
{
    for (const auto& entry : kEntries) {
        if (id == QLatin1String(entry.id)) {
            return entry.value;
        }
    }
    return std::nullopt;
}
