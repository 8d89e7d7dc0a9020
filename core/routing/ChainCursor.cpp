#include "core/routing/ChainCursor.h"

#include "core/routing/Router.h"

ChainCursor::ChainCursor(Router* router, const QList<ChainStep>& chain, const TierSettings& settings,
                         const ChatRequest& request, const QString& group)
    : m_router(router)
    , m_chain(chain)
    , m_settings(settings)
    , m_request(request)
    , m_needs(RequestNeeds::ofRequest(request))
    , m_group(group)
{
}

void ChainCursor::recordSkip(const QString& modelId, const QString& providerId, const QString& reason, bool overBudget)
{
    recordSkip({ modelId, providerId, reason, overBudget, overBudget ? SkipKind::OverBudget : SkipKind::None, {} });
}

void ChainCursor::recordSkip(const SkipInfo& skip)
{
    if (!m_skipRecorded.contains(skip.modelId)) {
        m_skipRecorded.insert(skip.modelId);
        m_skipped.append(skip);
    }
}

void ChainCursor::noteBudget(bool downgrade, const QString& limit, const QString& reason)
{
    if (downgrade && m_downgradeLimit.isEmpty()) {
        m_downgradeLimit = limit.isEmpty() ? reason : limit;
    } else if (!downgrade && m_budgetRefusal.isEmpty()) {
        m_budgetRefusal = reason;
    }
}

void ChainCursor::moveTo(const QList<ChainStep>& chain, const TierSettings& settings)
{
    m_chain = chain;
    m_settings = settings;
    m_step = 0;
    m_downgradeLimit.clear();
}

bool ChainCursor::isUsable(const Deployment& deployment)
{
    if (m_tried.contains(deployment.modelId)) {
        return false;
    }
    const ModelConfig* model = m_router->model(deployment.modelId);
    const QString providerId = model ? model->providerId : QString();
    if (model && m_ruledOut.contains(providerId) && (m_group.isEmpty() || m_ruledOutAt.value(providerId) == m_step)) {
        recordSkip(deployment.modelId, providerId,
                   tr("provider %1 failed earlier in this request (%2)").arg(providerId, m_ruledOut.value(providerId)));
        return false;
    }
    if (model && m_contextFilter && model->contextWindow <= m_minContext) {
        recordSkip(deployment.modelId, providerId,
                   model->contextWindow > 0 ? tr("context window too small (%1 tokens)").arg(model->contextWindow)
                                            : tr("context window unknown"));
        return false;
    }
    const Availability availability = m_router->availability(deployment.modelId, m_request, m_needs);
    if (!availability.usable()) {
        const bool overBudget = availability.kind == SkipKind::OverBudget;
        if (overBudget) {
            noteBudget(availability.downgrade, availability.limit, availability.reason);
        }
        recordSkip(
            { deployment.modelId, providerId, availability.reason, overBudget, availability.kind, availability.field });
        return false;
    }
    return true;
}

std::optional<ChainCursor::Candidate> ChainCursor::next(const QString& avoidProvider)
{
    CooldownTracker* cooldowns = m_router->cooldowns();
    while (m_step < m_chain.size()) {
        const ChainStep& step = m_chain.at(m_step);
        const QList<int> order = m_router->loadBalancer().order(
            step.deployments, m_settings.strategy, [this, &avoidProvider](const Deployment& deployment) {
                const ModelConfig* model = m_router->model(deployment.modelId);
                if (model && model->providerId == avoidProvider) {
                    return false;
                }
                return isUsable(deployment);
            });
        for (int index : order) {
            const ModelConfig* model = m_router->model(step.deployments.at(index).modelId);
            const ProviderConfig* provider = m_router->provider(model->providerId);
            const bool probe = cooldowns->state(model->id, provider->id).phase == CooldownState::HalfOpen;
            if (cooldowns->tryAcquire(model->id, provider->id)) {
                BudgetHold hold = m_router->reserveBudget(*model, m_request);
                if (hold.ok) {
                    const BudgetHold caller = m_callerReserve ? m_callerReserve(*model, m_request) : BudgetHold {};
                    if (caller.ok) {
                        return Candidate { *model, *provider, probe, hold.id, hold.warning, caller.id };
                    }
                    m_router->settleBudget(hold.id, *model, nullptr);
                    hold = caller;
                }
                if (probe) {
                    cooldowns->releaseProbe(model->id, provider->id);
                }
                noteBudget(hold.downgrade, hold.limit, hold.reason);
                recordSkip(model->id, provider->id, hold.reason, true);
                continue;
            }
            recordSkip(model->id, provider->id, tr("recovering: its one probe request is in flight"));
        }
        ++m_step;
    }
    return std::nullopt;
}

void ChainCursor::requireLargerContext(int contextWindow)
{
    m_contextFilter = true;
    m_minContext = qMax(m_minContext, contextWindow);
    const RoutingPolicy& policy = m_router->policy();
    // A name a wildcard took has that wildcard group's context-window fallbacks.
    const ModelGroup* group = m_group.isEmpty() ? nullptr
        : policy.routableGroup(m_group)         ? policy.routableGroup(m_group)
        : m_router->isConfiguredModel(m_group)  ? nullptr
                                                : policy.wildcardFor(m_group);
    if (!group || m_contextFallbacksInserted) {
        return;
    }
    m_contextFallbacksInserted = true;
    qsizetype at = m_step + 1;
    for (const QString& name : group->contextWindowFallbacks) {
        m_chain.insert(qMin(at++, m_chain.size()), m_router->stepFor(name));
    }
}
