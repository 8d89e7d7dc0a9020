#include "core/routing/RuleShadow.h"

#include <QTest>

// Which rules can never fire (an earlier rule always matches first), from the rules alone, and
// where a new rule goes so that it can fire.
namespace {
RoutingRule rule(RuleKind kind, const QString& pattern = {}, bool enabled = true, bool caseSensitive = false)
{
    RoutingRule result;
    result.name = RuleKinds::id(kind);
    result.kind = kind;
    result.pattern = pattern;
    result.tier = QStringLiteral("standard");
    result.enabled = enabled;
    result.caseSensitive = caseSensitive;
    return result;
}

RoutingPolicy policyOf(const QList<RoutingRule>& rules)
{
    RoutingPolicy policy;
    policy.rules = rules;
    return policy;
}
} // namespace

Q_DECLARE_METATYPE(RoutingRule)

using Reason = RuleShadow::Reason;

class tst_RuleShadow : public QObject
{
    Q_OBJECT

private slots:
    void find_data()
    {
        QTest::addColumn<RoutingRule>("earlier");
        QTest::addColumn<RoutingRule>("later");
        QTest::addColumn<int>("reason"); // -1: the later rule can fire

        const auto keywords = [](const char* pattern) { return rule(RuleKind::Keywords, QString::fromUtf8(pattern)); };
        QTest::newRow("after the default rule: never fires")
            << rule(RuleKind::Default) << keywords("debug") << int(Reason::CatchAll);
        QTest::newRow("after at least 0 characters: never fires")
            << rule(RuleKind::MinChars, QStringLiteral("0")) << rule(RuleKind::HasCodeBlock) << int(Reason::CatchAll);
        QTest::newRow("after at least 0 tokens: never fires")
            << rule(RuleKind::MinTokens, QStringLiteral(" 0 ")) << rule(RuleKind::Tag, QStringLiteral("tier=coding"))
            << int(Reason::CatchAll);
        QTest::newRow("a second default rule never fires")
            << rule(RuleKind::Default) << rule(RuleKind::Default) << int(Reason::CatchAll);
        QTest::newRow("after a switched-off default rule: fires")
            << rule(RuleKind::Default, {}, false) << keywords("debug") << -1;
        QTest::newRow("the same keywords in another order and case: never fires")
            << keywords("debug, stack trace") << keywords("Stack  Trace,debug") << int(Reason::Covered);
        QTest::newRow("some of the earlier keywords: never fires")
            << keywords("debug, refactor, stack trace") << keywords("refactor") << int(Reason::Covered);
        QTest::newRow("a keyword the earlier rule lacks: fires")
            << keywords("debug") << keywords("debug, refactor") << -1;
        QTest::newRow("the same regex: never fires")
            << rule(RuleKind::Regex, QStringLiteral("\\bSELECT\\b"))
            << rule(RuleKind::Regex, QStringLiteral("\\bSELECT\\b")) << int(Reason::Covered);
        QTest::newRow("the same regex, case-sensitive after case-insensitive: never fires")
            << rule(RuleKind::Regex, QStringLiteral("SQL")) << rule(RuleKind::Regex, QStringLiteral("SQL"), true, true)
            << int(Reason::Covered);
        QTest::newRow("the same regex, case-insensitive after case-sensitive: fires")
            << rule(RuleKind::Regex, QStringLiteral("SQL"), true, true) << rule(RuleKind::Regex, QStringLiteral("SQL"))
            << -1;
        QTest::newRow("a broken regex shadows nothing")
            << rule(RuleKind::Regex, QStringLiteral("(a")) << rule(RuleKind::Regex, QStringLiteral("(a")) << -1;
        QTest::newRow("at least 2000 characters after at least 1000: never fires")
            << rule(RuleKind::MinChars, QStringLiteral("1000")) << rule(RuleKind::MinChars, QStringLiteral("2000"))
            << int(Reason::Covered);
        QTest::newRow("at least 1000 characters after at least 2000: fires")
            << rule(RuleKind::MinChars, QStringLiteral("2000")) << rule(RuleKind::MinChars, QStringLiteral("1000"))
            << -1;
        QTest::newRow("at most 100 characters after at most 200: never fires")
            << rule(RuleKind::MaxChars, QStringLiteral("200")) << rule(RuleKind::MaxChars, QStringLiteral("100"))
            << int(Reason::Covered);
        QTest::newRow("a second code block rule never fires")
            << rule(RuleKind::HasCodeBlock) << rule(RuleKind::HasCodeBlock) << int(Reason::Covered);
        QTest::newRow("the same tag: never fires")
            << rule(RuleKind::Tag, QStringLiteral("tier=coding")) << rule(RuleKind::Tag, QStringLiteral(" TIER=coding"))
            << int(Reason::Covered);
        QTest::newRow("another tag: fires") << rule(RuleKind::Tag, QStringLiteral("tier=coding"))
                                            << rule(RuleKind::Tag, QStringLiteral("tier=premium")) << -1;
        QTest::newRow("an empty keyword rule shadows nothing") << keywords("") << keywords("") << -1;
        QTest::newRow("another condition: fires") << keywords("debug") << rule(RuleKind::HasCodeBlock) << -1;
        QTest::newRow("a switched-off rule is not marked")
            << rule(RuleKind::Default) << rule(RuleKind::HasCodeBlock, {}, false) << -1;
    }
    void find()
    {
        QFETCH(RoutingRule, earlier);
        QFETCH(RoutingRule, later);
        QFETCH(int, reason);
        const RoutingPolicy policy = policyOf({ rule(RuleKind::Tag, QStringLiteral("tier=other")), earlier, later });
        const std::optional<RuleShadow> shadow = RuleShadow::find(policy, 2);
        if (reason < 0) {
            QVERIFY(!shadow);
            return;
        }
        QVERIFY(shadow);
        QCOMPARE(shadow->byRule, 1);
        QCOMPARE(int(shadow->reason), reason);
        QVERIFY(!RuleShadow::find(policy, 1)); // the earlier rule itself fires
    }

