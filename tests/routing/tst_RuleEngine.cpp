#include "RoutingFixtures.h"
#include "core/routing/DefaultPolicy.h"
#include "core/routing/RuleEngine.h"

#include <QTest>

class TestRuleEngine : public QObject
{
    Q_OBJECT

private slots:
    void defaultRules_data();
    void defaultRules();
    void keywords_matchWholeWordsAndPhrasesOnly_data();
    void keywords_matchWholeWordsAndPhrasesOnly();
    void ruleKinds_data();
    void ruleKinds();
    void firstMatchingRuleWins();
    void disabledRule_isSkipped();
    void invalidRegex_isReportedAndNeverMatches();
    void noRuleMatches_usesPolicyDefaultTier();
    void pinnedModel_isReported();
};

void TestRuleEngine::defaultRules_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("tier");
    QTest::addColumn<QString>("why");

    const QStringList none;
    QTest::newRow("tag tier=budget wins over keywords")
        << "Please debug this" << QStringList { "tier=budget" } << "budget"
        << "tag \"tier=budget\"";
    QTest::newRow("tag tier=standard") << "analyze x" << QStringList { "tier=standard" } << "standard"
                                       << "tag \"tier=standard\"";
    QTest::newRow("tag tier=coding") << "hello" << QStringList { "TIER=coding" } << "coding"
                                     << "tag \"tier=coding\"";
    QTest::newRow("tag tier=premium") << "hello" << QStringList { "tier=premium" } << "premium"
                                      << "tag \"tier=premium\"";
    QTest::newRow("code block goes to coding") << "What does this do?\n```\nint x;\n```" << none << "coding"
                                               << "code block";
    QTest::newRow("code block beats budget keyword") << "classify\n```py\nx\n```" << none << "coding"
                                                     << "code block";
    QTest::newRow("classify is budget") << "Classify this email as spam" << none << "budget"
                                        << "keyword \"classify\"";
    QTest::newRow("categorize is budget") << "categorize these items" << none << "budget"
                                          << "keyword \"categorize\"";
    QTest::newRow("yes-or-no is budget") << "Answer yes-or-no: is it raining?" << none << "budget"
                                         << "keyword \"yes-or-no\"";
    // "yes-or-no" and "yes or no" are the same words; the first listed is named.
    QTest::newRow("yes or no phrase is budget") << "Is Paris in France, yes or no?" << none << "budget"
                                                << "keyword \"yes-or-no\"";
    QTest::newRow("extract is budget") << "Extract the dates." << none << "budget"
                                       << "keyword \"extract\"";
    QTest::newRow("write code is coding") << "Write code that sorts a list" << none << "coding"
                                          << "keyword \"write code\"";
    QTest::newRow("function is coding") << "a function that adds" << none << "coding"
                                        << "keyword \"function\"";
    QTest::newRow("debug is coding") << "Help me DEBUG my app" << none << "coding"
                                     << "keyword \"debug\"";
    QTest::newRow("implement is coding") << "implement quicksort" << none << "coding"
                                         << "keyword \"implement\"";
    QTest::newRow("algorithm is coding") << "Which algorithm, Dijkstra?" << none << "coding"
                                         << "keyword \"algorithm\"";
    QTest::newRow("analyze is premium") << "Analyze the market" << none << "premium"
                                        << "keyword \"analyze\"";
    QTest::newRow("compare is premium") << "compare A and B" << none << "premium"
                                        << "keyword \"compare\"";
    QTest::newRow("strategy is premium") << "a go-to-market strategy" << none << "premium"
                                         << "keyword \"strategy\"";
    QTest::newRow("evaluate is premium") << "evaluate these options" << none << "premium"
                                         << "keyword \"evaluate\"";
    QTest::newRow("research is premium") << "research quantum dots" << none << "premium"
                                         << "keyword \"research\"";
    QTest::newRow("nothing special is standard") << "What is the capital of France?" << none << "standard"
                                                 << "default rule";
    QTest::newRow("empty prompt is standard") << "" << none << "standard"
                                              << "default rule";
}

