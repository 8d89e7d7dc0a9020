#include "LearningFixtures.h"
#include "RoutingFixtures.h"
#include "core/learning/RouterTrainer.h"
#include "core/routing/DefaultPolicy.h"
#include "core/routing/Router.h"

#include <QJsonObject>
#include <QTest>

using namespace RoutingFixtures;

// The "learned" rule: the trained router's p_strong against the rule's threshold picks the
// strong or the weak model, and explain says which and why.
class TestLearnedRule : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void decision_data();
    void decision();
    void noTrainedRouter_ruleSkippedWithAProblem();
    void ruleWithoutModels_isAProblem();

private:
    RoutingPolicy policy(double threshold) const;

    std::shared_ptr<const LearnedRouter> m_learned;
    Router* m_router = nullptr;
};

void TestLearnedRule::initTestCase()
{
    QString error;
    auto trained = RouterTrainer(LearningFixtures::quickOptions())
                       .train(LearningFixtures::topicExamples(600, 21), nullptr, &error);
    QVERIFY2(trained, qPrintable(error));
    m_learned = std::make_shared<const LearnedRouter>(std::move(*trained));
}

void TestLearnedRule::init()
{
    m_router = new Router;
    m_router->setModels(sandboxModels());
    m_router->setProviders(sandboxProviders());
}

void TestLearnedRule::cleanup()
{
    delete m_router;
}

RoutingPolicy TestLearnedRule::policy(double threshold) const
{
    RoutingPolicy policy = DefaultPolicy::create(sandboxModels());
    RoutingRule learned;
    learned.name = QStringLiteral("Weak or strong");
    learned.kind = RuleKind::Learned;
    learned.tier = policy.defaultTier;
    learned.weakModel = QStringLiteral("sandbox/gpt-4.1-mini");
    learned.strongModel = QStringLiteral("sandbox/gpt-5");
    learned.threshold = threshold;
    policy.rules.prepend(learned);
    return policy;
}

void TestLearnedRule::decision_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("choice");
    QTest::addColumn<QString>("model");

    const QString proof = QStringLiteral("Prove that the integral of cos x over the unit interval converges");
    const QString hello = QStringLiteral("Say hello to my friend Bea in a cheerful way");
    QTest::newRow("a proof goes to the strong model") << 0.5 << proof << "strong"
                                                      << "sandbox/gpt-5";
    QTest::newRow("small talk goes to the weak model") << 0.5 << hello << "weak"
                                                       << "sandbox/gpt-4.1-mini";
    QTest::newRow("threshold 0: everything to the strong model") << 0.0 << hello << "strong"
                                                                 << "sandbox/gpt-5";
    QTest::newRow("threshold 1: everything to the weak model") << 1.0 << proof << "weak"
                                                               << "sandbox/gpt-4.1-mini";
}

void TestLearnedRule::decision()
{
    QFETCH(double, threshold);
    QFETCH(QString, prompt);
    QFETCH(QString, choice);
    QFETCH(QString, model);
    m_router->setLearnedRouter(m_learned);
    m_router->setPolicy(policy(threshold));

    const Explanation explanation = m_router->explain(prompt);
    QCOMPARE(explanation.rule.ruleIndex, 0);
    QVERIFY(explanation.rule.learned.has_value());
    const double pStrong = m_learned->pStrong(prompt);
    QCOMPARE(explanation.rule.learned->pStrong, pStrong);
    QCOMPARE(explanation.rule.learned->choiceId(), choice);
    // The chosen model first, the other one as its fallback.
    QCOMPARE(explanation.chain.size(), 2);
    QCOMPARE(explanation.chain.first().deployments.first().modelId, model);
    QCOMPARE(explanation.chain.last().deployments.first().modelId,
             model == QLatin1String("sandbox/gpt-5") ? QStringLiteral("sandbox/gpt-4.1-mini")
                                                     : QStringLiteral("sandbox/gpt-5"));

    const QJsonObject learned = explanation.toJson().value(QStringLiteral("learned")).toObject();
    QCOMPARE(learned.value(QStringLiteral("p_strong")).toDouble(), pStrong);
    QCOMPARE(learned.value(QStringLiteral("threshold")).toDouble(), threshold);
    QCOMPARE(learned.value(QStringLiteral("choice")).toString(), choice);
    QCOMPARE(learned.value(QStringLiteral("model")).toString(), model);
    const QString text = explanation.toText();
    QVERIFY2(text.contains(QStringLiteral("Learned router: p_strong %1, threshold %2: %3 model %4")
                               .arg(pStrong, 0, 'f', 3)
                               .arg(threshold, 0, 'f', 2)
                               .arg(choice, model)),
             qPrintable(text));
}

void TestLearnedRule::noTrainedRouter_ruleSkippedWithAProblem()
{
    m_router->setPolicy(policy(0.5));
    const Explanation explanation = m_router->explain(QStringLiteral("Say hello to my friend Bea"));
    QVERIFY(!explanation.rule.learned.has_value());
    QVERIFY(explanation.rule.ruleIndex > 0); // a later rule fired
    QCOMPARE(explanation.problems,
             QStringList { QStringLiteral("rule 1 (Weak or strong): no trained router; run `switchyard router "
                                          "train FILE.jsonl` (the rule is skipped)") });
    // Training one later takes effect without setting the policy again.
    m_router->setLearnedRouter(m_learned);
    QCOMPARE(m_router->explain(QStringLiteral("Say hello to my friend Bea")).rule.ruleIndex, 0);
}

void TestLearnedRule::ruleWithoutModels_isAProblem()
{
    RoutingPolicy withoutModels = policy(0.5);
    withoutModels.rules.first().strongModel.clear();
    m_router->setLearnedRouter(m_learned);
    m_router->setPolicy(withoutModels);
    const Explanation explanation = m_router->explain(QStringLiteral("Prove it"));
    QVERIFY(explanation.rule.ruleIndex > 0);
    QCOMPARE(explanation.problems,
             QStringList { QStringLiteral("rule 1 (Weak or strong): a learned rule needs a weak and a strong model") });
}

QTEST_GUILESS_MAIN(TestLearnedRule)
#include "tst_LearnedRule.moc"
