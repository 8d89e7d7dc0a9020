#include "core/config/ConfigJsonReader.h"
#include "core/config/ConfigJsonWriter.h"
#include "core/config/ConfigValidator.h"
#include "core/routing/DefaultPolicy.h"

#include <QJsonArray>
#include <QTest>

namespace {
RoutingRule learnedRule()
{
    RoutingRule rule;
    rule.name = QStringLiteral("Weak or strong");
    rule.kind = RuleKind::Learned;
    rule.tier = QStringLiteral("standard");
    rule.weakModel = QStringLiteral("sandbox/gpt-4.1-mini");
    rule.strongModel = QStringLiteral("sandbox/gpt-5");
    rule.threshold = 0.35;
    return rule;
}

ModelConfig model(const QString& id)
{
    ModelConfig config;
    config.id = id;
    config.providerId = QStringLiteral("p");
    config.upstreamModel = id.section(u'/', -1);
    return config;
}

QStringList messages(const QList<ConfigProblem>& problems)
{
    QStringList result;
    for (const ConfigProblem& problem : problems) {
        result << problem.path + QStringLiteral(": ") + problem.message;
    }
    return result;
}
} // namespace

// routing.json keeps a learned rule's model pair and threshold, and says what is wrong with one.
class TestLearnedRuleJson : public QObject
{
    Q_OBJECT

private slots:
    void learnedRule_roundTrips();
    void badLearnedRule_namesTheField_data();
    void badLearnedRule_namesTheField();
};

void TestLearnedRuleJson::learnedRule_roundTrips()
{
    RoutingPolicy policy;
    policy.tiers.append({ QStringLiteral("standard"), {}, {}, std::nullopt });
    policy.rules = { learnedRule() };
    const QJsonObject document = ConfigJsonWriter::routingDocument(policy);
    const QJsonObject rule = document.value(QStringLiteral("rules")).toArray().first().toObject();
    QCOMPARE(rule.value(QStringLiteral("kind")).toString(), QStringLiteral("learned"));
    QCOMPARE(rule.value(QStringLiteral("threshold")).toDouble(), 0.35);
    RoutingPolicy read;
    QList<ConfigProblem> problems;
    ConfigJsonReader::readRouting(document, &read, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(messages(problems).join(u'\n')));
    QCOMPARE(read.rules, policy.rules);
}

void TestLearnedRuleJson::badLearnedRule_namesTheField_data()
{
    QTest::addColumn<QJsonObject>("rule");
    QTest::addColumn<QString>("problem");

    const QJsonObject good { { QStringLiteral("name"), QStringLiteral("L") },
                             { QStringLiteral("kind"), QStringLiteral("learned") },
                             { QStringLiteral("tier"), QStringLiteral("standard") },
                             { QStringLiteral("weakModel"), QStringLiteral("sandbox/gpt-4.1-mini") },
                             { QStringLiteral("strongModel"), QStringLiteral("sandbox/gpt-5") },
                             { QStringLiteral("threshold"), 0.5 } };
    QJsonObject text = good;
    text.insert(QStringLiteral("threshold"), QStringLiteral("0.5"));
    QTest::newRow("threshold as text") << text << "rules[0].threshold: expected a number";
    QJsonObject high = good;
    high.insert(QStringLiteral("threshold"), 1.5);
    QTest::newRow("threshold above 1") << high << "rules[0]: the threshold must be between 0 and 1, found 1.5";
    QJsonObject unknown = good;
    unknown.insert(QStringLiteral("strongModel"), QStringLiteral("sandbox/gpt-9"));
    QTest::newRow("unknown strong model") << unknown << "rules[0].strongModel: unknown model";
    QJsonObject noWeak = good;
    noWeak.remove(QStringLiteral("weakModel"));
    QTest::newRow("no weak model") << noWeak << "rules[0]: a learned rule needs a weak and a strong model";
}

void TestLearnedRuleJson::badLearnedRule_namesTheField()
{
    QFETCH(QJsonObject, rule);
    QFETCH(QString, problem);
    const QJsonObject document { { QStringLiteral("format"), QStringLiteral("switchyard-routing") },
                                 { QStringLiteral("version"), 1 },
                                 { QStringLiteral("tiers"),
                                   QJsonArray { QJsonObject { { QStringLiteral("name"), QStringLiteral("standard") },
                                                              { QStringLiteral("chain"), QJsonArray {} } } } },
                                 { QStringLiteral("rules"), QJsonArray { rule } } };
    SwitchyardConfig config;
    config.models = { model(QStringLiteral("sandbox/gpt-4.1-mini")), model(QStringLiteral("sandbox/gpt-5")) };
    QList<ConfigProblem> problems;
    ConfigJsonReader::readRouting(document, &config.policy, &problems);
    problems += ConfigValidator::validate(config);
    const QStringList found = messages(problems);
    QVERIFY2(std::any_of(found.begin(), found.end(), [&](const QString& line) { return line.startsWith(problem); }),
             qPrintable(found.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestLearnedRuleJson)
#include "tst_LearnedRuleJson.moc"
