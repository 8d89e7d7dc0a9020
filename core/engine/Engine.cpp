#include "core/engine/Engine.h"

#include "core/common/Clock.h"
#include "core/common/HomeSettings.h"
#include "core/common/RequestSettings.h"
#include "core/config/ConfigStore.h"
#include "core/config/LiteLlmProviders.h"
#include "core/engine/SharedCooldownChannel.h"
#include "core/engine/SharedCooldowns.h"
#include "core/learning/LearnedRouter.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerQueries.h"
#include "core/ledger/LedgerUrl.h"
#include "core/ledger/SharedBudgetClient.h"
#include "core/ledger/SharedBudgetFallback.h"
#include "core/monitoring/MetricsRegistry.h"
#include "core/pricing/BudgetEstimate.h"
#include "core/pricing/BudgetTracker.h"
#include "core/pricing/CostCalculator.h"
#include "core/pricing/PriceTable.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/recording/CallJournal.h"
#include "core/recording/CallRecorder.h"
#include "core/routing/DefaultPolicy.h"
#include "core/routing/EffectiveTimeouts.h"
#include "core/routing/RoutedCall.h"
#include "core/routing/Router.h"
#include "core/sandbox/SandboxServer.h"
#include "core/secrets/KeyStore.h"
#include "core/settings/AppSettings.h"
#include "core/telemetry/OtlpExporter.h"

#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSet>

#include <algorithm>

Engine::Engine(QObject* parent)
    : QObject(parent)
    , m_prices(std::make_unique<PriceTable>(PriceTable::bundled()))
    , m_recorder(std::make_unique<CallRecorder>(
          *m_prices,
          [this](const QString& modelId) {
              // The router's: it also holds the models made from wildcards for the names clients asked for.
              const ModelConfig* found = m_router ? m_router->model(modelId) : model(modelId);
              return found ? found->price : ModelPrice {};
          },
          // Routed calls were counted attempt by attempt through the router's budget holds.
          [this](const RequestRecord& row, bool budgetSettled) { record(row, !budgetSettled); }))
    , m_client(new ProviderClient(this))
    , m_router(new Router(m_client, this))
    , m_budgets(new BudgetTracker(this))
    , m_metrics(std::make_unique<MetricsRegistry>())
{
    // A wildcard's deployment with prices of its own in the config keeps them for every name it takes.
    m_router->setWildcardDetails([this](ModelConfig* model) { addPriceTableDetails(model, !model->price.known); });
    m_router->setWildcardCatalog([this](const ModelConfig& templateModel) { return catalogFor(templateModel); });
    m_metrics->setCircuitSource([this] {
        QList<MetricsRegistry::GaugeSample> circuits;
        for (const ModelConfig& model : std::as_const(m_models)) {
            const CooldownState state = m_router->cooldowns()->state(model.id, model.providerId);
            const double value = state.phase == CooldownState::CoolingDown ? 2
                : state.phase == CooldownState::HalfOpen                   ? 1
                                                                           : 0;
            circuits.append({ { model.id }, value });
        }
        return circuits;
    });
    m_metrics->setBudgetSource([this] {
        QList<MetricsRegistry::GaugeSample> budgets;
        for (const ScopeUsage& usage : m_budgets->usage()) {
            if (usage.limitUsd > 0) {
                budgets.append({ { usage.scope.id() }, usage.usedFraction() });
            }
        }
        return budgets;
    });
}

Engine::~Engine()
{
    delete m_router; // routed calls in flight end before the ledger closes
    m_router = nullptr;
    m_recorder->setJournal(nullptr);
    if (m_ledger && m_journal) {
        m_ledger->close(); // every row handed over is now in the file or its spill
        m_journal->ledgerClosed();
    }
}

QString Engine::defaultHomeDir()
{
    return HomeSettings::defaultHomeDir();
}

