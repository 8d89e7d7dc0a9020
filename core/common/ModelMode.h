#pragma once

#include <QString>

#include <optional>

// What kind of endpoint a model answers, as LiteLLM's price data names it ("mode"): chat models
// take chat completions or messages, embedding models only /embeddings.
enum class ModelMode
{
    Chat, // "chat"
    Embedding, // "embedding"
};

namespace ModelModes {
// Stable identifiers, used only where JSON needs a string (LiteLLM's own words).
QString id(ModelMode value);
std::optional<ModelMode> fromId(const QString& id);
} // namespace ModelModes
