#include "WireFixtures.h"
#include "core/providers/AnthropicWire.h"
#include "core/providers/OpenAiWire.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
// Everything a caller would assemble from a decoder's deltas.
struct Assembled
{
    QString text;
    QString reasoning;
    QString finishReason;
    std::optional<TokenUsage> usage;
    std::optional<CallError> error;
    int errors = 0;
    bool endOfStream = false;
    bool complete = false;

    void add(const QList<WireDelta>& deltas)
    {
        for (const WireDelta& delta : deltas) {
            text += delta.text;
            reasoning += delta.reasoning;
            if (!delta.finishReason.isEmpty()) {
                finishReason = delta.finishReason;
            }
            if (delta.usage) {
                usage = delta.usage; // cumulative: replace
            }
            if (delta.error) {
                error = delta.error;
                ++errors;
            }
            endOfStream = endOfStream || delta.endOfStream;
        }
    }
};

Assembled decode(ProviderKind kind, const QList<QByteArray>& pieces)
{
    const auto wire = WireFormat::create(kind);
    const auto decoder = wire->createStreamDecoder();
    Assembled result;
    for (const QByteArray& piece : pieces) {
        QList<WireDelta> deltas;
        decoder->feed(piece, deltas);
        result.add(deltas);
    }
    QList<WireDelta> deltas;
    decoder->finish(deltas);
    result.add(deltas);
    result.complete = decoder->complete();
    return result;
}

QByteArray bodyOf(const QString& file)
{
    return file.endsWith(QLatin1String(".chunks.json")) ? WireFixtures::concatenated(file) : WireFixtures::read(file);
}

// The normalisation rules written out independently of OpenAiWire::parseUsage.
std::optional<TokenUsage> openAiUsageFromManifest(const QJsonValue& value)
{
    if (!value.isObject()) {
        return std::nullopt;
    }
    const QJsonObject usage = value.toObject();
    TokenUsage expected;
    expected.promptTokens = usage.value(QLatin1String("prompt_tokens")).toInteger();
    expected.completionTokens = usage.value(QLatin1String("completion_tokens")).toInteger();
    expected.cachedTokens = usage.value(QLatin1String("prompt_tokens_details"))
                                .toObject()
                                .value(QLatin1String("cached_tokens"))
                                .toInteger(usage.value(QLatin1String("prompt_cache_hit_tokens")).toInteger());
    expected.reasoningTokens = usage.value(QLatin1String("completion_tokens_details"))
                                   .toObject()
                                   .value(QLatin1String("reasoning_tokens"))
                                   .toInteger();
    return expected;
}

std::optional<TokenUsage> anthropicUsageFromManifest(const QJsonObject& summary)
{
    const QJsonValue start = summary.value(QLatin1String("usage_message_start"));
    if (!start.isObject()) {
        return std::nullopt;
    }
    QJsonObject merged = start.toObject();
    const QJsonObject delta = summary.value(QLatin1String("usage_message_delta")).toObject();
    for (auto it = delta.begin(); it != delta.end(); ++it) {
        merged.insert(it.key(), it.value());
    }
    const qint64 cacheRead = merged.value(QLatin1String("cache_read_input_tokens")).toInteger();
    TokenUsage expected;
    expected.promptTokens = merged.value(QLatin1String("input_tokens")).toInteger() + cacheRead
        + merged.value(QLatin1String("cache_creation_input_tokens")).toInteger();
    expected.cachedTokens = cacheRead;
    expected.completionTokens = merged.value(QLatin1String("output_tokens")).toInteger();
    return expected;
}

QList<QList<QByteArray>> splitsOf(const QByteArray& body)
{
    QList<QList<QByteArray>> splits { { body }, WireFixtures::randomSplit(body, 0, 1) };
    for (quint32 seed = 1; seed <= 10; ++seed) {
        splits.append(WireFixtures::randomSplit(body, seed, 64));
    }
    return splits;
}

std::optional<TokenUsage> usage(qint64 prompt, qint64 completion, qint64 cached = 0, qint64 reasoning = 0)
{
    TokenUsage result;
    result.promptTokens = prompt;
    result.completionTokens = completion;
    result.cachedTokens = cached;
    result.reasoningTokens = reasoning;
    return result;
}

const QStringList kOpenAiStreams {
    QStringLiteral("openai-chat-stream-basic.sse"),
    QStringLiteral("openai-chat-stream-usage-obfuscation.sse"),
    QStringLiteral("openai-chat-stream-length.sse"),
    QStringLiteral("openai-chat-stream-tool-call.sse"),
    QStringLiteral("openai-chat-stream-parallel-tool-calls.sse"),
    QStringLiteral("azure-openai-chat-stream-content-filter.sse"),
    QStringLiteral("openrouter-stream-processing-comments.sse"),
    QStringLiteral("deepseek-stream-reasoning.sse"),
    QStringLiteral("deepseek-stream-keepalive.sse"),
    QStringLiteral("ollama-openai-chat-stream.sse"),
    QStringLiteral("ollama-openai-chat-stream-tool-call.sse"),
    QStringLiteral("edge-crlf-line-endings.sse"),
    QStringLiteral("edge-data-no-space.sse"),
    QStringLiteral("edge-missing-done-eof-flush.sse"),
    QStringLiteral("edge-empty-deltas.sse"),
};
const QStringList kAnthropicStreams {
    QStringLiteral("anthropic-stream-basic.sse"),       QStringLiteral("anthropic-stream-tool-use.sse"),
    QStringLiteral("anthropic-stream-usage-2025.sse"),  QStringLiteral("edge-anthropic-no-event-lines.sse"),
    QStringLiteral("edge-anthropic-done-sentinel.sse"),
};
} // namespace

Q_DECLARE_METATYPE(ProviderKind)