bool Engine::open(const Options& options)
{
    m_homeDir = options.homeDir.isEmpty() ? defaultHomeDir() : options.homeDir;
    m_database = options.database;
    if (!QDir().mkpath(m_homeDir) || !QFileInfo(m_homeDir).isWritable()) {
        m_error = tr("Cannot use %1 as the home directory: it cannot be created or written.")
                      .arg(QDir::toNativeSeparators(m_homeDir));
        return false;
    }
    // The app's settings (theme, first run, budgets, columns) are this home's too.
    HomeSettings::setHomeDir(m_homeDir);

    const QString pricesPath = QDir(m_homeDir).filePath(QStringLiteral("prices.json"));
    if (QFileInfo::exists(pricesPath)) {
        QString error;
        if (!m_prices->load(pricesPath, &error)) {
            m_warnings.append(tr("prices.json was not loaded (%1); the bundled prices are used.").arg(error));
        }
    }

    loadConfig();
    loadLearnedRouter();

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
        // The sandbox's Bedrock route checks SigV4 against its own test key pair; real providers keep
        // the AWS credential chain.
        m_client->setAwsCredentialResolver([](const ProviderConfig& provider) {
            return provider.simulated ? AwsCredentialChain::Result { SandboxServer::awsCredentials(), {} }
                                      : AwsCredentialChain::credentials(provider.awsProfile);
        });
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
        if (m_keys) {
            readLedgerPassword();
        }
        openLedger();
    }
    if (LedgerUrl::isUrl(m_ledgerPath)) {
        m_sharedBudget = std::make_unique<SharedBudgetClient>(m_ledgerPath);
        m_sharedFallback = std::make_unique<SharedBudgetFallback>();
        // A team's gateways skip a failing deployment together (owned by the engine as its child).
        auto* cooldowns = new SharedCooldowns(m_ledgerPath, m_router->cooldowns(), this);
        connect(cooldowns, &SharedCooldowns::listeningChanged, this, [](bool listening, const QString& error) {
            if (listening) {
                qInfo().noquote() << tr("Cooldowns are shared through the ledger database.");
            } else {
                qWarning().noquote() << tr("Cooldowns are not shared with the other processes on this ledger (%1); "
                                           "retrying every %2 s.")
                                            .arg(error)
                                            .arg(SharedCooldownChannel::kRetryMs / 1000);
            }
        });
        cooldowns->start();
    }
    m_budgets->setSpendSource([path = m_ledgerPath](const QString& providerId, const QDateTime& from,
                                                    const QDateTime& until) {
        if (path.isEmpty()) {
            return 0.0;
        }
        LedgerQueries queries(path);
        // A batch job whose results nobody recorded within the providers' window counts as spent
        // at its worst case (SharedBudget::BatchStanding): counted up to now, not only up to `until`.
        SharedBudget holds(path);
        return queries.spendInPeriod(from, until, providerId)
            + holds.batchStanding(providerId, from, QDateTime()).value_or(SharedBudget::BatchStanding {}).expiredUsd;
    });
    // The batch jobs still running hold their worst case until their results are recorded (by this
    // process or another one): every check counts it, every view shows it apart from the spend.
    m_budgets->setBatchHoldSource([path = m_ledgerPath](const QString& providerId, const QDateTime& from) {
        if (path.isEmpty()) {
            return 0.0;
        }
        SharedBudget holds(path);
        return holds.batchHeld(providerId, from, QDateTime()).value_or(0.0);
    });
    m_router->setBudgetReservation(
        [this](const ModelConfig& model, const ChatRequest& request) {
            Reservation reservation
                = m_budgets->reserve(model.providerId, model.id, model.price, budgetRequest(model, request));
            holdShared(&reservation);
            const BudgetCheck& check = reservation.check;
            return BudgetHold { reservation.ok,
                                reservation.id,
                                reservation.refusalReason,
                                check.shouldDowngrade(),
                                reservation.ok && check.overLimit ? check.reason : QString(),
                                check.exceededLimit() };
        },
        [this](quint64 holdId, const ModelConfig& model, const TokenUsage* usage) {
            settleShared(holdId, usage ? CostCalculator::cost(model.price, *usage).value_or(0.0) : 0.0);
            if (usage) {
                m_budgets->commit(holdId, CostCalculator::cost(model.price, *usage).value_or(0.0));
            } else {
                m_budgets->release(holdId);
            }
        });
    m_router->setBudgetCheck([this](const ModelConfig& model, const ChatRequest& request) {
        const BudgetCheck check
            = m_budgets->check(model.providerId, model.id, model.price, budgetRequest(model, request));
        return BudgetVerdict { check.allowed, check.reason, check.shouldDowngrade(),
                               check.allowed && check.overLimit ? check.reason : QString(), check.exceededLimit() };
    });
    return true;
}

