#pragma once

#include "core/config/ConfigProblem.h"
#include "core/config/SwitchyardConfig.h"

// Checks that a config hangs together: ids unique, every reference resolves, regexes compile,
// numbers in range. Paths follow the JSON layout ConfigJson writes (`tiers[2].chain[0]`), files are
// "providers.json" and "routing.json".
namespace ConfigValidator {
inline constexpr char kProvidersFile[] = "providers.json";
inline constexpr char kRoutingFile[] = "routing.json";

QList<ConfigProblem> validate(const SwitchyardConfig& config);
} // namespace ConfigValidator