class TestWireDecoders : public QObject
{
    Q_OBJECT

private slots:
    void openAiStream_keepsLogprobs();
    void citations_keepTheirPlaceInTheText_data();
    void citations_keepTheirPlaceInTheText();
    void anthropicWholeBody_toolCallsCountedFromZero();
    void anthropicWebSearch_keepsClaudesBlocks_data();
    void anthropicWebSearch_keepsClaudesBlocks();
    void openAiStream_matchesManifestSummary_data();
    void openAiStream_matchesManifestSummary();
    void anthropicStream_matchesManifestSummary_data();
    void anthropicStream_matchesManifestSummary();
    void midStreamError_isClassified_data();
    void midStreamError_isClassified();
    void brokenStream_isMalformed_data();
    void brokenStream_isMalformed();
    void truncatedStream_isNotComplete_data();
    void truncatedStream_isNotComplete();
    void usage_isCumulativeAndNormalised_data();
    void usage_isCumulativeAndNormalised();
    void eventsAfterError_areIgnored();
    void everyFixture_decodesWithoutCrashOrLateDeltas_data();
    void everyFixture_decodesWithoutCrashOrLateDeltas();
    void nonStreamBody_isDecoded_data();
    void nonStreamBody_isDecoded();
    void openAiRequest_hasModelMessagesAndUsageOption();
    void openAiRequest_omitsUnsetOptions();
    void requestBodies_carryAnyTextExactly_data();
    void requestBodies_carryAnyTextExactly();
    void anthropicRequest_movesSystemAndDefaultsMaxTokens();
    void authHeaders_perFormat();
    void endpointUrl_joinsWithOneSlash_data();
    void endpointUrl_joinsWithOneSlash();
};

void TestWireDecoders::openAiStream_matchesManifestSummary_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& file : kOpenAiStreams) {
        QTest::newRow(qPrintable(file)) << file;
    }
    QTest::newRow("edge-events-split-across-chunks.chunks.json")
        << QStringLiteral("edge-events-split-across-chunks.chunks.json");
}

void TestWireDecoders::openAiStream_matchesManifestSummary()
{
    QFETCH(QString, file);
    const QByteArray body = bodyOf(file);
    QVERIFY(!body.isEmpty());
    // The chunks file is the length stream re-chunked; its manifest entry has no summary.
    const QJsonObject summary = WireFixtures::expect(file.endsWith(QLatin1String(".chunks.json"))
                                                         ? QStringLiteral("openai-chat-stream-length.sse")
                                                         : file)
                                    .value(QLatin1String("summary"))
                                    .toObject();
    QVERIFY(!summary.isEmpty());
    const std::optional<TokenUsage> expectedUsage = openAiUsageFromManifest(summary.value(QLatin1String("usage")));
    const bool expectedComplete = summary.value(QLatin1String("done_sentinel")).toBool()
        || !summary.value(QLatin1String("finish_reason")).toString().isEmpty();

    QList<QList<QByteArray>> splits = splitsOf(body);
    if (file.endsWith(QLatin1String(".chunks.json"))) {
        splits.prepend(WireFixtures::chunks(file));
    }
    for (const QList<QByteArray>& pieces : std::as_const(splits)) {
        const Assembled result = decode(ProviderKind::OpenAiCompatible, pieces);
        QVERIFY2(!result.error, qPrintable(result.error ? result.error->summary() : QString()));
        QCOMPARE(result.text, summary.value(QLatin1String("content")).toString());
        QCOMPARE(result.reasoning, summary.value(QLatin1String("reasoning")).toString());
        QCOMPARE(result.finishReason, summary.value(QLatin1String("finish_reason")).toString());
        QCOMPARE(result.usage, expectedUsage);
        QCOMPARE(result.endOfStream, summary.value(QLatin1String("done_sentinel")).toBool());
        QCOMPARE(result.complete, expectedComplete);
    }
}

// logprobs: true, as OpenAI streams it (wire-next/openai-chat-stream-logprobs.sse): each content
// chunk's logprobs.content entries arrive as one Logprobs part, whatever the network split, and
// the role chunk's empty list and the finish chunk's null add nothing.
void TestWireDecoders::openAiStream_keepsLogprobs()
{
    const QByteArray body = WireFixtures::read(QStringLiteral("../wire-next/openai-chat-stream-logprobs.sse"));
    QVERIFY(!body.isEmpty());
    for (const QList<QByteArray>& pieces : splitsOf(body)) {
        const auto decoder = WireFormat::create(ProviderKind::OpenAiCompatible)->createStreamDecoder();
        QList<WireDelta> deltas;
        for (const QByteArray& piece : pieces) {
            decoder->feed(piece, deltas);
        }
        decoder->finish(deltas);
        QStringList logprobs;
        QString text;
        for (const WireDelta& delta : std::as_const(deltas)) {
            text += delta.text;
            for (const AnswerPart& part : delta.parts) {
                if (part.kind == AnswerPart::Kind::Logprobs) {
                    logprobs.append(part.text);
                }
            }
        }
        QCOMPARE(text, QStringLiteral("Foo!"));
        QCOMPARE(
            logprobs,
            (QStringList {
                QStringLiteral(R"({"bytes":[70,111,111],"logprob":-0.0025094282,"token":"Foo","top_logprobs":[]})"),
                QStringLiteral(R"({"bytes":[33],"logprob":-0.26638845,"token":"!","top_logprobs":[]})") }));
    }
}

namespace {
QString sse(const char* event, const QByteArray& data)
{
    return QStringLiteral("event: %1\ndata: %2\n\n").arg(QLatin1String(event), QString::fromUtf8(data));
}
} // namespace

