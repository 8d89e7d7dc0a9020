#include "Engine.h"

#include "providers/ProviderClient.h"
#include "routing/DefaultPolicy.h"
#include "routing/Router.h"
#include "sandbox/SandboxServer.h"

#include <QDir>
#include <QStandardPaths>

Engine::Engine(QObject* parent)
    : QObject(parent)
    , m_client(new ProviderClient(this))
    , m_router(new Router(m_client, this))
{
}

Engine::~Engine() = default;

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
    if (!QDir().mkpath(m_homeDir)) {
        m_error = tr("Cannot create the home directory %1").arg(QDir::toNativeSeparators(m_homeDir));
        return false;
    }
    if (options.sandbox) {
        m_sandbox = new SandboxServer(this);
        if (!m_sandbox->start()) {
            m_error = tr("Cannot start the offline sandbox on 127.0.0.1");
            return false;
        }
        for (const auto& [target, fault] : options.sandboxFaults) {
            if (target.startsWith(QLatin1String("sandbox-"))) {
                m_sandbox->setProviderFault(target, fault);
            } else {
                m_sandbox->setFault(target.section(QLatin1Char('/'), -1), fault);
            }
        }
        m_providers.append(m_sandbox->providers());
        m_models.append(m_sandbox->models());
    }
    m_router->setProviders(m_providers);
    m_router->setModels(m_models);
    m_router->setPolicy(DefaultPolicy::create(m_models));
    return true;
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

bool Engine::isGroupOrTier(const QString& name) const
{
    const RoutingPolicy& policy = m_router->policy();
    return policy.group(name) != nullptr || policy.tier(name) != nullptr;
}
