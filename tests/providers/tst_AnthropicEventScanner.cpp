#include "WireFixtures.h"
#include "providers/AnthropicEventScanner.h"
#include "providers/SseParser.h"
#include "providers/WireJson.h"

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
    void readsQuietEvents_data();
    void readsQuietEvents();
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
    QString error;
    const QJsonDocument document = WireJson::parse(json, &error);
    QVERIFY2(document.isObject(), json.constData()); // accepted by the scanner means valid JSON
    const QJsonObject event = document.object();
    const QString type = event.value(QLatin1String("type")).toString();
    switch (fast.kind) {
    case AnthropicEventScanner::Kind::Delta:
        QCOMPARE(type, QStringLiteral("content_block_delta"));
        break;
    case AnthropicEventScanner::Kind::MessageStop:
        QCOMPARE(type, QStringLiteral("message_stop"));
        break;
    case AnthropicEventScanner::Kind::Quiet:
        QVERIFY2(type == QLatin1String("ping") || type == QLatin1String("content_block_stop"), json.constData());
        break;
    }
    // As AnthropicStreamDecoder reads it.
    const QJsonObject change = event.value(QLatin1String("delta")).toObject();
    const QString kind = change.value(QLatin1String("type")).toString();
    const bool isDelta = type == QLatin1String("content_block_delta");
    const QString text
        = isDelta && kind == QLatin1String("text_delta") ? change.value(QLatin1String("text")).toString() : QString();
    const QString thinking = isDelta && kind == QLatin1String("thinking_delta")
        ? change.value(QLatin1String("thinking")).toString()
        : QString();
    QCOMPARE(fast.text, text);
    QCOMPARE(fast.thinking, thinking);
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
    static const char alphabet[] = "{}[]\",:\\ 0-1e.nultrfa\xc3\xa9\x80u\x01\t";
    // SWITCHYARD_SCANNER_ROUNDS / _SEED run a longer soak by hand; the suite keeps it short.
    const int rounds = qEnvironmentVariableIntValue("SWITCHYARD_SCANNER_ROUNDS") ?: 20000;
    QRandomGenerator random(qEnvironmentVariableIntValue("SWITCHYARD_SCANNER_SEED") ?: 11);
    for (int round = 0; round < rounds; ++round) {
        // Mostly deltas, the only events the scanner may accept; the rest must stay refused.
        const QList<QByteArray>& pool = random.bounded(4) == 0 ? m_events : m_deltas;
        QByteArray json = pool.at(random.bounded(pool.size()));
        const int edits = 1 + random.bounded(3);
        for (int i = 0; i < edits && !json.isEmpty(); ++i) {
            const qsizetype at = random.bounded(json.size());
            const char c = alphabet[random.bounded(int(sizeof alphabet - 1))];
            switch (random.bounded(3)) {
            case 0:
                json[at] = c;
                break;
            case 1:
                json.insert(at, c);
                break;
            default:
                json.remove(at, 1);
            }
        }
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
    QTest::newRow("tool input shows nothing") << QByteArray(
        R"({"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"a\":"}})")
                                              << ""
                                              << "";
    QTest::newRow("signature shows nothing") << QByteArray(
        R"({"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQB"}})")
                                             << ""
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
    QCOMPARE(delta.kind, AnthropicEventScanner::Kind::Delta);
    QCOMPARE(delta.text, text);
    QCOMPARE(delta.thinking, thinking);
    compareWithFull(json);
}

void TestAnthropicEventScanner::readsQuietEvents_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<AnthropicEventScanner::Kind>("kind");
    QTest::newRow("ping, spaced as the API sends it")
        << QByteArray(R"({"type": "ping"})") << AnthropicEventScanner::Kind::Quiet;
    QTest::newRow("content_block_stop") << QByteArray(R"({"type":"content_block_stop","index":0})")
                                        << AnthropicEventScanner::Kind::Quiet;
    QTest::newRow("message_stop") << QByteArray(R"({"type":"message_stop"})")
                                  << AnthropicEventScanner::Kind::MessageStop;
    QTest::newRow("message_stop with extra members")
        << QByteArray(R"({"amazon-bedrock-invocationMetrics":{"inputTokenCount":9},"type":"message_stop"})")
        << AnthropicEventScanner::Kind::MessageStop;
}

void TestAnthropicEventScanner::readsQuietEvents()
{
    QFETCH(QByteArray, json);
    QFETCH(AnthropicEventScanner::Kind, kind);
    AnthropicEventScanner::Event event;
    QVERIFY(AnthropicEventScanner::scan(json, &event));
    QCOMPARE(event.kind, kind);
    QVERIFY(event.text.isEmpty() && event.thinking.isEmpty());
    compareWithFull(json);
}

void TestAnthropicEventScanner::leavesTheRestToTheFullDecoder_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("message_start") << QByteArray(
        R"({"type":"message_start","message":{"id":"m","usage":{"input_tokens":5,"output_tokens":1}}})");
    QTest::newRow("message_delta") << QByteArray(
        R"({"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":9}})");
    QTest::newRow("error event") << QByteArray(R"({"type":"error","error":{"type":"overloaded_error"}})");
    QTest::newRow("content_block_start") << QByteArray(
        R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})");
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
