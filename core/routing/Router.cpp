#include "core/routing/Router.h"

#include "core/common/Clock.h"
#include "core/common/FailureClass.h"
#include "core/common/ModelNamePattern.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/RoutedCall.h"

#include <QCoreApplication>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <optional>

namespace {
QString timeOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}

bool anyUsable(const QList<ExplainedStep>& chain)
{
    for (const ExplainedStep& step : chain) {
        for (const ExplainedDeployment& deployment : step.deployments) {
            if (deployment.availability.usable()) {
                return true;
            }
        }
    }
    return false;
}

// The first over-budget deployment's availability with the given downgrade flag, if any.
const Availability* firstOverBudget(const QList<ExplainedStep>& chain, bool downgrade)
{
    for (const ExplainedStep& step : chain) {
        for (const ExplainedDeployment& deployment : step.deployments) {
            const Availability& availability = deployment.availability;
            if (availability.kind == SkipKind::OverBudget && availability.downgrade == downgrade) {
                return &availability;
            }
        }
    }
    return nullptr;
}
} // namespace

Router::Router(ProviderClient* client, QObject* parent)
    : QObject(parent)
    , m_services(client)
{
    qRegisterMetaType<RoutedResult>();
    qRegisterMetaType<RoutedError>();
}

Router::~Router() = default;

void Router::setPolicy(const RoutingPolicy& policy)
{
    m_policy = policy;
    m_wildcardModels.clear();
    m_rules = RuleEngine(m_policy, m_learned);
}

void Router::setLearnedRouter(std::shared_ptr<const LearnedRouter> learned)
{
    m_learned = std::move(learned);
    m_rules = RuleEngine(m_policy, m_learned);
}

void Router::setProviders(const QList<ProviderConfig>& providers)
{
    m_providers = providers;
    m_providerIndex.clear();
    for (int i = 0; i < m_providers.size(); ++i) {
        m_providerIndex.insert(m_providers.at(i).id, i);
    }
}

void Router::setModels(const QList<ModelConfig>& models)
{
    m_models = models;
    m_modelIndex.clear();
    m_wildcardModels.clear();
    for (int i = 0; i < m_models.size(); ++i) {
        m_modelIndex.insert(m_models.at(i).id, i);
    }
}

const ModelConfig* Router::model(const QString& modelId) const
{
    const auto found = m_modelIndex.constFind(modelId);
    if (found != m_modelIndex.cend()) {
        return &m_models.at(*found);
    }
    const auto made = m_wildcardModels.find(modelId);
    return made == m_wildcardModels.end() ? nullptr : &made->second.model;
}

const ProviderConfig* Router::provider(const QString& providerId) const
{
    const auto found = m_providerIndex.constFind(providerId);
    return found == m_providerIndex.cend() ? nullptr : &m_providers.at(*found);
}

ResolvedRoute Router::resolve(const QString& prompt, const QStringList& tags, const RouteOptions& options) const
{
    if (!options.forcedModelOrGroup.isEmpty()) {
        return resolveGroup(options.forcedModelOrGroup);
    }
    ResolvedRoute route;
    route.problems = m_rules.problems();
    if (!options.forcedTier.isEmpty()) {
        route.forced = true;
        route.rule.tier = options.forcedTier;
        route.rule.why = tr("tier forced by the caller");
    } else {
        route.rule = m_rules.match(prompt, tags);
    }
    route.tier = route.rule.tier;
    route.settings = m_policy.effectiveSettings(route.tier);
    if (!route.rule.pinnedModel.isEmpty()) {
        route.chain.append(ChainStep { { Deployment { route.rule.pinnedModel, 1 } } });
        // A learned rule's other model is the fallback: a failing weak model hands over to the
        // strong one (and the other way round) instead of failing the call.
        if (route.rule.learned && route.rule.ruleIndex >= 0) {
            const RoutingRule& rule = m_policy.rules.at(route.rule.ruleIndex);
            const QString& other = route.rule.learned->strong ? rule.weakModel : rule.strongModel;
            if (other != route.rule.pinnedModel) {
                route.chain.append(ChainStep { { Deployment { other, 1 } } });
            }
        }
    } else if (const RoutingTier* tier = m_policy.tier(route.tier)) {
        route.chain = tier->chain;
    } else {
        route.problems.append(tr("tier \"%1\" does not exist").arg(route.tier));
    }
    return route;
}

