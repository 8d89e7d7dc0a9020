#include "core/pricing/CostCalculator.h"

#include <QTest>

#include <tuple>

// Every number below is computed by hand from USD-per-1M prices, so a change in the arithmetic
// shows up as a failed row rather than as a quietly different figure.
namespace {
ModelPrice price(double input, double output, double cached, bool known = true)
{
    ModelPrice p;
    p.inputPerMTok = input;
    p.outputPerMTok = output;
    p.cachedInputPerMTok = cached;
    p.known = known;
    return p;
}

TokenUsage usage(qint64 prompt, qint64 completion, qint64 cached = 0, qint64 reasoning = 0, bool estimated = false)
{
    TokenUsage u;
    u.promptTokens = prompt;
    u.completionTokens = completion;
    u.cachedTokens = cached;
    u.reasoningTokens = reasoning;
    u.estimated = estimated;
    return u;
}

// What a naive client does with usage repeated on every stream chunk: add it up.
TokenUsage summedUsage(const QList<TokenUsage>& reports)
{
    TokenUsage sum;
    for (const TokenUsage& r : reports) {
        sum.promptTokens += r.promptTokens;
        sum.completionTokens += r.completionTokens;
        sum.cachedTokens += r.cachedTokens;
        sum.reasoningTokens += r.reasoningTokens;
    }
    return sum;
}

const ModelPrice Gpt4o = price(2.5, 10, 1.25);
const ModelPrice Sonnet45 = price(3, 15, 0.3);
const ModelPrice O3 = price(2, 8, 0.5);
const ModelPrice Gemini25Flash = price(0.3, 2.5, 0.03);
} // namespace

class TestCostCalculator : public QObject
{
    Q_OBJECT

private slots:
    void everyDimension_bundledPrices_data();
    void everyDimension_bundledPrices();
    void perImageAndReasoningRates_data();
    void perImageAndReasoningRates();
    void worstCase_coversCacheWritesAndTier();
    void cost_data();
    void cost();
    void breakdown_splitsInputCachedOutput();
    void streamWithCumulativeUsage_costedOnceFromFinalUsage_data();
    void streamWithCumulativeUsage_costedOnceFromFinalUsage();
    void streamWithoutUsage_estimatedCostIsFlagged();
    void finalUsage_realReportWinsOverEstimate();
    void estimateWorstCase_data();
    void estimateWorstCase();
    void longContextTier_data();
    void longContextTier();
    void costOfMany_billsEachCallAtItsOwnTier_data();
    void costOfMany_billsEachCallAtItsOwnTier();
};

void TestCostCalculator::cost_data()
{
    QTest::addColumn<ModelPrice>("modelPrice");
    QTest::addColumn<TokenUsage>("tokens");
    QTest::addColumn<bool>("priced");
    QTest::addColumn<double>("expected");

    // 1000*2.5 + 500*10 = 7500 per 1M
    QTest::newRow("plain call: 1000 in, 500 out at gpt-4o") << Gpt4o << usage(1000, 500) << true << 0.0075;
    // 2000*2.5 + 8000*1.25 + 200*10 = 5000 + 10000 + 2000; the full rate would give 0.027,
    // subtracting the cached tokens twice 0.007
    QTest::newRow("cached tokens billed at the cached rate, subtracted once")
        << Gpt4o << usage(10000, 200, 8000) << true << 0.017;
    // Anthropic: input_tokens 50 + cache_read_input_tokens 100000, normalised to prompt 100050.
    // 50*3 + 100000*0.3 + 400*15 = 150 + 30000 + 6000; ignoring the reads gives 0.00615
    QTest::newRow("anthropic cache reads counted") << Sonnet45 << usage(100050, 400, 100000) << true << 0.03615;
    // 1000*2 + 5000*8 (4500 of them reasoning, inside completion) = 2000 + 40000;
    // adding reasoning again would give 0.078
    QTest::newRow("reasoning tokens counted once, inside completion")
        << O3 << usage(1000, 5000, 0, 4500) << true << 0.042;
    // 600*1 + 400*1 (no cached price -> input rate) + 0
    QTest::newRow("no cached price: cached tokens at the input rate")
        << price(1, 2, 0) << usage(1000, 0, 400) << true << 0.001;
    QTest::newRow("unpriced model is never free") << price(0, 0, 0, false) << usage(1000, 500) << false << 0.0;
    QTest::newRow("unpriced model with zero tokens is still unpriced")
        << price(0, 0, 0, false) << usage(0, 0) << false << 0.0;
    QTest::newRow("free local model costs exactly zero") << price(0, 0, 0) << usage(50000, 8000) << true << 0.0;
    // 0*0.3 + 150*0.03 + 10*2.5 = 4.5 + 25 per 1M: a broken report with more cached than prompt tokens never goes
    // negative
    QTest::newRow("more cached than prompt tokens: uncached part clamps at zero")
        << Gemini25Flash << usage(100, 10, 150) << true << 0.0000295;
    // 1M in + 1M out at gpt-4o = 2.5 + 10
    QTest::newRow("a million tokens each way") << Gpt4o << usage(1000000, 1000000) << true << 12.5;
}