// Web search citations: kept as OpenAI writes them, Claude's turned into url citations over the
// text block they belong to, counted in characters (an emoji is one), documents' citations left
// out (they have no URL). Streamed answers split anywhere.
void TestWireDecoders::citations_keepTheirPlaceInTheText_data()
{
    QTest::addColumn<ProviderKind>("kind");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("citations");
    const QString openAiCitation = QString::fromUtf8(
        R"({"type":"url_citation","url_citation":{"end_index":11,"start_index":0,"title":"Weather","url":"https://w.example/lyon"}})");
    QTest::newRow("openai whole: message annotations")
        << ProviderKind::OpenAiCompatible << false
        << (R"({"id":"c","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Rain today.","refusal":null,"annotations":[)"
            + openAiCitation.toUtf8()
            + R"(]},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2}})")
        << "Rain today." << QStringList { openAiCitation };
    QTest::newRow("openai streamed: annotations in a delta of their own")
        << ProviderKind::OpenAiCompatible << true
        << (QByteArray(R"(data: {"id":"c","choices":[{"index":0,"delta":{"role":"assistant","content":"Rain "}}]})")
            + "\n\n" + R"(data: {"id":"c","choices":[{"index":0,"delta":{"content":"today."}}]})" + "\n\n"
            + R"(data: {"id":"c","choices":[{"index":0,"delta":{"annotations":[)" + openAiCitation.toUtf8()
            + "]}}]}\n\n" + R"(data: {"id":"c","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})"
            + "\n\ndata: [DONE]\n\n")
        << "Rain today." << QStringList { openAiCitation };
    const QByteArray cited
        = R"({"type":"web_search_result_location","url":"https://w.example/lyon","title":"Weather","encrypted_index":"Eo8=","cited_text":"Rain expected"})";
    const QByteArray document
        = R"({"type":"char_location","cited_text":"x","document_index":0,"document_title":"d","start_char_index":0,"end_char_index":1})";
    const QStringList claudeCitation {
        QString::fromUtf8(
            R"({"type":"url_citation","url_citation":{"end_index":12,"start_index":7,"title":"Weather","url":"https://w.example/lyon"}})")
    };
    QTest::newRow("anthropic whole: the cited block's range, after an emoji")
        << ProviderKind::AnthropicMessages << false
        << (R"({"id":"m","type":"message","role":"assistant","content":[{"type":"server_tool_use","id":"srvtoolu_1","name":"web_search","input":{"query":"lyon weather"}},{"type":"web_search_tool_result","tool_use_id":"srvtoolu_1","content":[]},{"type":"text","text":"It's \ud83d\ude00 "},{"type":"text","text":"rain.","citations":[)"
            + cited + "," + document
            + R"(]}],"stop_reason":"end_turn","usage":{"input_tokens":5,"output_tokens":4,"server_tool_use":{"web_search_requests":1}}})")
        << QStringLiteral("It's \U0001F600 rain.") << claudeCitation;
    QString events = sse(
        "message_start",
        R"({"type":"message_start","message":{"id":"m","type":"message","role":"assistant","content":[],"usage":{"input_tokens":5,"output_tokens":1}}})");
    events += sse(
        "content_block_start",
        R"({"type":"content_block_start","index":0,"content_block":{"type":"server_tool_use","id":"srvtoolu_1","name":"web_search","input":{}}})");
    events += sse(
        "content_block_delta",
        R"({"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"query\":\"lyon\"}"}})");
    events += sse("content_block_stop", R"({"type":"content_block_stop","index":0})");
    events += sse(
        "content_block_start",
        R"({"type":"content_block_start","index":1,"content_block":{"type":"web_search_tool_result","tool_use_id":"srvtoolu_1","content":[]}})");
    events += sse("content_block_stop", R"({"type":"content_block_stop","index":1})");
    events += sse("content_block_start",
                  R"({"type":"content_block_start","index":2,"content_block":{"type":"text","text":""}})");
    events
        += sse("content_block_delta",
               R"({"type":"content_block_delta","index":2,"delta":{"type":"text_delta","text":"It's \ud83d\ude00 "}})");
    events += sse("content_block_stop", R"({"type":"content_block_stop","index":2})");
    events
        += sse("content_block_start",
               R"({"type":"content_block_start","index":3,"content_block":{"type":"text","text":"","citations":[]}})");
    events += sse("content_block_delta",
                  R"({"type":"content_block_delta","index":3,"delta":{"type":"citations_delta","citation":)" + cited
                      + "}}");
    events += sse("content_block_delta",
                  R"({"type":"content_block_delta","index":3,"delta":{"type":"citations_delta","citation":)" + document
                      + "}}");
    events += sse("content_block_delta",
                  R"({"type":"content_block_delta","index":3,"delta":{"type":"text_delta","text":"rain."}})");
    events += sse("content_block_stop", R"({"type":"content_block_stop","index":3})");
    events += sse(
        "message_delta",
        R"({"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":4,"server_tool_use":{"web_search_requests":1}}})");
    events += sse("message_stop", R"({"type":"message_stop"})");
    QTest::newRow("anthropic streamed: citations_delta before the text it cites")
        << ProviderKind::AnthropicMessages << true << events.toUtf8() << QStringLiteral("It's \U0001F600 rain.")
        << claudeCitation;
}

