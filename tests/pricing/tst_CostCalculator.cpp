#include "pricing/CostCalculator.h"

#include <QTest>

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
    gemini25Pro.longContextThreshold = 200000;
    gemini25Pro.longContextPrice = price(2.5, 15, 0.25);

    const std::optional<double> actual = CostCalculator::cost(gemini25Pro, tokens);
    QVERIFY(actual);
    QVERIFY2(qAbs(*actual - expected) < 1e-12, qPrintable(QString::number(*actual, 'g', 17)));

    // The worst case of the same request uses the same tier; an entry without a tier never switches.
    const double worst = *CostCalculator::estimateWorstCase(gemini25Pro, tokens.promptTokens, 0);
    QCOMPARE(worst,
             *CostCalculator::estimateWorstCase(gemini25Pro.priceFor(tokens.promptTokens), tokens.promptTokens, 0));
    PriceEntry flat;
    flat.price = gemini25Pro.price;
    QCOMPARE(flat.priceFor(10'000'000), flat.price);
}

QTEST_GUILESS_MAIN(TestCostCalculator)
#include "tst_CostCalculator.moc"