void TestCostCalculator::cost()
{
    QFETCH(ModelPrice, modelPrice);
    QFETCH(TokenUsage, tokens);
    QFETCH(bool, priced);
    QFETCH(double, expected);

    const std::optional<double> actual = CostCalculator::cost(modelPrice, tokens);
    QCOMPARE(actual.has_value(), priced);
    if (priced) {
        QVERIFY2(qAbs(*actual - expected) < 1e-12, qPrintable(QString::number(*actual, 'g', 17)));
    }
}

void TestCostCalculator::breakdown_splitsInputCachedOutput()
{
    const auto parts = CostCalculator::breakdown(Gpt4o, usage(10000, 200, 8000));
    QVERIFY(parts);
    QCOMPARE(parts->input, 0.005);
    QCOMPARE(parts->cached, 0.01);
    QCOMPARE(parts->output, 0.002);
    QVERIFY(!parts->estimated);
    QVERIFY(!CostCalculator::breakdown(price(1, 1, 1, false), usage(1, 1)));
}

void TestCostCalculator::streamWithCumulativeUsage_costedOnceFromFinalUsage_data()
{
    QTest::addColumn<ModelPrice>("modelPrice");
    QTest::addColumn<QList<TokenUsage>>("reports");
    QTest::addColumn<double>("expected");
    QTest::addColumn<double>("summedWouldBe");

    // Gemini repeats usageMetadata on every chunk. 1000*0.3 + 700*2.5 = 300 + 1750 -> 0.00205;
    // summing seven copies reports 7x: 0.01435
    const QList<TokenUsage> repeated(7, usage(1000, 700));
    QTest::newRow("gemini: full usage repeated on 7 chunks (summing = 7x)")
        << Gemini25Flash << repeated << 0.00205 << 0.01435;

    // Running totals: completion 100, 200, ... 700 on seven chunks; prompt 1000 on each.
    // Final: 1000*0.3 + 700*2.5 = 0.00205. Summed: 7000*0.3 + 2800*2.5 = 2100 + 7000 -> 0.0091
    QList<TokenUsage> running;
    for (int i = 1; i <= 7; ++i) {
        running.append(usage(1000, 100 * i));
    }
    QTest::newRow("gemini: running totals on 7 chunks") << Gemini25Flash << running << 0.00205 << 0.0091;

    // Anthropic: message_start carries input + cache reads (and 1 output token), message_delta
    // carries the cumulative output only. Final: 50*3 + 100000*0.3 + 400*15 = 0.03615.
    // Summed: 50*3 + 100000*0.3 + 401*15 = 150 + 30000 + 6015 -> 0.036165 (close, but wrong)
    const QList<TokenUsage> anthropic { usage(100050, 1, 100000), usage(0, 400) };
    QTest::newRow("anthropic: message_start input, message_delta output")
        << Sonnet45 << anthropic << 0.03615 << 0.036165;
}

