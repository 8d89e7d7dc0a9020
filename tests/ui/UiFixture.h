#pragma once

#include "providers/ProviderClient.h"
#include "sandbox/SandboxServer.h"
#include "workbench/ModelCatalog.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

// A real sandbox over loopback and a real client, with throwaway settings, for UI tests.
struct UiFixture
{
    SandboxServer* sandbox = nullptr;
    ProviderClient* client = nullptr;

    static void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_ui"));
    }

    bool start(double timeScale)
    {
        QSettings().clear();
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
        QSettings().clear();
    }

    ModelCatalog catalog() const { return { sandbox->providers(), sandbox->models() }; }
};