void TestWireDecoders::citations_keepTheirPlaceInTheText()
{
    QFETCH(ProviderKind, kind);
    QFETCH(bool, stream);
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QFETCH(QStringList, citations);
    const auto wire = WireFormat::create(kind);
    const QList<QList<QByteArray>> splits = stream ? splitsOf(body) : QList<QList<QByteArray>> { { body } };
    for (const QList<QByteArray>& pieces : splits) {
        QList<WireDelta> deltas;
        if (stream) {
            const auto decoder = wire->createStreamDecoder();
            for (const QByteArray& piece : pieces) {
                decoder->feed(piece, deltas);
            }
            decoder->finish(deltas);
        } else {
            deltas.append(wire->decodeResponse(body));
        }
        QString got;
        QStringList cites;
        for (const WireDelta& delta : std::as_const(deltas)) {
            QVERIFY(!delta.error);
            got += delta.text;
            for (const AnswerPart& part : delta.parts) {
                // Claude's streamed citations also come ahead of their text, without a range yet.
                if (part.kind == AnswerPart::Kind::Citation && !part.text.isEmpty()) {
                    cites.append(part.text);
                }
            }
        }
        QCOMPARE(got, text);
        QCOMPARE(cites, citations);
    }
}

// Claude's web search answer (tests/data/citations, in the order Claude streams it): each text
// block's start, its citations ahead of its text (as Claude sends them), and each citation again
// with the range of exactly its block once the block ends, in characters (the emoji is one). A
// whole answer has its citations' ranges only. Split anywhere, the same reading.
void TestWireDecoders::anthropicWebSearch_keepsClaudesBlocks_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QStringList>("reading");
    const QString a = QStringLiteral("https://meteo.example/lyon/today");
    const QString b = QStringLiteral("https://weather.example/fr/lyon/tomorrow");
    QTest::newRow("streamed: blocks, citations ahead and with their block's range")
        << "claude-web-search-stream.sse" << true
        << QStringList { "server server_tool_use",
                         "server web_search_tool_result",
                         "block",
                         "text Based on the search results, ",
                         "block cited",
                         "ahead " + a,
                         "ahead " + a,
                         QStringLiteral("text Lyon expects rain this afternoon with highs of 14\u00B0C"),
                         "cite " + a + " 29-80",
                         "cite " + a + " 29-80",
                         "block",
                         QStringLiteral("text , then \U0001F327 showers into the evening. "),
                         "block cited",
                         "ahead " + b,
                         "text Tomorrow turns dry with sunny spells",
                         "cite " + b + " 115-151",
                         "block",
                         "text ." };
    QTest::newRow("whole: the text, each citation with its block's range")
        << "claude-web-search-message.json" << false
        << QStringList { QStringLiteral("text Based on the search results, Lyon expects rain this afternoon with highs "
                                        "of 14\u00B0C, then \U0001F327 showers into the evening. Tomorrow turns dry "
                                        "with sunny spells."),
                         "server server_tool_use",
                         "server web_search_tool_result",
                         "cite " + a + " 29-80",
                         "cite " + a + " 29-80",
                         "cite " + b + " 115-151" };
}

void TestWireDecoders::anthropicWebSearch_keepsClaudesBlocks()
{
    QFETCH(QString, file);
    QFETCH(bool, stream);
    QFETCH(QStringList, reading);
    QFile data(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/citations/") + file);
    QVERIFY2(data.open(QIODevice::ReadOnly), qPrintable(data.fileName()));
    const QByteArray body = data.readAll();
    const auto wire = WireFormat::create(ProviderKind::AnthropicMessages);
    for (const QList<QByteArray>& pieces : stream ? splitsOf(body) : QList<QList<QByteArray>> { { body } }) {
        QList<WireDelta> deltas;
        if (stream) {
            const auto decoder = wire->createStreamDecoder();
            for (const QByteArray& piece : pieces) {
                decoder->feed(piece, deltas);
            }
            decoder->finish(deltas);
            QVERIFY(decoder->complete());
        } else {
            deltas.append(wire->decodeResponse(body));
        }
        // In the order a call hands them on: a block's start, then the text, then the other parts.
        QStringList got;
        const auto add = [&got](const QString& line) {
            if (line.startsWith(QLatin1String("text ")) && !got.isEmpty()
                && got.last().startsWith(QLatin1String("text "))) {
                got.last() += line.mid(5);
            } else {
                got.append(line);
            }
        };
        for (const WireDelta& delta : std::as_const(deltas)) {
            QVERIFY(!delta.error);
            for (const AnswerPart& part : delta.parts) {
                if (part.kind == AnswerPart::Kind::TextBlock) {
                    add(part.name.isEmpty() ? QStringLiteral("block") : "block " + part.name);
                }
            }
            if (!delta.text.isEmpty()) {
                add("text " + delta.text);
            }
            for (const AnswerPart& part : delta.parts) {
                if (part.kind == AnswerPart::Kind::ServerTool) {
                    add("server " + part.name);
                } else if (part.kind == AnswerPart::Kind::Citation) {
                    const QString url
                        = QJsonDocument::fromJson(part.id.toUtf8()).object().value(QLatin1String("url")).toString();
                    const QJsonObject range = QJsonDocument::fromJson(part.text.toUtf8())
                                                  .object()
                                                  .value(QLatin1String("url_citation"))
                                                  .toObject();
                    QCOMPARE(range.value(QLatin1String("url")).toString(), part.text.isEmpty() ? QString() : url);
                    add(part.text.isEmpty() ? "ahead " + url
                                            : QStringLiteral("cite %1 %2-%3")
                                                  .arg(url)
                                                  .arg(range.value(QLatin1String("start_index")).toInt())
                                                  .arg(range.value(QLatin1String("end_index")).toInt()));
                }
            }
        }
        QCOMPARE(got, reading);
    }
}

// A whole answer with thinking before its tool call: the call is the first (index 0), not one
// after the thinking's signature part.
void TestWireDecoders::anthropicWholeBody_toolCallsCountedFromZero()
{
    const QByteArray body
        = R"({"id":"m","type":"message","role":"assistant","content":[{"type":"thinking","thinking":"t","signature":"c2ln"},{"type":"tool_use","id":"toolu_1","name":"f","input":{"a":1}},{"type":"tool_use","id":"toolu_2","name":"g","input":{}}],"stop_reason":"tool_use","usage":{"input_tokens":5,"output_tokens":4}})";
    const WireDelta delta = WireFormat::create(ProviderKind::AnthropicMessages)->decodeResponse(body);
    QList<int> indices;
    for (const AnswerPart& part : delta.parts) {
        if (part.kind == AnswerPart::Kind::ToolCall) {
            indices.append(part.index);
        }
    }
    QCOMPARE(indices, (QList<int> { 0, 1 }));
}

void TestWireDecoders::anthropicStream_matchesManifestSummary_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& file : kAnthropicStreams) {
        QTest::newRow(qPrintable(file)) << file;
    }
}

