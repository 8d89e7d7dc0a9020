#include "core/evaluation/TierAdvice.h"

#include "core/routing/PolicyEdits.h"
#include "core/routing/RuleEngine.h"

#include <QSet>

TierAdvice TierAdvice::of(const RoutingPolicy& policy, const QString& tier, const EvaluationInfo& info,
                          const QList<EvaluationCell>& cells, const ModelIdOf& modelIdOf)
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
    if (!advice.suggestion.model.isEmpty()) {
        if (const ModelGroup* group = policy.routableGroup(advice.suggestion.model);
            group && !group->deployments.isEmpty()) {
            advice.suggestedGroup = true;
            for (const Deployment& deployment : group->deployments) {
                advice.suggestedIds.append(deployment.modelId);
            }
        } else {
            const QString id = modelIdOf ? modelIdOf(advice.suggestion.model) : QString();
            advice.suggestedIds = { id.isEmpty() ? advice.suggestion.model : id };
        }
    }
    return advice;
}

RoutingPolicy TierAdvice::apply(const RoutingPolicy& policy) const
{
    const RoutingTier* routingTier = policy.tier(tier);
    if (!routingTier || !changesPrimary()) {
        return policy;
    }
    for (int row = 1; row < routingTier->chain.size(); ++row) {
        if (suggestedIds.contains(routingTier->chain.at(row).primaryModelId())) {
            return PolicyEdits::moveStep(policy, tier, row, tier, 0);
        }
    }
    if (!suggestedGroup) {
        return PolicyEdits::insertModel(policy, tier, 0, suggestedIds.first());
    }
    RoutingPolicy edited = policy;
    for (RoutingTier& each : edited.tiers) {
        if (each.name == tier) {
            ChainStep step;
            for (const QString& id : suggestedIds) {
                step.deployments.append(Deployment { id, 1 });
            }
            each.chain.prepend(step);
        }
    }
    return edited;
}

QString TierAdvice::summary() const
{
    const QString judged = allPrompts
        ? tr("No prompt of this evaluation goes to %1; judged on all %n prompt(s).", nullptr, prompts).arg(tier)
        : tr("Judged on the %n prompt(s) of this evaluation that go to %1.", nullptr, prompts).arg(tier);
    if (suggestion.model.isEmpty()) {
        return judged + u' ' + suggestion.reason;
    }
    const QString verdict = !changesPrimary()
        ? tr("%1 is the primary already.").arg(primary)
        : tr("Suggested primary: %1 (now %2).").arg(suggestion.model, primary.isEmpty() ? tr("none") : primary);
    return judged + u' ' + suggestion.reason + u' ' + verdict;
}
