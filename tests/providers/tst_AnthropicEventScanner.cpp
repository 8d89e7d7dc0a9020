#include "AnthropicFullReading.h"
#include "WireFixtures.h"
#include "core/providers/AnthropicEventScanner.h"
#include "core/providers/AnthropicWire.h"
#include "core/providers/SseParser.h"
#include "core/providers/WireJson.h"

#include <QRandomGenerator>
#include <QTest>

// The Anthropic stream's fast path must never disagree with the full JSON decoder: whenever the
// scanner accepts an event, QJsonDocument must accept it with the same type, and for a
// content_block_delta yield the same text and thinking. Checked on every data event of the Anthropic wire samples and
// on thousands of mutations of them.
class TestAnthropicEventScanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void agreesWithFullDecoder_onWireSamples();
    void agreesWithFullDecoder_onMutations();
    void readsDeltas_data();
    void readsDeltas();
    void readsOtherEvents_data();
    void readsOtherEvents();
    void leavesTheRestToTheFullDecoder_data();
    void leavesTheRestToTheFullDecoder();

private:
    static void compareWithFull(const QByteArray& json);

    QList<QByteArray> m_events;
    QList<QByteArray> m_deltas; // the content_block_delta ones
};

void TestAnthropicEventScanner::compareWithFull(const QByteArray& json)
{
    AnthropicEventScanner::Event fast;
    if (!AnthropicEventScanner::scan(json, &fast)) {
        return; // the full decoder handles it: nothing to disagree about
    }
    const std::optional<AnthropicReading> full = anthropicFullReading(json);
    QVERIFY2(full.has_value(), json.constData()); // accepted by the scanner means valid JSON
    const AnthropicReading fastReading = anthropicFastReading(fast);
    QVERIFY2(full->kind.has_value(), json.constData()); // an event type the fast path knows
    QCOMPARE(fastReading.kind, full->kind);
    QCOMPARE(fastReading.text, full->text);
    QCOMPARE(fastReading.thinking, full->thinking);
    QCOMPARE(fastReading.stopReason, full->stopReason);
    QCOMPARE(fastReading.cited, full->cited);
    QCOMPARE(fastReading.usage.has_value(), full->usage.has_value());
    if (fastReading.usage) {
        QCOMPARE(*fastReading.usage, *full->usage);
    }
}

void TestAnthropicEventScanner::initTestCase()
{
    for (const QString& file : WireFixtures::filesWithSuffix(QStringLiteral(".sse"))) {
        if (!file.startsWith(QLatin1String("anthropic")) && !file.contains(QLatin1String("-anthropic-"))) {
            continue;
        }
        SseParser parser;
        QList<SseEvent> events;
        parser.feed(WireFixtures::read(file), events);
        parser.finish(events);
        for (const SseEvent& event : std::as_const(events)) {
            if (event.data.startsWith('{')) {
                m_events.append(event.data);
                if (event.data.contains("\"content_block_delta\"")) {
                    m_deltas.append(event.data);
                }
            }
        }
    }
    QVERIFY2(m_events.size() > 20 && m_deltas.size() > 10, qPrintable(QString::number(m_events.size())));
}

void TestAnthropicEventScanner::agreesWithFullDecoder_onWireSamples()
{
    int accepted = 0;
    int deltas = 0;
    for (const QByteArray& json : std::as_const(m_events)) {
        compareWithFull(json);
        if (QTest::currentTestFailed()) {
            return;
        }
        AnthropicEventScanner::Event delta;
        accepted += AnthropicEventScanner::scan(json, &delta) ? 1 : 0;
        deltas += json.contains("\"content_block_delta\"") ? 1 : 0;
    }
    // The point of the fast path: the deltas of real streams take it.
    QVERIFY2(accepted * 10 >= deltas * 9, qPrintable(QStringLiteral("%1 of %2").arg(accepted).arg(deltas)));
}

void TestAnthropicEventScanner::agreesWithFullDecoder_onMutations()
{
    QRandomGenerator random(WireFixtures::mutationSeed(11));
    for (int round = 0; round < WireFixtures::mutationRounds(); ++round) {
        // Mostly deltas, the only events the scanner may accept; the rest must stay refused.
        const QList<QByteArray>& pool = random.bounded(4) == 0 ? m_events : m_deltas;
        const QByteArray json = WireFixtures::mutated(pool.at(random.bounded(pool.size())), random);
        compareWithFull(json);
        if (QTest::currentTestFailed()) {
            return;
        }
    }
}

