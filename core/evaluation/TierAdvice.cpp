#include "core/evaluation/TierAdvice.h"

#include "core/routing/PolicyEdits.h"
#include "core/routing/RuleEngine.h"

#include <QSet>

TierAdvice TierAdvice::of(const RoutingPolicy& policy, const QString& tier, const EvaluationInfo& info,
                          const QList<EvaluationCell>& cells)
{
    TierAdvice advice;
    advice.tier = tier;
    if (const RoutingTier* routingTier = policy.tier(tier); routingTier && !routingTier->chain.isEmpty()) {
        advice.primary = routingTier->chain.first().primaryModelId();
    }
    const RuleEngine rules(policy);
    QSet<int> routed;
    const QList<PromptItem>& items = info.prompts.items();
    for (int i = 0; i < items.size(); ++i) {
        if (rules.match(items.at(i).prompt, {}).tier == tier) {
            routed.insert(i);
        }
    }
    advice.allPrompts = routed.isEmpty();
    advice.prompts = advice.allPrompts ? int(items.size()) : int(routed.size());
    QList<EvaluationCell> evidence;
    for (const EvaluationCell& cell : cells) {
        if (advice.allPrompts || routed.contains(cell.promptIndex)) {
            evidence.append(cell);
        }
    }
    advice.models = EvaluationSummary::of(evidence, info.models);
    advice.suggestion = EvaluationSummary::cheapestPassing(advice.models);
    return advice;
}

RoutingPolicy TierAdvice::apply(const RoutingPolicy& policy) const
{
    const RoutingTier* routingTier = policy.tier(tier);
    if (!routingTier || !changesPrimary()) {
        return policy;
    }
    for (int row = 1; row < routingTier->chain.size(); ++row) {
        if (routingTier->chain.at(row).primaryModelId() == suggestion.model) {
            return PolicyEdits::moveStep(policy, tier, row, tier, 0);
        }
    }
    return PolicyEdits::insertModel(policy, tier, 0, suggestion.model);
}

QString TierAdvice::summary() const
{
    const QString judged = allPrompts
        ? tr("No prompt of this evaluation goes to %1; judged on all %n prompt(s).", nullptr, prompts).arg(tier)
        : tr("Judged on the %n prompt(s) of this evaluation that go to %1.", nullptr, prompts).arg(tier);
    if (suggestion.model.isEmpty()) {
        return judged + u' ' + suggestion.reason;
    }
    const QString verdict = suggestion.model == primary
        ? tr("%1 is the primary already.").arg(primary)
        : tr("Suggested primary: %1 (now %2).").arg(suggestion.model, primary.isEmpty() ? tr("none") : primary);
    return judged + u' ' + suggestion.reason + u' ' + verdict;
}