void Engine::holdShared(Reservation* reservation)
{
    if (!m_sharedBudget || !reservation->ok || reservation->reservedUsd <= 0
        || reservation->check.action == BudgetAction::WarnOnly) {
        return;
    }
    const QList<SharedBudget::Scope> scopes = sharedScopes(reservation->check.scopes);
    if (scopes.isEmpty()) {
        return;
    }
    const SharedBudget::Hold hold = m_sharedBudget->reserve(scopes, reservation->reservedUsd);
    if (hold.ok) {
        m_sharedHolds.insert(reservation->id, hold.id);
        m_sharedFallback->recordStanding(hold.remainingUsd);
        handOverOutageSpend();
        if (!m_sharedBudgetError.isEmpty()) {
            m_sharedBudgetError.clear();
            qInfo().noquote() << tr("The shared budget is reachable again.");
            emit healthChanged();
        }
        return;
    }
    QString refusal = hold.refusal;
    if (!hold.error.isEmpty()) {
        // The database cannot be asked: every instance goes on serving, each within a conservative
        // share of what the team's budget had left, so that together they stay within it.
        if (m_sharedBudgetError != hold.error) {
            const bool wasReachable = m_sharedBudgetError.isEmpty();
            m_sharedBudgetError = hold.error;
            if (wasReachable) {
                emit healthChanged(); // the UI and /health say the gateway runs on its share
            }
            qWarning().noquote() << tr("The shared budget cannot be checked (%1); until it can, this instance "
                                       "spends at most %2% of what each limit had left.")
                                        .arg(hold.error)
                                        .arg(int(SharedBudgetFallback::kShare * 100));
        }
        const SharedBudgetFallback::Decision local
            = m_sharedFallback->reserve(reservation->id, scopes, reservation->reservedUsd);
        if (local.ok) {
            return;
        }
        refusal = local.refusal;
    }
    m_budgets->release(reservation->id);
    reservation->ok = false;
    reservation->id = 0;
    reservation->reservedUsd = 0;
    reservation->refusalReason = refusal;
    reservation->check.allowed = false;
    reservation->check.overLimit = true;
    reservation->check.reason = refusal;
}

QList<SharedBudget::Scope> Engine::sharedScopes(const QList<ScopeUsage>& usage) const
{
    const QDateTime now = Clock::instance().currentDateTimeUtc();
    QList<SharedBudget::Scope> scopes;
    for (const ScopeUsage& scope : usage) {
        if (scope.limitUsd <= 0) {
            continue;
        }
        const BudgetPeriod period = scope.scope.period;
        const QDateTime start = m_budgets->periodStart(period, now);
        const QDateTime end = period == BudgetPeriod::Day ? m_budgets->periodStart(period, start.addSecs(36 * 3600))
                                                          : m_budgets->periodStart(period, start.addDays(40));
        scopes.append({ scope.scope.id() + u'@' + m_budgets->periodKey(period, now), scope.scope.providerId,
                        scope.limitUsd, start, end });
    }
    return scopes;
}

SharedBudget::Hold Engine::holdBatch(const QString& providerId, double amountUsd)
{
    QList<SharedBudget::Scope> scopes;
    if (m_sharedBudget && m_budgets->settings().action != BudgetAction::WarnOnly) {
        scopes = sharedScopes(m_budgets->usage(providerId));
    }
    SharedBudget budget(m_ledgerPath);
    const SharedBudget::Hold hold
        = budget.reserveBatch(scopes, amountUsd, providerId, Clock::instance().currentDateTimeUtc());
    m_budgets->batchHoldsChanged();
    return hold;
}

void Engine::handOverOutageSpend()
{
    m_sharedBudget->addSpent(m_sharedFallback->takeOutageSpend());
}