void TestCostCalculator::streamWithCumulativeUsage_costedOnceFromFinalUsage()
{
    QFETCH(ModelPrice, modelPrice);
    QFETCH(QList<TokenUsage>, reports);
    QFETCH(double, expected);
    QFETCH(double, summedWouldBe);

    const std::optional<double> actual = CostCalculator::cost(modelPrice, CostCalculator::finalUsage(reports));
    QVERIFY(actual);
    QVERIFY2(qAbs(*actual - expected) < 1e-12, qPrintable(QString::number(*actual, 'g', 17)));

    // The row documents the mistake it guards against.
    const double summed = *CostCalculator::cost(modelPrice, summedUsage(reports));
    QVERIFY2(qAbs(summed - summedWouldBe) < 1e-12, qPrintable(QString::number(summed, 'g', 17)));
    QVERIFY(summed > *actual);
}

void TestCostCalculator::streamWithoutUsage_estimatedCostIsFlagged()
{
    // The stream sent 400 characters of prompt and 200 of text but no usage: we count ~4 chars/token.
    const TokenUsage estimated = usage(estimateTokens(QString(400, QLatin1Char('a'))),
                                       estimateTokens(QString(200, QLatin1Char('b'))), 0, 0, true);
    QCOMPARE(estimated.promptTokens, 100);
    QCOMPARE(estimated.completionTokens, 50);

    const auto parts = CostCalculator::breakdown(Gpt4o, estimated);
    QVERIFY(parts);
    QVERIFY(parts->estimated);
    // 100*2.5 + 50*10 = 250 + 500 per 1M
    QVERIFY(qAbs(parts->total() - 0.00075) < 1e-12);
}

void TestCostCalculator::finalUsage_realReportWinsOverEstimate()
{
    QCOMPARE(CostCalculator::finalUsage({}), TokenUsage {});
    const TokenUsage merged = CostCalculator::finalUsage({ usage(10, 5, 0, 0, true), usage(12, 7, 2, 3) });
    QCOMPARE(merged, usage(12, 7, 2, 3, false));
    QVERIFY(CostCalculator::finalUsage({ usage(10, 5, 0, 0, true) }).estimated);
}

void TestCostCalculator::estimateWorstCase_data()
{
    QTest::addColumn<ModelPrice>("modelPrice");
    QTest::addColumn<qint64>("promptTokens");
    QTest::addColumn<qint64>("maxTokens");
    QTest::addColumn<bool>("priced");
    QTest::addColumn<double>("expected");

    // 2000*2.5 + 4096*10 = 5000 + 40960
    QTest::newRow("prompt at full input rate plus max output")
        << Gpt4o << qint64(2000) << qint64(4096) << true << 0.04596;
    QTest::newRow("no max tokens: prompt only") << Gpt4o << qint64(2000) << qint64(0) << true << 0.005;
    QTest::newRow("unpriced: no estimate") << price(1, 1, 1, false) << qint64(10) << qint64(10) << false << 0.0;
    QTest::newRow("free: zero") << price(0, 0, 0) << qint64(10) << qint64(10) << true << 0.0;
}

void TestCostCalculator::estimateWorstCase()
{
    QFETCH(ModelPrice, modelPrice);
    QFETCH(qint64, promptTokens);
    QFETCH(qint64, maxTokens);
    QFETCH(bool, priced);
    QFETCH(double, expected);

    const auto actual = CostCalculator::estimateWorstCase(modelPrice, promptTokens, maxTokens);
    QCOMPARE(actual.has_value(), priced);
    if (priced) {
        QVERIFY2(qAbs(*actual - expected) < 1e-12, qPrintable(QString::number(*actual, 'g', 17)));
    }
}

