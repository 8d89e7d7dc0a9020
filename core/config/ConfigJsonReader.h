#pragma once

#include "core/config/ConfigJson.h"
#include "core/config/ConfigProblem.h"
#include "core/config/SwitchyardConfig.h"

#include <QJsonObject>

#include <optional>

// providers.json and routing.json back into a SwitchyardConfig (see ConfigJson.h). Readers never
// throw: every wrong type or unknown enum string becomes a ConfigProblem with its path, and the
// field keeps its default.
namespace ConfigJsonReader {
// Parses bytes and checks format and version. On failure returns nullopt with an error in problems
// (malformed JSON carries line and column). `file` names the file in the problems.
std::optional<QJsonObject> parseDocument(const QByteArray& bytes, const char* expectedFormat, const QString& file,
                                         QList<ConfigProblem>* problems);
void readProviders(const QJsonObject& document, SwitchyardConfig* config, QList<ConfigProblem>* problems);
void readRouting(const QJsonObject& document, RoutingPolicy* policy, QList<ConfigProblem>* problems);
} // namespace ConfigJsonReader