void TestWireDecoders::anthropicStream_matchesManifestSummary()
{
    QFETCH(QString, file);
    const QJsonObject summary = WireFixtures::expect(file).value(QLatin1String("summary")).toObject();
    QString expectedText;
    for (const QJsonValue& block : summary.value(QLatin1String("blocks")).toArray()) {
        expectedText += block.toObject().value(QLatin1String("text")).toString();
    }
    QVERIFY(!expectedText.isEmpty());
    const std::optional<TokenUsage> expectedUsage = anthropicUsageFromManifest(summary);
    QVERIFY(expectedUsage);

    for (const QList<QByteArray>& pieces : splitsOf(WireFixtures::read(file))) {
        const Assembled result = decode(ProviderKind::AnthropicMessages, pieces);
        QVERIFY2(!result.error, qPrintable(result.error ? result.error->summary() : QString()));
        QCOMPARE(result.text, expectedText);
        QCOMPARE(result.reasoning, QString());
        QCOMPARE(result.finishReason, summary.value(QLatin1String("stop_reason")).toString());
        QCOMPARE(result.usage, expectedUsage);
        QVERIFY(result.endOfStream);
        QVERIFY(result.complete);
    }
}

void TestWireDecoders::midStreamError_isClassified_data()
{
    QTest::addColumn<ProviderKind>("kind");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("textBefore");
    QTest::addColumn<FailureClass>("failureClass");
    QTest::addColumn<QString>("providerCode");
    QTest::addColumn<QString>("message");
    const auto openAi = ProviderKind::OpenAiCompatible;
    const auto anthropic = ProviderKind::AnthropicMessages;
    QTest::newRow("openai data error object")
        << openAi << "openai-chat-stream-midstream-error.sse"
        << "I'm unable" << FailureClass::ServerError << "server_error"
        << "The server had an error while processing your request. Sorry about that!";
    QTest::newRow("openrouter error next to finish_reason error")
        << openAi << "openrouter-stream-midstream-error.sse"
        << "Hello!" << FailureClass::ServerError << "server_error"
        << "Provider disconnected";
    QTest::newRow("anthropic error event before any content") << anthropic << "anthropic-stream-error-overloaded.sse"
                                                              << "" << FailureClass::ServerError << "overloaded_error"
                                                              << "Overloaded";
    QTest::newRow("anthropic overloaded after text") << anthropic << "anthropic-stream-midstream-overloaded.sse"
                                                     << "Hello there" << FailureClass::ServerError << "overloaded_error"
                                                     << "Overloaded";
}

void TestWireDecoders::midStreamError_isClassified()
{
    QFETCH(ProviderKind, kind);
    QFETCH(QString, file);
    QFETCH(QString, textBefore);
    QFETCH(FailureClass, failureClass);
    QFETCH(QString, providerCode);
    QFETCH(QString, message);
    for (const QList<QByteArray>& pieces : splitsOf(WireFixtures::read(file))) {
        const Assembled result = decode(kind, pieces);
        QCOMPARE(result.text, textBefore);
        QVERIFY(result.error);
        QCOMPARE(result.errors, 1);
        QCOMPARE(result.error->failureClass, failureClass);
        QCOMPARE(result.error->providerCode, providerCode);
        QCOMPARE(result.error->message, message);
        QVERIFY(!result.complete);
    }
}

void TestWireDecoders::brokenStream_isMalformed_data()
{
    QTest::addColumn<ProviderKind>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("textBefore");
    const auto openAi = ProviderKind::OpenAiCompatible;
    const auto anthropic = ProviderKind::AnthropicMessages;
    QTest::newRow("anthropic events concatenated without blank line")
        << anthropic << WireFixtures::read(QStringLiteral("edge-anthropic-events-concatenated.sse")) << QString();
    QTest::newRow("error body glued to data line")
        << openAi << WireFixtures::read(QStringLiteral("edge-error-body-glued-to-sse.txt")) << QString();
    QTest::newRow("pretty json error body fed as stream")
        << openAi << WireFixtures::read(QStringLiteral("openai-error-500-server-error.json")) << QString();
    QTest::newRow("truncated json") << openAi << QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"a\"}\n\n")
                                    << QString();
    QTest::newRow("invalid utf-8 in a string")
        << openAi
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\xC3\x28\"}}]}\n\n")
        << QStringLiteral("ok");
    QTest::newRow("overlong utf-8") << anthropic
                                    << QByteArray("data: {\"type\":\"content_block_delta\",\"delta\":{\"type\":"
                                                  "\"text_delta\",\"text\":\"\xC0\xAF\"}}\n\n")
                                    << QString();
    QTest::newRow("json array instead of object") << openAi << QByteArray("data: [1,2,3]\n\n") << QString();
    QTest::newRow("openai chunk without choices") << openAi << QByteArray("data: {\"id\":\"x\"}\n\n") << QString();
    QTest::newRow("anthropic payload without type") << anthropic << QByteArray("data: {\"delta\":{}}\n\n") << QString();
}

