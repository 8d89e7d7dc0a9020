#include "core/pricing/PriceImport.h"

#include <QFile>
#include <QTest>

namespace {
QByteArray liteLlmSubset()
{
    QFile file(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/prices/litellm-model-prices-subset.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

PriceEntry entry(double input, double output, double cached = 0)
{
    PriceEntry e;
    e.price = { input, output, cached, true };
    return e;
}

QString reasonFor(const LiteLlmPrices& prices, const QString& modelId)
{
    for (const SkippedPrice& skipped : prices.skipped) {
        if (skipped.modelId == modelId) {
            return skipped.reason;
        }
    }
    return {};
}
} // namespace

class TestPriceImport : public QObject
{
    Q_OBJECT

private slots:
    void perMillion_data();
    void perMillion();
    void parseLiteLlmSubset_importsChatAndEmbeddingModels();
    void parseLiteLlmSubset_mapsFields();
    void parseLongContextTier_lowestThresholdWins();
    void parseEntry_data();
    void parseEntry();
    void malformedJson_reportsOffsetAndAppliesNothing_data();
    void malformedJson_reportsOffsetAndAppliesNothing();
    void diff_listsAddedChangedUnchanged_beforeApplying();
    void apply_writesOneVersion_historyIntact();
    void apply_emptyDiff_keepsVersion();
    void bundledPrices_matchTheLiteLlmSource();
    void capabilities_fromSupportsFlags_data();
    void capabilities_fromSupportsFlags();
    void webSearch_byContextSizeAndBillingUnit_data();
    void webSearch_byContextSizeAndBillingUnit();
};

void TestPriceImport::perMillion_data()
{
    QTest::addColumn<double>("perToken");
    QTest::addColumn<double>("perMillion");
    QTest::newRow("3e-07 is exactly 0.3, not 0.30000000000000004") << 3e-07 << 0.3;
    QTest::newRow("2.5e-06 is 2.5") << 2.5e-06 << 2.5;
    QTest::newRow("2.8e-08 is 0.028") << 2.8e-08 << 0.028;
    QTest::newRow("3.625e-09 is 0.003625") << 3.625e-09 << 0.003625;
    QTest::newRow("zero stays zero") << 0.0 << 0.0;
}

void TestPriceImport::perMillion()
{
    QFETCH(double, perToken);
    QFETCH(double, perMillion);
    QCOMPARE(PriceImport::perMillion(perToken), perMillion);
    QVERIFY(PriceImport::perMillion(perToken) == perMillion); // exact, not fuzzy
}

void TestPriceImport::parseLiteLlmSubset_importsChatAndEmbeddingModels()
{
    const QByteArray json = liteLlmSubset();
    QVERIFY(!json.isEmpty());
    QString error;
    const auto prices = PriceImport::parseLiteLlm(json, &error);
    QVERIFY2(prices, qPrintable(error));
    // The file's 218 entries: 166 chat, 4 embedding, the rest responses/image/audio/completion/realtime.
    QCOMPARE(prices->entries.size(), 170);
    QCOMPARE(prices->skipped.size(), 218 - 170);
    QCOMPARE(reasonFor(*prices, QStringLiteral("gpt-5-pro")),
             QStringLiteral("mode \"responses\" is not a chat or embedding model"));
    QVERIFY(!prices->entries.contains(QStringLiteral("gpt-image-1")));
    // An embedding model keeps its mode and is billed for its input alone.
    const PriceEntry embedding = prices->entries.value(QStringLiteral("gemini-embedding-001"));
    QCOMPARE(embedding.mode, ModelMode::Embedding);
    QCOMPARE(embedding.price.inputPerMTok, 0.15);
    QCOMPARE(embedding.price.outputPerMTok, 0.0);
    QVERIFY(embedding.price.known);
    QCOMPARE(prices->entries.value(QStringLiteral("gpt-4o")).mode, ModelMode::Chat);
}

void TestPriceImport::parseLiteLlmSubset_mapsFields()
{
    const auto prices = PriceImport::parseLiteLlm(liteLlmSubset());
    QVERIFY(prices);
    PriceEntry gpt4o = entry(2.5, 10, 1.25);
    gpt4o.contextWindow = 128000;
    gpt4o.maxOutputTokens = 16384;
    gpt4o.litellmProvider = QStringLiteral("openai");
    gpt4o.price.batchInputPerMTok = 1.25;
    gpt4o.price.batchOutputPerMTok = 5;
    gpt4o.capabilities = ModelCapabilities::of(
        { ModelCapability::Vision, ModelCapability::Tools, ModelCapability::PdfInput, ModelCapability::JsonSchema });
    QCOMPARE(prices->entries.value(QStringLiteral("gpt-4o")), gpt4o);

    PriceEntry deepseek = entry(0.28, 0.42, 0.028);
    deepseek.contextWindow = 131072;
    deepseek.maxOutputTokens = 8192;
    deepseek.litellmProvider = QStringLiteral("deepseek");
    // supports_function_calling and supports_response_schema, no vision: DeepSeek's API takes text only.
    deepseek.capabilities = ModelCapabilities::of({ ModelCapability::Tools, ModelCapability::JsonSchema });
    QCOMPARE(prices->entries.value(QStringLiteral("deepseek-chat")), deepseek);

    // No cache_read_input_token_cost: cached price 0, i.e. "bill cached tokens at the input rate".
    QCOMPARE(prices->entries.value(QStringLiteral("gpt-4-turbo")).price, (ModelPrice { 10, 30, 0, true }));
    // Free model stays priced-and-free, not unpriced.
    QVERIFY(prices->entries.value(QStringLiteral("deepseek-v3-2-251201")).price.isFree());
}

void TestPriceImport::parseLongContextTier_lowestThresholdWins()
{
    const auto prices = PriceImport::parseLiteLlm(liteLlmSubset());
    QVERIFY(prices);
    const PriceEntry pro = prices->entries.value(QStringLiteral("gemini-2.5-pro"));
    QCOMPARE(pro.price.longContext, (LongContextRates { 200000, 2.5, 15, 0.25, 0.25, 0 }));
    QCOMPARE(pro.priceFor(200001).inputPerMTok, 2.5);
    QCOMPARE(prices->entries.value(QStringLiteral("gpt-4o")).price.longContext.aboveTokens, 0);

    const auto older = PriceImport::parseLiteLlm(R"({"g": {"mode": "chat",
        "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06,
        "input_cost_per_token_above_200k_tokens": 4e-06,
        "input_cost_per_token_above_128k_tokens": 3e-06}})");
    QVERIFY(older);
    const PriceEntry g = older->entries.value(QStringLiteral("g"));
    QCOMPARE(g.price.longContext.aboveTokens, 128000);
    // No output rate for the tier: the base output rate stays.
    const ModelPrice tier = g.priceFor(128001);
    QCOMPARE(tier.inputPerMTok, 3.0);
    QCOMPARE(tier.outputPerMTok, 2.0);
}

