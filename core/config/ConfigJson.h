#pragma once

#include "core/config/ConfigProblem.h"
#include "core/config/SwitchyardConfig.h"

#include <QJsonObject>

#include <optional>

// JSON form of SwitchyardConfig: providers.json {"format": "switchyard-providers", "version": 1,
// "providers": [...], "models": [...]} and routing.json {"format": "switchyard-routing", "version": 1,
// "defaultTier", "defaults", "tiers", "rules", "groups"}. Readers never throw: every wrong type or
// unknown enum string becomes a ConfigProblem with its path, and the field keeps its default.
namespace ConfigJson {
inline constexpr int kVersion = 1;
inline constexpr char kProvidersFormat[] = "switchyard-providers";
inline constexpr char kRoutingFormat[] = "switchyard-routing";

QJsonObject providersDocument(const SwitchyardConfig& config);
QJsonObject routingDocument(const RoutingPolicy& policy);
QJsonObject settingsToJson(const TierSettings& settings);
QJsonObject timeoutsToJson(const Timeouts& timeouts);

// Parses bytes and checks format and version. On failure returns nullopt with an error in problems
// (malformed JSON carries line and column). `file` names the file in the problems.
std::optional<QJsonObject> parseDocument(const QByteArray& bytes, const char* expectedFormat, const QString& file,
                                         QList<ConfigProblem>* problems);
void readProviders(const QJsonObject& document, SwitchyardConfig* config, QList<ConfigProblem>* problems);
void readRouting(const QJsonObject& document, RoutingPolicy* policy, QList<ConfigProblem>* problems);
} // namespace ConfigJson
