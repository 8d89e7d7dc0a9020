#include "TestConfigs.h"
#include "core/config/PortkeyConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QJsonObject at(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toObject();
}

QJsonArray targets(const QJsonObject& object)
{
    return object.value(QStringLiteral("targets")).toArray();
}

QString text(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

class TestPortkeyConfig : public QObject
{
    Q_OBJECT

private slots:
    void tier_isFallbackWithoutRetriesAndWithTimeout();
    void tier_loadBalancedStepIsNestedWithWeights();
    void target_namesProviderModelAndVirtualKey_data();
    void target_namesProviderModelAndVirtualKey();
    void tierWithoutSettings_usesPolicyDefaultTimeout();
    void group_deploymentsThenFallbackGroups();
    void allTiers_oneConfigPerTierInOrder();
    void export_neverContainsKeysAndNotesVirtualKeys();
    void unknownTier_reported();
};

void TestPortkeyConfig::tier_isFallbackWithoutRetriesAndWithTimeout()
{
    const QJsonObject config = PortkeyConfig::exportTier(TestConfigs::full(), QStringLiteral("coding")).document;
    QCOMPARE(at(config, "strategy").value(QStringLiteral("mode")).toString(), QStringLiteral("fallback"));
    QCOMPARE(at(config, "strategy").value(QStringLiteral("on_status_codes")).toArray(),
             QJsonArray({ 408, 429, 500, 502, 503, 504, 529 }));
    QCOMPARE(at(config, "retry").value(QStringLiteral("attempts")).toInt(-1), 0);
    QCOMPARE(config.value(QStringLiteral("request_timeout")).toInt(), 400); // the tier's own total timeout
    QCOMPARE(targets(config).size(), 2);
}

void TestPortkeyConfig::tier_loadBalancedStepIsNestedWithWeights()
{
    const QJsonObject config = PortkeyConfig::exportTier(TestConfigs::full(), QStringLiteral("coding")).document;
    const QJsonObject balanced = targets(config).at(0).toObject();
    QCOMPARE(at(balanced, "strategy").value(QStringLiteral("mode")).toString(), QStringLiteral("loadbalance"));
    const QJsonArray inner = targets(balanced);
    QCOMPARE(inner.size(), 2);
    QCOMPARE(inner.at(0).toObject().value(QStringLiteral("weight")).toInt(), 3);
    QCOMPARE(inner.at(1).toObject().value(QStringLiteral("weight")).toInt(), 1);
    QCOMPARE(at(inner.at(0).toObject(), "override_params").value(QStringLiteral("model")).toString(),
             QStringLiteral("claude-sonnet-4-20250514"));
    // A single-deployment step is a plain target: no strategy, no weight.
    const QJsonObject single = targets(config).at(1).toObject();
    QVERIFY(!single.contains(QStringLiteral("strategy")));
    QVERIFY(!single.contains(QStringLiteral("weight")));
}

void TestPortkeyConfig::target_namesProviderModelAndVirtualKey_data()
{
    QTest::addColumn<QString>("providerId");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("keyEnv");
    QTest::addColumn<QString>("expected");

    QTest::newRow("openai by its default URL")
        << "openai"
        << "openai"
        << "https://api.openai.com/v1"
        << "OPENAI_API_KEY"
        << R"({"override_params":{"model":"m-up"},"provider":"openai","retry":{"attempts":0},"virtual_key":"openai"})";
    QTest::newRow("anthropic")
        << "claude-work"
        << "anthropic"
        << "https://api.anthropic.com/v1"
        << "WORK_KEY"
        << R"({"override_params":{"model":"m-up"},"provider":"anthropic","retry":{"attempts":0},"virtual_key":"claude-work"})";
    QTest::newRow("gemini uses Portkey's google slug")
        << "gemini"
        << "openai"
        << "https://generativelanguage.googleapis.com/v1beta/openai"
        << "GEMINI_API_KEY"
        << R"({"override_params":{"model":"m-up"},"provider":"google","retry":{"attempts":0},"virtual_key":"gemini"})";
    QTest::newRow("self-hosted server without key gets a custom host")
        << "localhost-8000"
        << "openai"
        << "http://localhost:8000/v1"
        << ""
        << R"({"custom_host":"http://localhost:8000/v1","override_params":{"model":"m-up"},"provider":"openai","retry":{"attempts":0}})";
}

void TestPortkeyConfig::target_namesProviderModelAndVirtualKey()
{
    QFETCH(QString, providerId);
    QFETCH(QString, kind);
    QFETCH(QString, baseUrl);
    QFETCH(QString, keyEnv);
    QFETCH(QString, expected);

    SwitchyardConfig config;
    ProviderConfig provider;
    provider.id = providerId;
    provider.kind = *ProviderKinds::fromId(kind);
    provider.baseUrl = QUrl(baseUrl);
    provider.keyEnv = keyEnv;
    config.providers = { provider };
    config.models = { ModelConfig { QStringLiteral("m"), providerId, QStringLiteral("m-up"), {}, 0, 0, {} } };
    config.policy.tiers
        = { RoutingTier { QStringLiteral("t"), {}, { ChainStep { { Deployment { QStringLiteral("m"), 1 } } } }, {} } };
    const QJsonObject exported = PortkeyConfig::exportTier(config, QStringLiteral("t")).document;
    QCOMPARE(text(targets(exported).at(0).toObject()), expected);
}

void TestPortkeyConfig::tierWithoutSettings_usesPolicyDefaultTimeout()
{
    const QJsonObject config = PortkeyConfig::exportTier(TestConfigs::full(), QStringLiteral("cheap")).document;
    QCOMPARE(config.value(QStringLiteral("request_timeout")).toInt(), 90000);
    QCOMPARE(targets(config).size(), 2);
    QCOMPARE(targets(config).at(1).toObject().value(QStringLiteral("provider")).toString(), QStringLiteral("ollama"));
}

void TestPortkeyConfig::group_deploymentsThenFallbackGroups()
{
    const QJsonObject config = PortkeyConfig::exportGroup(TestConfigs::full(), QStringLiteral("smart")).document;
    const QJsonArray steps = targets(config);
    QCOMPARE(steps.size(), 2);
    QCOMPARE(at(steps.at(0).toObject(), "strategy").value(QStringLiteral("mode")).toString(),
             QStringLiteral("loadbalance"));
    QCOMPARE(targets(steps.at(0).toObject()).at(0).toObject().value(QStringLiteral("weight")).toInt(), 2);
    QCOMPARE(at(steps.at(1).toObject(), "override_params").value(QStringLiteral("model")).toString(),
             QStringLiteral("gpt-4o-mini")); // fallback group "small"
}

void TestPortkeyConfig::allTiers_oneConfigPerTierInOrder()
{
    const SwitchyardConfig full = TestConfigs::full();
    const QJsonObject all = PortkeyConfig::exportAllTiers(full).document;
    QCOMPARE(all.value(QStringLiteral("order")).toArray(), QJsonArray({ "cheap", "coding" }));
    for (const QString& tier : { QStringLiteral("cheap"), QStringLiteral("coding") }) {
        QCOMPARE(at(all, "configs").value(tier).toObject(), PortkeyConfig::exportTier(full, tier).document);
    }
}

void TestPortkeyConfig::export_neverContainsKeysAndNotesVirtualKeys()
{
    const PortkeyExportResult result = PortkeyConfig::exportAllTiers(TestConfigs::full());
    const QString json = text(result.document);
    QVERIFY(!json.contains(QStringLiteral("api_key")));
    QVERIFY(!json.contains(QStringLiteral("_API_KEY")));
    QStringList notes;
    for (const auto& note : result.notes) {
        notes.append(note.message);
    }
    notes.sort();
    QCOMPARE(notes,
             (QStringList { "create a Portkey virtual key named \"anthropic\" holding the key from $ANTHROPIC_API_KEY",
                            "create a Portkey virtual key named \"openai\" holding the key from $OPENAI_API_KEY" }));
}

void TestPortkeyConfig::unknownTier_reported()
{
    const PortkeyExportResult result = PortkeyConfig::exportTier(TestConfigs::full(), QStringLiteral("nope"));
    QVERIFY(result.document.isEmpty());
    QCOMPARE(result.notes.size(), 1);
    QVERIFY(result.notes.first().isError());
}

QTEST_GUILESS_MAIN(TestPortkeyConfig)
#include "tst_PortkeyConfig.moc"