void TestCostCalculator::longContextTier_data()
{
    QTest::addColumn<TokenUsage>("tokens");
    QTest::addColumn<double>("expected");

    // gemini-2.5-pro: 1.25 / 10 / 0.125, above 200k prompt tokens 2.5 / 15 / 0.25 for every token.
    // 200000*1.25 + 1000*10 = 250000 + 10000
    QTest::newRow("prompt at the threshold: base rates") << usage(200000, 1000) << 0.26;
    // 200001*2.5 + 1000*15 = 500002.5 + 15000
    QTest::newRow("one token over: every token at the long-context rates") << usage(200001, 1000) << 0.5150025;
    // 50000*2.5 + 250000*0.25 = 125000 + 62500
    QTest::newRow("cached tokens over the threshold: long-context cached rate") << usage(300000, 0, 250000) << 0.1875;
}

void TestCostCalculator::longContextTier()
{
    QFETCH(TokenUsage, tokens);
    QFETCH(double, expected);

    PriceEntry gemini25Pro;
    gemini25Pro.price = price(1.25, 10, 0.125);
    gemini25Pro.price.longContext = { 200000, 2.5, 15, 0.25, 0, 0 };

    const std::optional<double> actual = CostCalculator::cost(gemini25Pro, tokens);
    QVERIFY(actual);
    QVERIFY2(qAbs(*actual - expected) < 1e-12, qPrintable(QString::number(*actual, 'g', 17)));

    // The worst case of the same request uses the same tier; an entry without a tier never switches.
    const double worst = *CostCalculator::estimateWorstCase(gemini25Pro, tokens.promptTokens, 0);
    QCOMPARE(worst,
             *CostCalculator::estimateWorstCase(gemini25Pro.priceFor(tokens.promptTokens), tokens.promptTokens, 0));
    PriceEntry flat;
    flat.price = price(1.25, 10, 0.125);
    QCOMPARE(flat.priceFor(10'000'000), flat.price);
}

