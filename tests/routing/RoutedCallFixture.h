#pragma once

#include "core/providers/ProviderClient.h"
#include "core/routing/RoutedCall.h"
#include "core/routing/Router.h"
#include "core/sandbox/SandboxServer.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

// A sandbox on loopback (no delays), a ProviderClient and a Router whose policy has one tier
// "t" with the chain the test names. Models keep their sandbox ids ("sandbox/<name>").
struct RoutedCallFixture
{
    std::unique_ptr<SandboxServer> server;
    std::unique_ptr<ProviderClient> client;
    std::unique_ptr<Router> router;

    bool start()
    {
        server = std::make_unique<SandboxServer>();
        if (!server->start()) {
            return false;
        }
        server->setTimeScale(0);
        client = std::make_unique<ProviderClient>();
        router = std::make_unique<Router>(client.get());
        router->setProviders(server->providers());
        router->setModels(server->models());
        return true;
    }

    static TierSettings fastSettings()
    {
        TierSettings settings;
        settings.timeouts = { 3000, 1000, 1000, 15000 }; // generous enough for a loaded CI machine
        settings.timeoutsSet = kAllTimeoutFields;
        settings.rateLimitWaitCapMs = 1000;
        settings.cooldown = { 1000, 60, 60 }; // no cooldown unless a test asks for one
        return settings;
    }

    void setChain(const QStringList& names, const TierSettings& settings = fastSettings())
    {
        RoutingPolicy policy;
        RoutingTier tier;
        tier.name = QStringLiteral("t");
        for (const QString& name : names) {
            ChainStep step;
            for (const QString& alternative : name.split(QLatin1Char('|'))) {
                step.deployments.append({ QStringLiteral("sandbox/") + alternative, 1 });
            }
            tier.chain.append(step);
        }
        tier.settings = settings;
        policy.tiers.append(tier);
        policy.defaultTier = tier.name;
        policy.defaults = settings;
        router->setPolicy(policy);
    }

    static ChatRequest request(const QString& text = QStringLiteral("Tell me about rivers"))
    {
        ChatRequest result;
        result.messages.append({ QStringLiteral("user"), text });
        return result;
    }

    RoutedCall* route(const ChatRequest& chat = request())
    {
        RouteOptions options;
        options.source = RequestSource::Route;
        options.forcedTier = QStringLiteral("t");
        return router->route(chat, {}, options, router.get());
    }

    // "gpt-4.1-mini:server_error, deepseek-chat:ok"
    static QString attemptsText(const QList<AttemptInfo>& attempts)
    {
        QStringList parts;
        for (const AttemptInfo& attempt : attempts) {
            parts.append(attempt.modelId.section(QLatin1Char('/'), -1) + QLatin1Char(':') + attempt.outcomeId());
        }
        return parts.join(QStringLiteral(", "));
    }
};

// Records everything a RoutedCall emits, in order.
struct CallRecorder
{
    explicit CallRecorder(RoutedCall* call)
        : finished(call, &RoutedCall::finished)
        , failed(call, &RoutedCall::failed)
        , restarted(call, &RoutedCall::restarted)
        , failedOver(call, &RoutedCall::failedOver)
        , attemptStarted(call, &RoutedCall::attemptStarted)
        , cacheAnswered(call, &RoutedCall::cacheAnswered)
    {
        QObject::connect(call, &RoutedCall::textReceived, call, [this](const QString& delta) {
            text += delta;
            events.append(QStringLiteral("text"));
        });
        QObject::connect(call, &RoutedCall::restarted, call, [this](const QString&) {
            text.clear();
            events.append(QStringLiteral("restarted"));
        });
    }

    bool done() const { return finished.count() + failed.count() > 0; }
    RoutedResult result() const { return finished.first().first().value<RoutedResult>(); }
    RoutedError error() const { return failed.first().first().value<RoutedError>(); }

    QSignalSpy finished;
    QSignalSpy failed;
    QSignalSpy restarted;
    QSignalSpy failedOver;
    QSignalSpy attemptStarted;
    QSignalSpy cacheAnswered;
    QString text;
    QStringList events;
};
