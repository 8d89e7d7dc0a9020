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
} // namespace DefaultPolicy
