#pragma once

#include "core/common/RequestNeeds.h"
#include "core/routing/RoutedTypes.h"
#include "core/routing/RoutingPolicy.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <functional>
#include <optional>

class Router;

// Walks one request's chain: which deployment comes next, given what was tried, which providers
// are ruled out for this request, the context window needed, and what the router says about
// availability (cooldown, key, budget). Records why each deployment not taken was skipped.
class ChainCursor
{
    Q_DECLARE_TR_FUNCTIONS(ChainCursor)

public:
    struct Candidate
    {
        ModelConfig model;
        ProviderConfig provider;
        bool probe = false; // took a half-open probe slot
        quint64 budgetHold = 0; // worst case reserved against the budgets for this attempt
        QString budgetWarning; // the hold passed a limit under "warn only"
        quint64 callerHold = 0; // the caller's own budget's hold (RoutedCall::setCallerBudget)
    };

    ChainCursor(Router* router, const QList<ChainStep>& chain, const TierSettings& settings, const ChatRequest& request,
                const QString& group);

    // The next deployment to call (its cooldown slot acquired), or none when the chain is spent.
    // A hedge passes the primary's provider to avoid.
    std::optional<Candidate> next(const QString& avoidProvider = {});
    void markTried(const QString& modelId) { m_tried.insert(modelId); }
    // Skips the provider's remaining deployments in this request; in a named group only within the
    // current step: a group's fallbacks are tried whatever failed before (LiteLLM's meaning, where a
    // config's deployments often share one api_base).
    void ruleOutProvider(const QString& providerId, const QString& because)
    {
        m_ruledOut.insert(providerId, because);
        m_ruledOutAt.insert(providerId, m_step);
    }
    // Context length exceeded at `contextWindow`: only larger windows from now on, and a forced
    // group's contextWindowFallbacks go right after the current step.
    void requireLargerContext(int contextWindow);
    bool needsLargerContext() const { return m_contextFilter; }
    const QList<SkipInfo>& skipped() const { return m_skipped; }
    // A deployment of the current chain was over a budget limit that asks for a cheaper tier: the
    // limit (empty if none).
    const QString& downgradeLimit() const { return m_downgradeLimit; }
    // The first deployment refused by a budget limit that refuses: the reason (empty if none).
    const QString& budgetRefusal() const { return m_budgetRefusal; }
    // A budget of the caller's own (a gateway client key's), held after the router's for each
    // deployment; a refusal skips the deployment as over budget and gives the router's hold back.
    void setCallerBudget(std::function<BudgetHold(const ModelConfig&, const ChatRequest&)> reserve)
    {
        m_callerReserve = std::move(reserve);
    }
    // Goes on with another tier's chain (a budget downgrade); what was tried and ruled out stays.
    void moveTo(const QList<ChainStep>& chain, const TierSettings& settings);

private:
    bool isUsable(const Deployment& deployment);
    void recordSkip(const QString& modelId, const QString& providerId, const QString& reason, bool overBudget = false);
    void recordSkip(const SkipInfo& skip);
    void noteBudget(bool downgrade, const QString& limit, const QString& reason);

    Router* m_router;
    QList<ChainStep> m_chain;
    TierSettings m_settings;
    ChatRequest m_request;
    RequestNeeds m_needs; // read once from the request
    QString m_group;
    int m_step = 0;
    QSet<QString> m_tried;
    QHash<QString, QString> m_ruledOut; // provider -> failure class id
    QHash<QString, int> m_ruledOutAt; // provider -> the step it failed in
    QSet<QString> m_skipRecorded;
    QList<SkipInfo> m_skipped;
    bool m_contextFilter = false;
    int m_minContext = 0;
    bool m_contextFallbacksInserted = false;
    QString m_downgradeLimit;
    QString m_budgetRefusal;
    std::function<BudgetHold(const ModelConfig&, const ChatRequest&)> m_callerReserve;
};
