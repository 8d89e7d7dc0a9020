#pragma once

#include "core/common/HomeSettings.h"
#include "core/engine/Engine.h"
#include "core/providers/ProviderClient.h"
#include "core/sandbox/SandboxServer.h"
#include "core/workbench/ModelCatalog.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

#include <memory>

// A real sandbox over loopback and a real client, with throwaway settings, for UI tests.
struct UiFixture
{
    SandboxServer* sandbox = nullptr;
    ProviderClient* client = nullptr;

    // Throwaway standard paths named after the test; the settings are the active home's settings.ini.
    static void initTestCase(const QString& applicationName = QStringLiteral("tst_ui"))
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(applicationName);
    }

    // What `switchyard --home HOME --sandbox` opens.
    static Engine::Options sandboxEngine(const QString& homeDir)
    {
        Engine::Options options;
        options.homeDir = homeDir;
        options.sandbox = true;
        return options;
    }

    // `switchyard --home HOME --sandbox` on fresh settings, with a ledger, its sandbox at
    // `timeScale`; null with *error set when it does not open.
    static std::unique_ptr<Engine> openSandbox(const QString& homeDir, double timeScale, QString* error)
    {
        HomeSettings::open()->clear();
        auto engine = std::make_unique<Engine>();
        if (!engine->open(sandboxEngine(homeDir)) || !engine->ledger()) {
            *error = engine->errorString().isEmpty() ? QStringLiteral("no ledger") : engine->errorString();
            return nullptr;
        }
        engine->sandbox()->setTimeScale(timeScale);
        return engine;
    }

    bool start(double timeScale)
    {
        HomeSettings::open()->clear();
        sandbox = new SandboxServer;
        client = new ProviderClient;
        sandbox->setTimeScale(timeScale);
        return sandbox->start();
    }

    void stop()
    {
        delete client;
        delete sandbox;
        client = nullptr;
        sandbox = nullptr;
        HomeSettings::open()->clear();
    }

    ModelCatalog catalog() const { return { sandbox->providers(), sandbox->models() }; }
};
