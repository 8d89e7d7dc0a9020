#include "core/common/Clock.h"
#include "core/pricing/PriceTable.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
PriceEntry entry(double input, double output, double cached = 0, int context = 0)
{
    PriceEntry e;
    e.price.inputPerMTok = input;
    e.price.outputPerMTok = output;
    e.price.cachedInputPerMTok = cached;
    e.price.known = true;
    e.contextWindow = context;
    return e;
}

const QByteArray ValidFile = R"({
  "format": "switchyard-prices", "formatVersion": 1, "version": 2,
  "versions": [
    { "version": 1, "createdAt": "2026-01-01T00:00:00Z",
      "models": { "gpt-4o": { "input": 2.5, "output": 10, "cachedInput": 1.25 } } },
    { "version": 2, "createdAt": "2026-02-01T00:00:00Z",
      "models": { "gpt-4o": { "input": 2, "output": 8 }, "local": { "input": 0, "output": 0 },
                  "mystery": { "known": false, "contextWindow": 8192 } } }
  ]
})";
} // namespace

class TestPriceTable : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void setPrice_bumpsVersionAndKeepsHistory();
    void setPrice_sameEntry_keepsVersion();
    void setPrices_manyModelsMakeOneVersion();
    void lookup_data();
    void lookup();
    void versionAt_findsVersionInForce();
    void fromJson_readsEveryKindOfEntry();
    void saveThenLoad_roundTrip();
    void loadBadFile_keepsTableUnchanged_data();
    void loadBadFile_keepsTableUnchanged();
    void save_unwritablePath_reportsError();
    void bundled_hasCommonModels_data();
    void bundled_hasCommonModels();
    void bundled_codestralAtMistralPrice();
    void bundled_embeddingModelsBilledForInputOnly();

private:
    MockClock m_clock { QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC) };
};

void TestPriceTable::init()
{
    Clock::setInstance(&m_clock);
}

void TestPriceTable::cleanup()
{
    Clock::setInstance(nullptr);
}

void TestPriceTable::setPrice_bumpsVersionAndKeepsHistory()
{
    PriceTable table;
    QCOMPARE(table.version(), 0);
    QCOMPARE(table.setPrice(QStringLiteral("gpt-4o"), entry(5, 15)), 1);
    m_clock.advanceMs(1000);
    QCOMPARE(table.setPrice(QStringLiteral("gpt-4o"), entry(2.5, 10, 1.25)), 2);
    QCOMPARE(table.version(), 2);

    // A request costed under version 1 keeps its price after the edit.
    QCOMPARE(table.lookup(QStringLiteral("gpt-4o"), 1), entry(5, 15));
    QCOMPARE(table.lookup(QStringLiteral("gpt-4o"), 2), entry(2.5, 10, 1.25));
    QCOMPARE(table.lookup(QStringLiteral("gpt-4o")), entry(2.5, 10, 1.25));
    QCOMPARE(table.history().size(), 2);
    QCOMPARE(table.history().at(1).createdAt, m_clock.currentDateTimeUtc());
}

void TestPriceTable::setPrice_sameEntry_keepsVersion()
{
    PriceTable table;
    table.setPrice(QStringLiteral("gpt-4o"), entry(2.5, 10));
    QCOMPARE(table.setPrice(QStringLiteral("gpt-4o"), entry(2.5, 10)), 1);
    QCOMPARE(table.history().size(), 1);
}