void Engine::settleShared(quint64 holdId, double actualUsd)
{
    if (m_sharedFallback && m_sharedFallback->settle(holdId, actualUsd)) {
        return; // held while the database was away: handed over when it answers again
    }
    const auto it = m_sharedHolds.constFind(holdId);
    if (it == m_sharedHolds.cend()) {
        return;
    }
    const qint64 shared = *it;
    m_sharedHolds.erase(it);
    m_sharedBudget->settle(shared, actualUsd);
    for (const QString& error : m_sharedBudget->takeErrors()) {
        qWarning().noquote() << tr("The shared budget could not be updated (%1).").arg(error);
    }
}

BudgetRequest Engine::budgetRequest(const ModelConfig& model, const ChatRequest& request)
{
    return BudgetEstimate::of(model, request);
}

void Engine::loadConfig()
{
    const ConfigStore store(m_homeDir);
    const ConfigLoadResult loaded = store.load();
    m_configProblems = loaded.problems;
    for (const ConfigProblem& problem : loaded.problems) {
        m_warnings.append(problem.toString());
    }
    if (loaded.ok) {
        m_config = loaded.config;
        m_configState = ConfigState::Loaded;
        return;
    }
    const ConfigLoadResult lastGood = store.loadLastGood();
    if (lastGood.ok) {
        m_config = lastGood.config;
        m_configState = ConfigState::LastGood;
    } else {
        m_configState = ConfigState::Unusable;
    }
    m_warnings.append(healthProblems().constFirst());
}

QStringList Engine::healthProblems() const
{
    QStringList problems;
    if (m_configState == ConfigState::LastGood) {
        problems.append(tr("The configuration files have errors; running on the last good configuration "
                           "(%1, %2) until they are fixed.")
                            .arg(QLatin1String("providers.last-good.json"), QLatin1String("routing.last-good.json")));
    } else if (m_configState == ConfigState::Unusable) {
        problems.append(tr("The configuration files have errors and there is no last good configuration; no "
                           "configured provider, model or rule is used."));
    }
    if (m_ledger && !m_ledger->stallReason().isEmpty()) {
        problems.append(tr("The history database cannot be written: %1.").arg(m_ledger->stallReason()));
    }
    if (!m_sharedBudgetError.isEmpty()) {
        problems.append(tr("The team's budget cannot be checked (%1); this instance spends at most %2% of what "
                           "each limit had left until it can.")
                            .arg(m_sharedBudgetError)
                            .arg(int(SharedBudgetFallback::kShare * 100)));
    }
    return problems;
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
        // The sandbox's catalogue carries input, output and cached rates only; the table has every
        // dimension (cache writes, tiers) of the models it simulates.
        const bool simulatedModel = std::any_of(providers.cbegin(), providers.cend(), [&](const ProviderConfig& p) {
            return p.simulated && p.id == model.providerId;
        });
        addPriceTableDetails(&model, !model.price.known || simulatedModel);
        model.timeouts = EffectiveTimeouts::merged(model.timeouts, model.timeoutsSet, m_defaultTimeouts);
        m_models.append(model);
    }
}

QStringList Engine::catalogFor(const ModelConfig& templateModel) const
{
    // The price table says which provider serves a model (LiteLLM's litellm_provider). Only for a
    // provider at its own public host: what a server of the user's serves is its own to say.
    const ProviderConfig* provider = m_router->provider(templateModel.providerId);
    if (!provider) {
        return {};
    }
    const LiteLlmPrefix& prefix = LiteLlmProviders::forProvider(*provider);
    if (!*prefix.defaultBase || !LiteLlmProviders::isDefaultBase(prefix, provider->baseUrl)) {
        return {};
    }
    const QString owner = QLatin1String(prefix.prefix);
    const QString ownPrefix = owner + QLatin1Char('/');
    QStringList names;
    const QMap<QString, PriceEntry> entries = m_prices->entries();
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        if (it->litellmProvider == owner && it->mode == ModelMode::Chat) {
            // LiteLLM's table keys some models with their prefix ("groq/llama-3.3-70b-versatile").
            names.append(it.key().startsWith(ownPrefix) ? it.key().mid(ownPrefix.size()) : it.key());
        }
    }
    return names;
}