void TestAnthropicEventScanner::readsDeltas_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("thinking");
    QTest::newRow("text delta") << QByteArray(
        R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}})")
                                << "Hello"
                                << "";
    QTest::newRow("thinking delta") << QByteArray(
        R"({"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Let me see"}})")
                                    << ""
                                    << "Let me see";
    QTest::newRow("delta before type, spaces") << QByteArray(
        R"( { "delta" : { "text" : "a\nb\u00e9" , "type" : "text_delta" } , "type" : "content_block_delta" } )")
                                               << "a\nb\u00e9"
                                               << "";
    QTest::newRow("raw UTF-8") << QByteArray(
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"K\xc3\xb6ln\"}}")
                               << QString::fromUtf8("K\xc3\xb6ln") << "";
}

void TestAnthropicEventScanner::readsDeltas()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, text);
    QFETCH(QString, thinking);
    AnthropicEventScanner::Event delta;
    QVERIFY(AnthropicEventScanner::scan(json, &delta));
    QCOMPARE(delta.kind, AnthropicEventScanner::Kind::Text);
    QCOMPARE(delta.text, text);
    QCOMPARE(delta.thinking, thinking);
    compareWithFull(json);
}

void TestAnthropicEventScanner::readsOtherEvents_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<AnthropicEventScanner::Kind>("kind");
    QTest::newRow("ping, spaced as the API sends it")
        << QByteArray(R"({"type": "ping"})") << AnthropicEventScanner::Kind::Quiet;
    QTest::newRow("content_block_stop") << QByteArray(R"({"type":"content_block_stop","index":0})")
                                        << AnthropicEventScanner::Kind::BlockStop;
    QTest::newRow("message_stop") << QByteArray(R"({"type":"message_stop"})")
                                  << AnthropicEventScanner::Kind::MessageStop;
    QTest::newRow("message_start") << QByteArray(
        R"({"type":"message_start","message":{"id":"m","content":[],"stop_reason":null,)"
        R"("usage":{"input_tokens":12,"cache_creation_input_tokens":3,"cache_read_input_tokens":40,)"
        R"("cache_creation":{"ephemeral_5m_input_tokens":0},"output_tokens":1,"service_tier":"standard"}}})")
                                   << AnthropicEventScanner::Kind::MessageStart;
    QTest::newRow("message_delta") << QByteArray(
        R"({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},)"
        R"("usage":{"output_tokens":15}})")
                                   << AnthropicEventScanner::Kind::MessageDelta;
    // Web search is billed per search: the count must reach the cost whichever path reads it.
    QTest::newRow("message_delta with a web search") << QByteArray(
        R"({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},)"
        R"("usage":{"input_tokens":2679,"output_tokens":510,"server_tool_use":{"web_search_requests":2}}})")
                                                     << AnthropicEventScanner::Kind::MessageDelta;
    // Claude's text comes in blocks, the cited ones with a citations list: each start is marked.
    QTest::newRow("text block start") << QByteArray(
        R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})")
                                      << AnthropicEventScanner::Kind::TextStart;
    QTest::newRow("cited text block start, as Claude writes it") << QByteArray(
        R"({"type":"content_block_start","index":7,"content_block":{"citations":[],"type":"text","text":""}   })")
                                                                 << AnthropicEventScanner::Kind::TextStart;
    QTest::newRow("thinking block start") << QByteArray(
        R"({"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}})")
                                          << AnthropicEventScanner::Kind::Text;
    QTest::newRow("message_stop with extra members")
        << QByteArray(R"({"amazon-bedrock-invocationMetrics":{"inputTokenCount":9},"type":"message_stop"})")
        << AnthropicEventScanner::Kind::MessageStop;
}