    void find_firstShadowingRuleIsNamed()
    {
        const RoutingPolicy policy
            = policyOf({ rule(RuleKind::Keywords, QStringLiteral("debug")), rule(RuleKind::Default),
                         rule(RuleKind::Keywords, QStringLiteral("debug")) });
        QCOMPARE(RuleShadow::find(policy, 2), (RuleShadow { 0, Reason::Covered }));
        QVERIFY(!RuleShadow::find(policy, 3));
        QVERIFY(!RuleShadow::find(policy, -1));
    }

    void insertRow_data()
    {
        QTest::addColumn<QList<RoutingRule>>("rules");
        QTest::addColumn<int>("requested");
        QTest::addColumn<int>("expected");
        const QList<RoutingRule> withCatchAll { rule(RuleKind::HasCodeBlock),
                                                rule(RuleKind::Keywords, QStringLiteral("debug")),
                                                rule(RuleKind::Default) };
        QTest::newRow("at the end: before the catch-all") << withCatchAll << -1 << 2;
        QTest::newRow("after the catch-all: before it") << withCatchAll << 3 << 2;
        QTest::newRow("past the end: before the catch-all") << withCatchAll << 9 << 2;
        QTest::newRow("before the catch-all: where asked") << withCatchAll << 1 << 1;
        QTest::newRow("at the top: where asked") << withCatchAll << 0 << 0;
        const QList<RoutingRule> noCatchAll { rule(RuleKind::HasCodeBlock), rule(RuleKind::Default, {}, false) };
        QTest::newRow("without an enabled catch-all: at the end") << noCatchAll << -1 << 2;
        QTest::newRow("no rules: the first") << QList<RoutingRule>() << -1 << 0;
    }
    void insertRow()
    {
        QFETCH(QList<RoutingRule>, rules);
        QFETCH(int, requested);
        QFETCH(int, expected);
        QCOMPARE(RuleShadow::insertRow(policyOf(rules), requested), expected);
    }
};

QTEST_MAIN(tst_RuleShadow)
#include "tst_RuleShadow.moc"
