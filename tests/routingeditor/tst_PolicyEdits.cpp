#include "core/routing/ChainAnalysis.h"
#include "core/routing/PolicyEdits.h"

#include <QTest>

namespace {
RoutingPolicy policyOf(const QList<QStringList>& chains)
{
    RoutingPolicy policy;
    for (qsizetype i = 0; i < chains.size(); ++i) {
        RoutingTier tier;
        tier.name = QStringLiteral("t%1").arg(i);
        for (const auto& model : chains.at(i)) {
            tier.chain.append(ChainStep { { Deployment { model, 1 } } });
        }
        policy.tiers.append(tier);
    }
    return policy;
}

RoutingRule makeRule(const QString& name, RuleKind kind = RuleKind::Default, const QString& pattern = {},
                     const QString& tier = {})
{
    RoutingRule rule;
    rule.name = name;
    rule.kind = kind;
    rule.pattern = pattern;
    rule.tier = tier;
    return rule;
}

QList<QStringList> chainsOf(const RoutingPolicy& policy)
{
    QList<QStringList> chains;
    for (const auto& tier : policy.tiers) {
        QStringList models;
        for (const auto& step : tier.chain) {
            models.append(step.primaryModelId());
        }
        chains.append(models);
    }
    return chains;
}
} // namespace

class tst_PolicyEdits : public QObject
{
    Q_OBJECT

private slots:
    void moveStep_data()
    {
        QTest::addColumn<QString>("fromTier");
        QTest::addColumn<int>("fromRow");
        QTest::addColumn<QString>("toTier");
        QTest::addColumn<int>("toRow");
        QTest::addColumn<QList<QStringList>>("expected");
        const QString t0 = QStringLiteral("t0");
        const QString t1 = QStringLiteral("t1");
        QTest::newRow("first to the end of its chain")
            << t0 << 0 << t0 << 3 << QList<QStringList> { { "b", "c", "a" }, { "x" } };
        QTest::newRow("last to the front") << t0 << 2 << t0 << 0 << QList<QStringList> { { "c", "a", "b" }, { "x" } };
        QTest::newRow("dropping on itself changes nothing")
            << t0 << 1 << t0 << 1 << QList<QStringList> { { "a", "b", "c" }, { "x" } };
        QTest::newRow("to another tier's front")
            << t0 << 1 << t1 << 0 << QList<QStringList> { { "a", "c" }, { "b", "x" } };
        QTest::newRow("append (-1) to another tier")
            << t0 << 0 << t1 << -1 << QList<QStringList> { { "b", "c" }, { "x", "a" } };
        QTest::newRow("unknown tier changes nothing")
            << t0 << 0 << QStringLiteral("nope") << 0 << QList<QStringList> { { "a", "b", "c" }, { "x" } };
        QTest::newRow("row out of range changes nothing")
            << t0 << 7 << t1 << 0 << QList<QStringList> { { "a", "b", "c" }, { "x" } };
    }

    void moveStep()
    {
        QFETCH(QString, fromTier);
        QFETCH(int, fromRow);
        QFETCH(QString, toTier);
        QFETCH(int, toRow);
        QFETCH(QList<QStringList>, expected);
        const RoutingPolicy policy = policyOf({ { "a", "b", "c" }, { "x" } });
        QCOMPARE(chainsOf(PolicyEdits::moveStep(policy, fromTier, fromRow, toTier, toRow)), expected);
    }

    void insertAndRemove()
    {
        RoutingPolicy policy = policyOf({ { "a" } });
        policy = PolicyEdits::insertModel(policy, QStringLiteral("t0"), 0, QStringLiteral("z"));
        QCOMPARE(chainsOf(policy), (QList<QStringList> { { "z", "a" } }));
        policy = PolicyEdits::removeStep(policy, QStringLiteral("t0"), 1);
        QCOMPARE(chainsOf(policy), (QList<QStringList> { { "z" } }));
    }

    void renameTier_rulesAndDefaultFollow()
    {
        RoutingPolicy policy = policyOf({ { "a" }, { "b" } });
        policy.defaultTier = QStringLiteral("t0");
        policy.rules.append(makeRule(QStringLiteral("r"), RuleKind::Default, {}, QStringLiteral("t0")));
        const RoutingPolicy renamed = PolicyEdits::renameTier(policy, QStringLiteral("t0"), QStringLiteral("cheap"));
        QCOMPARE(renamed.tiers.first().name, QStringLiteral("cheap"));
        QCOMPARE(renamed.rules.first().tier, QStringLiteral("cheap"));
        QCOMPARE(renamed.defaultTier, QStringLiteral("cheap"));
        QCOMPARE(PolicyEdits::renameTier(policy, QStringLiteral("t0"), QStringLiteral("t1")), policy); // name taken
    }