void TestPriceTable::setPrices_manyModelsMakeOneVersion()
{
    PriceTable table;
    table.setPrice(QStringLiteral("a"), entry(1, 1));
    const int version = table.setPrices({ { QStringLiteral("a"), entry(1, 1) },
                                          { QStringLiteral("b"), entry(2, 2) },
                                          { QStringLiteral("c"), entry(3, 3) } },
                                        QStringLiteral("import"));
    QCOMPARE(version, 2);
    QCOMPARE(table.history().constLast().changes.keys(), QStringList({ QStringLiteral("b"), QStringLiteral("c") }));
    QCOMPARE(table.history().constLast().note, QStringLiteral("import"));
    QCOMPARE(table.entries(1).size(), 1);
    QCOMPARE(table.entries().size(), 3);
    QCOMPARE(table.modelIds(), QStringList({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
}

void TestPriceTable::lookup_data()
{
    QTest::addColumn<QString>("modelId");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("resolvedAs");
    QTest::addColumn<double>("inputPrice");

    QTest::newRow("exact id") << "gpt-4o" << int(PriceTable::Current) << "gpt-4o" << 2.5;
    QTest::newRow("provider prefix falls back to the last part")
        << "openai/gpt-4o" << int(PriceTable::Current) << "gpt-4o" << 2.5;
    QTest::newRow("sandbox model finds the real model's price")
        << "sandbox/gpt-4.1-mini" << int(PriceTable::Current) << "gpt-4.1-mini" << 0.4;
    QTest::newRow("several prefixes: the part after the last slash")
        << "openrouter/openai/gpt-4o" << int(PriceTable::Current) << "gpt-4o" << 2.5;
    QTest::newRow("a full id in the table wins over its last part")
        << "azure/gpt-4o" << int(PriceTable::Current) << "azure/gpt-4o" << 2.75;
    QTest::newRow("fallback honours the version asked for") << "openai/gpt-4o" << 1 << "gpt-4o" << 5.0;
    QTest::newRow("model added later is unknown in an older version") << "gpt-4.1-mini" << 1 << "" << -1.0;
    QTest::newRow("unknown id") << "llama3:8b" << int(PriceTable::Current) << "" << -1.0;
    QTest::newRow("unknown id with prefix") << "ollama/llama3" << int(PriceTable::Current) << "" << -1.0;
    QTest::newRow("trailing slash is not a model") << "openai/" << int(PriceTable::Current) << "" << -1.0;
    QTest::newRow("version 0 has no prices") << "gpt-4o" << 0 << "" << -1.0;
    QTest::newRow("a version from the future has no prices") << "gpt-4o" << 99 << "" << -1.0;
}

void TestPriceTable::lookup()
{
    QFETCH(QString, modelId);
    QFETCH(int, version);
    QFETCH(QString, resolvedAs);
    QFETCH(double, inputPrice);

    PriceTable table;
    table.setPrice(QStringLiteral("gpt-4o"), entry(5, 15));
    table.setPrices({ { QStringLiteral("gpt-4o"), entry(2.5, 10) },
                      { QStringLiteral("azure/gpt-4o"), entry(2.75, 11) },
                      { QStringLiteral("gpt-4.1-mini"), entry(0.4, 1.6) } });

    QCOMPARE(table.resolvedId(modelId, version), resolvedAs);
    const auto found = table.lookup(modelId, version);
    QCOMPARE(found.has_value(), inputPrice >= 0);
    if (found) {
        QCOMPARE(found->price.inputPerMTok, inputPrice);
    }
}

void TestPriceTable::versionAt_findsVersionInForce()
{
    PriceTable table;
    const QDateTime start = m_clock.currentDateTimeUtc();
    table.setPrice(QStringLiteral("a"), entry(1, 1));
    m_clock.advanceMs(60000);
    table.setPrice(QStringLiteral("a"), entry(2, 2));
    QCOMPARE(table.versionAt(start.addSecs(-1)), 0);
    QCOMPARE(table.versionAt(start), 1);
    QCOMPARE(table.versionAt(start.addSecs(59)), 1);
    QCOMPARE(table.versionAt(start.addSecs(60)), 2);
}

void TestPriceTable::fromJson_readsEveryKindOfEntry()
{
    QString error;
    const auto table = PriceTable::fromJson(ValidFile, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->version(), 2);
    QCOMPARE(table->lookup(QStringLiteral("gpt-4o"), 1), entry(2.5, 10, 1.25));
    QCOMPARE(table->lookup(QStringLiteral("gpt-4o")), entry(2, 8));
    QVERIFY(table->lookup(QStringLiteral("local"))->price.isFree());
    const auto mystery = table->lookup(QStringLiteral("mystery"));
    QVERIFY(mystery);
    QVERIFY(!mystery->price.known);
    QCOMPARE(mystery->contextWindow, 8192);
}

void TestPriceTable::saveThenLoad_roundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("prices.json"));

    PriceTable table;
    PriceEntry full = entry(3, 15, 0.3, 200000);
    full.maxOutputTokens = 64000;
    full.litellmProvider = QStringLiteral("anthropic");
    full.price.cacheWrite5mPerMTok = 3.75;
    full.price.cacheWrite1hPerMTok = 6;
    full.price.webSearchPerRequestUsd = 0.01;
    full.price.webSearchLowUsd = 0.005; // every rate survives the round trip, whatever the model
    full.price.webSearchHighUsd = 0.02;
    full.price.webSearchPerPrompt = true;
    full.price.longContext = { 200000, 6, 22.5, 0.6, 7.5, 12 };
    table.setPrice(QStringLiteral("claude-sonnet-4-5"), full, QStringLiteral("first"));
    m_clock.advanceMs(3600 * 1000);
    PriceEntry unpriced;
    unpriced.contextWindow = 4096;
    PriceEntry embedding = entry(0.02, 0, 0, 8191);
    embedding.mode = ModelMode::Embedding;
    table.setPrices({ { QStringLiteral("claude-sonnet-4-5"), entry(4, 16) },
                      { QStringLiteral("mystery"), unpriced },
                      { QStringLiteral("text-embedding-3-small"), embedding } });

    QString error;
    QVERIFY2(table.save(path, &error), qPrintable(error));
    PriceTable loaded;
    QVERIFY2(loaded.load(path, &error), qPrintable(error));
    QCOMPARE(loaded.version(), 2);
    QCOMPARE(loaded.entries(1), table.entries(1));
    QCOMPARE(loaded.entries(), table.entries());
    QCOMPARE(loaded.history().at(0).note, QStringLiteral("first"));
    QCOMPARE(loaded.history().at(1).createdAt, table.history().at(1).createdAt);
    QCOMPARE(loaded.toJson(), table.toJson());
    QCOMPARE(loaded.lookup(QStringLiteral("text-embedding-3-small"))->mode, ModelMode::Embedding);
    QCOMPARE(loaded.lookup(QStringLiteral("mystery"))->mode, ModelMode::Chat);
}

void TestPriceTable::loadBadFile_keepsTableUnchanged_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("place");

    QByteArray syntax = ValidFile;
    syntax.replace("\"output\": 10,", "\"output\": 10");
    QTest::newRow("syntax error names line and column") << syntax << "line 5, column";
    // The same text and place as providers.json reports (tst_ConfigStore): at the member after
    // the missing comma, line:column 1-based.
    QTest::newRow("missing comma: the place providers.json names too")
        << QByteArray("{\n  \"format\": \"switchyard-providers\"\n  \"version\": 1\n}\n") << "line 3, column 3 ";
    QByteArray badNumber = ValidFile;
    badNumber.replace("\"input\": 2,", "\"input\": \"two\",");
    QTest::newRow("price that is not a number names the model and field")
        << badNumber << "versions[1].models[\"gpt-4o\"].input";
    QByteArray negative = ValidFile;
    negative.replace("\"input\": 0,", "\"input\": -1,");
    QTest::newRow("negative price refused") << negative << "versions[1].models[\"local\"].input";
    QByteArray order = ValidFile;
    order.replace("{ \"version\": 2,", "{ \"version\": 1,");
    QByteArray tier = ValidFile;
    tier.replace("\"output\": 8 }", "\"output\": 8, \"longContext\": { \"input\": 4, \"output\": 16 } }");
    QTest::newRow("long-context tier without its threshold")
        << tier << "versions[1].models[\"gpt-4o\"].longContext.aboveTokens";
    QTest::newRow("versions out of order") << order << "versions[1].version";
    QByteArray mode = ValidFile;
    mode.replace("\"output\": 8 }", "\"output\": 8, \"mode\": \"image\" }");
    QTest::newRow("mode that is neither chat nor embedding") << mode << "versions[1].models[\"gpt-4o\"].mode";
    QByteArray supports = ValidFile;
    supports.replace("\"output\": 8 }", "\"output\": 8, \"supports\": [\"vision\", \"telepathy\"] }");
    QTest::newRow("a capability not known")
        << supports << "versions[1].models[\"gpt-4o\"].supports: unknown capability \"telepathy\"";
    QByteArray declared = ValidFile;
    declared.replace("\"version\": 2,\n", "\"version\": 3,\n");
    QTest::newRow("declared version disagrees with history") << declared << "version: says 3";
    QByteArray newer = ValidFile;
    newer.replace("\"formatVersion\": 1", "\"formatVersion\": 2");
    QTest::newRow("file from a newer Switchyard") << newer << "formatVersion: 2";
    QTest::newRow("some other JSON file") << QByteArray(R"({"gpt-4o": {}})") << "format:";
    QTest::newRow("missing file") << QByteArray() << "cannot read";
}

