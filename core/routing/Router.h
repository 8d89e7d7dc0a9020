#pragma once

#include "core/common/RequestNeeds.h"
#include "core/routing/EffectiveTimeouts.h"
#include "core/routing/Explanation.h"
#include "core/routing/RoutedTypes.h"
#include "core/routing/RouterServices.h"
#include "core/routing/RoutingPolicy.h"
#include "core/routing/RuleEngine.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>

class LearnedRouter;
class ProviderClient;
class RoutedCall;

// Where a request goes: the rule that fired, the tier or group, its chain and settings.
struct ResolvedRoute
{
    RuleMatch rule;
    QString tier;
    QString group;
    QString wildcard; // the wildcard group's pattern that took the requested name, if one did
    bool forced = false;
    QList<ChainStep> chain;
    TierSettings settings;
    QStringList problems;
};

// Holds the policy and the models, decides which model gets a prompt (explain) and runs routed
// calls with failover (route). Bookkeeping shared by all calls (cooldowns, latency averages,
// requests in flight per model, the response cache) lives in its RouterServices.
class Router : public QObject
{
    Q_OBJECT

public:
    using HasKey = std::function<bool(const ProviderConfig&)>;
    using BudgetCheck = std::function<BudgetVerdict(const ModelConfig&, const ChatRequest&)>;
    // Before each attempt its worst case is reserved, so concurrent requests cannot overshoot a
    // limit; after it the hold is settled with the usage (nullptr: the attempt produced no bill).
    using BudgetReserve = std::function<BudgetHold(const ModelConfig&, const ChatRequest&)>;
    using BudgetSettle = std::function<void(quint64 holdId, const ModelConfig&, const TokenUsage* usage)>;
    // Completes a model made from a wildcard's template for one requested name: what the price
    // table knows of its upstream model (price, limits), unless the template has its own price.
    using WildcardDetails = std::function<void(ModelConfig*)>;
    // The upstream names a wildcard's template is known to be served under by its provider (the
    // price table's models of that provider), for listing what the wildcard takes.
    using WildcardCatalog = std::function<QStringList(const ModelConfig& templateModel)>;

    // `client` makes the upstream requests; without one, route() fails every call (explain works).
    explicit Router(ProviderClient* client = nullptr, QObject* parent = nullptr);
    ~Router() override;

    void setPolicy(const RoutingPolicy& policy);
    const RoutingPolicy& policy() const { return m_policy; }
    // The trained router learned rules ask (nullptr: none trained, learned rules are skipped).
    void setLearnedRouter(std::shared_ptr<const LearnedRouter> learned);
    std::shared_ptr<const LearnedRouter> learnedRouter() const { return m_learned; }
    const RuleEngine& rules() const { return m_rules; }
    void setProviders(const QList<ProviderConfig>& providers);
    void setModels(const QList<ModelConfig>& models);
    const QList<ProviderConfig>& providers() const { return m_providers; }
    const QList<ModelConfig>& models() const { return m_models; }
    // A configured model, or one made from a wildcard's template for a requested name.
    const ModelConfig* model(const QString& modelId) const;
    bool isConfiguredModel(const QString& modelId) const { return m_modelIndex.contains(modelId); }
    const ProviderConfig* provider(const QString& providerId) const;

    // Defaults: the ProviderClient's hasKey (or "yes" without a client); every model in budget.
    void setHasKey(HasKey hasKey) { m_hasKey = std::move(hasKey); }
    void setBudgetCheck(BudgetCheck check) { m_budgetCheck = std::move(check); }
    void setWildcardDetails(WildcardDetails details) { m_wildcardDetails = std::move(details); }
    void setWildcardCatalog(WildcardCatalog catalog) { m_wildcardCatalog = std::move(catalog); }
    void setBudgetReservation(BudgetReserve reserve, BudgetSettle settle)
    {
        m_budgetReserve = std::move(reserve);
        m_budgetSettle = std::move(settle);
    }
    BudgetHold reserveBudget(const ModelConfig& model, const ChatRequest& request) const
    {
        return m_budgetReserve ? m_budgetReserve(model, request) : BudgetHold {};
    }
    void settleBudget(quint64 holdId, const ModelConfig& model, const TokenUsage* usage) const
    {
        if (holdId != 0 && m_budgetSettle) {
            m_budgetSettle(holdId, model, usage);
        }
    }

    RouterServices& services() { return m_services; }
    CooldownTracker* cooldowns() { return &m_services.cooldowns(); }
    LoadBalancer& loadBalancer() { return m_services.loadBalancer(); }
    ResponseCache& cache() { return m_services.cache(); }
    int inFlight(const QString& modelId) const { return m_services.inFlight(modelId); }

