#pragma once

#include "core/routing/RoutingPolicy.h"

// The policy Switchyard starts with: four tiers (budget, standard, coding, premium), each a
// chain whose fallbacks sit on other providers, and the rules that pick a tier
// (explicit tag, code block, keywords, default).
namespace DefaultPolicy {
// Picks models from `available` by name patterns (the sandbox models and the common real ones).
RoutingPolicy create(const QList<ModelConfig>& available);
// Best effort for a user with real providers: only models of enabled, non-simulated providers.
RoutingPolicy createForRealProviders(const QList<ModelConfig>& available, const QList<ProviderConfig>& providers);
// The rules alone, in order.
QList<RoutingRule> rules();
QStringList tierNames(); // budget, standard, coding, premium
// A rule's name as the user reads it: a built-in rule kept under its English name (a routing.json
// saved while the app ran in English) reads in the language installed now ("Everything else" is
// "Alles andere" in German); any other name as it is.
QString displayName(const QString& name);
} // namespace DefaultPolicy