void TestWireDecoders::brokenStream_isMalformed()
{
    QFETCH(ProviderKind, kind);
    QFETCH(QByteArray, body);
    QFETCH(QString, textBefore);
    QVERIFY(!body.isEmpty());
    for (const QList<QByteArray>& pieces : splitsOf(body)) {
        const Assembled result = decode(kind, pieces);
        QVERIFY(result.error);
        QCOMPARE(result.error->failureClass, FailureClass::MalformedResponse);
        QVERIFY(!result.error->message.isEmpty());
        QCOMPARE(result.text, textBefore);
        QVERIFY(!result.complete);
    }
}

void TestWireDecoders::truncatedStream_isNotComplete_data()
{
    QTest::addColumn<ProviderKind>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("openai without finish or done") << ProviderKind::OpenAiCompatible
                                                   << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":"
                                                                 "{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n");
    QTest::newRow("anthropic without message_stop") << ProviderKind::AnthropicMessages << [] {
        const QByteArray body = WireFixtures::read(QStringLiteral("anthropic-stream-basic.sse"));
        return body.left(body.indexOf("event: message_delta"));
    }();
    QTest::newRow("anthropic done sentinel alone") << ProviderKind::AnthropicMessages << QByteArray("data: [DONE]\n\n");
    QTest::newRow("empty body") << ProviderKind::OpenAiCompatible << QByteArray();
    QTest::newRow("keep-alive comments only")
        << ProviderKind::OpenAiCompatible << QByteArray(": keep-alive\n\n: keep-alive\n\n");
}

void TestWireDecoders::truncatedStream_isNotComplete()
{
    QFETCH(ProviderKind, kind);
    QFETCH(QByteArray, body);
    const Assembled result = decode(kind, { body });
    QVERIFY(!result.error);
    QVERIFY(!result.complete);
}

void TestWireDecoders::usage_isCumulativeAndNormalised_data()
{
    QTest::addColumn<ProviderKind>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<std::optional<TokenUsage>>("expected");
    QTest::newRow("gemini-style usage on every chunk replaces, never adds")
        << ProviderKind::OpenAiCompatible
        << QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"usage\":"
                      "{\"prompt_tokens\":8,\"completion_tokens\":1,\"total_tokens\":9}}\n\n"
                      "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}],"
                      "\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":2,\"total_tokens\":10}}\n\n")
        << usage(8, 2);
    QTest::newRow("gemini thought tokens only in total_tokens count as output")
        << ProviderKind::OpenAiCompatible
        << QByteArray("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":7,"
                      "\"total_tokens\":38}}\n\n")
        << usage(8, 30, 0, 23);
    QTest::newRow("usage null is ignored")
        << ProviderKind::OpenAiCompatible << QByteArray("data: {\"choices\":[],\"usage\":null}\n\n")
        << std::optional<TokenUsage>();
    QTest::newRow("openai cached and reasoning tokens")
        << ProviderKind::OpenAiCompatible
        << QByteArray("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":500,"
                      "\"total_tokens\":1500,\"prompt_tokens_details\":{\"cached_tokens\":800},"
                      "\"completion_tokens_details\":{\"reasoning_tokens\":300}}}\n\n")
        << usage(1000, 500, 800, 300);
    QTest::newRow("deepseek prompt_cache_hit_tokens")
        << ProviderKind::OpenAiCompatible
        << QByteArray("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":5,"
                      "\"total_tokens\":105,\"prompt_cache_hit_tokens\":64,\"prompt_cache_miss_tokens\":36}}\n\n")
        << usage(100, 5, 64);
    QTest::newRow("anthropic cache reads and writes join the prompt count")
        << ProviderKind::AnthropicMessages
        << QByteArray("data: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":10,"
                      "\"cache_read_input_tokens\":2000,\"cache_creation_input_tokens\":300,\"output_tokens\":1}}}\n\n"
                      "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                      "\"usage\":{\"output_tokens\":40}}\n\n"
                      "data: {\"type\":\"message_delta\",\"delta\":{},\"usage\":{\"output_tokens\":45}}\n\n")
        << [] {
               // Without cache_creation's split every write is a 5-minute one (the default TTL).
               TokenUsage u = *usage(2310, 45, 2000);
               u.cacheWrite5mTokens = 300;
               return std::optional<TokenUsage>(u);
           }();
    QTest::newRow("anthropic cache writes split by time to live (2025 usage)")
        << ProviderKind::AnthropicMessages
        << QByteArray("data: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":10,"
                      "\"cache_creation_input_tokens\":3000,\"cache_read_input_tokens\":0,\"cache_creation\":"
                      "{\"ephemeral_5m_input_tokens\":1000,\"ephemeral_1h_input_tokens\":2000},"
                      "\"output_tokens\":1}}}\n\n"
                      "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                      "\"usage\":{\"output_tokens\":40}}\n\n")
        << [] {
               TokenUsage u = *usage(3010, 40, 0);
               u.cacheWrite5mTokens = 1000;
               u.cacheWrite1hTokens = 2000;
               return std::optional<TokenUsage>(u);
           }();
    QTest::newRow("anthropic message_delta repeating input counts replaces them")
        << ProviderKind::AnthropicMessages
        << QByteArray("data: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":12,"
                      "\"output_tokens\":1}}}\n\n"
                      "data: {\"type\":\"message_delta\",\"delta\":{},\"usage\":{\"input_tokens\":12,"
                      "\"cache_read_input_tokens\":4,\"cache_creation_input_tokens\":0,\"output_tokens\":30}}\n\n")
        << usage(16, 30, 4);
}

void TestWireDecoders::usage_isCumulativeAndNormalised()
{
    QFETCH(ProviderKind, kind);
    QFETCH(QByteArray, body);
    QFETCH(std::optional<TokenUsage>, expected);
    const Assembled result = decode(kind, { body });
    QVERIFY(!result.error);
    QCOMPARE(result.usage, expected);
}

