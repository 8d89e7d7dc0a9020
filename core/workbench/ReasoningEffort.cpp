#include "core/workbench/ReasoningEffort.h"

#include <QCoreApplication>

namespace ReasoningEfforts {

QString id(ReasoningEffort effort)
{
    switch (effort) {
    case ReasoningEffort::Low:
        return QStringLiteral("low");
    case ReasoningEffort::Medium:
        return QStringLiteral("medium");
    case ReasoningEffort::High:
        return QStringLiteral("high");
    case ReasoningEffort::Default:
        break;
    }
    return {};
}

std::optional<ReasoningEffort> fromId(const QString& id)
{
    for (ReasoningEffort effort :
         { ReasoningEffort::Default, ReasoningEffort::Low, ReasoningEffort::Medium, ReasoningEffort::High }) {
        if (ReasoningEfforts::id(effort) == id) {
            return effort;
        }
    }
    return std::nullopt;
}

QString displayName(ReasoningEffort effort)
{
    switch (effort) {
    case ReasoningEffort::Low:
        return QCoreApplication::translate("ReasoningEfforts", "Low effort");
    case ReasoningEffort::Medium:
        return QCoreApplication::translate("ReasoningEfforts", "Medium effort");
    case ReasoningEffort::High:
        return QCoreApplication::translate("ReasoningEfforts", "High effort");
    case ReasoningEffort::Default:
        break;
    }
    return QCoreApplication::translate("ReasoningEfforts", "Model default");
}

} // namespace ReasoningEfforts
