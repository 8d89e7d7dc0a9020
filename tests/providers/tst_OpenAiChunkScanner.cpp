#include "WireFixtures.h"
#include "core/providers/OpenAiChunkScanner.h"
#include "core/providers/SseParser.h"
#include "core/providers/WireJson.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

// The stream decoder's fast path must never disagree with the full JSON decoder: whenever the
// scanner accepts a chunk, QJsonDocument must accept it too and yield the same fields. Checked on
// every data event of every OpenAI-style wire sample and on thousands of mutations of them.
class TestOpenAiChunkScanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void agreesWithFullDecoder_onWireSamples();
    void agreesWithFullDecoder_onMutations();
    void handlesTheCommonShape_data();
    void handlesTheCommonShape();
    void memoNeverChangesTheReading();
    void memoSkipsTheRepeatedPrefix();
    void readsUsage_data();
    void readsUsage();
    void leavesTheRestToTheFullDecoder_data();
    void leavesTheRestToTheFullDecoder();

private:
    // The full decoder's reading (as OpenAiStreamDecoder does it), or nullopt for invalid JSON.
    struct Reading
    {
        OpenAiChunkScanner::Chunk chunk;
        std::optional<TokenUsage> usage;
    };
    static std::optional<Reading> fullDecode(const QByteArray& json);
    static void compareWithFull(const QByteArray& json);

    QList<QByteArray> m_events;
};