void Engine::addPriceTableDetails(ModelConfig* model, bool takePrice) const
{
    // The price table knows a model by what its provider calls it (or by the base model the config
    // names for it). Not by the id: a group named gpt-3.5-turbo that serves a local llama2 (a common
    // LiteLLM alias) is not charged at OpenAI's price, nor taken to see images.
    const std::optional<PriceEntry> entry = m_prices->lookup(model->priceName());
    if (!entry) {
        return;
    }
    if (!model->capabilities.isKnown()) {
        model->capabilities = entry->capabilities;
    }
    if (!takePrice) {
        return; // priced in the config
    }
    model->price = entry->price;
    if (model->contextWindow == 0) {
        model->contextWindow = entry->contextWindow;
    }
    if (model->maxOutputTokens == 0) {
        model->maxOutputTokens = entry->maxOutputTokens;
    }
}

void Engine::applyConfig()
{
    m_providers.clear();
    m_models.clear();
    if (m_sandbox) {
        addProvidersAndModels(m_sandbox->providers(), m_sandbox->models() + m_sandbox->embeddingModels());
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
        // Without tiers (a new home, an imported LiteLLM config) the built-in tiers and rules route
        // prompts, while the configuration's own groups, fallbacks and settings still apply.
        const RoutingPolicy builtIn = DefaultPolicy::create(m_models);
        policy.tiers = builtIn.tiers;
        policy.rules = builtIn.rules;
        policy.defaultTier = builtIn.defaultTier;
    }
    // Every layer's values made whole from the one below; the set bits keep who chose what.
    policy.defaults.timeouts
        = EffectiveTimeouts::merged(policy.defaults.timeouts, policy.defaults.timeoutsSet, m_defaultTimeouts);
    policy.defaults.timeoutsSet |= m_defaultTimeoutsSet;
    for (RoutingTier& tier : policy.tiers) {
        if (tier.settings) {
            tier.settings->timeouts = EffectiveTimeouts::merged(tier.settings->timeouts, tier.settings->timeoutsSet,
                                                                policy.defaults.timeouts);
        }
    }
    m_router->setPolicy(policy);
}

void Engine::setDefaultTimeouts(const Timeouts& timeouts, quint8 set)
{
    if (timeouts == m_defaultTimeouts && set == m_defaultTimeoutsSet) {
        return;
    }
    m_defaultTimeouts = timeouts;
    m_defaultTimeoutsSet = set;
    applyConfig();
    emit configChanged();
}

QList<ConfigProblem> Engine::saveConfig(const SwitchyardConfig& config)
{
    const ConfigSaveResult saved = ConfigStore(m_homeDir).save(config);
    if (saved.ok) {
        const bool wasDegraded = m_configState != ConfigState::Loaded;
        m_config = config;
        m_configProblems.clear();
        m_configState = ConfigState::Loaded;
        applyConfig();
        emit configChanged();
        if (wasDegraded) {
            emit healthChanged();
        }
    }
    return saved.problems;
}

QString Engine::ledgerLocation(const QString& database, const QString& homeDir)
{
    if (!database.isEmpty()) {
        return database;
    }
    const QString fromEnvironment = qEnvironmentVariable("SWITCHYARD_DATABASE_URL");
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    const QString fromSettings = AppSettings().value(AppSettings::DatabaseUrl).toString();
    if (!fromSettings.isEmpty()) {
        return fromSettings;
    }
    return QDir(homeDir).filePath(QStringLiteral("ledger.sqlite"));
}

void Engine::readLedgerPassword()
{
    // A shared ledger's password lives in the keychain (Settings > Data), never in a file: it must
    // be there before the first connection. A URL with its own password, or none stored, leaves
    // libpq to the URL or PGPASSFILE.
    const std::optional<LedgerUrl> url = LedgerUrl::parse(ledgerLocation(m_database, m_homeDir), nullptr);
    if (!url || !url->password.isEmpty()) {
        return;
    }
    const QString password = m_keys->readSecretNow(url->keychainEntry());
    if (!password.isEmpty()) {
        LedgerUrl::setPassword(url->redacted(), password);
    }
}

