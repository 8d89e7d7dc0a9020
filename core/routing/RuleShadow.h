#pragma once

#include "core/routing/RoutingPolicy.h"

#include <optional>

// Why an enabled rule can never fire: first match wins, and an earlier enabled rule matches every
// prompt it would match. Found from the rules alone (no prompt), so the editor can mark the rule
// as it is added or moved.
struct RuleShadow
{
    enum class Reason
    {
        CatchAll, // the earlier rule matches every prompt ("Everything else", at least 0 characters)
        Covered, // the earlier rule has the same condition, or one that includes this one's
    };

    int byRule = -1; // index of the earlier rule
    Reason reason = Reason::CatchAll;

    // The first earlier rule that keeps `row` from ever firing; nullopt when it can fire (or is
    // switched off, or does not exist).
    static std::optional<RuleShadow> find(const RoutingPolicy& policy, int row);
    // An enabled rule that matches every prompt: the default rule, at least 0 characters or tokens.
    static bool isCatchAll(const RoutingRule& rule);
    // Where a rule added at `row` (-1: at the end) can fire: before the first catch-all, not after it.
    static int insertRow(const RoutingPolicy& policy, int row);

    bool operator==(const RuleShadow&) const = default;
};
