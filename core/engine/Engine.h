#pragma once

#include "core/common/ProviderTypes.h"
#include "core/common/RequestSource.h"
#include "core/config/ConfigProblem.h"
#include "core/config/SwitchyardConfig.h"
#include "core/ledger/LedgerRecords.h"
#include "core/ledger/SharedBudget.h"
#include "core/pricing/BudgetTypes.h"
#include "core/sandbox/SandboxTypes.h"
#include "core/telemetry/OtlpSettings.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class BudgetTracker;
class KeyStore;
class CallJournal;
class CallRecorder;
class Ledger;
class SharedBudgetClient;
class SharedBudgetFallback;
class MetricsRegistry;
class OtlpExporter;
class PriceTable;
class ProviderCall;
class ProviderClient;
class RoutedCall;
class Router;
class SandboxServer;
struct ChatRequest;

// The running Switchyard: the configuration from the home dir, the optional offline sandbox,
// prices, the provider client, the router, budgets and the ledger, wired together once for the
// GUI, the CLI and the gateway alike.
class Engine : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString homeDir; // empty: SWITCHYARD_HOME, else the platform's app data location
        bool sandbox = false;
        QList<std::pair<QString, SandboxFault>> sandboxFaults; // model name (or provider id) -> fault
        bool openLedger = true;
        // First run of the desktop app: with no provider configured, start on the sandbox.
        bool sandboxWhenUnconfigured = false;
        // Read API keys from the OS keychain (the desktop app); otherwise environment variables only.
        bool useKeychain = false;
        // Where the ledger lives (a file path or a postgresql:// URL); empty:
        // SWITCHYARD_DATABASE_URL, else the DatabaseUrl setting, else ledger.sqlite in homeDir.
        // Last, so that brace-initialised options keep their meaning.
        QString database;
    };

    // How the user's configuration was loaded.
    enum class ConfigState
    {
        Loaded, // the files, or no files at all (a first run)
        LastGood, // the files have errors: running on the copy of the last clean load or save
        Unusable, // the files have errors and there is no last-good copy: no user config is used
    };

    explicit Engine(QObject* parent = nullptr);
    ~Engine() override;

    static QString defaultHomeDir();
    // The ledger location the options choose (see Options::database); an empty `database` takes
    // SWITCHYARD_DATABASE_URL, then the setting, then the file in `homeDir`.
    static QString ledgerLocation(const QString& database, const QString& homeDir);
    // What a budget reserves for a request to a model: the whole prompt and all the output it may
    // produce (the request's max tokens, else the model's, else what its context window leaves).
    static BudgetRequest budgetRequest(const ModelConfig& model, const ChatRequest& request);
    static constexpr qint64 kDefaultReservedOutputTokens = 4096;

    // False with errorString() when the engine cannot run (home dir not writable, sandbox port
    // unavailable); problems it can live with (a bad config file, a damaged ledger moved aside)
    // go to warnings().
    bool open(const Options& options);
    QString errorString() const { return m_error; }
    QStringList warnings() const { return m_warnings; }

    QString homeDir() const { return m_homeDir; }
    bool isSandboxed() const { return m_sandbox != nullptr; }
    // The user's own configuration (what is saved); providers()/models() add the sandbox's.
    const SwitchyardConfig& config() const { return m_config; }
    QList<ConfigProblem> configProblems() const { return m_configProblems; }
    ConfigState configState() const { return m_configState; }
    // Why the engine runs degraded (a last-good or unusable config, ledger writes waiting for a
    // lock), one translated line each; empty when all is well. healthChanged() follows changes.
    QStringList healthProblems() const;
    // (Re)reads router.model from the home dir for the learned rules (after `router train` or the
    // editor's training). A missing file means no trained router; a damaged or unknown one is
    // refused: with `error`, its reason goes there, else to warnings(). False when refused.
    bool loadLearnedRouter(QString* error = nullptr);
    // Validates, saves atomically and applies; nothing changes when it reports errors.
    QList<ConfigProblem> saveConfig(const SwitchyardConfig& config);

    const QList<ProviderConfig>& providers() const { return m_providers; }
    const QList<ModelConfig>& models() const { return m_models; }
    const ProviderConfig* provider(const QString& id) const;
    const ModelConfig* model(const QString& id) const;
    // An exact model id, or a provider's own model name when exactly one configured model has it.
    const ModelConfig* resolveModel(const QString& name, QString* error = nullptr) const;
    // A model group, tier or model id the router can resolve (for `ask --model GROUP`).
    bool isGroup(const QString& name) const;
    bool isGroupOrTier(const QString& name) const;

    ProviderClient* client() const { return m_client; }
    Router* router() const { return m_router; }
    SandboxServer* sandbox() const { return m_sandbox; }
    const PriceTable& prices() const { return *m_prices; }
    BudgetTracker* budgets() const { return m_budgets; }
    // A provider batch job's hold, taken before the job is submitted: its worst case at the batch
    // rates kept in the ledger (SharedBudget::reserveBatch) until its results are recorded, so that
    // every later process counts it (the spend the budgets read includes it), and checked against
    // the team's shared limits on a PostgreSQL ledger (the caller checks the local ones first).
    SharedBudget::Hold holdBatch(const QString& providerId, double amountUsd);
    // The app's default timeouts (AppSettings), beneath routing.json's defaults: each field the
    // configuration does not set takes these. `set`: the TimeoutField bits the user chose there (the
    // others are built-in values, which a thinking model's first token may exceed). Applies to calls
    // started from now on. Emits configChanged.
    void setDefaultTimeouts(const Timeouts& timeouts, quint8 set);
    Timeouts defaultTimeouts() const { return m_defaultTimeouts; }
    // Null unless Options::useKeychain.
    KeyStore* keys() const { return m_keys; }
    // Null when the ledger could not be opened (see warnings()); recording is then skipped.
    Ledger* ledger() const;
    // Whether prompts are kept, in the ledger and in the crash journal alike.
    void setStorePrompts(bool store);
    QString ledgerPath() const { return m_ledgerPath; }

    // The one way a call becomes a ledger row (the gateway's requests included).
    CallRecorder& recorder() const { return *m_recorder; }
    // Records the call in the ledger exactly once when it ends (finished, failed, or destroyed
    // before either: cancelled), through recorder(). `exchange` is what a workbench column keeps
    // with its answer (ColumnExchange's JSON).
    void track(RoutedCall* call, const ChatRequest& request, RequestSource source, const QString& compareGroup = {},
               const QString& exchange = {});
    // A direct call's budget hold (ProviderCall::budgetHold, from router()->reserveBudget() before
    // it started) is settled here with the call's real usage, or given back when nothing was billed.
    // `requestId`: the row's uuid when the caller named it before the call (an evaluation cell
    // keeps it, so that a resume after a crash finds the answer the ledger holds).
    void track(ProviderCall* call, RequestSource source, const QString& compareGroup = {}, const QString& exchange = {},
               const QString& requestId = {});
    // Writes one finished request to the ledger and counts its cost against the budgets (routed
    // calls were already counted attempt by attempt through their reservations).
    void record(RequestRecord record, bool countAgainstBudgets = true);
    // Prometheus counters over every request record() sees, and the circuit and budget gauges.
    MetricsRegistry& metrics() const { return *m_metrics; }
    // What GET /metrics answers: the registry's families and the trace exporter's counters.
    QByteArray metricsText() const;
    // OpenTelemetry: with settings, the router traces every routed call and each recorded
    // request's spans are exported (OtlpExporter); nullopt stops it. Off until called.
    void setTraceExport(const std::optional<OtlpSettings>& settings);
    OtlpExporter* traceExporter() const { return m_traces; }