void TestPriceTable::loadBadFile_keepsTableUnchanged()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, place);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("prices.json"));
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    PriceTable table;
    table.setPrice(QStringLiteral("keep-me"), entry(1, 2));
    const QByteArray before = table.toJson();

    QString error;
    QVERIFY(!table.load(path, &error));
    QVERIFY2(error.contains(place), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(table.toJson(), before);
}

void TestPriceTable::save_unwritablePath_reportsError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no-such-dir/prices.json"));
    PriceTable table;
    table.setPrice(QStringLiteral("a"), entry(1, 1));
    QString error;
    QVERIFY(!table.save(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestPriceTable::bundled_hasCommonModels_data()
{
    QTest::addColumn<QString>("modelId");
    for (const char* id : { "gpt-4o",
                            "gpt-4o-mini",
                            "gpt-4.1",
                            "gpt-4.1-mini",
                            "gpt-4.1-nano",
                            "gpt-5",
                            "gpt-5-mini",
                            "o3",
                            "o4-mini",
                            "claude-sonnet-4-5",
                            "claude-haiku-4-5",
                            "claude-opus-4-1",
                            "gemini-2.5-flash",
                            "gemini-2.5-pro",
                            "gemini-2.0-flash",
                            "deepseek-chat",
                            "deepseek-reasoner",
                            "codestral-latest",
                            "openai/gpt-4o",
                            "sandbox/gpt-4.1-mini" }) {
        QTest::newRow(id) << QString::fromLatin1(id);
    }
}

void TestPriceTable::bundled_hasCommonModels()
{
    QFETCH(QString, modelId);
    static const PriceTable bundled = PriceTable::bundled();
    QCOMPARE(bundled.version(), 7); // 1: flat rates; 2: cache writes, reasoning, batch, web search; 3: embeddings; 4:
                                    // Claude batch, search context sizes; 5: Mistral batch; 6: Haiku 4.5 web search;
                                    // 7: Gemini batch
    const auto found = bundled.lookup(modelId);
    QVERIFY(found);
    QVERIFY(found->price.known);
    QVERIFY(found->price.inputPerMTok > 0);
    QVERIFY(found->price.outputPerMTok >= found->price.inputPerMTok);
    QVERIFY(found->contextWindow > 0);
}

void TestPriceTable::bundled_embeddingModelsBilledForInputOnly()
{
    const auto small = PriceTable::bundled().lookup(QStringLiteral("text-embedding-3-small"));
    QVERIFY(small);
    QCOMPARE(small->mode, ModelMode::Embedding);
    QCOMPARE(small->price.inputPerMTok, 0.02);
    QCOMPARE(small->price.outputPerMTok, 0.0);
    QCOMPARE(PriceTable::bundled().lookup(QStringLiteral("gpt-4o"))->mode, ModelMode::Chat);
}

void TestPriceTable::bundled_codestralAtMistralPrice()
{
    const auto codestral = PriceTable::bundled().lookup(QStringLiteral("mistral/codestral-latest"));
    QVERIFY(codestral);
    QCOMPARE(codestral->price.inputPerMTok, 0.3);
    QCOMPARE(codestral->price.outputPerMTok, 0.9);
    QCOMPARE(codestral->litellmProvider, QStringLiteral("mistral"));
}

QTEST_GUILESS_MAIN(TestPriceTable)
#include "tst_PriceTable.moc"
