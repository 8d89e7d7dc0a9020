#pragma once

// The JSON files of a Switchyard home: providers.json {"format": "switchyard-providers", "version": 1,
// "providers": [...], "models": [...]} and routing.json {"format": "switchyard-routing", "version": 1,
// "defaultTier", "defaults", "tiers", "rules", "groups"}. ConfigJsonWriter writes them,
// ConfigJsonReader reads them back.
namespace ConfigJson {
inline constexpr int kVersion = 1;
inline constexpr char kProvidersFormat[] = "switchyard-providers";
inline constexpr char kRoutingFormat[] = "switchyard-routing";
} // namespace ConfigJson
