#include "Engine.h"

#include "CallRecorder.h"
#include "config/ConfigStore.h"
#include "ledger/Ledger.h"
#include "ledger/LedgerQueries.h"
#include "pricing/BudgetTracker.h"
#include "pricing/CostCalculator.h"
#include "pricing/PriceTable.h"
#include "providers/ProviderCall.h"
#include "providers/ProviderClient.h"
#include "routing/DefaultPolicy.h"
#include "routing/RoutedCall.h"
#include "routing/Router.h"
#include "sandbox/SandboxServer.h"
#include "secrets/KeyStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>

Engine::Engine(QObject* parent)
    : QObject(parent)
    , m_prices(std::make_unique<PriceTable>(PriceTable::bundled()))
    , m_recorder(std::make_unique<CallRecorder>(*m_prices))
    , m_client(new ProviderClient(this))
    , m_router(new Router(m_client, this))
    , m_budgets(new BudgetTracker(this))
{
}

Engine::~Engine()
{
    delete m_router; // routed calls in flight end before the ledger closes
    m_router = nullptr;
}

QString Engine::defaultHomeDir()
{
    const QString fromEnv = qEnvironmentVariable("SWITCHYARD_HOME");
    if (!fromEnv.isEmpty()) {
        return fromEnv;
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool Engine::open(const Options& options)
{
    m_homeDir = options.homeDir.isEmpty() ? defaultHomeDir() : options.homeDir;
    if (!QDir().mkpath(m_homeDir) || !QFileInfo(m_homeDir).isWritable()) {
        m_error = tr("Cannot use %1 as the home directory: it cannot be created or written.")
                      .arg(QDir::toNativeSeparators(m_homeDir));
        return false;
    }

    const QString pricesPath = QDir(m_homeDir).filePath(QStringLiteral("prices.json"));
    if (QFileInfo::exists(pricesPath)) {
        QString error;
        if (!m_prices->load(pricesPath, &error)) {
            m_warnings.append(tr("prices.json was not loaded (%1); the bundled prices are used.").arg(error));
        }
    }

    const ConfigLoadResult loaded = ConfigStore(m_homeDir).load();
    m_configProblems = loaded.problems;
    if (loaded.ok) {
        m_config = loaded.config;
    }
    for (const ConfigProblem& problem : loaded.problems) {
        m_warnings.append(problem.toString());
    }
    if (!loaded.ok) {
        m_warnings.append(tr("The configuration has errors and was not used; the files were left as they are."));
    }

    bool hasRealProvider = false;
    bool hasSimulatedProvider = false;
    for (const ProviderConfig& provider : std::as_const(m_config.providers)) {
        (provider.simulated ? hasSimulatedProvider : hasRealProvider) = true;
    }
    // A saved policy may name sandbox models: they are served by a live sandbox, never by a stale port.
    if (options.sandbox || hasSimulatedProvider || (options.sandboxWhenUnconfigured && !hasRealProvider)) {
        m_sandbox = new SandboxServer(this);
        if (!m_sandbox->start()) {
            m_error = tr("Cannot start the offline sandbox on 127.0.0.1.");
            return false;
        }
        for (const auto& [target, fault] : options.sandboxFaults) {
            if (target.startsWith(QLatin1String("sandbox-"))) {
                m_sandbox->setProviderFault(target, fault);
            } else {
                m_sandbox->setFault(target.section(QLatin1Char('/'), -1), fault);
            }
        }
    }
    if (options.useKeychain) {
        m_keys = new KeyStore(this);
        m_client->setKeyResolver([keys = m_keys](const ProviderConfig& provider) { return keys->key(provider); });
        m_keys->preload(m_config.providerIds());
        connect(this, &Engine::configChanged, m_keys, [this] { m_keys->preload(m_config.providerIds()); });
    }
    applyConfig();

    if (options.openLedger) {
        openLedger();
    }
    m_budgets->setSpendSource(
        [path = m_ledgerPath](const QString& providerId, const QDateTime& from, const QDateTime& until) {
            if (path.isEmpty()) {
                return 0.0;
            }
            LedgerQueries queries(path);
            return queries.spendInPeriod(from, until, providerId);
        });
    m_router->setBudgetReservation(
        [this](const ModelConfig& model, const ChatRequest& request) {
            const qint64 promptTokens = estimateTokens(request.lastUserText()) + estimateTokens(request.systemText());
            const qint64 maxTokens = request.maxTokens > 0 ? request.maxTokens : model.maxOutputTokens;
            const Reservation reservation
                = m_budgets->reserve(model.providerId, model.id, model.price, promptTokens, maxTokens);
            const BudgetCheck& check = reservation.check;
            return BudgetHold { reservation.ok,
                                reservation.id,
                                reservation.refusalReason,
                                check.shouldDowngrade(),
                                reservation.ok && check.overLimit ? check.reason : QString(),
                                check.exceededLimit() };
        },
        [this](quint64 holdId, const ModelConfig& model, const TokenUsage* usage) {
            if (usage) {
                m_budgets->commit(holdId, CostCalculator::cost(model.price, *usage).value_or(0.0));
            } else {
                m_budgets->release(holdId);
            }
        });
    m_router->setBudgetCheck([this](const ModelConfig& model, const ChatRequest& request) {
        const qint64 promptTokens = estimateTokens(request.lastUserText()) + estimateTokens(request.systemText());
        const qint64 maxTokens = request.maxTokens > 0 ? request.maxTokens : model.maxOutputTokens;
        const BudgetCheck check = m_budgets->check(model.providerId, model.id, model.price, promptTokens, maxTokens);
        return BudgetVerdict { check.allowed, check.reason, check.shouldDowngrade(),
                               check.allowed && check.overLimit ? check.reason : QString(), check.exceededLimit() };
    });
    return true;
}

void Engine::addProvidersAndModels(const QList<ProviderConfig>& providers, const QList<ModelConfig>& models)
{
    QSet<QString> simulated;
    for (const ProviderConfig& provider : providers) {
        if (provider.simulated && !m_sandbox) {
            continue;
        }
        if (provider.simulated && this->provider(provider.id)) {
            simulated.insert(provider.id);
            continue; // the live sandbox's own entry (its port) wins over a saved copy
        }
        if (!this->provider(provider.id)) {
            m_providers.append(provider);
        }
    }
    for (ModelConfig model : models) {
        if (simulated.contains(model.providerId) || this->model(model.id)) {
            continue;
        }
        if (!model.price.known) {
            // Unpriced in the config: take the price table's, if it knows the model.
            std::optional<PriceEntry> entry = m_prices->lookup(model.upstreamModel);
            if (!entry) {
                entry = m_prices->lookup(model.id);
            }
            if (entry) {
                model.price = entry->price;
                if (model.contextWindow == 0) {
                    model.contextWindow = entry->contextWindow;
                }
            }
        }
        model.timeouts = effectiveTimeouts(model.timeouts);
        m_models.append(model);
    }
}

void Engine::applyConfig()
{
    m_providers.clear();
    m_models.clear();
    if (m_sandbox) {
        addProvidersAndModels(m_sandbox->providers(), m_sandbox->models());
    }
    addProvidersAndModels(m_config.providers, m_config.models);
    m_router->setProviders(m_providers);
    m_router->setModels(m_models);
    // Per-provider limits live with the provider; the global ones come from the app's settings.
    BudgetSettings budgets = m_budgets->settings();
    for (const QString& providerId : std::as_const(m_providersWithConfiguredBudget)) {
        budgets.perProvider.remove(providerId);
    }
    m_providersWithConfiguredBudget.clear();
    for (const ProviderConfig& provider : std::as_const(m_providers)) {
        if (provider.dailyBudgetUsd > 0 || provider.monthlyBudgetUsd > 0) {
            budgets.perProvider.insert(provider.id,
                                       BudgetLimits { provider.dailyBudgetUsd, provider.monthlyBudgetUsd });
            m_providersWithConfiguredBudget.append(provider.id);
        }
    }
    if (!(budgets.perProvider == m_budgets->settings().perProvider)) {
        m_budgets->setSettings(budgets);
    }
    RoutingPolicy policy = m_config.policy;
    if (policy.tiers.isEmpty()) {
        // No tiers of its own (a LiteLLM import brings groups only): the default tiers, its groups
        // kept, so that `ask --model GROUP` and the gateway follow the group's fallbacks.
        policy = DefaultPolicy::create(m_models);
        policy.groups = m_config.policy.groups;
    }
    policy.defaults.timeouts = effectiveTimeouts(policy.defaults.timeouts);
    m_router->setPolicy(policy);
}

Timeouts Engine::effectiveTimeouts(const Timeouts& configured) const
{
    // The built-in values, or the user's previous defaults (which a saved routing policy or model
    // list may have picked up from the engine), mean "not configured here": use the user's defaults.
    if (configured == Timeouts {} || configured == m_previousDefaultTimeouts) {
        return m_defaultTimeouts;
    }
    return configured;
}

void Engine::setDefaultTimeouts(const Timeouts& timeouts)
{
    if (timeouts == m_defaultTimeouts) {
        return;
    }
    m_previousDefaultTimeouts = m_defaultTimeouts;
    m_defaultTimeouts = timeouts;
    applyConfig();
    emit configChanged();
}

QList<ConfigProblem> Engine::saveConfig(const SwitchyardConfig& config)
{
    const ConfigSaveResult saved = ConfigStore(m_homeDir).save(config);
    if (saved.ok) {
        m_config = config;
        m_configProblems.clear();
        applyConfig();
        emit configChanged();
    }
    return saved.problems;
}

void Engine::openLedger()
{
    m_ledgerPath = QDir(m_homeDir).filePath(QStringLiteral("ledger.sqlite"));
    m_ledger = new Ledger(this);
    if (m_ledger->open(m_ledgerPath)) {
        return;
    }
    const QString reason = m_ledger->errorString();
    // Only a damaged file is moved aside for a new one; a newer Switchyard's ledger or someone
    // else's database stays exactly where it is.
    if (m_ledger->openError() != LedgerOpenError::Damaged) {
        m_warnings.append(tr("The history database is not available (%1). Requests will not be recorded.").arg(reason));
    } else {
        const QString aside = Ledger::moveAside(m_ledgerPath);
        if (!aside.isEmpty() && m_ledger->open(m_ledgerPath)) {
            m_warnings.append(tr("The history database could not be used (%1). It was kept as %2 and a new one "
                                 "was started.")
                                  .arg(reason, QDir::toNativeSeparators(aside)));
            return;
        }
        m_warnings.append(tr("The history database is not available (%1). Requests will not be recorded.").arg(reason));
    }
    delete m_ledger;
    m_ledger = nullptr;
    m_ledgerPath.clear();
}

Ledger* Engine::ledger() const
{
    return m_ledger;
}

void Engine::track(RoutedCall* call, const ChatRequest& request, const QString& source, const QString& compareGroup)
{
    const CallRecorder::Context context { source, request.lastUserText(), compareGroup,
                                          QDateTime::currentDateTimeUtc() };
    auto recorded = std::make_shared<bool>(false);
    auto store = [this, recorded](RequestRecord record) {
        if (!*recorded) {
            *recorded = true;
            this->record(std::move(record), false);
        }
    };
    connect(call, &RoutedCall::finished, this, [this, store, context](const RoutedResult& result) {
        const ModelConfig* model = this->model(result.modelId);
        store(m_recorder->fromRouted(result, context, model ? model->price : ModelPrice {}));
    });
    connect(call, &RoutedCall::failed, this,
            [this, store, context](const RoutedError& error) { store(m_recorder->fromRoutedError(error, context)); });
    connect(call, &QObject::destroyed, this,
            [this, store, context] { store(m_recorder->cancelled(context, QString(), QString())); });
}

void Engine::track(ProviderCall* call, const QString& source, const QString& compareGroup)
{
    const CallRecorder::Context context { source, call->request().lastUserText(), compareGroup,
                                          QDateTime::currentDateTimeUtc() };
    const ModelPrice price = call->model().price;
    const QString modelId = call->model().id;
    const QString providerId = call->provider().id;
    auto recorded = std::make_shared<bool>(false);
    auto store = [this, recorded](RequestRecord record) {
        if (!*recorded) {
            *recorded = true;
            this->record(std::move(record));
        }
    };
    connect(call, &ProviderCall::finished, this, [this, store, context, price](const CallResult& result) {
        store(m_recorder->fromDirect(result, {}, context, price));
    });
    connect(call, &ProviderCall::failed, this,
            [this, store, context, price](const CallError& error, const CallResult& partial) {
                store(m_recorder->fromDirect(partial, error, context, price));
            });
    connect(call, &QObject::destroyed, this, [this, store, context, modelId, providerId] {
        store(m_recorder->cancelled(context, modelId, providerId));
    });
}

void Engine::record(RequestRecord record, bool countAgainstBudgets)
{
    if (countAgainstBudgets && record.costUsd && *record.costUsd > 0 && !record.finalProvider.isEmpty()) {
        // Keeps the budget tracker's running total current between ledger reads.
        const Reservation reservation = m_budgets->reserve(record.finalProvider, record.finalModel, {}, 0, 0);
        if (reservation.ok) {
            m_budgets->commit(reservation.id, *record.costUsd);
        }
    }
    if (m_ledger) {
        m_ledger->record(std::move(record));
    }
    emit requestRecorded();
}

const ProviderConfig* Engine::provider(const QString& id) const
{
    for (const auto& candidate : m_providers) {
        if (candidate.id == id) {
            return &candidate;
        }
    }
    return nullptr;
}

const ModelConfig* Engine::model(const QString& id) const
{
    for (const auto& candidate : m_models) {
        if (candidate.id == id) {
            return &candidate;
        }
    }
    return nullptr;
}

const ModelConfig* Engine::resolveModel(const QString& name, QString* error) const
{
    if (const ModelConfig* exact = model(name)) {
        return exact;
    }
    const ModelConfig* found = nullptr;
    QStringList candidates;
    for (const auto& candidate : m_models) {
        if (candidate.upstreamModel == name || candidate.id.endsWith(QLatin1Char('/') + name)) {
            found = &candidate;
            candidates.append(candidate.id);
        }
    }
    if (candidates.size() == 1) {
        return found;
    }
    if (error) {
        *error = candidates.isEmpty()
            ? tr("Unknown model \"%1\"; `switchyard models` lists the configured ones.").arg(name)
            : tr("Model name \"%1\" is ambiguous: %2").arg(name, candidates.join(QStringLiteral(", ")));
    }
    return nullptr;
}

bool Engine::isGroup(const QString& name) const
{
    return m_router->policy().group(name) != nullptr;
}

bool Engine::isGroupOrTier(const QString& name) const
{
    const RoutingPolicy& policy = m_router->policy();
    return policy.group(name) != nullptr || policy.tier(name) != nullptr;
}
