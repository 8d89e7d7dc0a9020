#pragma once

#include <QString>

#include <optional>

// How hard a column's model thinks before it answers: OpenAI's reasoning_effort, which the engine
// translates into a thinking budget for Claude. Default sends nothing (the model's own default).
enum class ReasoningEffort
{
    Default,
    Low,
    Medium,
    High,
};

namespace ReasoningEfforts {
// "low", "medium", "high" (the API's values; "" for Default)
QString id(ReasoningEffort effort);
std::optional<ReasoningEffort> fromId(const QString& id);
QString displayName(ReasoningEffort effort); // translated: "Low effort", ...
} // namespace ReasoningEfforts