void TestPriceImport::parseEntry_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("imported");
    QTest::addColumn<QString>("reason");

    QTest::newRow("sample_spec is LiteLLM's schema, skipped")
        << QByteArray(R"({"sample_spec": {"mode": "chat", "input_cost_per_token": 0, "output_cost_per_token": 0}})")
        << false << "LiteLLM's schema example, not a model";
    QTest::newRow("chat model imported") << QByteArray(
        R"({"m": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}})")
                                         << true << "";
    QTest::newRow("no mode: skipped") << QByteArray(R"({"m": {"input_cost_per_token": 1e-06}})") << false
                                      << "no mode given";
    QTest::newRow("image model skipped") << QByteArray(
        R"({"m": {"mode": "image_generation", "input_cost_per_token": 1e-06}})")
                                         << false << "mode \"image_generation\" is not a chat or embedding model";
    QTest::newRow("embedding model imported without output price")
        << QByteArray(R"({"m": {"mode": "embedding", "input_cost_per_token": 2e-08}})") << true << "";
    QTest::newRow("embedding model with its output price of 0 imported")
        << QByteArray(R"({"m": {"mode": "embedding", "input_cost_per_token": 2e-08, "output_cost_per_token": 0}})")
        << true << "";
    QTest::newRow("embedding model without input price skipped")
        << QByteArray(R"({"m": {"mode": "embedding"}})") << false << "no input_cost_per_token";
    QTest::newRow("chat model without output price skipped")
        << QByteArray(R"({"m": {"mode": "chat", "input_cost_per_token": 1e-06}})") << false
        << "no output_cost_per_token";
    QTest::newRow("price given as text skipped")
        << QByteArray(R"({"m": {"mode": "chat", "input_cost_per_token": "1e-06", "output_cost_per_token": 0}})")
        << false << "input_cost_per_token is not a price";
    QTest::newRow("entry that is not an object skipped") << QByteArray(R"({"m": 42})") << false << "not an object";
}

