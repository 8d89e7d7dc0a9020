#pragma once

// The JSON files of a Switchyard home: providers.json {"format": "switchyard-providers", "version": 1,
// "providers": [...], "models": [...]} and routing.json {"format": "switchyard-routing", "version": 1,
// "defaultTier", "defaults", "tiers", "rules", "groups"}. ConfigJsonWriter writes them,
// ConfigJsonReader reads them back.
// Version 2: a "timeouts" object names only the fields that layer sets (version 1 wrote all four
// everywhere; its reader takes built-in values, and a tier's copies of the defaults, as unset).
namespace ConfigJson {
inline constexpr int kVersion = 2;
inline constexpr char kProvidersFormat[] = "switchyard-providers";
inline constexpr char kRoutingFormat[] = "switchyard-routing";
} // namespace ConfigJson
