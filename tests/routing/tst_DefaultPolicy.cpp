#include "RoutingFixtures.h"
#include "core/routing/DefaultPolicy.h"

#include <QSet>
#include <QTest>

using namespace RoutingFixtures;

class TestDefaultPolicy : public QObject
{
    Q_OBJECT

private slots:
    void sandboxChains_data();
    void sandboxChains();
    void fallbacksSitOnOtherProviders();
    void rulesInSpecOrder();
    void missingTierModels_borrowStandardChain();
    void realProviders_ignoreSimulatedModels();
    void noModels_emptyChains();
};

void TestDefaultPolicy::sandboxChains_data()
{
    QTest::addColumn<QString>("tier");
    QTest::addColumn<QString>("chain");
    QTest::newRow("budget") << "budget"
                            << "gemini-2.5-flash -> deepseek-chat -> claude-haiku-4-5";
    QTest::newRow("standard") << "standard"
                              << "gpt-4.1-mini -> deepseek-chat -> claude-haiku-4-5";
    QTest::newRow("coding") << "coding"
                            << "codestral-latest -> claude-sonnet-4-5 -> gpt-4.1";
    QTest::newRow("premium") << "premium"
                             << "gpt-5 -> claude-sonnet-4-5";
}

void TestDefaultPolicy::sandboxChains()
{
    QFETCH(QString, tier);
    QFETCH(QString, chain);
    const RoutingPolicy policy = DefaultPolicy::create(sandboxModels());
    QVERIFY(policy.tier(tier));
    QCOMPARE(chainText(policy.tier(tier)->chain), chain);
}

void TestDefaultPolicy::fallbacksSitOnOtherProviders()
{
    const QList<ModelConfig> models = sandboxModels();
    const RoutingPolicy policy = DefaultPolicy::create(models);
    QCOMPARE(policy.tiers.size(), 4);
    for (const RoutingTier& tier : policy.tiers) {
        QSet<QString> providers;
        for (const ChainStep& step : tier.chain) {
            for (const ModelConfig& model : models) {
                if (model.id == step.primaryModelId()) {
                    QVERIFY2(!providers.contains(model.providerId), qPrintable(tier.name));
                    providers.insert(model.providerId);
                }
            }
        }
        QCOMPARE(providers.size(), tier.chain.size());
    }
}

void TestDefaultPolicy::rulesInSpecOrder()
{
    const QList<RoutingRule> rules = DefaultPolicy::rules();
    QStringList shape;
    for (const RoutingRule& rule : rules) {
        shape.append(RuleKinds::id(rule.kind) + QLatin1Char(':') + rule.tier);
    }
    QCOMPARE(shape,
             (QStringList { "tag:budget", "tag:standard", "tag:coding", "tag:premium", "code_block:coding",
                            "keywords:budget", "keywords:coding", "keywords:premium", "default:standard" }));
}

void TestDefaultPolicy::missingTierModels_borrowStandardChain()
{
    const QList<ModelConfig> models { model(QStringLiteral("gpt-4.1-mini"), QStringLiteral("sandbox-openai")),
                                      model(QStringLiteral("deepseek-chat"), QStringLiteral("sandbox-deepseek")) };
    const RoutingPolicy policy = DefaultPolicy::create(models);
    QCOMPARE(chainText(policy.tier(QStringLiteral("standard"))->chain),
             QStringLiteral("gpt-4.1-mini -> deepseek-chat"));
    QCOMPARE(chainText(policy.tier(QStringLiteral("premium"))->chain), QStringLiteral("gpt-4.1-mini -> deepseek-chat"));
    QCOMPARE(chainText(policy.tier(QStringLiteral("budget"))->chain), QStringLiteral("deepseek-chat -> gpt-4.1-mini"));
}

void TestDefaultPolicy::realProviders_ignoreSimulatedModels()
{
    QList<ModelConfig> models = sandboxModels();
    ModelConfig real = model(QStringLiteral("claude-opus-4-1"), QStringLiteral("anthropic"));
    real.id = QStringLiteral("anthropic/claude-opus-4-1");
    models.append(real);
    ModelConfig mini = model(QStringLiteral("gpt-4o-mini"), QStringLiteral("openai"));
    mini.id = QStringLiteral("openai/gpt-4o-mini");
    models.append(mini);
    QList<ProviderConfig> providers = sandboxProviders();
    providers.append(provider(QStringLiteral("anthropic"), false));
    providers.append(provider(QStringLiteral("openai"), false));
    const RoutingPolicy policy = DefaultPolicy::createForRealProviders(models, providers);
    QCOMPARE(chainText(policy.tier(QStringLiteral("premium"))->chain), QStringLiteral("claude-opus-4-1"));
    QCOMPARE(chainText(policy.tier(QStringLiteral("standard"))->chain), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(chainText(policy.tier(QStringLiteral("budget"))->chain), QStringLiteral("gpt-4o-mini"));
}

void TestDefaultPolicy::noModels_emptyChains()
{
    const RoutingPolicy policy = DefaultPolicy::create({});
    QCOMPARE(policy.tiers.size(), 4);
    for (const RoutingTier& tier : policy.tiers) {
        QVERIFY(tier.chain.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestDefaultPolicy)
#include "tst_DefaultPolicy.moc"