void TestPriceImport::parseEntry()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, imported);
    QFETCH(QString, reason);

    const auto prices = PriceImport::parseLiteLlm(json);
    QVERIFY(prices);
    QCOMPARE(prices->entries.size(), imported ? 1 : 0);
    QCOMPARE(prices->skipped.size(), imported ? 0 : 1);
    if (!imported) {
        QCOMPARE(prices->skipped.constFirst().reason, reason);
    }
}

void TestPriceImport::malformedJson_reportsOffsetAndAppliesNothing_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("place");

    QTest::newRow("truncated download") << liteLlmSubset().left(5000) << "(offset 5000)";
    QTest::newRow("missing comma on line 2")
        << QByteArray("{\"a\": {\"mode\": \"chat\"}\n \"b\": {}}") << "line 2, column";
    QTest::newRow("an array, not an object of models") << QByteArray("[1, 2]") << "top level";
    QTest::newRow("empty file") << QByteArray() << "offset 0";
}

void TestPriceImport::malformedJson_reportsOffsetAndAppliesNothing()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, place);

    QString error;
    const auto prices = PriceImport::parseLiteLlm(json, &error);
    QVERIFY(!prices);
    QVERIFY2(error.contains(place), qPrintable(error));
}

void TestPriceImport::diff_listsAddedChangedUnchanged_beforeApplying()
{
    PriceTable table;
    table.setPrices({ { QStringLiteral("gpt-4o"), entry(5, 15) },
                      { QStringLiteral("gpt-4o-mini"), entry(0.15, 0.6, 0.075) },
                      { QStringLiteral("my-local"), entry(0, 0) } });
    const QMap<QString, PriceEntry> imported { { QStringLiteral("gpt-4o"), entry(2.5, 10, 1.25) },
                                               { QStringLiteral("gpt-4o-mini"), entry(0.15, 0.6, 0.075) },
                                               { QStringLiteral("gpt-5"), entry(1.25, 10, 0.125) } };

    const PriceDiff diff = PriceImport::diff(table, imported);
    QCOMPARE(table.version(), 1); // looking is free
    QCOMPARE(diff.added.size(), 1);
    QCOMPARE(diff.added.constFirst().modelId, QStringLiteral("gpt-5"));
    QVERIFY(!diff.added.constFirst().before);
    QCOMPARE(diff.changed.size(), 1);
    QCOMPARE(diff.changed.constFirst().modelId, QStringLiteral("gpt-4o"));
    QCOMPARE(diff.changed.constFirst().before, entry(5, 15));
    QCOMPARE(diff.changed.constFirst().after, entry(2.5, 10, 1.25));
    QCOMPARE(diff.unchanged, 1);
    QCOMPARE(diff.summary(), QStringLiteral("1 added, 1 changed, 1 unchanged"));
}

