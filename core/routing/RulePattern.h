#pragma once

#include "core/routing/RoutingPolicy.h"

#include <QString>

// Whether a rule's pattern can work for its kind: one judgement for the config check
// (routing.json) and the routing editor, so both say the same about the same rule.
namespace RulePattern {
// Empty when the pattern suits the rule's kind; otherwise why the rule never matches:
// "invalid regular expression: missing ) at offset 4", "expected a whole number, found "ten"".
QString error(const RoutingRule& rule);
// A keywords or tag rule whose pattern is empty: allowed, but it never matches.
bool isEmptyMatcher(const RoutingRule& rule);
} // namespace RulePattern