void TestCostCalculator::costOfMany_billsEachCallAtItsOwnTier_data()
{
    QTest::addColumn<ModelPrice>("modelPrice");
    QTest::addColumn<TokenUsage>("total");
    QTest::addColumn<TokenUsage>("aboveTier"); // the part of total made by prompts over the threshold
    QTest::addColumn<double>("expected"); // -1: no cost (unpriced)

    ModelPrice gemini25Pro = price(1.25, 10, 0.125);
    gemini25Pro.longContext = { 200000, 2.5, 15, 0.25, 0, 0 };
    // 1000000*1.25 + 100000*10 = 1250000 + 1000000
    QTest::newRow("a thousand 1k-token prompts are not one 1M-token prompt")
        << gemini25Pro << usage(1'000'000, 100'000) << TokenUsage {} << 2.25;
    // below: 1000000*1.25 + 100000*10 = 2250000; above: 250000*2.5 + 100*15 = 626500
    QTest::newRow("one 250k-token prompt among them: only it at the tier")
        << gemini25Pro << usage(1'250'000, 100'100) << usage(250'000, 100) << 2.8765;
    // below: 50000*1.25 = 62500; above: 50000*2.5 + 250000*0.25 = 187500
    QTest::newRow("cached tokens follow their own call's tier")
        << gemini25Pro << usage(350'000, 0, 250'000) << usage(300'000, 0, 250'000) << 0.25;
    // A model without a tier bills the sums at its rates: 1000000*1.25 + 100000*10
    QTest::newRow("no tier: the sums at the base rates")
        << price(1.25, 10, 0.125) << usage(1'000'000, 100'000) << usage(250'000, 100) << 2.25;
    QTest::newRow("unpriced: no cost") << price(0, 0, 0, false) << usage(1000, 100) << TokenUsage {} << -1.0;
}

void TestCostCalculator::costOfMany_billsEachCallAtItsOwnTier()
{
    QFETCH(ModelPrice, modelPrice);
    QFETCH(TokenUsage, total);
    QFETCH(TokenUsage, aboveTier);
    QFETCH(double, expected);

    const std::optional<double> actual = CostCalculator::costOfMany(modelPrice, total, aboveTier);
    QCOMPARE(actual.has_value(), expected >= 0);
    if (actual) {
        QVERIFY2(qAbs(*actual - expected) < 1e-12, qPrintable(QString::number(*actual, 'g', 17)));
    }
}

void TestCostCalculator::everyDimension_bundledPrices_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<TokenUsage>("tokens");
    QTest::addColumn<double>("expected");

    // Gemini 2.5 Pro over 200k: every token at 2.5 / 15 (250000*2.5 + 2000*15 = 655000 per 1M).
    QTest::newRow("gemini-2.5-pro 250k prompt: long-context tier") << "gemini-2.5-pro" << usage(250000, 2000) << 0.655;
    QTest::newRow("gemini-2.5-pro 200k prompt: base rates (1.25 / 10)")
        << "gemini-2.5-pro" << usage(200000, 2000) << 0.27;
    // Claude Sonnet 4.5: input 3, write 5 min 3.75, write 1 h 6, read 0.3, output 15.
    TokenUsage write5m = usage(9100, 500);
    write5m.cacheWrite5mTokens = 9000;
    QTest::newRow("sonnet 5-min cache write: 100*3 + 9000*3.75 + 500*15") << "claude-sonnet-4-5" << write5m << 0.04155;
    TokenUsage write1h = usage(9100, 500);
    write1h.cacheWrite1hTokens = 9000;
    QTest::newRow("sonnet 1-h cache write: 100*3 + 9000*6 + 500*15") << "claude-sonnet-4-5" << write1h << 0.0618;
    QTest::newRow("sonnet cache read: 100*3 + 9000*0.3 + 500*15")
        << "claude-sonnet-4-5" << usage(9100, 500, 9000) << 0.0105;
    TokenUsage search = usage(1000, 100);
    search.webSearches = 2;
    QTest::newRow("sonnet web search: 1000*3 + 100*15 + 2 x $0.01") << "claude-sonnet-4-5" << search << 0.0245;
    TokenUsage longWrite = usage(250000, 1000);
    longWrite.cacheWrite1hTokens = 240000;
    QTest::newRow("sonnet 1-h write over 200k: 10000*6 + 240000*12 + 1000*22.5")
        << "claude-sonnet-4-5" << longWrite << 2.9625;
    // o3 has no reasoning rate of its own: reasoning tokens are output tokens (1000*2 + 5000*8).
    QTest::newRow("o3 with 4000 reasoning tokens") << "o3" << usage(1000, 5000, 0, 4000) << 0.042;
    TokenUsage batch = usage(10000, 1000);
    batch.batch = true;
    QTest::newRow("gpt-4o batch: 10000*1.25 + 1000*5") << "gpt-4o" << batch << 0.0175;
    // An image's tokens are part of the prompt (Anthropic: 1092x1092 px = 1590 tokens).
    TokenUsage image = usage(1590 + 10, 100);
    image.images = 1;
    QTest::newRow("haiku 4.5 image input: 1600*1 + 100*5") << "claude-haiku-4-5" << image << 0.0021;
    // Batch rates: half the standard ones at Anthropic (haiku 4.5: 0.50 / 2.50) and for gpt-5 (0.625 / 5).
    TokenUsage haikuBatch = usage(4000, 1000);
    haikuBatch.batch = true;
    QTest::newRow("haiku 4.5 batch: 4000*0.5 + 1000*2.5") << "claude-haiku-4-5" << haikuBatch << 0.0045;
    TokenUsage gpt5Batch = usage(2000, 3000, 0, 2000);
    gpt5Batch.batch = true;
    QTest::newRow("gpt-5 batch with 2000 reasoning: 2000*0.625 + 3000*5") << "gpt-5" << gpt5Batch << 0.01625;
    // OpenAI's search models: a search per request at its search_context_size rate (per 1k: 30 / 35 / 50).
    for (const auto& [size, name, usd] : { std::tuple { SearchContextSize::Low, "low", 0.03 },
                                           std::tuple { SearchContextSize::Medium, "medium", 0.035 },
                                           std::tuple { SearchContextSize::High, "high", 0.05 } }) {
        TokenUsage searched = usage(1000, 200);
        searched.webSearches = 1;
        searched.searchContext = size;
        QTest::addRow("gpt-4o-search-preview, %s context: 1000*2.5 + 200*10 + %g", name, usd)
            << "gpt-4o-search-preview" << searched << 0.0045 + usd;
    }
    TokenUsage miniHigh = usage(1000, 200);
    miniHigh.webSearches = 1;
    miniHigh.searchContext = SearchContextSize::High;
    QTest::newRow("gpt-4o-mini-search-preview, high: 1000*0.15 + 200*0.6 + 0.03")
        << "gpt-4o-mini-search-preview" << miniHigh << 0.03027;
    // Gemini 2.5 grounding with Google Search: $35 per 1,000 grounded prompts, however many queries.
    TokenUsage grounded = usage(2000, 500);
    grounded.webSearches = 3;
    QTest::newRow("gemini-2.5-flash grounded prompt with 3 queries: 2000*0.3 + 500*2.5 + 0.035 once")
        << "gemini-2.5-flash" << grounded << 0.03685;
    // Anthropic bills each search (10 per 1k), whatever context size a request names.
    TokenUsage claudeSearches = usage(1000, 100);
    claudeSearches.webSearches = 3;
    claudeSearches.searchContext = SearchContextSize::High;
    QTest::newRow("sonnet 3 searches: 1000*3 + 100*15 + 3 x 0.01") << "claude-sonnet-4-5" << claudeSearches << 0.0345;
    QTest::newRow("haiku 4.5, 3 searches: 1000*1 + 100*5 + 3 x 0.01") << "claude-haiku-4-5" << claudeSearches << 0.0315;
}

