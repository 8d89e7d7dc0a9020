#pragma once

#include "core/config/ConfigJson.h"
#include "core/config/SwitchyardConfig.h"

#include <QJsonObject>

// SwitchyardConfig as the JSON of providers.json and routing.json (see ConfigJson.h); fields at
// their defaults are written too, so a file says everything it means.
namespace ConfigJsonWriter {
QJsonObject providersDocument(const SwitchyardConfig& config);
QJsonObject routingDocument(const RoutingPolicy& policy);
QJsonObject settingsToJson(const TierSettings& settings);
// The fields `set` names (TimeoutField bits), also those equal to a default; the others are left
// to the layer below.
QJsonObject timeoutsToJson(const Timeouts& timeouts, quint8 set);
} // namespace ConfigJsonWriter