    // The timeouts a call to `model` runs with, each with its source: request > model > tier >
    // defaults. `tier`: the settings of the route's tier, nullptr for a direct model call.
    EffectiveTimeouts timeoutsFor(const ChatRequest& request, const ModelConfig& model, const TierSettings* tier) const
    {
        return EffectiveTimeouts::resolve(request, model, tier, m_policy.defaults);
    }

    ResolvedRoute resolve(const QString& prompt, const QStringList& tags, const RouteOptions& options = {}) const;
    // The chain for `ask --model NAME`: a group then its fallbacks; a tier name; one model id; or
    // the most specific wildcard group whose pattern matches the name. Explicit names win.
    ResolvedRoute resolveGroup(const QString& name) const;
    // Whether `name` reaches a wildcard group (and nothing explicit), for callers that check a name
    // before routing it.
    bool takesWildcard(const QString& name) const;
    // The names a client can ask a wildcard group for that its providers are known to serve, each
    // one this group (and nothing more specific) takes; sorted, at most `limit`.
    QStringList wildcardNames(const ModelGroup& group, int limit = 1000) const;
    // A group's deployments as one step, or a single model id.
    ChainStep stepFor(const QString& groupOrModel) const;
    // Whether a deployment would be skipped now, and why. `needs` is what the request needs from
    // a model (RequestNeeds::ofRequest(request), read once per request by the caller).
    Availability availability(const QString& modelId, const ChatRequest& request, const RequestNeeds& needs = {}) const;

    // Tiers a budget downgrade may move `route` to, next cheaper first (see Router.cpp for what
    // "cheaper" means). Empty for a model or group the caller chose by name.
    QStringList cheaperTiers(const ResolvedRoute& route) const;
    // The sentences for a request a budget stops: a refusing limit, and no cheaper tier to take it.
    static QString budgetRefusal(const QString& reason);
    static QString downgradeRefusal(const QString& tier, const QString& limit, bool hadCheaperTier);

    Explanation explain(const QString& prompt, const QStringList& tags = {}) const;
    Explanation explainGroup(const QString& groupName) const;
    Explanation explainRoute(const ResolvedRoute& route, const ChatRequest& request) const;
    // A gateway client's request: `modelOrGroup` as its body names it (empty or "auto": by the
    // rules on its last user message); its images, tools and size count for each deployment.
    Explanation explainRequest(const ChatRequest& request, const QString& modelOrGroup,
                               const QStringList& tags = {}) const;

    // With tracing on, every routed call gets a span (a child of RouteOptions::parentTrace, or the
    // root of a new trace) and each attempt a child span whose `traceparent` goes upstream; the
    // ids reach the ledger row for the trace exporter. Off by default.
    void setTracing(bool on) { m_tracing = on; }
    bool isTracing() const { return m_tracing; }

    // Starts a routed call; signals are emitted asynchronously, so connecting right after
    // route() misses nothing. The caller owns the call (deleteLater() it after finished/failed).
    RoutedCall* route(const ChatRequest& request, const QStringList& tags = {}, const RouteOptions& options = {},
                      QObject* parent = nullptr);

private:
    QList<ExplainedStep> explainChain(const QList<ChainStep>& chain, const ChatRequest& request,
                                      const TierSettings& settings) const;
    void explainDowngrades(const ResolvedRoute& route, const ChatRequest& request, Explanation& explanation) const;
    // The wildcard group's deployments made into models for `requested` (ids "<provider>/<upstream>").
    ChainStep wildcardStep(const ModelGroup& group, const QStringList& parts, const QString& requested) const;
    // The template by value: making room may drop the made model it was taken from.
    QString wildcardModel(ModelConfig made, const QString& upstream) const;

    RoutingPolicy m_policy;
    std::shared_ptr<const LearnedRouter> m_learned;
    RuleEngine m_rules;
    QList<ProviderConfig> m_providers;
    QList<ModelConfig> m_models;
    QHash<QString, int> m_modelIndex;
    QHash<QString, int> m_providerIndex;
    HasKey m_hasKey;
    BudgetCheck m_budgetCheck;
    BudgetReserve m_budgetReserve;
    BudgetSettle m_budgetSettle;
    WildcardDetails m_wildcardDetails;
    WildcardCatalog m_wildcardCatalog;
    // Models made from wildcard templates, by id; a std::map keeps the pointers model() hands out
    // valid while others are added. Rebuilt when the models or policy change.
    struct WildcardModel
    {
        QString templateId;
        ModelConfig model;
    };
    mutable std::map<QString, WildcardModel> m_wildcardModels;
    RouterServices m_services;
    bool m_tracing = false;
};
