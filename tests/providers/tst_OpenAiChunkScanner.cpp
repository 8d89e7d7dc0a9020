#include "WireFixtures.h"
#include "providers/OpenAiChunkScanner.h"
#include "providers/SseParser.h"
#include "providers/WireJson.h"

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
    void leavesTheRestToTheFullDecoder_data();
    void leavesTheRestToTheFullDecoder();

private:
    // The full decoder's reading (as OpenAiStreamDecoder does it), or nullopt for invalid JSON.
    static std::optional<OpenAiChunkScanner::Chunk> fullDecode(const QByteArray& json);
    static void compareWithFull(const QByteArray& json);

    QList<QByteArray> m_events;
};

std::optional<OpenAiChunkScanner::Chunk> TestOpenAiChunkScanner::fullDecode(const QByteArray& json)
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
    return chunk;
}

void TestOpenAiChunkScanner::compareWithFull(const QByteArray& json)
{
    OpenAiChunkScanner::Chunk fast;
    if (!OpenAiChunkScanner::scan(json, &fast)) {
        return; // the full decoder handles it: nothing to disagree about
    }
    const std::optional<OpenAiChunkScanner::Chunk> full = fullDecode(json);
    QVERIFY2(full.has_value(), json.constData()); // accepted by the scanner means valid JSON
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const QJsonValue error = object.value(QLatin1String("error"));
    const QJsonValue usage = object.value(QLatin1String("usage"));
    QVERIFY2((error.isUndefined() || error.isNull()) && (usage.isUndefined() || usage.isNull()), json.constData());
    QVERIFY2(object.value(QLatin1String("choices")).toArray().size() == 1, json.constData());
    QCOMPARE(fast.content, full->content);
    QCOMPARE(fast.reasoningContent, full->reasoningContent);
    QCOMPARE(fast.reasoning, full->reasoning);
    QCOMPARE(fast.finishReason, full->finishReason);
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
    static const char alphabet[] = "{}[]\",:\\ 0-1e.nultrfa\xc3\xa9\x80u";
    // SWITCHYARD_SCANNER_ROUNDS / _SEED run a longer soak by hand; the suite keeps it short.
    const int rounds = qEnvironmentVariableIntValue("SWITCHYARD_SCANNER_ROUNDS") ?: 20000;
    QRandomGenerator random(qEnvironmentVariableIntValue("SWITCHYARD_SCANNER_SEED") ?: 7);
    for (int round = 0; round < rounds; ++round) {
        QByteArray json = m_events.at(random.bounded(m_events.size()));
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

void TestOpenAiChunkScanner::leavesTheRestToTheFullDecoder_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("usage chunk") << QByteArray(R"({"choices":[],"usage":{"prompt_tokens":3}})");
    QTest::newRow("in-band error") << QByteArray(R"({"error":{"message":"overloaded"}})");
    QTest::newRow("two choices") << QByteArray(R"({"choices":[{"index":1,"delta":{}},{"index":0,"delta":{}}]})");
    QTest::newRow("duplicate content key") << QByteArray(R"({"choices":[{"delta":{"content":"a","content":"b"}}]})");
    QTest::newRow("escaped key") << QByteArray(R"({"choices":[{"delta":{"cont\u0065nt":"a"}}]})");
    QTest::newRow("truncated") << QByteArray(R"({"choices":[{"delta":{"content":"oops)");
    QTest::newRow("invalid UTF-8") << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"\xc3\"}}]}");
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
