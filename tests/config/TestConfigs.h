#pragma once

#include "core/config/SwitchyardConfig.h"

#include <QFile>
#include <QString>

// Shared fixtures for the config tests.
namespace TestConfigs {

inline QString dataPath(const QString& name)
{
    return QStringLiteral(SWITCHYARD_TESTS_DIR "/config/data/") + name;
}

// Real-world-shaped LiteLLM configs (tests/data/litellm/README.md).
inline QString litellmPath(const QString& name)
{
    return QStringLiteral(SWITCHYARD_TESTS_DIR "/data/litellm/") + name;
}

inline QByteArray readData(const QString& name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing test data %s", qPrintable(name));
    }
    return file.readAll();
}

// A config where every field differs from its default, so a round trip that drops one fails.
inline SwitchyardConfig full()
{
    SwitchyardConfig config;
    ProviderConfig openai;
    openai.id = QStringLiteral("openai");
    openai.displayName = QStringLiteral("OpenAI");
    openai.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
    openai.keyEnv = QStringLiteral("OPENAI_API_KEY");
    openai.extraHeaders.insert(QStringLiteral("OpenAI-Organization"), QStringLiteral("org-1"));
    ProviderConfig anthropic;
    anthropic.id = QStringLiteral("anthropic");
    anthropic.displayName = QStringLiteral("Anthropic");
    anthropic.kind = ProviderKind::AnthropicMessages;
    anthropic.baseUrl = QUrl(QStringLiteral("https://api.anthropic.com/v1"));
    anthropic.keyEnv = QStringLiteral("ANTHROPIC_API_KEY");
    anthropic.maxConcurrent = 4;
    ProviderConfig local;
    local.id = QStringLiteral("ollama");
    local.displayName = QStringLiteral("Ollama");
    local.baseUrl = QUrl(QStringLiteral("http://localhost:11434/v1"));
    local.maxConcurrent = 1;
    local.enabled = false;
    local.simulated = true;
    config.providers = { openai, anthropic, local };

    ModelConfig mini { QStringLiteral("gpt-4o-mini"),
                       QStringLiteral("openai"),
                       QStringLiteral("gpt-4o-mini"),
                       ModelPrice { 0.15, 0.6, 0.075, true },
                       128000,
                       16384,
                       Timeouts { 1000, 2000, 3000, 4000 },
                       quint8(ConnectTimeoutField | FirstTokenTimeoutField | IdleTimeoutField | TotalTimeoutField) };
    ModelConfig sonnet { QStringLiteral("claude-sonnet"),
                         QStringLiteral("anthropic"),
                         QStringLiteral("claude-sonnet-4-20250514"),
                         ModelPrice { 3, 15, 0.3, true },
                         200000,
                         64000,
                         {} };
    ModelConfig llama {
        QStringLiteral("llama3"), QStringLiteral("ollama"), QStringLiteral("llama3.2:3b"), ModelPrice {}, 8192, 0, {}
    };
    ModelConfig freeModel { QStringLiteral("free-model"),
                            QStringLiteral("ollama"),
                            QStringLiteral("qwen"),
                            ModelPrice { 0, 0, 0, true },
                            0,
                            0,
                            {} };
    // A local model's own capability list (the price data does not know it): text and tools only.
    llama.capabilities = ModelCapabilities::of({ ModelCapability::Tools });
    config.models = { mini, sonnet, llama, freeModel };

    RoutingPolicy& policy = config.policy;
    policy.defaultTier = QStringLiteral("cheap");
    policy.defaults.timeouts.totalMs = 90000;
    policy.defaults.timeoutsSet = TotalTimeoutField;
    policy.defaults.strategy = LoadBalanceStrategy::LeastBusy;
    policy.defaults.cooldown = CooldownSettings { 5, 120, 30 };
    TierSettings coding;
    coding.timeouts = Timeouts { 100, 200, 300, 400 };
    coding.timeoutsSet = kAllTimeoutFields;
    coding.rateLimitWaitCapMs = 100;
    coding.quotaCooldownSec = 60;
    coding.cooldown = CooldownSettings { 1, 2, 3 };
    coding.strategy = LoadBalanceStrategy::LatencyBased;
    coding.midStream = MidStreamPolicy::Continue;
    coding.hedging = true;
    coding.hedgeAfterMs = 1500;
    coding.cacheEnabled = true;
    policy.tiers = {
        RoutingTier { QStringLiteral("cheap"),
                      QStringLiteral("Small questions"),
                      { ChainStep { { Deployment { QStringLiteral("gpt-4o-mini"), 1 } } },
                        ChainStep { { Deployment { QStringLiteral("llama3"), 1 } } } },
                      std::nullopt },
        RoutingTier { QStringLiteral("coding"),
                      QStringLiteral("Code"),
                      { ChainStep { { Deployment { QStringLiteral("claude-sonnet"), 3 },
                                      Deployment { QStringLiteral("gpt-4o-mini"), 1 } } },
                        ChainStep { { Deployment { QStringLiteral("free-model"), 2 } } } },
                      coding },
    };
    policy.rules = {
        RoutingRule { QStringLiteral("code"), RuleKind::HasCodeBlock, QString(), QStringLiteral("coding"), QString(),
                      false, true },
        RoutingRule { QStringLiteral("tickets"), RuleKind::Regex, QStringLiteral("JIRA-\\d+"), QStringLiteral("coding"),
                      QStringLiteral("claude-sonnet"), true, false },
        RoutingRule { QStringLiteral("long"), RuleKind::MinTokens, QStringLiteral("4000"), QStringLiteral("coding"),
                      QString(), false, true },
        RoutingRule { QStringLiteral("fallback"), RuleKind::Default, QString(), QStringLiteral("cheap"), QString(),
                      false, true },
    };
    policy.groups = {
        ModelGroup {
            QStringLiteral("smart"),
            { Deployment { QStringLiteral("claude-sonnet"), 2 }, Deployment { QStringLiteral("gpt-4o-mini"), 1 } },
            { QStringLiteral("small") },
            { QStringLiteral("claude-sonnet") } },
        ModelGroup { QStringLiteral("small"), { Deployment { QStringLiteral("gpt-4o-mini"), 1 } }, {}, {} },
    };
    return config;
}

} // namespace TestConfigs
