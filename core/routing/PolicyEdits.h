#pragma once

#include "core/routing/RoutingPolicy.h"

// The routing editor's edits as pure functions: each takes a policy and returns the edited copy
// (unchanged when the arguments do not apply), so undo can store snapshots and tests are tables.
namespace PolicyEdits {
int tierIndex(const RoutingPolicy& policy, const QString& tier);
QString uniqueTierName(const RoutingPolicy& policy, const QString& base);

// Moves chain step `fromRow` of `fromTier` to position `toRow` of `toTier`; `toRow` counts rows
// before the move (a drop position), -1 appends.
RoutingPolicy moveStep(RoutingPolicy policy, const QString& fromTier, int fromRow, const QString& toTier, int toRow);
RoutingPolicy insertModel(RoutingPolicy policy, const QString& tier, int row, const QString& modelId);
RoutingPolicy removeStep(RoutingPolicy policy, const QString& tier, int row);

RoutingPolicy addTier(RoutingPolicy policy, const QString& name);
// Rules and the default tier that pointed at the old name follow the rename.
RoutingPolicy renameTier(RoutingPolicy policy, const QString& from, const QString& to);
RoutingPolicy removeTier(RoutingPolicy policy, const QString& name);
RoutingPolicy moveTier(RoutingPolicy policy, int from, int to);
RoutingPolicy setTierSettings(RoutingPolicy policy, const QString& tier, const std::optional<TierSettings>& settings);

RoutingPolicy insertRule(RoutingPolicy policy, int row, const RoutingRule& rule);
RoutingPolicy setRule(RoutingPolicy policy, int row, const RoutingRule& rule);
RoutingPolicy removeRule(RoutingPolicy policy, int row);
// `to` counts rows before the move (a drop position), -1 appends.
RoutingPolicy moveRule(RoutingPolicy policy, int from, int to);

// What is wrong with a rule as the user types it (empty when fine): bad regex with the reason and
// offset, a number that is not one, an unknown tier.
QString ruleProblem(const RoutingRule& rule, const RoutingPolicy& policy);
} // namespace PolicyEdits
