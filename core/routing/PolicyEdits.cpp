#include "core/routing/PolicyEdits.h"

#include "core/routing/RulePattern.h"

#include <QCoreApplication>

namespace PolicyEdits {

namespace {
// Qt's drop position counts the dragged row itself; after taking it out, later positions shift.
int dropTarget(int from, int to, int size)
{
    if (to < 0 || to > size) {
        to = size;
    }
    return to > from ? to - 1 : to;
}
} // namespace

int tierIndex(const RoutingPolicy& policy, const QString& tier)
{
    for (qsizetype i = 0; i < policy.tiers.size(); ++i) {
        if (policy.tiers.at(i).name == tier) {
            return int(i);
        }
    }
    return -1;
}

QString uniqueTierName(const RoutingPolicy& policy, const QString& base)
{
    QString name = base;
    for (int n = 2; tierIndex(policy, name) >= 0; ++n) {
        name = QStringLiteral("%1-%2").arg(base).arg(n);
    }
    return name;
}

RoutingPolicy moveStep(RoutingPolicy policy, const QString& fromTier, int fromRow, const QString& toTier, int toRow)
{
    const int from = tierIndex(policy, fromTier);
    const int to = tierIndex(policy, toTier);
    if (from < 0 || to < 0 || fromRow < 0 || fromRow >= policy.tiers.at(from).chain.size()) {
        return policy;
    }
    if (from == to) {
        auto& chain = policy.tiers[from].chain;
        const int target = dropTarget(fromRow, toRow, int(chain.size()));
        chain.move(fromRow, target);
        return policy;
    }
    const ChainStep step = policy.tiers[from].chain.takeAt(fromRow);
    auto& chain = policy.tiers[to].chain;
    chain.insert(toRow < 0 || toRow > chain.size() ? chain.size() : toRow, step);
    return policy;
}

RoutingPolicy insertModel(RoutingPolicy policy, const QString& tier, int row, const QString& modelId)
{
    const int index = tierIndex(policy, tier);
    if (index < 0 || modelId.isEmpty()) {
        return policy;
    }
    auto& chain = policy.tiers[index].chain;
    ChainStep step;
    step.deployments.append(Deployment { modelId, 1 });
    chain.insert(row < 0 || row > chain.size() ? chain.size() : row, step);
    return policy;
}

RoutingPolicy removeStep(RoutingPolicy policy, const QString& tier, int row)
{
    const int index = tierIndex(policy, tier);
    if (index >= 0 && row >= 0 && row < policy.tiers.at(index).chain.size()) {
        policy.tiers[index].chain.removeAt(row);
    }
    return policy;
}

RoutingPolicy addTier(RoutingPolicy policy, const QString& name)
{
    if (name.isEmpty() || tierIndex(policy, name) >= 0) {
        return policy;
    }
    RoutingTier tier;
    tier.name = name;
    policy.tiers.append(tier);
    return policy;
}

RoutingPolicy renameTier(RoutingPolicy policy, const QString& from, const QString& to)
{
    const int index = tierIndex(policy, from);
    if (index < 0 || to.isEmpty() || tierIndex(policy, to) >= 0) {
        return policy;
    }
    policy.tiers[index].name = to;
    for (auto& rule : policy.rules) {
        if (rule.tier == from) {
            rule.tier = to;
        }
    }
    if (policy.defaultTier == from) {
        policy.defaultTier = to;
    }
    return policy;
}

RoutingPolicy removeTier(RoutingPolicy policy, const QString& name)
{
    const int index = tierIndex(policy, name);
    if (index >= 0) {
        policy.tiers.removeAt(index);
    }
    return policy;
}

RoutingPolicy moveTier(RoutingPolicy policy, int from, int to)
{
    if (from >= 0 && from < policy.tiers.size() && to >= 0 && to < policy.tiers.size()) {
        policy.tiers.move(from, to);
    }
    return policy;
}

RoutingPolicy setTierSettings(RoutingPolicy policy, const QString& tier, const std::optional<TierSettings>& settings)
{
    const int index = tierIndex(policy, tier);
    if (index >= 0) {
        policy.tiers[index].settings = settings;
    }
    return policy;
}

RoutingPolicy insertRule(RoutingPolicy policy, int row, const RoutingRule& rule)
{
    policy.rules.insert(row < 0 || row > policy.rules.size() ? policy.rules.size() : row, rule);
    return policy;
}

RoutingPolicy setRule(RoutingPolicy policy, int row, const RoutingRule& rule)
{
    if (row >= 0 && row < policy.rules.size()) {
        policy.rules[row] = rule;
    }
    return policy;
}

RoutingPolicy removeRule(RoutingPolicy policy, int row)
{
    if (row >= 0 && row < policy.rules.size()) {
        policy.rules.removeAt(row);
    }
    return policy;
}

RoutingPolicy moveRule(RoutingPolicy policy, int from, int to)
{
    if (from >= 0 && from < policy.rules.size()) {
        policy.rules.move(from, dropTarget(from, to, int(policy.rules.size())));
    }
    return policy;
}

QString ruleProblem(const RoutingRule& rule, const RoutingPolicy& policy)
{
    if (const QString error = RulePattern::error(rule); !error.isEmpty()) {
        return error;
    }
    if (rule.pinnedModel.isEmpty() && !policy.tier(rule.tier)) {
        return QCoreApplication::translate("PolicyEdits", "unknown tier \"%1\"").arg(rule.tier);
    }
    return {};
}

} // namespace PolicyEdits
