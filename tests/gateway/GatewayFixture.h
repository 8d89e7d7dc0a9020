#pragma once

#include "core/gateway/GatewayServer.h"
#include "core/pricing/PriceTable.h"
#include "core/providers/ProviderClient.h"
#include "core/recording/CallRecorder.h"
#include "core/routing/DefaultPolicy.h"
#include "core/routing/Router.h"
#include "core/sandbox/SandboxServer.h"

#include <QList>
#include <QUrl>

#include <memory>

// The sandbox (answering at once) as upstream, the router over its models and the gateway in
// front, on free loopback ports. Groups for the tests:
//   "chat"  -> sandbox/gpt-4.1-mini, falls back to sandbox/deepseek-chat
//   "solo"  -> sandbox/gemini-2.5-flash, no fallback
//   "haiku" -> sandbox/claude-haiku-4-5 (Anthropic upstream), falls back to sandbox/gpt-4.1-mini
//   "embed" -> sandbox/text-embedding-3-small, falls back to sandbox/text-embedding-3-large
// Models are priced as the app prices simulated ones (the bundled table's entry for the real model).
// Every ledger record lands in `records`.
struct GatewayFixture
{
    SandboxServer sandbox;
    ProviderClient client;
    Router router { &client };
    QList<RequestRecord> records;
    std::function<void(const RequestRecord&)> recordHook; // replaces `records` when set (the soak)
    std::function<QByteArray()> metrics; // GatewayDependencies::metrics, when a test serves /metrics
    std::function<void(const RequestRecord&)> tracedHook; // GatewayDependencies::traced (token counts)
    PriceTable prices = PriceTable::bundled();
    CallRecorder recorder { prices,
                            [this](const QString& modelId) {
                                const ModelConfig* model = router.model(modelId);
                                return model ? model->price : ModelPrice {};
                            },
                            [this](const RequestRecord& record, bool) {
                                if (recordHook) {
                                    recordHook(record);
                                } else {
                                    records.append(record);
                                }
                            } };
    std::unique_ptr<GatewayServer> gateway;

    bool start(const GatewayOptions& options = {}, double timeScale = 0)
    {
        sandbox.setTimeScale(timeScale);
        if (!sandbox.start()) {
            return false;
        }
        router.setProviders(sandbox.providers());
        // As the app prices simulated models: every dimension of the real model's price.
        QList<ModelConfig> models = sandbox.models() + sandbox.embeddingModels();
        for (ModelConfig& model : models) {
            if (const std::optional<PriceEntry> entry = prices.lookup(model.upstreamModel)) {
                model.price = entry->price;
            }
        }
        router.setModels(models);
        RoutingPolicy policy = DefaultPolicy::create(sandbox.models());
        auto group = [](const QString& name, const QString& model, const QStringList& fallbacks) {
            ModelGroup g;
            g.name = name;
            g.deployments = { Deployment { model, 1 } };
            g.fallbacks = fallbacks;
            return g;
        };
        policy.groups = {
            group(QStringLiteral("chat"), QStringLiteral("sandbox/gpt-4.1-mini"),
                  { QStringLiteral("sandbox/deepseek-chat") }),
            group(QStringLiteral("solo"), QStringLiteral("sandbox/gemini-2.5-flash"), {}),
            group(QStringLiteral("haiku"), QStringLiteral("sandbox/claude-haiku-4-5"),
                  { QStringLiteral("sandbox/gpt-4.1-mini") }),
            group(QStringLiteral("embed"), QStringLiteral("sandbox/text-embedding-3-small"),
                  { QStringLiteral("sandbox/text-embedding-3-large") }),
        };
        router.setPolicy(policy);
        gateway = std::make_unique<GatewayServer>(
            GatewayDependencies { &router,
                                  &recorder,
                                  {},
                                  {},
                                  metrics,
                                  [this](const ModelConfig& model) { return prices.modeOf(model); },
                                  [this](const RequestRecord& record) {
                                      if (tracedHook) {
                                          tracedHook(record);
                                      }
                                  } });
        gateway->setOptions(options);
        return gateway->listen(QHostAddress::LocalHost, 0);
    }

    QUrl url(const QString& path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(gateway->port()).arg(path));
    }
};
