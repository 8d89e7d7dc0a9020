#include "core/common/ModelCapability.h"

namespace {
struct Entry
{
    ModelCapability value;
    const char* id;
};

constexpr Entry kEntries[] = {
    { ModelCapability::Vision, "vision" },
    { ModelCapability::Tools, "tools" },
    { ModelCapability::PdfInput, "pdf" },
    { ModelCapability::JsonSchema, "json_schema" },
};
} // namespace

ModelCapabilities ModelCapabilities::of(std::initializer_list<ModelCapability> capabilities)
{
    ModelCapabilities result;
    result.markKnown();
    for (ModelCapability capability : capabilities) {
        result.add(capability);
    }
    return result;
}

std::optional<ModelCapabilities> ModelCapabilities::fromIds(const QStringList& ids, QString* error)
{
    ModelCapabilities result;
    result.markKnown();
    for (const QString& id : ids) {
        const std::optional<ModelCapability> capability = fromId(id);
        if (!capability) {
            if (error) {
                QStringList known;
                for (const auto& entry : kEntries) {
                    known.append(QString::fromLatin1(entry.id));
                }
                *error = tr("unknown capability \"%1\" (known: %2)").arg(id, known.join(QStringLiteral(", ")));
            }
            return std::nullopt;
        }
        result.add(*capability);
    }
    return result;
}

QStringList ModelCapabilities::ids() const
{
    QStringList out;
    for (ModelCapability capability : kAll) {
        if (has(capability)) {
            out.append(id(capability));
        }
    }
    return out;
}

QString ModelCapabilities::id(ModelCapability capability)
{
    for (const auto& entry : kEntries) {
        if (entry.value == capability) {
            return QString::fromLatin1(entry.id);
        }
    }
    return {};
}

std::optional<ModelCapability> ModelCapabilities::fromId(const QString& id)
{
    for (const auto& entry : kEntries) {
        if (id == QLatin1String(entry.id)) {
            return entry.value;
        }
    }
    return std::nullopt;
}

QString ModelCapabilities::needName(ModelCapability capability)
{
    switch (capability) {
    case ModelCapability::Vision:
        return tr("image input");
    case ModelCapability::Tools:
        return tr("tool calling");
    case ModelCapability::PdfInput:
        return tr("PDF input");
    case ModelCapability::JsonSchema:
        return tr("JSON schema output");
    }
    return {};
}