void Engine::openLedger()
{
    m_ledgerPath = ledgerLocation(m_database, m_homeDir);
    m_ledger = new Ledger(this);
    connect(m_ledger, &Ledger::writeStalled, this, &Engine::healthChanged);
    connect(m_ledger, &Ledger::writeResumed, this, &Engine::healthChanged);
    // What a killed or crashed process had sent and answered goes in with the ledger's spill.
    const CallJournal::Recovery recovered = CallJournal::recover(m_ledgerPath);
    m_warnings += recovered.problems;
    if (recovered.answered + recovered.interrupted > 0) {
        m_warnings.append(tr("%n request(s) recovered from the journal of a Switchyard process that stopped without "
                             "closing the history (%1 answered, %2 interrupted).",
                             nullptr, recovered.answered + recovered.interrupted)
                              .arg(recovered.answered)
                              .arg(recovered.interrupted));
    }
    if (m_ledger->open(m_ledgerPath)) {
        startJournal();
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
            startJournal();
            return;
        }
        m_warnings.append(tr("The history database is not available (%1). Requests will not be recorded.").arg(reason));
    }
    delete m_ledger;
    m_ledger = nullptr;
    m_ledgerPath.clear();
}

void Engine::startJournal()
{
    m_journal = std::make_unique<CallJournal>(m_ledgerPath);
    m_journal->setStorePrompts(m_ledger->storePrompts());
    m_journal->setFlushRequest([this] { m_ledger->flush(); });
    connect(m_ledger, &Ledger::flushed, this, [this] { m_journal->ledgerFlushed(m_ledger->stallReason().isEmpty()); });
    m_recorder->setJournal(m_journal.get());
}

void Engine::setStorePrompts(bool store)
{
    if (m_ledger) {
        m_ledger->setStorePrompts(store);
    }
    if (m_journal) {
        m_journal->setStorePrompts(store);
    }
}

Ledger* Engine::ledger() const
{
    return m_ledger;
}

namespace {
// Owns a call's ticket for exactly the call's life: a child of the call, so it goes (recording the
// call as cancelled if nothing else did) when the call is deleted.
class TicketHolder : public QObject
{
public:
    TicketHolder(PendingRecord ticket, QObject* call)
        : QObject(call)
        , ticket(std::move(ticket))
    {
    }
    PendingRecord ticket;
};

// A direct call's ticket and its budget hold: the hold is settled with what the provider billed
// (the answer's usage, or what came back before a failure or a stop) when the row is written, or
// given back when the call produced nothing or was torn down unrecorded.
class DirectTicketHolder final : public QObject
{
public:
    DirectTicketHolder(PendingRecord ticket, ProviderCall* call, Router* router)
        : QObject(call)
        , m_ticket(std::move(ticket))
        , m_router(router)
        , m_model(call->model())
        , m_hold(call->budgetHold())
    {
    }
    ~DirectTicketHolder() override { settle(nullptr); }

    QDateTime startedAt() const { return m_ticket.context().startedAt; }
    void finish(const CallResult& result, const CallError& error)
    {
        FinishedCall call = FinishedCall::direct(result, error, startedAt());
        if (m_hold != 0) {
            const bool billed = !error.isError() || result.usage != TokenUsage {};
            settle(billed ? &result.usage : nullptr);
            call.budgetSettled = true;
        }
        m_ticket.finish(std::move(call));
    }

private:
    void settle(const TokenUsage* usage)
    {
        if (m_hold != 0 && m_router) {
            m_router->settleBudget(m_hold, m_model, usage);
        }
        m_hold = 0;
    }

    PendingRecord m_ticket;
    QPointer<Router> m_router;
    ModelConfig m_model;
    quint64 m_hold = 0;
};
} // namespace