    void moveRule_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QString>("expected");
        QTest::newRow("first after the last") << 0 << 3 << QStringLiteral("bca");
        QTest::newRow("last to the front") << 2 << 0 << QStringLiteral("cab");
        QTest::newRow("middle one down") << 1 << 3 << QStringLiteral("acb");
        QTest::newRow("onto itself") << 1 << 1 << QStringLiteral("abc");
    }

    void moveRule()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QString, expected);
        RoutingPolicy policy;
        for (const char* name : { "a", "b", "c" }) {
            policy.rules.append(makeRule(QString::fromLatin1(name)));
        }
        QString names;
        for (const auto& rule : PolicyEdits::moveRule(policy, from, to).rules) {
            names += rule.name;
        }
        QCOMPARE(names, expected);
    }

    void ruleProblem_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("problemContains");
        QTest::newRow("valid regex is fine") << int(RuleKind::Regex) << QStringLiteral("^fix\\b") << QString();
        QTest::newRow("unclosed group names the offset")
            << int(RuleKind::Regex) << QStringLiteral("(debug") << QStringLiteral("offset 6");
        QTest::newRow("min chars needs a number")
            << int(RuleKind::MinChars) << QStringLiteral("lots") << QStringLiteral("whole number");
        QTest::newRow("min chars with a number is fine")
            << int(RuleKind::MinChars) << QStringLiteral(" 400 ") << QString();
        QTest::newRow("keywords are never malformed") << int(RuleKind::Keywords) << QStringLiteral("((") << QString();
    }

    void ruleProblem()
    {
        QFETCH(int, kind);
        QFETCH(QString, pattern);
        QFETCH(QString, problemContains);
        const RoutingPolicy policy = policyOf({ { "a" } });
        const RoutingRule rule = makeRule(QStringLiteral("r"), RuleKind(kind), pattern, QStringLiteral("t0"));
        const QString problem = PolicyEdits::ruleProblem(rule, policy);
        if (problemContains.isEmpty()) {
            QCOMPARE(problem, QString());
        } else {
            QVERIFY2(problem.contains(problemContains), qPrintable(problem));
        }
    }

    void ruleProblem_unknownTier()
    {
        const RoutingRule rule = makeRule(QStringLiteral("r"), RuleKind::Default, {}, QStringLiteral("gone"));
        QVERIFY(PolicyEdits::ruleProblem(rule, policyOf({ { "a" } })).contains(QStringLiteral("gone")));
    }

    void worstCase_countsEveryDeploymentAndTheRateLimitRetry()
    {
        RoutingPolicy policy = policyOf({ { "cheap", "dear", "unpriced" } });
        policy.tiers[0].chain[1].deployments.append(Deployment { QStringLiteral("dear"), 1 });
        QHash<QString, ModelConfig> models;
        models[QStringLiteral("cheap")].price = ModelPrice { 1, 2, 0, true };
        models[QStringLiteral("dear")].price = ModelPrice { 10, 30, 0, true };
        TierSettings settings;
        settings.timeouts.totalMs = 20000;
        settings.timeoutsSet = TotalTimeoutField;
        settings.rateLimitWaitCapMs = 5000;
        const ChainWorstCase worst = ChainAnalysis::worstCase(
            policy.tiers[0].chain, settings,
            [&](const QString& id) { return models.contains(id) ? &models[id] : nullptr; }, 1000, 1000);
        QCOMPARE(worst.maxUpstreamCalls, 5); // 4 deployments + one 429 retry
        QCOMPARE(worst.longestMs, qint64(4 * 20000 + 5000 + 20000));
        QCOMPARE(worst.highestCostUsd, (1000 * 10 + 1000 * 30) / 1e6);
        QVERIFY(!worst.costComplete);
        QVERIFY(!worst.timeUnbounded);
    }

    void worstCase_noTimeoutsIsUnbounded()
    {
        TierSettings settings;
        settings.timeouts = Timeouts { 0, 0, 0, 0 };
        settings.timeoutsSet = kAllTimeoutFields;
        settings.rateLimitWaitCapMs = 0;
        const ChainWorstCase worst = ChainAnalysis::worstCase(policyOf({ { "a" } }).tiers[0].chain, settings, {}, 1, 1);
        QCOMPARE(worst.maxUpstreamCalls, 1);
        QVERIFY(worst.timeUnbounded);
    }
};

QTEST_GUILESS_MAIN(tst_PolicyEdits)
#include "tst_PolicyEdits.moc"