void TestAnthropicEventScanner::readsOtherEvents()
{
    QFETCH(QByteArray, json);
    QFETCH(AnthropicEventScanner::Kind, kind);
    AnthropicEventScanner::Event event;
    QVERIFY(AnthropicEventScanner::scan(json, &event));
    QCOMPARE(event.kind, kind);
    compareWithFull(json);
    QCOMPARE(event.cited, json.contains("\"citations\""));
    if (json.contains("web_search_requests")) {
        QVERIFY(event.usage);
        QCOMPARE(event.usage->webSearches, std::optional<qint64>(2));
    }
}

void TestAnthropicEventScanner::leavesTheRestToTheFullDecoder_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("tool input: the full decoder reads tool calls") << QByteArray(
        R"({"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"a\":"}})");
    QTest::newRow("a citation: the full decoder reads it") << QByteArray(
        R"({"type":"content_block_delta","index":2,"delta":{"type":"citations_delta","citation":{"type":"web_search_result_location","url":"https://a.org","title":"A","encrypted_index":"eQ==","cited_text":"a"}}})");
    QTest::newRow("signature: the full decoder reads it") << QByteArray(
        R"({"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQB"}})");
    QTest::newRow("a text block start with citations in its list") << QByteArray(
        R"({"type":"content_block_start","index":3,"content_block":{"type":"text","text":"","citations":[{"type":"web_search_result_location","url":"https://a.org","title":"A","encrypted_index":"eQ==","cited_text":"a"}]}})");
    QTest::newRow("a citations list on a thinking block") << QByteArray(
        R"({"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","citations":[]}})");
    QTest::newRow("tool_use block start") << QByteArray(
        R"({"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"t","name":"f","input":{}}})");
    QTest::newRow("usage count as a string")
        << QByteArray(R"({"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":"9"}})");
    QTest::newRow("usage count twice") << QByteArray(
        R"({"type":"message_delta","usage":{"output_tokens":null,"output_tokens":9}})");
    QTest::newRow("usage null") << QByteArray(R"({"type":"message_delta","usage":null})");
    QTest::newRow("message_start with a top-level usage")
        << QByteArray(R"({"type":"message_start","message":{"id":"m"},"usage":{"input_tokens":5}})");
    QTest::newRow("stop_reason not a string") << QByteArray(R"({"type":"message_delta","delta":{"stop_reason":5}})");
    QTest::newRow("error event") << QByteArray(R"({"type":"error","error":{"type":"overloaded_error"}})");
    QTest::newRow("type not a string") << QByteArray(R"({"type":7})");
    QTest::newRow("unknown event") << QByteArray(R"({"type":"future_event","index":0})");
    QTest::newRow("no type") << QByteArray(R"({"delta":{"type":"text_delta","text":"x"}})");
    QTest::newRow("no delta") << QByteArray(R"({"type":"content_block_delta","index":0})");
    QTest::newRow("type twice") << QByteArray(
        R"({"type":"content_block_delta","type":"ping","delta":{"type":"text_delta","text":"x"}})");
    QTest::newRow("text twice") << QByteArray(
        R"({"type":"content_block_delta","delta":{"type":"text_delta","text":"a","text":"b"}})");
    QTest::newRow("text not a string") << QByteArray(
        R"({"type":"content_block_delta","delta":{"type":"text_delta","text":5}})");
    QTest::newRow("escaped type") << QByteArray(
        R"({"type":"content_block_delt\u0061","delta":{"type":"text_delta","text":"x"}})");
    QTest::newRow("escaped key") << QByteArray(
        R"({"type":"content_block_delta","delta":{"type":"text_delta","t\u0065xt":"x"}})");
    QTest::newRow("invalid UTF-8") << QByteArray(
        "{\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"\xc3\"}}");
    QTest::newRow("trailing garbage") << QByteArray(
        R"({"type":"content_block_delta","delta":{"type":"text_delta","text":"x"}} x)");
    QTest::newRow("truncated") << QByteArray(R"({"type":"content_block_delta","delta":{"type":"text_delta","text":"x)");
}

void TestAnthropicEventScanner::leavesTheRestToTheFullDecoder()
{
    QFETCH(QByteArray, json);
    AnthropicEventScanner::Event delta;
    QVERIFY(!AnthropicEventScanner::scan(json, &delta));
}

QTEST_GUILESS_MAIN(TestAnthropicEventScanner)
#include "tst_AnthropicEventScanner.moc"