std::optional<TestOpenAiChunkScanner::Reading> TestOpenAiChunkScanner::fullDecode(const QByteArray& json)
{
    QString error;
    const QJsonDocument document = WireJson::parse(json, &error);
    if (!document.isObject()) {
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    QJsonObject choice;
    for (const QJsonValue& candidate : object.value(QLatin1String("choices")).toArray()) {
        if (WireJson::toInt64(candidate.toObject().value(QLatin1String("index")), 0) == 0) {
            choice = candidate.toObject();
            break;
        }
    }
    const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
    OpenAiChunkScanner::Chunk chunk;
    chunk.content = delta.value(QLatin1String("content")).toString();
    chunk.reasoningContent = delta.value(QLatin1String("reasoning_content")).toString();
    chunk.reasoning = delta.value(QLatin1String("reasoning")).toString();
    chunk.finishReason = choice.value(QLatin1String("finish_reason")).toString();
    return Reading { chunk, OpenAiWire::parseUsage(object.value(QLatin1String("usage"))) };
}

void TestOpenAiChunkScanner::compareWithFull(const QByteArray& json)
{
    OpenAiChunkScanner::Chunk fast;
    if (!OpenAiChunkScanner::scan(json, &fast)) {
        return; // the full decoder handles it: nothing to disagree about
    }
    const std::optional<Reading> full = fullDecode(json);
    QVERIFY2(full.has_value(), json.constData()); // accepted by the scanner means valid JSON
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const QJsonValue error = object.value(QLatin1String("error"));
    QVERIFY2(error.isUndefined() || error.isNull(), json.constData());
    const qsizetype choices = object.value(QLatin1String("choices")).toArray().size();
    QVERIFY2(choices == 1 || (choices == 0 && full->usage), json.constData());
    QCOMPARE(fast.content, full->chunk.content);
    QCOMPARE(fast.reasoningContent, full->chunk.reasoningContent);
    QCOMPARE(fast.reasoning, full->chunk.reasoning);
    QCOMPARE(fast.finishReason, full->chunk.finishReason);
    QCOMPARE(fast.usage.has_value(), full->usage.has_value());
    if (fast.usage) {
        QCOMPARE(OpenAiWire::usageFrom(*fast.usage), *full->usage);
    }
}

void TestOpenAiChunkScanner::initTestCase()
{
    for (const QString& file : WireFixtures::filesWithSuffix(QStringLiteral(".sse"))) {
        if (file.startsWith(QLatin1String("anthropic")) || file.contains(QLatin1String("-anthropic-"))) {
            continue;
        }
        SseParser parser;
        QList<SseEvent> events;
        parser.feed(WireFixtures::read(file), events);
        parser.finish(events);
        for (const SseEvent& event : std::as_const(events)) {
            if (event.data.startsWith('{')) {
                m_events.append(event.data);
            }
        }
    }
    QVERIFY2(m_events.size() > 50, qPrintable(QString::number(m_events.size())));
}

void TestOpenAiChunkScanner::agreesWithFullDecoder_onWireSamples()
{
    int accepted = 0;
    for (const QByteArray& json : std::as_const(m_events)) {
        compareWithFull(json);
        if (QTest::currentTestFailed()) {
            return;
        }
        OpenAiChunkScanner::Chunk chunk;
        accepted += OpenAiChunkScanner::scan(json, &chunk) ? 1 : 0;
    }
    // The point of the fast path: most real chunks take it.
    QVERIFY2(accepted * 2 > m_events.size(), qPrintable(QStringLiteral("%1 of %2").arg(accepted).arg(m_events.size())));
}

void TestOpenAiChunkScanner::agreesWithFullDecoder_onMutations()
{
    QRandomGenerator random(WireFixtures::mutationSeed(7));
    for (int round = 0; round < WireFixtures::mutationRounds(); ++round) {
        const QByteArray json = WireFixtures::mutated(m_events.at(random.bounded(m_events.size())), random);
        compareWithFull(json);
        if (QTest::currentTestFailed()) {
            return;
        }
    }
}

void TestOpenAiChunkScanner::handlesTheCommonShape_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("finishReason");
    QTest::newRow("text delta") << QByteArray(R"({"id":"x","choices":[{"index":0,"delta":{"content":"Hi"},)"
                                              R"("finish_reason":null}]})")
                                << "Hi"
                                << "";
    QTest::newRow("escapes and unicode") << QByteArray(
        R"({"choices":[{"delta":{"content":"a\"b\\c\n\u00e9\/"}}], "usage": null})")
                                         << "a\"b\\c\n\u00e9/"
                                         << "";
    QTest::newRow("raw UTF-8") << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"caf\xc3\xa9\"}}]}")
                               << QString::fromUtf8("caf\xc3\xa9") << "";
    QTest::newRow("long runs around escapes")
        << QByteArray(R"({"choices":[{"delta":{"content":"abcdefghijklmnop\"qrstuvwx\\yz0123456789abcdefgh"}}]})")
        << "abcdefghijklmnop\"qrstuvwx\\yz0123456789abcdefgh"
        << "";
    QTest::newRow("long non-ASCII text") << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"Gr\xc3\xbc\xc3\x9f"
                                                       "e aus K\xc3\xb6ln, \xe2\x82\xac 12 \xf0\x9f\x98\x80!\"}}]}")
                                         << QString::fromUtf8("Gr\xc3\xbc\xc3\x9f"
                                                              "e aus K\xc3\xb6ln, \xe2\x82\xac 12 \xf0\x9f\x98\x80!")
                                         << "";
    QTest::newRow("finish chunk") << QByteArray(R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})") << ""
                                  << "stop";
}

void TestOpenAiChunkScanner::handlesTheCommonShape()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, content);
    QFETCH(QString, finishReason);
    OpenAiChunkScanner::Chunk chunk;
    QVERIFY(OpenAiChunkScanner::scan(json, &chunk));
    QCOMPARE(chunk.content, content);
    QCOMPARE(chunk.finishReason, finishReason);
}

static bool sameReading(const OpenAiChunkScanner::Chunk& a, const OpenAiChunkScanner::Chunk& b)
{
    const bool sameUsage = a.usage.has_value() == b.usage.has_value()
        && (!a.usage || OpenAiWire::usageFrom(*a.usage) == OpenAiWire::usageFrom(*b.usage));
    return a.content == b.content && a.reasoningContent == b.reasoningContent && a.reasoning == b.reasoning
        && a.finishReason == b.finishReason && sameUsage;
}