void TestWireDecoders::eventsAfterError_areIgnored()
{
    const auto decoder = WireFormat::create(ProviderKind::OpenAiCompatible)->createStreamDecoder();
    QList<WireDelta> deltas;
    decoder->feed("data: {\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}\n\n", deltas);
    QCOMPARE(deltas.size(), 1);
    decoder->feed("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"late\"}}]}\n\ndata: [DONE]\n\n", deltas);
    decoder->finish(deltas);
    QCOMPARE(deltas.size(), 1);
    QVERIFY(!decoder->complete());
}

void TestWireDecoders::everyFixture_decodesWithoutCrashOrLateDeltas_data()
{
    QTest::addColumn<ProviderKind>("kind");
    QTest::addColumn<QString>("file");
    for (const QString& file : WireFixtures::filesWithSuffix(QString())) {
        QTest::newRow(qPrintable(QLatin1String("openai ") + file)) << ProviderKind::OpenAiCompatible << file;
        QTest::newRow(qPrintable(QLatin1String("anthropic ") + file)) << ProviderKind::AnthropicMessages << file;
    }
}

void TestWireDecoders::everyFixture_decodesWithoutCrashOrLateDeltas()
{
    QFETCH(ProviderKind, kind);
    QFETCH(QString, file);
    const QByteArray body = bodyOf(file);
    const auto wire = WireFormat::create(kind);
    const auto decoder = wire->createStreamDecoder();
    QList<WireDelta> deltas;
    for (const QByteArray& piece : WireFixtures::randomSplit(body, 7, 13)) {
        decoder->feed(piece, deltas);
    }
    decoder->finish(deltas);
    for (qsizetype i = 0; i < deltas.size(); ++i) {
        QVERIFY(!deltas.at(i).isEmpty());
        if (deltas.at(i).error) {
            QCOMPARE(i, deltas.size() - 1); // an error is always the last delta
            QVERIFY(!decoder->complete());
        }
    }
    const WireDelta response = wire->decodeResponse(body);
    QVERIFY(response.error || response.endOfStream);
}

void TestWireDecoders::nonStreamBody_isDecoded_data()
{
    QTest::addColumn<ProviderKind>("kind");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("reasoningLength");
    QTest::addColumn<QString>("finishReason");
    QTest::addColumn<std::optional<TokenUsage>>("expectedUsage");
    const auto openAi = ProviderKind::OpenAiCompatible;
    QTest::newRow("openai pretty body") << openAi << "openai-chat-nonstream.json"
                                        << "Hello! How can I help you today?" << 0 << "stop" << usage(20, 18);
    QTest::newRow("deepseek with cache counters")
        << openAi << "deepseek-chat-nonstream.json"
        << "Hello! How can I assist you today?" << 0 << "stop" << usage(14, 9);
    QTest::newRow("deepseek reasoning_content")
        << openAi << "deepseek-chat-nonstream-reasoning.json"
        << "The word \"strawberry\" contains three instances of the letter \"r\": one after the \"t\" and two before "
           "the \"y\"."
        << 935 << "stop" << usage(18, 345, 0, 315);
    QTest::newRow("deepseek keep-alive blank lines before the json")
        << openAi << "deepseek-nonstream-keepalive-blank-lines.txt"
        << "Hello! How can I assist you today?" << 0 << "stop" << usage(14, 9);
    QTest::newRow("anthropic content blocks")
        << ProviderKind::AnthropicMessages << "anthropic-messages-nonstream.json"
        << "Hello! How can I assist you today? Is there anything specific you'd like to know or discuss?" << 0
        << "end_turn" << usage(16, 24);
}

void TestWireDecoders::nonStreamBody_isDecoded()
{
    QFETCH(ProviderKind, kind);
    QFETCH(QString, file);
    QFETCH(QString, text);
    QFETCH(int, reasoningLength);
    QFETCH(QString, finishReason);
    QFETCH(std::optional<TokenUsage>, expectedUsage);
    const WireDelta delta = WireFormat::create(kind)->decodeResponse(WireFixtures::read(file));
    QVERIFY2(!delta.error, qPrintable(delta.error ? delta.error->summary() : QString()));
    QCOMPARE(delta.text, text);
    QCOMPARE(delta.reasoning.size(), reasoningLength);
    QCOMPARE(delta.finishReason, finishReason);
    QCOMPARE(delta.usage, expectedUsage);
    QVERIFY(delta.endOfStream);
}

void TestWireDecoders::openAiRequest_hasModelMessagesAndUsageOption()
{
    ChatRequest request;
    request.messages = { { QStringLiteral("system"), QStringLiteral("Be brief.") },
                         { QStringLiteral("user"), QStringLiteral("Hi") } };
    request.temperature = 0.5;
    request.maxTokens = 64;
    const QJsonObject body
        = QJsonDocument::fromJson(OpenAiWire().buildRequestBody(QStringLiteral("gpt-4o-mini"), request)).object();
    QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o-mini"));
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(QLatin1String("role")).toString(), QStringLiteral("system"));
    QCOMPARE(messages.at(1).toObject().value(QLatin1String("content")).toString(), QStringLiteral("Hi"));
    QCOMPARE(body.value(QLatin1String("stream")).toBool(), true);
    QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 0.5);
    QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 64);
    QCOMPARE(body.value(QLatin1String("stream_options")).toObject().value(QLatin1String("include_usage")).toBool(),
             true);
}