ResolvedRoute Router::resolveGroup(const QString& name) const
{
    ResolvedRoute route;
    route.forced = true;
    route.rule.why = tr("model or group chosen by the caller");
    route.settings = m_policy.defaults;
    route.settings.timeoutsSet = 0; // not a tier: its timeouts are the defaults'
    QStringList parts;
    if (const ModelGroup* group = m_policy.routableGroup(name)) {
        route.group = name;
        route.chain.append(ChainStep { group->deployments });
        for (const QString& fallback : group->fallbacks) {
            route.chain.append(stepFor(fallback));
        }
    } else if (const RoutingTier* tier = m_policy.tier(name)) {
        route.tier = name;
        route.rule.tier = name;
        route.chain = tier->chain;
        route.settings = m_policy.effectiveSettings(name);
    } else if (const ModelGroup* wildcard = isConfiguredModel(name) ? nullptr : m_policy.wildcardFor(name, &parts)) {
        route.group = name;
        route.wildcard = wildcard->name;
        route.rule.why = tr("matched wildcard \"%1\": the requested name is passed through").arg(wildcard->name);
        route.chain.append(wildcardStep(*wildcard, parts, name));
        for (const QString& fallback : wildcard->fallbacks) {
            route.chain.append(stepFor(fallback));
        }
    } else {
        route.group = name;
        route.chain.append(ChainStep { { Deployment { name, 1 } } });
    }
    return route;
}

bool Router::takesWildcard(const QString& name) const
{
    return !m_policy.routableGroup(name) && !m_policy.tier(name) && !isConfiguredModel(name)
        && m_policy.wildcardFor(name);
}

QStringList Router::wildcardNames(const ModelGroup& group, int limit) const
{
    QStringList names;
    if (!m_wildcardCatalog || !group.isWildcard()) {
        return names;
    }
    QSet<QString> seen;
    const int requestedStars = ModelNamePattern::starCount(group.name);
    for (const Deployment& deployment : group.deployments) {
        const ModelConfig* from = model(deployment.modelId);
        // A template that sends one fixed model takes names, but serves no others to list.
        if (!from || ModelNamePattern::starCount(from->upstreamModel) != requestedStars) {
            continue;
        }
        const ModelNamePattern upstreamPattern(from->upstreamModel);
        for (const QString& upstream : m_wildcardCatalog(*from)) {
            const std::optional<QStringList> parts = upstreamPattern.match(upstream);
            if (!parts) {
                continue;
            }
            // The name a client asks for, which must come back to this group and not to a more
            // specific pattern, a group or a model of the same name.
            const QString requested = ModelNamePattern::fill(group.name, *parts, upstream);
            if (!seen.contains(requested) && takesWildcard(requested) && m_policy.wildcardFor(requested) == &group) {
                seen.insert(requested);
                names.append(requested);
            }
        }
    }
    names.sort();
    if (names.size() > limit) {
        names.resize(limit);
    }
    return names;
}

ChainStep Router::wildcardStep(const ModelGroup& group, const QStringList& parts, const QString& requested) const
{
    ChainStep step;
    for (const Deployment& deployment : group.deployments) {
        const ModelConfig* from = model(deployment.modelId);
        if (!from) {
            step.deployments.append(deployment); // explain and the call name it as unknown
            continue;
        }
        const QString upstream = ModelNamePattern::fill(from->upstreamModel, parts, requested);
        step.deployments.append(Deployment { wildcardModel(*from, upstream), deployment.weight });
    }
    return step;
}

QString Router::wildcardModel(ModelConfig made, const QString& upstream) const
{
    const QString templateId = made.id;
    // Bounded: names a client makes up must not grow the map for ever. Models with calls in flight stay.
    constexpr std::size_t kMaxWildcardModels = 4096;
    if (m_wildcardModels.size() >= kMaxWildcardModels) {
        std::erase_if(m_wildcardModels, [this](const auto& entry) { return m_services.inFlight(entry.first) == 0; });
    }
    // The id says where the call goes: the provider and the model it is sent as.
    const QString base = made.providerId + QLatin1Char('/') + upstream;
    QString id = base;
    for (int n = 2;; ++n) {
        const auto existing = m_wildcardModels.find(id);
        if (existing != m_wildcardModels.end() && existing->second.templateId == templateId) {
            return id;
        }
        if (existing == m_wildcardModels.end() && !m_modelIndex.contains(id)) {
            break;
        }
        id = QStringLiteral("%1#%2").arg(base).arg(n);
    }
    made.id = id;
    made.upstreamModel = upstream;
    if (m_wildcardDetails) {
        m_wildcardDetails(&made);
    }
    m_wildcardModels.emplace(id, WildcardModel { templateId, std::move(made) });
    return id;
}