signals:
    void configChanged();
    // Every finished request with its attempts, once the ledger has it (the provider health and
    // the alert rules follow these).
    void requestRecorded(const RequestRecord& record);
    void healthChanged();

private:
    void applyConfig();
    void loadConfig();
    void openLedger();
    void startJournal();
    // Adds the shared (database) hold to a local reservation, or turns it into a refusal when the
    // team's budget has no room; settles it when the call ends.
    void holdShared(Reservation* reservation);
    // The shared (database) scopes of the limited ones among `usage`, each for its current period.
    QList<SharedBudget::Scope> sharedScopes(const QList<ScopeUsage>& usage) const;
    void settleShared(quint64 holdId, double actualUsd);
    void handOverOutageSpend();
    void readLedgerPassword();
    void addProvidersAndModels(const QList<ProviderConfig>& providers, const QList<ModelConfig>& models);
    // From the price table, by the model's price name: its capabilities when the config names none,
    // and with takePrice its price, context window and output limit.
    // The models the price table says a wildcard template's provider serves (Router::WildcardCatalog).
    QStringList catalogFor(const ModelConfig& templateModel) const;
    void addPriceTableDetails(ModelConfig* model, bool takePrice) const;

    QString m_error;
    QStringList m_warnings;
    QString m_homeDir;
    SwitchyardConfig m_config;
    QList<ConfigProblem> m_configProblems;
    ConfigState m_configState = ConfigState::Loaded;
    QList<ProviderConfig> m_providers;
    QStringList m_providersWithConfiguredBudget; // their perProvider budget entries come from the config
    QList<ModelConfig> m_models;
    std::unique_ptr<PriceTable> m_prices;
    std::unique_ptr<CallRecorder> m_recorder;
    std::unique_ptr<CallJournal> m_journal; // each call's start and row, ahead of the ledger
    ProviderClient* m_client;
    Router* m_router;
    BudgetTracker* m_budgets;
    std::unique_ptr<MetricsRegistry> m_metrics;
    OtlpExporter* m_traces = nullptr;
    SandboxServer* m_sandbox = nullptr;
    KeyStore* m_keys = nullptr;
    Ledger* m_ledger = nullptr;
    QString m_database; // Options::database
    // On a shared (PostgreSQL) ledger: the budget holds every gateway on it sees, and the shared
    // hold behind each local reservation.
    std::unique_ptr<SharedBudgetClient> m_sharedBudget; // asked on a thread of its own
    QHash<quint64, qint64> m_sharedHolds;
    std::unique_ptr<SharedBudgetFallback> m_sharedFallback; // while the shared budget's database is away
    QString m_sharedBudgetError; // the last time the database could not be asked, once per cause
    QString m_ledgerPath;
    Timeouts m_defaultTimeouts;
    quint8 m_defaultTimeoutsSet = 0;
};