void TestRuleEngine::defaultRules()
{
    QFETCH(QString, prompt);
    QFETCH(QStringList, tags);
    QFETCH(QString, tier);
    QFETCH(QString, why);
    const RuleEngine engine(DefaultPolicy::create(RoutingFixtures::sandboxModels()));
    const RuleMatch match = engine.match(prompt, tags);
    QCOMPARE(match.tier, tier);
    QCOMPARE(match.why, why);
    QVERIFY(match.matchedRule());
}

void TestRuleEngine::keywords_matchWholeWordsAndPhrasesOnly_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<bool>("matches");

    QTest::newRow("word inside another word does not match") << "debug"
                                                             << "debugger output" << false;
    QTest::newRow("word with punctuation matches") << "debug"
                                                   << "please (debug)!" << true;
    QTest::newRow("case is ignored") << "Debug"
                                     << "DEBUG it" << true;
    QTest::newRow("phrase needs its words in order") << "write code"
                                                     << "code to write" << false;
    QTest::newRow("phrase across extra whitespace") << "write code"
                                                    << "write \n  code" << true;
    QTest::newRow("hyphenated keyword matches spaced words") << "yes-or-no"
                                                             << "yes or no?" << true;
    QTest::newRow("phrase at the very end") << "yes or no"
                                            << "answer: yes or no" << true;
    QTest::newRow("phrase cut off at the end") << "yes or no"
                                               << "answer yes or" << false;
    QTest::newRow("any of several keywords") << "alpha, beta ,gamma"
                                             << "the Beta test" << true;
    QTest::newRow("unicode words") << "über"
                                   << "Das ist ÜBER alles" << true;
    QTest::newRow("empty keyword list never matches") << " , "
                                                      << "anything" << false;
}

void TestRuleEngine::keywords_matchWholeWordsAndPhrasesOnly()
{
    QFETCH(QString, pattern);
    QFETCH(QString, prompt);
    QFETCH(bool, matches);
    RoutingPolicy policy;
    policy.defaultTier = QStringLiteral("fallback");
    policy.rules.append(
        RoutingFixtures::rule(QStringLiteral("kw"), RuleKind::Keywords, pattern, QStringLiteral("hit")));
    const RuleEngine engine(policy);
    QCOMPARE(engine.match(prompt, {}).tier, matches ? QStringLiteral("hit") : QStringLiteral("fallback"));
}

void TestRuleEngine::ruleKinds_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<bool>("matches");

    QTest::newRow("regex matches case-insensitively")
        << int(RuleKind::Regex) << "sql\\s+query" << false << "an SQL  Query" << true;
    QTest::newRow("case-sensitive regex respects case") << int(RuleKind::Regex) << "SQL" << true << "sql" << false;
    QTest::newRow("min chars reached") << int(RuleKind::MinChars) << "5" << false << "12345" << true;
    QTest::newRow("min chars not reached") << int(RuleKind::MinChars) << "6" << false << "12345" << false;
    QTest::newRow("max chars within") << int(RuleKind::MaxChars) << "5" << false << "12345" << true;
    QTest::newRow("max chars exceeded") << int(RuleKind::MaxChars) << "4" << false << "12345" << false;
    QTest::newRow("min tokens reached (4 chars a token)")
        << int(RuleKind::MinTokens) << "3" << false << QString(12, QLatin1Char('a')) << true;
    QTest::newRow("min tokens not reached")
        << int(RuleKind::MinTokens) << "4" << false << QString(12, QLatin1Char('a')) << false;
    QTest::newRow("code block present") << int(RuleKind::HasCodeBlock) << "" << false << "x ```y```" << true;
    QTest::newRow("inline backticks are no block") << int(RuleKind::HasCodeBlock) << "" << false << "`x`" << false;
    QTest::newRow("non-numeric min chars never matches")
        << int(RuleKind::MinChars) << "lots" << false << "abc" << false;
}