void TestPriceImport::apply_writesOneVersion_historyIntact()
{
    PriceTable table;
    table.setPrices({ { QStringLiteral("gpt-4o"), entry(5, 15) }, { QStringLiteral("my-local"), entry(0, 0) } });
    const PriceDiff diff = PriceImport::diff(
        table, { { QStringLiteral("gpt-4o"), entry(2.5, 10) }, { QStringLiteral("gpt-5"), entry(1.25, 10) } });

    QCOMPARE(PriceImport::apply(table, diff), 2);
    QCOMPARE(table.version(), 2);
    QCOMPARE(table.history().constLast().note, QStringLiteral("LiteLLM import"));
    QCOMPARE(table.lookup(QStringLiteral("gpt-4o")), entry(2.5, 10));
    QCOMPARE(table.lookup(QStringLiteral("gpt-4o"), 1), entry(5, 15));
    QCOMPARE(table.lookup(QStringLiteral("gpt-5")), entry(1.25, 10));
    QVERIFY(!table.lookup(QStringLiteral("gpt-5"), 1));
    // Models the import does not name are kept.
    QCOMPARE(table.lookup(QStringLiteral("my-local")), entry(0, 0));
}

void TestPriceImport::apply_emptyDiff_keepsVersion()
{
    PriceTable table;
    table.setPrice(QStringLiteral("gpt-4o"), entry(2.5, 10));
    const PriceDiff diff = PriceImport::diff(table, { { QStringLiteral("gpt-4o"), entry(2.5, 10) } });
    QVERIFY(diff.isEmpty());
    QCOMPARE(PriceImport::apply(table, diff), 1);
    QCOMPARE(table.history().size(), 1);
}

void TestPriceImport::bundledPrices_matchTheLiteLlmSource()
{
    // resources/prices.json was generated from the LiteLLM subset in tests/data/prices; an import of
    // that same file must find nothing to change (codestral-latest and OpenAI's embedding models are
    // not in it and come from Mistral's and OpenAI's price lists).
    const QStringList elsewhere { QStringLiteral("codestral-latest"), QStringLiteral("text-embedding-3-large"),
                                  QStringLiteral("text-embedding-3-small"), QStringLiteral("text-embedding-ada-002") };
    // Gemini's batch rates: half the standard ones, Google's price page (the Batch API's 50 % off).
    const QStringList batchElsewhere { QStringLiteral("claude-haiku-4-5"),  QStringLiteral("claude-haiku-4-5-20251001"),
                                       QStringLiteral("claude-sonnet-4-5"), QStringLiteral("gpt-5"),
                                       QStringLiteral("gemini-2.0-flash"),  QStringLiteral("gemini-2.0-flash-lite"),
                                       QStringLiteral("gemini-2.5-flash"),  QStringLiteral("gemini-2.5-flash-lite"),
                                       QStringLiteral("gemini-2.5-pro") };
    const auto source = PriceImport::parseLiteLlm(liteLlmSubset());
    QVERIFY(source);
    const PriceTable bundled = PriceTable::bundled();
    QVERIFY(bundled.entries().size() >= 40);
    int compared = 0;
    const auto entries = bundled.entries();
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        if (elsewhere.contains(it.key())) {
            continue;
        }
        QVERIFY2(source->entries.contains(it.key()), qPrintable(it.key()));
        PriceEntry bundledEntry = it.value();
        if (batchElsewhere.contains(it.key())) {
            // LiteLLM lists no batch rates for these; the price pages' half rates are bundled.
            QCOMPARE(bundledEntry.price.batchInputPerMTok * 2, bundledEntry.price.inputPerMTok);
            QCOMPARE(bundledEntry.price.batchOutputPerMTok * 2, bundledEntry.price.outputPerMTok);
            bundledEntry.price.batchInputPerMTok = 0;
            bundledEntry.price.batchOutputPerMTok = 0;
        }
        if (it.key().startsWith(QLatin1String("claude-haiku-4-5"))) {
            // LiteLLM lists no web search rate for Haiku 4.5; Anthropic's price page's $10 / 1k is bundled.
            QCOMPARE(bundledEntry.price.webSearchPerRequestUsd, 0.01);
            bundledEntry.price.webSearchPerRequestUsd = 0;
        }
        QVERIFY2(bundledEntry == source->entries.value(it.key()), qPrintable(it.key()));
        ++compared;
    }
    QCOMPARE(compared, entries.size() - elsewhere.size());
}

