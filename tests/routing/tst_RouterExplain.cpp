#include "RoutingFixtures.h"
#include "core/common/Clock.h"
#include "core/routing/DefaultPolicy.h"
#include "core/routing/Router.h"

#include <QJsonArray>
#include <QTest>

using namespace RoutingFixtures;

namespace {
QString chainOf(const Explanation& explanation)
{
    QList<ChainStep> chain;
    for (const ExplainedStep& step : explanation.chain) {
        ChainStep plain;
        for (const ExplainedDeployment& deployment : step.deployments) {
            plain.deployments.append({ deployment.modelId, deployment.weight });
        }
        chain.append(plain);
    }
    return chainText(chain);
}

const ExplainedDeployment* find(const Explanation& explanation, const QString& modelId)
{
    for (const ExplainedStep& step : explanation.chain) {
        for (const ExplainedDeployment& deployment : step.deployments) {
            if (deployment.modelId == modelId) {
                return &deployment;
            }
        }
    }
    return nullptr;
}
} // namespace

class TestRouterExplain : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void defaultRules_data();
    void defaultRules();
    void skipReasons_data();
    void skipReasons();
    void halfOpenProbeInUse_isExplained();
    void group_chainIsGroupThenFallbacks();
    void unknownName_isOneUnknownModel();
    void wildcard_mostSpecificPatternTakesTheName_data();
    void wildcard_mostSpecificPatternTakesTheName();
    void tierSettings_areShown();
    void pinnedModel_replacesChain();

private:
    Router* m_router = nullptr;
    MockClock* m_clock = nullptr;
};

void TestRouterExplain::init()
{
    m_clock = new MockClock(QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC));
    Clock::setInstance(m_clock);
    m_router = new Router;
    m_router->setModels(sandboxModels());
    m_router->setProviders(sandboxProviders());
    m_router->setPolicy(DefaultPolicy::create(sandboxModels()));
}

void TestRouterExplain::cleanup()
{
    delete m_router;
    Clock::setInstance(nullptr);
    delete m_clock;
}

void TestRouterExplain::defaultRules_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<int>("ruleIndex");
    QTest::addColumn<QString>("why");
    QTest::addColumn<QString>("tier");
    QTest::addColumn<QString>("chain");

    const QString budget = "gemini-2.5-flash -> deepseek-chat -> claude-haiku-4-5";
    const QString standard = "gpt-4.1-mini -> deepseek-chat -> claude-haiku-4-5";
    const QString coding = "codestral-latest -> claude-sonnet-4-5 -> gpt-4.1";
    const QString premium = "gpt-5 -> claude-sonnet-4-5";
    QTest::newRow("rule 1: tag tier=budget") << "hi" << QStringList { "tier=budget" } << 0 << "tag \"tier=budget\""
                                             << "budget" << budget;
    QTest::newRow("rule 2: tag tier=standard")
        << "research" << QStringList { "tier=standard" } << 1 << "tag \"tier=standard\""
        << "standard" << standard;
    QTest::newRow("rule 3: tag tier=coding") << "hi" << QStringList { "tier=coding" } << 2 << "tag \"tier=coding\""
                                             << "coding" << coding;
    QTest::newRow("rule 4: tag tier=premium") << "hi" << QStringList { "tier=premium" } << 3 << "tag \"tier=premium\""
                                              << "premium" << premium;
    QTest::newRow("rule 5: code block") << "fix\n```\nx\n```" << QStringList() << 4 << "code block"
                                        << "coding" << coding;
    QTest::newRow("rule 6: budget keywords") << "Extract all names" << QStringList() << 5 << "keyword \"extract\""
                                             << "budget" << budget;
    QTest::newRow("rule 7: coding keywords") << "please debug" << QStringList() << 6 << "keyword \"debug\""
                                             << "coding" << coding;
    QTest::newRow("rule 8: premium keywords") << "compare these" << QStringList() << 7 << "keyword \"compare\""
                                              << "premium" << premium;
    QTest::newRow("rule 9: default") << "hello there" << QStringList() << 8 << "default rule"
                                     << "standard" << standard;
}