// A memo primed by one event, then a mutation of it (or of another event): the reading with the
// memo is exactly the reading without it, accepted or not.
void TestOpenAiChunkScanner::memoNeverChangesTheReading()
{
    const int rounds = WireFixtures::mutationRounds();
    QRandomGenerator random(WireFixtures::mutationSeed(13));
    int resumed = 0;
    for (int round = 0; round < rounds; ++round) {
        const QByteArray& previous = m_events.at(random.bounded(m_events.size()));
        OpenAiChunkScanner::Memo memo;
        OpenAiChunkScanner::Chunk primed;
        OpenAiChunkScanner::scan(previous, &primed, &memo);
        QByteArray json = random.bounded(2) ? previous : m_events.at(random.bounded(m_events.size()));
        const int edits = random.bounded(3);
        for (int i = 0; i < edits && !json.isEmpty(); ++i) {
            const qsizetype at = random.bounded(json.size());
            json[at] = WireFixtures::kMutationAlphabet[random.bounded(int(sizeof WireFixtures::kMutationAlphabet - 1))];
        }
        OpenAiChunkScanner::Chunk plain;
        OpenAiChunkScanner::Chunk withMemo;
        const bool plainAccepted = OpenAiChunkScanner::scan(json, &plain);
        resumed += !memo.cleanPrefix.isEmpty() && json.startsWith(memo.cleanPrefix) ? 1 : 0;
        QCOMPARE(OpenAiChunkScanner::scan(json, &withMemo, &memo), plainAccepted);
        if (plainAccepted) {
            QVERIFY2(sameReading(plain, withMemo), json.constData());
        }
    }
    // The memo was really used (chunks with tool calls or refusal text, which the full decoder
    // reads, leave it empty).
    QVERIFY2(resumed > rounds / 5, qPrintable(QString::number(resumed)));
}

void TestOpenAiChunkScanner::memoSkipsTheRepeatedPrefix()
{
    const QByteArray first = R"({"id":"c1","object":"chat.completion.chunk","created":1,"model":"m",)"
                             R"("choices":[{"index":0,"delta":{"content":"Hel"}}]})";
    const QByteArray second = R"({"id":"c1","object":"chat.completion.chunk","created":1,"model":"m",)"
                              R"("choices":[{"index":0,"delta":{"content":"lo"}}]})";
    OpenAiChunkScanner::Memo memo;
    OpenAiChunkScanner::Chunk chunk;
    QVERIFY(OpenAiChunkScanner::scan(first, &chunk, &memo));
    QCOMPARE(memo.cleanPrefix, QByteArray(R"({"id":"c1","object":"chat.completion.chunk","created":1,"model":"m",)"));
    QVERIFY(OpenAiChunkScanner::scan(second, &chunk, &memo));
    QCOMPARE(chunk.content, QStringLiteral("lo"));
    // The same prefix with a broken rest is still refused.
    QVERIFY(!OpenAiChunkScanner::scan(second.chopped(1), &chunk, &memo));
}

void TestOpenAiChunkScanner::readsUsage_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("prompt");
    QTest::addColumn<qint64>("completion");
    QTest::addColumn<qint64>("cached");
    QTest::addColumn<qint64>("reasoning");
    QTest::newRow("openai last chunk") << QByteArray(
        R"({"id":"c","choices":[],"usage":{"prompt_tokens":19,"completion_tokens":40,)"
        R"("total_tokens":59,"prompt_tokens_details":{"cached_tokens":8,"audio_tokens":0},)"
        R"("completion_tokens_details":{"reasoning_tokens":12,"audio_tokens":0}}})")
                                       << qint64(19) << qint64(40) << qint64(8) << qint64(12);
    QTest::newRow("deepseek cache hits, details null")
        << QByteArray(R"({"choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}],)"
                      R"("usage":{"prompt_tokens":30,"completion_tokens":5,"total_tokens":35,)"
                      R"("prompt_cache_hit_tokens":24,"prompt_cache_miss_tokens":6,"prompt_tokens_details":null}})")
        << qint64(30) << qint64(5) << qint64(24) << qint64(0);
    QTest::newRow("gemini thoughts outside completion")
        << QByteArray(R"({"choices":[{"index":0,"delta":{"content":"x"}}],)"
                      R"("usage":{"prompt_tokens":10,"completion_tokens":4,"total_tokens":30}})")
        << qint64(10) << qint64(20) << qint64(0) << qint64(16);
    QTest::newRow("vertex without completion_tokens")
        << QByteArray(R"({"choices":[],"usage":{"prompt_tokens":10,"total_tokens":25}})") << qint64(10) << qint64(15)
        << qint64(0) << qint64(0);
}

