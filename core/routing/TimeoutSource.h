#pragma once

#include <QString>

#include <optional>

// The layer of configuration a call's timeout comes from, highest first: what the request asked
// for, the model's (deployment's) own setting, its tier's, the routing defaults.
enum class TimeoutSource
{
    Request, // "request": the caller (a gateway header, a command-line option)
    Model, // "model": the model's own config (LiteLLM timeout / stream_timeout)
    Tier, // "tier": the tier's settings
    Defaults, // "defaults": routing.json's defaults (or the app's default timeouts)
};

namespace TimeoutSources {
QString id(TimeoutSource value);
std::optional<TimeoutSource> fromId(const QString& id);
} // namespace TimeoutSources