void TestRouterExplain::defaultRules()
{
    QFETCH(QString, prompt);
    QFETCH(QStringList, tags);
    QFETCH(int, ruleIndex);
    QFETCH(QString, why);
    QFETCH(QString, tier);
    QFETCH(QString, chain);
    const Explanation explanation = m_router->explain(prompt, tags);
    QCOMPARE(explanation.rule.ruleIndex, ruleIndex);
    QCOMPARE(explanation.rule.why, why);
    QCOMPARE(explanation.tier, tier);
    QCOMPARE(chainOf(explanation), chain);
    QVERIFY(explanation.hasUsableModel());
    const QJsonObject json = explanation.toJson();
    QCOMPARE(json.value("rule").toObject().value("index").toInt(), ruleIndex);
    QCOMPARE(json.value("tier").toString(), tier);
    QCOMPARE(json.value("chain").toArray().size(), chain.count("->") + 1);
    QVERIFY(explanation.toText().contains(why));
}

void TestRouterExplain::skipReasons_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<QString>("skip");

    QTest::newRow("cooling down until T") << "cooling"
                                          << "cooling_down";
    QTest::newRow("provider cooling down (quota)") << "quota"
                                                   << "cooling_down";
    QTest::newRow("over budget") << "budget"
                                 << "over_budget";
    QTest::newRow("no key") << "nokey"
                            << "no_key";
    QTest::newRow("provider disabled") << "disabled"
                                       << "provider_disabled";
    QTest::newRow("unknown model") << "unknown"
                                   << "unknown_model";
}