void TestPriceImport::capabilities_fromSupportsFlags_data()
{
    QTest::addColumn<QByteArray>("flags"); // the entry's supports_* members
    QTest::addColumn<bool>("known");
    QTest::addColumn<QStringList>("supports");
    QTest::newRow("no flags at all: nothing known (never skipped)") << QByteArray() << false << QStringList();
    QTest::newRow("flags without the four: known to have none")
        << QByteArray(R"(,"supports_system_messages":true)") << true << QStringList();
    QTest::newRow("false is as good as absent") << QByteArray(R"(,"supports_vision":false)") << true << QStringList();
    QTest::newRow("all four") << QByteArray(
        R"(,"supports_vision":true,"supports_function_calling":true,"supports_pdf_input":true,)"
        R"("supports_response_schema":true)")
                              << true
                              << QStringList { QStringLiteral("vision"), QStringLiteral("tools"), QStringLiteral("pdf"),
                                               QStringLiteral("json_schema") };
}

void TestPriceImport::capabilities_fromSupportsFlags()
{
    QFETCH(QByteArray, flags);
    QFETCH(bool, known);
    QFETCH(QStringList, supports);
    const auto prices = PriceImport::parseLiteLlm(
        R"({"m":{"mode":"chat","input_cost_per_token":1e-06,"output_cost_per_token":2e-06)" + flags + "}}");
    QVERIFY(prices);
    const ModelCapabilities capabilities = prices->entries.value(QStringLiteral("m")).capabilities;
    QCOMPARE(capabilities.isKnown(), known);
    QCOMPARE(capabilities.ids(), supports);
    // And through the table file: written as "supports", read back the same.
    PriceTable table;
    table.setPrices(prices->entries, QStringLiteral("test"));
    QString error;
    const auto loaded = PriceTable::fromJson(table.toJson(), &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->lookup(QStringLiteral("m"))->capabilities, capabilities);
}

void TestPriceImport::webSearch_byContextSizeAndBillingUnit_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("medium");
    QTest::addColumn<double>("high");
    QTest::addColumn<bool>("perPrompt");
    // search_context_cost_per_query in USD per search; a size at the medium (default) rate needs no rate of its own.
    QTest::newRow("gpt-4o-search-preview: 30 / 35 / 50 per 1k")
        << "gpt-4o-search-preview" << 0.03 << 0.035 << 0.05 << false;
    QTest::newRow("gpt-4o-mini-search-preview: 25 / 27.50 / 30 per 1k")
        << "gpt-4o-mini-search-preview" << 0.025 << 0.0275 << 0.03 << false;
    QTest::newRow("claude-sonnet-4-5: 10 per 1k searches whatever the size")
        << "claude-sonnet-4-5" << 0.0 << 0.01 << 0.0 << false;
    QTest::newRow("gemini-2.5-flash grounding: 35 per 1k grounded prompts")
        << "gemini-2.5-flash" << 0.0 << 0.035 << 0.0 << true;
    QTest::newRow("gemini-3-flash-preview: 14 per 1k queries (web_search_billing_unit per_query)")
        << "gemini-3-flash-preview" << 0.0 << 0.014 << 0.0 << false;
    QTest::newRow("gpt-4o: no search price") << "gpt-4o" << 0.0 << 0.0 << 0.0 << false;
}

void TestPriceImport::webSearch_byContextSizeAndBillingUnit()
{
    QFETCH(QString, model);
    QFETCH(double, low);
    QFETCH(double, medium);
    QFETCH(double, high);
    QFETCH(bool, perPrompt);
    const auto prices = PriceImport::parseLiteLlm(liteLlmSubset());
    QVERIFY(prices && prices->entries.contains(model));
    const ModelPrice price = prices->entries.value(model).price;
    QCOMPARE(price.webSearchLowUsd, low);
    QCOMPARE(price.webSearchPerRequestUsd, medium);
    QCOMPARE(price.webSearchHighUsd, high);
    QCOMPARE(price.webSearchPerPrompt, perPrompt);
}

QTEST_GUILESS_MAIN(TestPriceImport)
#include "tst_PriceImport.moc"
