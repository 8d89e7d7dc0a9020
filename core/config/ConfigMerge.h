#pragma once

#include "core/config/SwitchyardConfig.h"

// Adds an imported fragment (providers, models, groups, defaults) to a configuration. Providers are
// matched by what they are (kind, base URL, key variable), never by id alone: an imported provider
// whose id is taken by a different one gets a new id, so no existing model starts sending its
// requests to another host or with another key. Models and groups of the same name are replaced;
// tiers and rules stay as they are. The defaults are the fragment's: an import starts from the
// base's defaults and changes only what its file sets (LiteLlmImportOptions::baseDefaults).
namespace ConfigMerge {
SwitchyardConfig merge(SwitchyardConfig base, const SwitchyardConfig& fragment);
}