void TestOpenAiChunkScanner::readsUsage()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, prompt);
    QFETCH(qint64, completion);
    QFETCH(qint64, cached);
    QFETCH(qint64, reasoning);
    OpenAiChunkScanner::Chunk chunk;
    QVERIFY(OpenAiChunkScanner::scan(json, &chunk));
    QVERIFY(chunk.usage);
    const TokenUsage usage = OpenAiWire::usageFrom(*chunk.usage);
    QCOMPARE(usage.promptTokens, prompt);
    QCOMPARE(usage.completionTokens, completion);
    QCOMPARE(usage.cachedTokens, cached);
    QCOMPARE(usage.reasoningTokens, reasoning);
    compareWithFull(json);
}

void TestOpenAiChunkScanner::leavesTheRestToTheFullDecoder_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("usage as a string") << QByteArray(R"({"choices":[],"usage":{"prompt_tokens":"3"}})");
    QTest::newRow("usage as a fraction") << QByteArray(R"({"choices":[],"usage":{"prompt_tokens":3.0}})");
    QTest::newRow("usage too large") << QByteArray(R"({"choices":[],"usage":{"total_tokens":1234567890123456}})");
    QTest::newRow("usage past a 64-bit integer")
        << QByteArray(R"({"choices":[],"usage":{"total_tokens":88888888888888888888888}})");
    QTest::newRow("usage not an object") << QByteArray(R"({"choices":[],"usage":7})");
    QTest::newRow("no choices and no usage") << QByteArray(R"({"choices":[]})");
    QTest::newRow("in-band error") << QByteArray(R"({"error":{"message":"overloaded"}})");
    QTest::newRow("two choices") << QByteArray(R"({"choices":[{"index":1,"delta":{}},{"index":0,"delta":{}}]})");
    QTest::newRow("duplicate content key") << QByteArray(R"({"choices":[{"delta":{"content":"a","content":"b"}}]})");
    QTest::newRow("escaped key") << QByteArray(R"({"choices":[{"delta":{"cont\u0065nt":"a"}}]})");
    QTest::newRow("truncated") << QByteArray(R"({"choices":[{"delta":{"content":"oops)");
    QTest::newRow("invalid UTF-8") << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"\xc3\"}}]}");
    QTest::newRow("invalid UTF-8 in an ignored value")
        << QByteArray("{\"id\":\"a\xff\",\"choices\":[{\"delta\":{\"content\":\"x\"}}]}");
    QTest::newRow("invalid UTF-8 in a key") << QByteArray("{\"i\xc3\":1,\"choices\":[{\"delta\":{}}]}");
    QTest::newRow("overlong UTF-8 after an escape")
        << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"\\n\xc0\xaf\"}}]}");
    QTest::newRow("non-ASCII byte outside a string") << QByteArray("{\"choices\":[{\"delta\":{}}]}\xc3\xa9");
    QTest::newRow("control character in a long string")
        << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"abcdefghijklmnop\x01qrstuvwxyz\"}}]}");
    QTest::newRow("lone surrogate escape") << QByteArray(R"({"choices":[{"delta":{"content":"\ud800"}}]})");
    QTest::newRow("trailing garbage") << QByteArray(R"({"choices":[{"delta":{}}]} x)");
    QTest::newRow("not an object") << QByteArray(R"(["choices"])");
}

void TestOpenAiChunkScanner::leavesTheRestToTheFullDecoder()
{
    QFETCH(QByteArray, json);
    OpenAiChunkScanner::Chunk chunk;
    QVERIFY(!OpenAiChunkScanner::scan(json, &chunk));
}

QTEST_GUILESS_MAIN(TestOpenAiChunkScanner)
#include "tst_OpenAiChunkScanner.moc"