void TestWireDecoders::openAiRequest_omitsUnsetOptions()
{
    ChatRequest request;
    request.messages = { { QStringLiteral("user"), QStringLiteral("Hi") } };
    request.stream = false;
    const QJsonObject body
        = QJsonDocument::fromJson(OpenAiWire().buildRequestBody(QStringLiteral("m"), request)).object();
    QCOMPARE(body.value(QLatin1String("stream")).toBool(true), false);
    QVERIFY(!body.contains(QLatin1String("stream_options")));
    QVERIFY(!body.contains(QLatin1String("temperature")));
    QVERIFY(!body.contains(QLatin1String("max_tokens")));
}

void TestWireDecoders::requestBodies_carryAnyTextExactly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("temperature");
    QTest::newRow("quotes and backslashes") << QStringLiteral("say \"hi\" \\ done") << 0.0;
    QTest::newRow("newlines, tabs, control characters")
        << QString::fromUtf8("line 1\nline 2\r\n\tindented \x01\x1f end") << 1.0;
    QTest::newRow("non-ASCII and emoji") << QString::fromUtf8("Gr\xc3\xbc\xc3\x9f"
                                                              "e \xe4\xbd\xa0\xe5\xa5\xbd \xf0\x9f\x98\x80")
                                         << 0.7;
    QTest::newRow("code with braces") << QStringLiteral("```js\n{\"a\": [1, 2]}\n```") << 0.1234567890123;
}

void TestWireDecoders::requestBodies_carryAnyTextExactly()
{
    QFETCH(QString, text);
    QFETCH(double, temperature);
    ChatRequest request;
    request.messages = { { QStringLiteral("user"), text } };
    request.temperature = temperature;
    QJsonParseError error;
    const QJsonDocument document
        = QJsonDocument::fromJson(OpenAiWire().buildRequestBody(QStringLiteral("m\"odel"), request), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject body = document.object();
    QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("m\"odel"));
    QCOMPARE(
        body.value(QLatin1String("messages")).toArray().at(0).toObject().value(QLatin1String("content")).toString(),
        text);
    QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), temperature);

    // The same text through the Anthropic body, also as the system prompt.
    request.messages.prepend({ QStringLiteral("system"), text });
    const QJsonDocument anthropic
        = QJsonDocument::fromJson(AnthropicWire().buildRequestBody(QStringLiteral("m\"odel"), request), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject anthropicBody = anthropic.object();
    QCOMPARE(anthropicBody.value(QLatin1String("model")).toString(), QStringLiteral("m\"odel"));
    QCOMPARE(anthropicBody.value(QLatin1String("system")).toString(), text);
    const QJsonArray messages = anthropicBody.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).toObject().value(QLatin1String("content")).toString(), text);
    QCOMPARE(anthropicBody.value(QLatin1String("temperature")).toDouble(), temperature);
}

void TestWireDecoders::anthropicRequest_movesSystemAndDefaultsMaxTokens()
{
    ChatRequest request;
    request.messages = { { QStringLiteral("system"), QStringLiteral("Be brief.") },
                         { QStringLiteral("user"), QStringLiteral("Hi") },
                         { QStringLiteral("assistant"), QStringLiteral("Hello") },
                         { QStringLiteral("user"), QStringLiteral("Again") } };
    QJsonObject body
        = QJsonDocument::fromJson(AnthropicWire().buildRequestBody(QStringLiteral("claude-x"), request)).object();
    QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("claude-x"));
    QCOMPARE(body.value(QLatin1String("system")).toString(), QStringLiteral("Be brief."));
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 3);
    for (const QJsonValue& message : messages) {
        QVERIFY(message.toObject().value(QLatin1String("role")).toString() != QLatin1String("system"));
    }
    QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 4096);
    QCOMPARE(body.value(QLatin1String("stream")).toBool(), true);
    QVERIFY(!body.contains(QLatin1String("stream_options")));

    request.messages.removeFirst();
    request.maxTokens = 100;
    request.stream = false;
    body = QJsonDocument::fromJson(AnthropicWire().buildRequestBody(QStringLiteral("claude-x"), request)).object();
    QVERIFY(!body.contains(QLatin1String("system")));
    QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 100);
    QCOMPARE(body.value(QLatin1String("stream")).toBool(true), false);
}

void TestWireDecoders::authHeaders_perFormat()
{
    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    QCOMPARE(OpenAiWire().authHeaders(QStringLiteral("k1")), (Headers { { "Authorization", "Bearer k1" } }));
    QCOMPARE(OpenAiWire().authHeaders(QString()), Headers());
    QCOMPARE(AnthropicWire().authHeaders(QStringLiteral("k2")),
             (Headers { { "x-api-key", "k2" }, { "anthropic-version", "2023-06-01" } }));
    QCOMPARE(AnthropicWire().authHeaders(QString()), (Headers { { "anthropic-version", "2023-06-01" } }));
}

void TestWireDecoders::endpointUrl_joinsWithOneSlash_data()
{
    QTest::addColumn<ProviderKind>("kind");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");
    QTest::newRow("openai base without slash") << ProviderKind::OpenAiCompatible << "https://api.openai.com/v1"
                                               << "https://api.openai.com/v1/chat/completions";
    QTest::newRow("base with trailing slash") << ProviderKind::OpenAiCompatible << "http://localhost:11434/v1/"
                                              << "http://localhost:11434/v1/chat/completions";
    QTest::newRow("anthropic") << ProviderKind::AnthropicMessages << "https://api.anthropic.com/v1"
                               << "https://api.anthropic.com/v1/messages";
}

void TestWireDecoders::endpointUrl_joinsWithOneSlash()
{
    QFETCH(ProviderKind, kind);
    QFETCH(QString, base);
    QFETCH(QString, expected);
    QCOMPARE(WireFormat::create(kind)->endpointUrl(QUrl(base)).toString(), expected);
}

QTEST_GUILESS_MAIN(TestWireDecoders)
#include "tst_WireDecoders.moc"