void TestCostCalculator::everyDimension_bundledPrices()
{
    QFETCH(QString, model);
    QFETCH(TokenUsage, tokens);
    QFETCH(double, expected);

    const std::optional<PriceEntry> entry = PriceTable::bundled().lookup(model);
    QVERIFY(entry);
    const std::optional<double> actual = CostCalculator::cost(entry->price, tokens);
    QVERIFY(actual);
    QVERIFY2(qAbs(*actual - expected) < 1e-12, qPrintable(QString::number(*actual, 'g', 17)));
}

void TestCostCalculator::perImageAndReasoningRates_data()
{
    QTest::addColumn<TokenUsage>("tokens");
    QTest::addColumn<double>("expected");

    QTest::newRow("2 images at $0.0025 on top of 1000*1") << [] {
        TokenUsage u = usage(1000, 0);
        u.images = 2;
        return u;
    }() << 0.006;
    QTest::newRow("reasoning priced apart: 100*4 + 900*10 output") << usage(0, 1000, 0, 900) << 0.0094;
    QTest::newRow("more reasoning than output reported: capped") << usage(0, 100, 0, 900) << 0.001;
}

void TestCostCalculator::perImageAndReasoningRates()
{
    QFETCH(TokenUsage, tokens);
    QFETCH(double, expected);

    ModelPrice vision = price(1, 4, 0);
    vision.perImageUsd = 0.0025;
    vision.reasoningPerMTok = 10;
    const std::optional<double> actual = CostCalculator::cost(vision, tokens);
    QVERIFY(actual);
    QVERIFY2(qAbs(*actual - expected) < 1e-12, qPrintable(QString::number(*actual, 'g', 17)));
}

void TestCostCalculator::worstCase_coversCacheWritesAndTier()
{
    const ModelPrice sonnet = PriceTable::bundled().lookup(QStringLiteral("claude-sonnet-4-5"))->price;
    TokenUsage planned = usage(250000, 0);
    // 250000 at the 1-h write rate above 200k (12) + 1000 at 22.5.
    QCOMPARE(*CostCalculator::estimateWorstCase(sonnet, planned, 1000, true), 3.0225);
    // Without cache_control: the long-context input rate (6).
    QCOMPARE(*CostCalculator::estimateWorstCase(sonnet, planned, 1000, false), 1.5225);
}

QTEST_GUILESS_MAIN(TestCostCalculator)
#include "tst_CostCalculator.moc"