void TestRuleEngine::ruleKinds()
{
    QFETCH(int, kind);
    QFETCH(QString, pattern);
    QFETCH(bool, caseSensitive);
    QFETCH(QString, prompt);
    QFETCH(bool, matches);
    RoutingPolicy policy;
    policy.defaultTier = QStringLiteral("fallback");
    RoutingRule rule = RoutingFixtures::rule(QStringLiteral("r"), RuleKind(kind), pattern, QStringLiteral("hit"));
    rule.caseSensitive = caseSensitive;
    policy.rules.append(rule);
    const RuleEngine engine(policy);
    const RuleMatch match = engine.match(prompt, {});
    QCOMPARE(match.tier, matches ? QStringLiteral("hit") : QStringLiteral("fallback"));
    QCOMPARE(match.ruleIndex, matches ? 0 : -1);
}

void TestRuleEngine::firstMatchingRuleWins()
{
    RoutingPolicy policy;
    policy.rules.append(
        RoutingFixtures::rule(QStringLiteral("a"), RuleKind::Keywords, QStringLiteral("zebra"), QStringLiteral("one")));
    policy.rules.append(
        RoutingFixtures::rule(QStringLiteral("b"), RuleKind::Keywords, QStringLiteral("apple"), QStringLiteral("two")));
    policy.rules.append(RoutingFixtures::rule(QStringLiteral("c"), RuleKind::Keywords, QStringLiteral("zebra"),
                                              QStringLiteral("three")));
    const RuleEngine engine(policy);
    // "apple" comes first in the prompt, but rule order decides.
    const RuleMatch match = engine.match(QStringLiteral("apple and zebra"), {});
    QCOMPARE(match.ruleIndex, 0);
    QCOMPARE(match.ruleName, QStringLiteral("a"));
    QCOMPARE(match.tier, QStringLiteral("one"));
}

void TestRuleEngine::disabledRule_isSkipped()
{
    RoutingPolicy policy;
    RoutingRule disabled = RoutingFixtures::rule(QStringLiteral("off"), RuleKind::Default, {}, QStringLiteral("never"));
    disabled.enabled = false;
    policy.rules.append(disabled);
    policy.rules.append(RoutingFixtures::rule(QStringLiteral("on"), RuleKind::Default, {}, QStringLiteral("yes")));
    QCOMPARE(RuleEngine(policy).match(QStringLiteral("x"), {}).ruleIndex, 1);
}

void TestRuleEngine::invalidRegex_isReportedAndNeverMatches()
{
    RoutingPolicy policy;
    policy.defaultTier = QStringLiteral("fallback");
    policy.rules.append(RoutingFixtures::rule(QStringLiteral("broken"), RuleKind::Regex, QStringLiteral("(unclosed"),
                                              QStringLiteral("x")));
    const RuleEngine engine(policy);
    QCOMPARE(engine.problems().size(), 1);
    QVERIFY(engine.problems().first().contains(QStringLiteral("broken")));
    QCOMPARE(engine.match(QStringLiteral("(unclosed"), {}).tier, QStringLiteral("fallback"));
}

void TestRuleEngine::noRuleMatches_usesPolicyDefaultTier()
{
    RoutingPolicy policy;
    policy.defaultTier = QStringLiteral("budget");
    const RuleMatch match = RuleEngine(policy).match(QStringLiteral("hi"), {});
    QCOMPARE(match.ruleIndex, -1);
    QCOMPARE(match.tier, QStringLiteral("budget"));
    QVERIFY(!match.why.isEmpty());
}

void TestRuleEngine::pinnedModel_isReported()
{
    RoutingPolicy policy;
    RoutingRule rule = RoutingFixtures::rule(QStringLiteral("pin"), RuleKind::Tag, QStringLiteral("fast"),
                                             QStringLiteral("budget"), QStringLiteral("sandbox/gpt-4.1-mini"));
    policy.rules.append(rule);
    const RuleMatch match = RuleEngine(policy).match(QStringLiteral("x"), { QStringLiteral("fast") });
    QCOMPARE(match.pinnedModel, QStringLiteral("sandbox/gpt-4.1-mini"));
}

QTEST_GUILESS_MAIN(TestRuleEngine)
#include "tst_RuleEngine.moc"
