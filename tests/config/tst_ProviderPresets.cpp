#include "core/config/ProviderPresets.h"
#include "core/pricing/PriceTable.h"

#include <QTest>

class TestProviderPresets : public QObject
{
    Q_OBJECT

private slots:
    void presets_coverTheProvidersPeopleUse();
    void preset_data();
    void preset();
    void starterModels_takePricesFromBundledTable();
    void localModels_areFreeNotUnpriced();
    void isInsecure_data();
    void isInsecure();
};

void TestProviderPresets::presets_coverTheProvidersPeopleUse()
{
    QStringList ids;
    for (const ProviderPreset& p : ProviderPresets::all()) {
        QVERIFY2(!ids.contains(p.id), qPrintable(p.id));
        ids << p.id;
        QVERIFY(!p.displayName.isEmpty());
        // Bedrock's endpoint follows the region and its requests are signed with AWS credentials;
        // custom endpoints and Azure resources (https://NAME.openai.azure.com) are the user's to name.
        const bool bedrock = p.kind == ProviderKind::BedrockConverse;
        if (p.id != QLatin1String("custom") && p.id != QLatin1String("azure") && !bedrock) {
            QVERIFY2(p.baseUrl.isValid() && !p.baseUrl.isEmpty(), qPrintable(p.id));
        }
        QCOMPARE(p.local, p.keyEnv.isEmpty() && p.id != QLatin1String("custom") && !bedrock);
    }
    const QStringList expected { "openai",   "anthropic",  "gemini", "deepseek", "groq",   "mistral",
                                 "together", "openrouter", "xai",    "bedrock",  "ollama", "lmstudio",
                                 "litellm",  "tokenmix",   "azure",  "custom" };
    QCOMPARE(ids, expected);
}

void TestProviderPresets::preset_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("keyEnv");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("maxConcurrent");
    QTest::newRow("openai uses OPENAI_API_KEY") << "openai"
                                                << "https://api.openai.com/v1"
                                                << "OPENAI_API_KEY"
                                                << "openai" << 0;
    QTest::newRow("anthropic speaks native Messages") << "anthropic"
                                                      << "https://api.anthropic.com/v1"
                                                      << "ANTHROPIC_API_KEY"
                                                      << "anthropic" << 0;
    QTest::newRow("gemini speaks its native API, not the OpenAI-compatible endpoint")
        << "gemini"
        << "https://generativelanguage.googleapis.com/v1beta"
        << "GEMINI_API_KEY"
        << "gemini" << 0;
    QTest::newRow("ollama is local, keyless, one request at a time") << "ollama"
                                                                     << "http://localhost:11434/v1"
                                                                     << ""
                                                                     << "openai" << 1;
    QTest::newRow("lm studio is local and keyless") << "lmstudio"
                                                    << "http://localhost:1234/v1"
                                                    << ""
                                                    << "openai" << 0;
}

void TestProviderPresets::preset()
{
    QFETCH(QString, id);
    QFETCH(QString, baseUrl);
    QFETCH(QString, keyEnv);
    QFETCH(QString, kind);
    QFETCH(int, maxConcurrent);
    const auto p = ProviderPresets::find(id);
    QVERIFY(p);
    const ProviderConfig config = ProviderPresets::providerConfig(*p);
    QCOMPARE(config.id, id);
    QCOMPARE(config.baseUrl, QUrl(baseUrl));
    QCOMPARE(config.keyEnv, keyEnv);
    QCOMPARE(ProviderKinds::id(config.kind), kind);
    QCOMPARE(config.maxConcurrent, maxConcurrent);
    QVERIFY(!ProviderPresets::isInsecure(config));
}

void TestProviderPresets::starterModels_takePricesFromBundledTable()
{
    const PriceTable prices = PriceTable::bundled();
    const QList<ModelConfig> models = ProviderPresets::modelConfigs(*ProviderPresets::find("openai"), prices);
    QVERIFY(!models.isEmpty());
    const ModelConfig* mini = nullptr;
    for (const ModelConfig& m : models) {
        QCOMPARE(m.providerId, QStringLiteral("openai"));
        QCOMPARE(m.id, QStringLiteral("openai/") + m.upstreamModel);
        if (m.upstreamModel == QLatin1String("gpt-4o-mini")) {
            mini = &m;
        }
    }
    QVERIFY(mini);
    const auto entry = prices.lookup(QStringLiteral("gpt-4o-mini"));
    QVERIFY(entry);
    QVERIFY(mini->price.known);
    QCOMPARE(mini->price, entry->price);
    QCOMPARE(mini->contextWindow, entry->contextWindow);
    // A model the table does not know stays unpriced, never free.
    const ModelConfig groq = ProviderPresets::modelConfig(
        ProviderPresets::providerConfig(*ProviderPresets::find("groq")), QStringLiteral("no-such-model-xyz"), prices);
    QVERIFY(!groq.price.known);
    QVERIFY(!groq.price.isFree());
}

void TestProviderPresets::localModels_areFreeNotUnpriced()
{
    const QList<ModelConfig> models
        = ProviderPresets::modelConfigs(*ProviderPresets::find("ollama"), PriceTable::bundled());
    QVERIFY(!models.isEmpty());
    for (const ModelConfig& m : models) {
        QVERIFY(m.price.isFree());
    }
}

void TestProviderPresets::isInsecure_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("insecure");
    QTest::newRow("https to a remote host is fine") << "https://api.example.com/v1" << false;
    QTest::newRow("http to localhost is fine") << "http://localhost:11434/v1" << false;
    QTest::newRow("http to 127.0.0.1 is fine") << "http://127.0.0.1:8080/v1" << false;
    QTest::newRow("http to ::1 is fine") << "http://[::1]:4000/v1" << false;
    QTest::newRow("http to a LAN address is flagged") << "http://192.168.1.20:4000/v1" << true;
    QTest::newRow("http to a remote name is flagged") << "http://llm.example.com/v1" << true;
    QTest::newRow("HTTP in capitals is still flagged") << "HTTP://llm.example.com/v1" << true;
}

void TestProviderPresets::isInsecure()
{
    QFETCH(QString, url);
    QFETCH(bool, insecure);
    ProviderConfig p;
    p.baseUrl = QUrl(url);
    QCOMPARE(ProviderPresets::isInsecure(p), insecure);
}

QTEST_GUILESS_MAIN(TestProviderPresets)
#include "tst_ProviderPresets.moc"