void TestRouterExplain::skipReasons()
{
    QFETCH(QString, situation);
    QFETCH(QString, skip);
    const QString target = QStringLiteral("sandbox/gpt-4.1-mini");
    TierSettings settings;
    settings.cooldown = { 1, 60, 120 };
    if (situation == "cooling") {
        m_router->cooldowns()->recordFailure(target, "sandbox-openai", FailureClass::ServerError, settings);
    } else if (situation == "quota") {
        m_router->cooldowns()->recordFailure("sandbox/gpt-5", "sandbox-openai", FailureClass::QuotaExhausted, settings);
    } else if (situation == "budget") {
        m_router->setBudgetCheck([target](const ModelConfig& model, const ChatRequest&) {
            return model.id == target ? BudgetVerdict { false, "daily limit $1.00 reached" } : BudgetVerdict {};
        });
    } else if (situation == "nokey") {
        m_router->setHasKey([](const ProviderConfig& provider) { return provider.id != "sandbox-openai"; });
    } else if (situation == "disabled") {
        QList<ProviderConfig> providers = sandboxProviders();
        providers[1].enabled = false;
        m_router->setProviders(providers);
    } else if (situation == "unknown") {
        QList<ModelConfig> models = sandboxModels();
        models.removeAt(1);
        m_router->setModels(models);
    }
    const Explanation explanation = m_router->explain("hello");
    const ExplainedDeployment* deployment = find(explanation, target);
    QVERIFY(deployment);
    QVERIFY(!deployment->availability.usable());
    QCOMPARE(Availability::kindId(deployment->availability.kind), skip);
    QVERIFY(!deployment->availability.reason.isEmpty());
    QVERIFY(find(explanation, "sandbox/deepseek-chat")->availability.usable());
    QVERIFY(explanation.toText().contains(deployment->availability.reason));
    const QJsonObject first
        = explanation.toJson()["chain"].toArray()[0].toObject()["deployments"].toArray()[0].toObject();
    QCOMPARE(first["skip"].toString(), skip);
    if (skip == "cooling_down") {
        // The failure by its name for people, never its id.
        const FailureClass why = situation == "quota" ? FailureClass::QuotaExhausted : FailureClass::ServerError;
        QVERIFY2(deployment->availability.reason.endsWith(QStringLiteral("(%1)").arg(FailureClasses::displayName(why))),
                 qPrintable(deployment->availability.reason));
        QVERIFY(!deployment->availability.reason.contains(FailureClasses::id(why)));
        QCOMPARE(deployment->availability.untilMs,
                 m_clock->currentMSecsSinceEpoch() + (situation == "quota" ? 3'600'000 : 120'000));
    }
}

void TestRouterExplain::halfOpenProbeInUse_isExplained()
{
    TierSettings settings;
    settings.cooldown = { 1, 60, 30 };
    const QString target = QStringLiteral("sandbox/gpt-4.1-mini");
    m_router->cooldowns()->recordFailure(target, "sandbox-openai", FailureClass::ServerError, settings);
    m_clock->advanceMs(30'000);
    QVERIFY(find(m_router->explain("hello"), target)->availability.usable());
    QVERIFY(m_router->cooldowns()->tryAcquire(target, "sandbox-openai"));
    QCOMPARE(find(m_router->explain("hello"), target)->availability.kind, SkipKind::ProbeInUse);
}

void TestRouterExplain::group_chainIsGroupThenFallbacks()
{
    RoutingPolicy policy = m_router->policy();
    policy.groups.append({ "fast",
                           { { "sandbox/gpt-4.1-mini", 2 }, { "sandbox/gemini-2.5-flash", 1 } },
                           { "cheap", "sandbox/claude-haiku-4-5" },
                           {} });
    policy.groups.append({ "cheap", { { "sandbox/deepseek-chat", 1 } }, {}, {} });
    m_router->setPolicy(policy);
    const Explanation explanation = m_router->explainGroup("fast");
    QCOMPARE(explanation.group, QStringLiteral("fast"));
    QVERIFY(explanation.forced);
    QCOMPARE(chainOf(explanation),
             QStringLiteral("gpt-4.1-mini|gemini-2.5-flash -> deepseek-chat -> claude-haiku-4-5"));
    QCOMPARE(explanation.chain.first().deployments.first().weight, 2);
    QCOMPARE(explanation.toJson()["group"].toString(), QStringLiteral("fast"));
    // A tier name works as a group too.
    QCOMPARE(chainOf(m_router->explainGroup("premium")), QStringLiteral("gpt-5 -> claude-sonnet-4-5"));
}

void TestRouterExplain::unknownName_isOneUnknownModel()
{
    const Explanation explanation = m_router->explainGroup("no-such-model");
    QCOMPARE(explanation.chain.size(), 1);
    QCOMPARE(explanation.chain.first().deployments.first().availability.kind, SkipKind::UnknownModel);
    QVERIFY(!explanation.hasUsableModel());
}

void TestRouterExplain::wildcard_mostSpecificPatternTakesTheName_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("wildcard"); // the pattern that took it; empty: an explicit name did
    QTest::addColumn<QString>("model"); // the chain's first deployment
    QTest::addColumn<QString>("upstream"); // what that deployment sends
    QTest::addColumn<QString>("price"); // "1/2": input/output per 1M; "" unpriced

    QTest::newRow("\"*\" takes a name nothing else knows, sent whole") << "brand-new"
                                                                       << "*"
                                                                       << "sandbox-openai/brand-new"
                                                                       << "brand-new"
                                                                       << "";
    QTest::newRow("a provider wildcard is more specific than \"*\"") << "anthropic/claude-opus-9"
                                                                     << "anthropic/*"
                                                                     << "sandbox-anthropic/claude-opus-9"
                                                                     << "claude-opus-9"
                                                                     << "";
    QTest::newRow("the longest matching pattern wins") << "openai/gpt-4.5"
                                                       << "openai/gpt-4*"
                                                       << "sandbox-openai/gpt-4.5"
                                                       << "gpt-4.5"
                                                       << "";
    QTest::newRow("of two patterns of one length the first in the policy wins") << "team-x"
                                                                                << "team-*"
                                                                                << "sandbox-mistral/team-x"
                                                                                << "team-x"
                                                                                << "";
    QTest::newRow("a wildcard's own price covers every name it takes") << "priced/anything"
                                                                       << "priced/*"
                                                                       << "sandbox-deepseek/anything"
                                                                       << "anything"
                                                                       << "3/4";
    QTest::newRow("an explicit group wins over every pattern") << "fast"
                                                               << ""
                                                               << "sandbox/gpt-4.1-mini"
                                                               << "gpt-4.1-mini"
                                                               << "1/2";
    QTest::newRow("a tier name wins over every pattern") << "premium"
                                                         << ""
                                                         << "sandbox/gpt-5"
                                                         << "gpt-5"
                                                         << "1/2";
    QTest::newRow("a configured model id wins over every pattern") << "sandbox/gpt-4.1"
                                                                   << ""
                                                                   << "sandbox/gpt-4.1"
                                                                   << "gpt-4.1"
                                                                   << "1/2";
    QTest::newRow("the pattern itself is no name: its template cannot be called") << "anthropic/*"
                                                                                  << ""
                                                                                  << "anthropic/*"
                                                                                  << "*"
                                                                                  << "";
}

void TestRouterExplain::wildcard_mostSpecificPatternTakesTheName()
{
    QFETCH(QString, requested);
    QFETCH(QString, wildcard);
    QFETCH(QString, model);
    QFETCH(QString, upstream);
    QFETCH(QString, price);
    QList<ModelConfig> models = sandboxModels();
    const auto templateOf = [](const char* id, const char* provider, const char* upstream) {
        ModelConfig config;
        config.id = QLatin1String(id);
        config.providerId = QLatin1String(provider);
        config.upstreamModel = QLatin1String(upstream);
        return config;
    };
    models.append(templateOf("*", "sandbox-openai", "*"));
    models.append(templateOf("anthropic/*", "sandbox-anthropic", "*"));
    models.append(templateOf("openai/gpt-4*", "sandbox-openai", "gpt-4*"));
    models.append(templateOf("team-*", "sandbox-mistral", "team-*"));
    models.append(templateOf("*eam-x", "sandbox-gemini", "*eam-x"));
    ModelConfig priced = templateOf("priced/*", "sandbox-deepseek", "*");
    priced.price = { 3.0, 4.0, 0, true };
    models.append(priced);
    m_router->setModels(models);
    RoutingPolicy policy = m_router->policy();
    for (const char* pattern : { "*", "anthropic/*", "openai/gpt-4*", "team-*", "*eam-x", "priced/*" }) {
        policy.groups.append({ QLatin1String(pattern), { { QLatin1String(pattern), 1 } }, {}, {} });
    }
    policy.groups.append({ "fast", { { "sandbox/gpt-4.1-mini", 1 } }, {}, {} });
    m_router->setPolicy(policy);

    const Explanation explanation = m_router->explainGroup(requested);
    QCOMPARE(explanation.wildcard, wildcard);
    QCOMPARE(m_router->takesWildcard(requested), !wildcard.isEmpty());
    const ExplainedDeployment& first = explanation.chain.first().deployments.first();
    QCOMPARE(first.modelId, model);
    const ModelConfig* made = m_router->model(model);
    QVERIFY(made);
    QCOMPARE(made->upstreamModel, upstream);
    QCOMPARE(made->price.known ? QStringLiteral("%1/%2").arg(made->price.inputPerMTok).arg(made->price.outputPerMTok)
                               : QString(),
             price);
    // Only a made or explicit model is callable; a template never is.
    QCOMPARE(first.availability.usable(), upstream != QLatin1String("*"));
    if (!wildcard.isEmpty()) {
        QVERIFY2(explanation.toText().contains(QStringLiteral("Wildcard: %1 matched").arg(wildcard)),
                 qPrintable(explanation.toText()));
        // Asked again, the same model: cooldowns and balancing see one deployment per name.
        QCOMPARE(m_router->explainGroup(requested).chain.first().deployments.first().modelId, model);
    }
}

void TestRouterExplain::tierSettings_areShown()
{
    RoutingPolicy policy = m_router->policy();
    TierSettings premium;
    premium.timeouts.firstTokenMs = 60000;
    premium.timeoutsSet = FirstTokenTimeoutField;
    premium.midStream = MidStreamPolicy::Continue;
    premium.hedging = true;
    premium.strategy = LoadBalanceStrategy::LatencyBased;
    policy.tiers[3].settings = premium;
    m_router->setPolicy(policy);
    const Explanation explanation = m_router->explain("research this");
    QCOMPARE(explanation.settings, premium);
    const QJsonObject settings = explanation.toJson()["settings"].toObject();
    QCOMPARE(settings["timeouts"].toObject()["first_token_ms"].toInt(), 60000);
    QCOMPARE(settings["mid_stream"].toString(), QStringLiteral("continue"));
    QCOMPARE(settings["strategy"].toString(), QStringLiteral("latency-based-routing"));
    QVERIFY(explanation.toText().contains("first token 60000 ms"));
    // Other tiers keep the policy defaults.
    QCOMPARE(m_router->explain("hello").settings, TierSettings());
}

void TestRouterExplain::pinnedModel_replacesChain()
{
    RoutingPolicy policy = m_router->policy();
    RoutingRule pin = rule("pin", RuleKind::Tag, "fast", "budget", "sandbox/gpt-4.1");
    policy.rules.prepend(pin);
    m_router->setPolicy(policy);
    const Explanation explanation = m_router->explain("x", { "fast" });
    QCOMPARE(chainOf(explanation), QStringLiteral("gpt-4.1"));
    QCOMPARE(explanation.toJson()["pinned_model"].toString(), QStringLiteral("sandbox/gpt-4.1"));
}

QTEST_GUILESS_MAIN(TestRouterExplain)
#include "tst_RouterExplain.moc"