void Engine::track(RoutedCall* call, const ChatRequest& request, RequestSource source, const QString& compareGroup,
                   const QString& exchange)
{
    RecordContext context { source, request.lastUserText(), compareGroup, {}, {}, {}, {} };
    context.keepAnswer = source == RequestSource::Workbench;
    context.settings = RequestSettings::describe(request);
    context.exchange = exchange;
    if (!RequestSources::isComparison(source)) {
        // `route --system`: kept so the row replays as asked (a column keeps it in its exchange).
        context.system = request.systemText();
    }
    auto* holder = new TicketHolder(m_recorder->start(std::move(context)), call);
    connect(call, &RoutedCall::finished, holder,
            [holder](const RoutedResult& result) { holder->ticket.finish(FinishedCall::routed(result)); });
    connect(call, &RoutedCall::failed, holder,
            [holder](const RoutedError& error) { holder->ticket.finish(FinishedCall::routedFailure(error)); });
    connect(call, &RoutedCall::cancelled, holder,
            [holder](const RoutedError& state) { holder->ticket.finish(FinishedCall::routedCancelled(state)); });
}

void Engine::track(ProviderCall* call, RequestSource source, const QString& compareGroup, const QString& exchange,
                   const QString& requestId)
{
    RecordContext context { source,
                            call->request().lastUserText(),
                            compareGroup,
                            {},
                            call->model().id,
                            call->provider().id,
                            call->model().price };
    // A comparison's answers are its evidence: a workbench run reopens them, an evaluation resumed
    // after a crash grades the answer its ledger row holds instead of asking again.
    context.keepAnswer = RequestSources::isComparison(source);
    context.settings = RequestSettings::describe(call->request());
    context.exchange = exchange;
    if (!RequestSources::isComparison(source)) {
        context.system = call->request().systemText(); // `ask --system`
    }
    context.requestId = requestId;
    auto* holder = new DirectTicketHolder(m_recorder->start(std::move(context)), call, m_router);
    connect(call, &ProviderCall::finished, holder, [holder](const CallResult& result) { holder->finish(result, {}); });
    connect(call, &ProviderCall::failed, holder,
            [holder](const CallError& error, const CallResult& partial) { holder->finish(partial, error); });
    connect(call, &ProviderCall::cancelled, holder,
            [holder](const CallError& error, const CallResult& partial) { holder->finish(partial, error); });
}

void Engine::record(RequestRecord record, bool countAgainstBudgets)
{
    if (countAgainstBudgets && record.costUsd && *record.costUsd > 0 && !record.finalProvider.isEmpty()) {
        // Keeps the budget tracker's running total current between ledger reads.
        m_budgets->addSpend(record.finalProvider, *record.costUsd);
    }
    m_metrics->observe(record);
    if (m_traces) {
        m_traces->observe(record);
    }
    if (m_ledger) {
        m_ledger->record(record);
    }
    emit requestRecorded(record);
}

QByteArray Engine::metricsText() const
{
    QByteArray text = m_metrics->exposition();
    if (m_traces) {
        text += m_traces->metricsText();
    }
    return text;
}

void Engine::setTraceExport(const std::optional<OtlpSettings>& settings)
{
    delete m_traces;
    m_traces = settings ? new OtlpExporter(*settings, this) : nullptr;
    m_router->setTracing(settings.has_value());
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
    return m_router->policy().routableGroup(name) != nullptr;
}

bool Engine::isGroupOrTier(const QString& name) const
{
    const RoutingPolicy& policy = m_router->policy();
    return policy.routableGroup(name) != nullptr || policy.tier(name) != nullptr;
}

bool Engine::loadLearnedRouter(QString* error)
{
    const QString path = LearnedRouter::defaultPath(m_homeDir);
    if (!QFileInfo::exists(path)) {
        m_router->setLearnedRouter({});
        return true;
    }
    QString why;
    std::optional<LearnedRouter> learned = LearnedRouter::load(path, &why);
    if (!learned) {
        // Learned rules are skipped (explain names them) rather than routing on a damaged model.
        m_router->setLearnedRouter({});
        const QString warning = tr("The trained router was not loaded: %1").arg(why);
        if (error) {
            *error = warning;
        } else {
            m_warnings.append(warning);
        }
        return false;
    }
    m_router->setLearnedRouter(std::make_shared<const LearnedRouter>(std::move(*learned)));
    return true;
}