ChainStep Router::stepFor(const QString& groupOrModel) const
{
    if (const ModelGroup* group = m_policy.routableGroup(groupOrModel)) {
        return ChainStep { group->deployments };
    }
    return ChainStep { { Deployment { groupOrModel, 1 } } };
}

Availability Router::availability(const QString& modelId, const ChatRequest& request, const RequestNeeds& needs) const
{
    const ModelConfig* config = model(modelId);
    if (!config) {
        return Availability::skip(SkipKind::UnknownModel, tr("unknown model"), 0);
    }
    if (config->passesClientModel()) {
        return Availability::skip(SkipKind::UnknownModel,
                                  tr("a wildcard's template: ask for a model name its pattern matches"), 0);
    }
    const ProviderConfig* owner = provider(config->providerId);
    if (!owner) {
        return Availability::skip(SkipKind::UnknownProvider, tr("unknown provider %1").arg(config->providerId), 0);
    }
    if (const RequestNeeds::Need* missing = needs.missingFrom(config->capabilities)) {
        Availability incapable
            = Availability::skip(SkipKind::MissingCapability,
                                 tr("lacks %1 by its model data (needed for %2)")
                                     .arg(ModelCapabilities::needName(missing->capability), missing->field));
        incapable.field = missing->field;
        return incapable;
    }
    if (!owner->enabled) {
        return Availability::skip(SkipKind::ProviderDisabled, tr("provider %1 is disabled").arg(owner->id), 0);
    }
    const bool keyPresent
        = m_hasKey ? m_hasKey(*owner) : (m_services.client() ? m_services.client()->hasKey(*owner) : true);
    if (!keyPresent) {
        return Availability::skip(SkipKind::NoKey, tr("no API key for %1").arg(owner->id), 0);
    }
    const CooldownState cooldown = m_services.cooldowns().state(modelId, owner->id);
    if (cooldown.phase == CooldownState::CoolingDown) {
        // The failure as the user reads it ("Server error"), not its id ("server_error").
        bool known = false;
        const FailureClass failure = FailureClasses::fromId(cooldown.reason, &known);
        const QString why = known ? FailureClasses::displayName(failure) : cooldown.reason;
        const QString reason = cooldown.providerWide
            ? tr("provider %1 cooling down until %2 (%3)").arg(owner->id, timeOf(cooldown.untilMs), why)
            : tr("cooling down until %1 (%2)").arg(timeOf(cooldown.untilMs), why);
        return Availability::skip(SkipKind::CoolingDown, reason, cooldown.untilMs);
    }
    if (cooldown.phase == CooldownState::HalfOpen && cooldown.probeTaken) {
        return Availability::skip(SkipKind::ProbeInUse, tr("recovering: its one probe request is in flight"), 0);
    }
    if (m_budgetCheck) {
        const BudgetVerdict verdict = m_budgetCheck(*config, request);
        if (!verdict.allowed) {
            Availability over = Availability::skip(SkipKind::OverBudget, tr("over budget: %1").arg(verdict.reason));
            over.downgrade = verdict.downgrade;
            over.limit = verdict.limit.isEmpty() ? verdict.reason : verdict.limit;
            return over;
        }
        Availability ready;
        ready.warning = verdict.warning;
        return ready;
    }
    return {};
}

