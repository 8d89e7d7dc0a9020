#pragma once

#include "common/ProviderTypes.h"
#include "sandbox/SandboxTypes.h"

#include <QObject>
#include <QStringList>

class ProviderClient;
class Router;
class SandboxServer;

// The running Switchyard: the configuration from the home dir, the optional offline sandbox,
// the provider client, the router and the ledger, wired together once for the GUI, the CLI and
// the gateway alike.
class Engine : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString homeDir; // empty: SWITCHYARD_HOME, else the platform's app data location
        bool sandbox = false;
        QList<std::pair<QString, SandboxFault>> sandboxFaults; // model name (or provider id) -> fault
    };

    explicit Engine(QObject* parent = nullptr);
    ~Engine() override;

    static QString defaultHomeDir();

    // False with errorString() when the engine cannot run (home dir not writable, sandbox port
    // unavailable); problems it can live with (a bad config file kept aside) go to warnings().
    bool open(const Options& options);
    QString errorString() const { return m_error; }
    QStringList warnings() const { return m_warnings; }

    QString homeDir() const { return m_homeDir; }
    bool isSandboxed() const { return m_sandbox != nullptr; }
    const QList<ProviderConfig>& providers() const { return m_providers; }
    const QList<ModelConfig>& models() const { return m_models; }
    const ProviderConfig* provider(const QString& id) const;
    const ModelConfig* model(const QString& id) const;
    // An exact model id, or a provider's own model name when exactly one configured model has it.
    const ModelConfig* resolveModel(const QString& name, QString* error = nullptr) const;

    ProviderClient* client() const { return m_client; }
    Router* router() const { return m_router; }
    SandboxServer* sandbox() const { return m_sandbox; }
    // A model group, tier or model id the router can resolve (for `ask --model GROUP`).
    bool isGroupOrTier(const QString& name) const;

private:
    QString m_error;
    QStringList m_warnings;
    QString m_homeDir;
    QList<ProviderConfig> m_providers;
    QList<ModelConfig> m_models;
    ProviderClient* m_client;
    Router* m_router;
    SandboxServer* m_sandbox = nullptr;
};