// "Cheaper" is the price of a tier's first priced model (its primary, normally), blended 3 input :
// 1 output tokens per 1M. The tiers' order in the policy is the user's (and the default policy's
// "coding" is no cheaper than "premium" by any price), and names say nothing, so a budget only
// moves to a tier that really costs less per token. Tiers with no priced model, or no cheaper
// than the current one, are never targets; equal prices keep the policy's order.
QStringList Router::cheaperTiers(const ResolvedRoute& route) const
{
    if (route.tier.isEmpty() || !route.group.isEmpty()) {
        return {};
    }
    auto priceOf = [this](const QList<ChainStep>& chain) -> std::optional<double> {
        for (const ChainStep& step : chain) {
            for (const Deployment& deployment : step.deployments) {
                const ModelConfig* config = model(deployment.modelId);
                if (config && config->price.known) {
                    return (3 * config->price.inputPerMTok + config->price.outputPerMTok) / 4;
                }
            }
        }
        return std::nullopt;
    };
    const std::optional<double> current = priceOf(route.chain);
    if (!current) {
        return {};
    }
    QList<std::pair<double, QString>> cheaper;
    for (const RoutingTier& tier : m_policy.tiers) {
        const std::optional<double> price = priceOf(tier.chain);
        if (tier.name != route.tier && price && *price < *current) {
            cheaper.append({ *price, tier.name });
        }
    }
    std::stable_sort(cheaper.begin(), cheaper.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QStringList names;
    for (const auto& entry : std::as_const(cheaper)) {
        names.append(entry.second);
    }
    return names;
}

QString Router::budgetRefusal(const QString& reason)
{
    return tr("Refused by the budget, nothing was sent: %1").arg(reason);
}

QString Router::downgradeRefusal(const QString& tier, const QString& limit, bool hadCheaperTier)
{
    return hadCheaperTier
        ? tr("Refused: tier %1 is over budget (%2) and no cheaper tier has a model within budget.").arg(tier, limit)
        : tr("Refused: tier %1 is over budget (%2) and there is no cheaper tier to move down to.").arg(tier, limit);
}

Explanation Router::explainRoute(const ResolvedRoute& route, const ChatRequest& request) const
{
    Explanation explanation;
    explanation.rule = route.rule;
    explanation.tier = route.tier;
    explanation.group = route.group;
    explanation.wildcard = route.wildcard;
    explanation.forced = route.forced;
    explanation.settings = route.settings;
    explanation.problems = route.problems;
    explanation.chain = explainChain(route.chain, request, route.settings);
    explainDowngrades(route, request, explanation);
    return explanation;
}

QList<ExplainedStep> Router::explainChain(const QList<ChainStep>& chain, const ChatRequest& request,
                                          const TierSettings& settings) const
{
    QList<ExplainedStep> result;
    const RequestNeeds needs = RequestNeeds::ofRequest(request);
    for (const ChainStep& step : chain) {
        ExplainedStep explained;
        for (const Deployment& deployment : step.deployments) {
            const ModelConfig* config = model(deployment.modelId);
            explained.deployments.append({ deployment.modelId, config ? config->providerId : QString(),
                                           deployment.weight, availability(deployment.modelId, request, needs),
                                           timeoutsFor(request, config ? *config : ModelConfig {}, &settings) });
        }
        result.append(explained);
    }
    return result;
}

// Follows what a routed call does when nothing in the tier can be used: a budget asking for a
// cheaper tier moves down tier by tier until one has a usable model; a refusing budget stops.
void Router::explainDowngrades(const ResolvedRoute& route, const ChatRequest& request, Explanation& explanation) const
{
    if (anyUsable(explanation.chain)) {
        return;
    }
    const Availability* downgrade = firstOverBudget(explanation.chain, true);
    if (!downgrade) {
        if (const Availability* refused = firstOverBudget(explanation.chain, false)) {
            explanation.budgetRefusal = budgetRefusal(refused->reason);
        }
        return;
    }
    const QString firstLimit = downgrade->limit;
    QString from = route.tier;
    QString limit = firstLimit;
    const QStringList targets = cheaperTiers(route);
    for (const QString& name : targets) {
        const RoutingTier* tier = m_policy.tier(name);
        ExplainedDowngrade move { { from, name, limit },
                                  explainChain(tier->chain, request, m_policy.effectiveSettings(name)) };
        explanation.downgrades.append(move);
        if (anyUsable(move.chain)) {
            return;
        }
        if (const Availability* next = firstOverBudget(move.chain, true)) {
            limit = next->limit;
        }
        from = name;
    }
    explanation.budgetRefusal = downgradeRefusal(route.tier, firstLimit, !targets.isEmpty());
}

Explanation Router::explain(const QString& prompt, const QStringList& tags) const
{
    ChatRequest request;
    request.messages.append({ QStringLiteral("user"), prompt });
    return explainRoute(resolve(prompt, tags), request);
}

Explanation Router::explainRequest(const ChatRequest& request, const QString& modelOrGroup,
                                   const QStringList& tags) const
{
    const bool byRules = modelOrGroup.isEmpty() || modelOrGroup == QLatin1String("auto");
    return explainRoute(byRules ? resolve(request.lastUserText(), tags) : resolveGroup(modelOrGroup), request);
}

Explanation Router::explainGroup(const QString& groupName) const
{
    return explainRoute(resolveGroup(groupName), ChatRequest());
}

RoutedCall* Router::route(const ChatRequest& request, const QStringList& tags, const RouteOptions& options,
                          QObject* parent)
{
    auto* call = new RoutedCall(this, resolve(request.lastUserText(), tags, options), request, options, parent);
    QTimer::singleShot(0, call, [call] { call->begin(); });
    return call;
}
