#include "core/providers/GeminiStreamDecoder.h"
#include "core/providers/GeminiTranslator.h"
#include "core/providers/GeminiWire.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

// Google's native Gemini wire against the captured samples in tests/data/wire and wire-next: streams
// decoded whatever the reads' boundaries, whole answers, usage and finish reasons, thought
// signatures carried in tool call ids, the request bodies translated from OpenAI's (and refusals
// naming the field), and where a call goes.
namespace {
QByteArray readData(const QString& path)
{
    QFile file(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/") + path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Decoded
{
    QString text;
    QString reasoning;
    QString finishReason;
    QList<ToolCall> toolCalls;
    std::optional<TokenUsage> usage;
    std::optional<CallError> error;
    QStringList filtered;
    QList<QJsonObject> citations;
    bool complete = false;
};

void collect(const QList<WireDelta>& deltas, Decoded& out)
{
    for (const WireDelta& delta : deltas) {
        out.text += delta.text;
        out.reasoning += delta.reasoning;
        out.filtered += delta.filteredCategories;
        if (!delta.finishReason.isEmpty()) {
            out.finishReason = delta.finishReason;
        }
        if (delta.usage) {
            out.usage = delta.usage;
        }
        if (delta.error && !out.error) {
            out.error = delta.error;
        }
        for (const AnswerPart& part : delta.parts) {
            if (part.kind == AnswerPart::Kind::Citation) {
                out.citations.append(QJsonDocument::fromJson(part.text.toUtf8()).object());
                continue;
            }
            while (out.toolCalls.size() <= part.index) {
                out.toolCalls.append(ToolCall());
            }
            ToolCall& call = out.toolCalls[part.index];
            call.id += part.id;
            call.name += part.name;
            call.arguments += part.text;
        }
    }
}

Decoded decodeStream(const QByteArray& bytes, int maxPiece, quint32 seed = 7)
{
    GeminiStreamDecoder decoder;
    QList<WireDelta> deltas;
    QRandomGenerator random(seed);
    for (qsizetype at = 0; at < bytes.size();) {
        const qsizetype size = 1 + random.bounded(maxPiece);
        decoder.feed(QByteArrayView(bytes).sliced(at, qMin(size, bytes.size() - at)), deltas);
        at += size;
    }
    decoder.finish(deltas);
    Decoded out;
    collect(deltas, out);
    out.complete = decoder.complete();
    return out;
}

Decoded decodeWhole(const QByteArray& body)
{
    Decoded out;
    collect({ GeminiWire().decodeResponse(body) }, out);
    out.complete = true;
    return out;
}

QJsonObject object(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

TokenUsage usage(qint64 prompt, qint64 completion, qint64 reasoning, qint64 cached = 0, qint64 searches = 0)
{
    TokenUsage out;
    out.promptTokens = prompt;
    out.completionTokens = completion;
    out.reasoningTokens = reasoning;
    out.cachedTokens = cached;
    out.webSearches = searches;
    return out;
}

const QString kSignature = QStringLiteral(
    "EqUCCqICAb4+"
    "9vsh8Pd5taZVoPzSvjWWwzBrvhEQWBLCGa7IdY8FBMm7Z6dCKFU3Ft0la15gF7RaHe1NlPRygQec0bFwPDfMwGcUOMNiJiNIKxusCs4e"
    "jCZRuouNYQ4etEIt7CujEUHiILLfZXSJZYhs4UCrD2bLqPq0sE0lWgYJnzHkkKUOnMsA2hKffAhtF4DWn5INYj8pPssvch/"
    "2VpDFW2F9XSE04zLDzkIW"
    "F2eztJX50Y0lTehRZC3FW7fOrXCzGx+PwdataD6eXlF5O1zn+86XtmktOs2DEp4o1PMvXFFAXe8GGvPt8Idf3UtHMq7AsapwMW9sjiKj+FJk54m+"
    "9LMT"
    "Saj7C86smfvoQryYBEHTVazr1bEnpl4bPG5JUtm2yAMkHj4=");
} // namespace

class TestGeminiWire : public QObject
{
    Q_OBJECT

private slots:
    void stream_decodesWhateverTheReads_data();
    void stream_decodesWhateverTheReads();
    void whole_decodesAnswerAndUsage_data();
    void whole_decodesAnswerAndUsage();
    void functionCall_carriesItsThoughtSignatureInTheId();
    void finishReason_mapsAsTheChatFormNamesIt_data();
    void finishReason_mapsAsTheChatFormNamesIt();
    void refusedAnswers_becomeErrorsNamingWhy_data();
    void refusedAnswers_becomeErrorsNamingWhy();
    void grounding_countsEachQueryOnce();
    void citations_countCharactersNotBytes();
    void toolCallId_roundTripsTheSignature_data();
    void toolCallId_roundTripsTheSignature();
    void translate_openAiBody_data();
    void translate_openAiBody();
    void translate_refusesWhatGeminiCannotTake_data();
    void translate_refusesWhatGeminiCannotTake();
    void translate_anthropicBody_goesThroughOpenAi();
    void buildRequestBody_fromChatRequest();
    void request_urlAndKeyHeader_data();
    void request_urlAndKeyHeader();
};

void TestGeminiWire::stream_decodesWhateverTheReads_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("maxPiece");
    QTest::addColumn<QString>("textStart");
    QTest::addColumn<QString>("textEnd");
    QTest::addColumn<int>("reasoningChars");
    QTest::addColumn<QString>("finishReason");
    QTest::addColumn<TokenUsage>("usage");
    // 5,947 candidates + 2,042 thoughts: usage is cumulative, the last event's counts are the call's.
    for (int piece : { 1, 7, 4096 }) {
        QTest::addRow("crlf multi-event stream in reads of up to %d bytes", piece)
            << "wire/gemini-stream-sse-multi.sse" << piece << "Okay, let's create a Tetris game"
            << "high scores, etc." << 0 << "stop" << usage(4, 5947 + 2042, 2042);
    }
    QTest::newRow("a single CRLF event") << "wire/gemini-stream-sse-crlf-single.sse" << 3 << "1, 2, 3"
                                         << "1, 2, 3" << 0 << "stop" << usage(8, 7 + 23, 23);
    QTest::newRow("thought parts are reasoning, the answer follows")
        << "wire-next/gemini-stream-thinking.sse" << 11 << "This is a great question!"
        << "might not see you." << 1197 << "stop" << usage(34, 469 + 787, 787);
}

void TestGeminiWire::stream_decodesWhateverTheReads()
{
    QFETCH(QString, file);
    QFETCH(int, maxPiece);
    QFETCH(QString, textStart);
    QFETCH(QString, textEnd);
    QFETCH(int, reasoningChars);
    QFETCH(QString, finishReason);
    QFETCH(TokenUsage, usage);
    const QByteArray bytes = readData(file);
    QVERIFY(!bytes.isEmpty());
    const Decoded decoded = decodeStream(bytes, maxPiece);
    QVERIFY2(!decoded.error, decoded.error ? qPrintable(decoded.error->message) : "");
    QVERIFY2(decoded.text.startsWith(textStart), qPrintable(decoded.text.left(80)));
    QVERIFY2(decoded.text.endsWith(textEnd), qPrintable(decoded.text.right(80)));
    QCOMPARE(decoded.reasoning.size() > 0, reasoningChars > 0);
    if (reasoningChars > 0) {
        QVERIFY(decoded.reasoning.startsWith(QLatin1String("**Clarifying User Goals**")));
        QVERIFY(!decoded.text.contains(QLatin1String("Clarifying")));
    }
    QCOMPARE(decoded.finishReason, finishReason);
    QVERIFY(decoded.usage);
    QCOMPARE(*decoded.usage, usage);
    QVERIFY(decoded.complete);
}

void TestGeminiWire::whole_decodesAnswerAndUsage_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("text");
    QTest::addColumn<TokenUsage>("usage");
    // totalTokenCount = prompt + candidates + thoughts: thoughts are output billed at the output rate.
    QTest::newRow("gemini-2.5-flash: 3 in, 2 + 17 thoughts out") << "wire/gemini-generatecontent.json"
                                                                 << "Hello!" << usage(3, 19, 17);
    QTest::newRow("gemini-3 text part with a thought signature")
        << "wire/gemini-generatecontent-thought-signature.json"
        << "There are **3** r's in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y." << usage(9, 272, 244);
    QTest::newRow("cached content is a cache read inside the prompt, tool-use prompt tokens are input")
        << ""
        << "ok" << usage(1000 + 60, 10, 0, 800);
}

void TestGeminiWire::whole_decodesAnswerAndUsage()
{
    QFETCH(QString, file);
    QFETCH(QString, text);
    QFETCH(TokenUsage, usage);
    const QByteArray body = !file.isEmpty()
        ? readData(file)
        : QByteArray(R"({"candidates":[{"content":{"parts":[{"text":"ok"}],"role":"model"},"finishReason":"STOP"}],)"
                     R"("usageMetadata":{"promptTokenCount":1000,"cachedContentTokenCount":800,)"
                     R"("toolUsePromptTokenCount":60,"candidatesTokenCount":10,"totalTokenCount":1070}})");
    const Decoded decoded = decodeWhole(body);
    QVERIFY(!decoded.error);
    QCOMPARE(decoded.text, text);
    QCOMPARE(decoded.finishReason, QStringLiteral("stop"));
    QVERIFY(decoded.usage);
    QCOMPARE(*decoded.usage, usage);
}

void TestGeminiWire::functionCall_carriesItsThoughtSignatureInTheId()
{
    const QByteArray bytes = readData(QStringLiteral("wire/gemini-stream-function-call.sse"));
    QVERIFY(!bytes.isEmpty());
    const Decoded decoded = decodeStream(bytes, 5);
    QVERIFY(!decoded.error);
    QCOMPARE(decoded.toolCalls.size(), 1);
    QCOMPARE(decoded.toolCalls.first().name, QStringLiteral("weather"));
    QCOMPARE(decoded.toolCalls.first().arguments, QStringLiteral(R"({"location":"San Francisco"})"));
    // A function call turn ends with STOP; in the chat form that is tool_calls.
    QCOMPARE(decoded.finishReason, QStringLiteral("tool_calls"));
    const QString id = decoded.toolCalls.first().id;
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$")).match(id).hasMatch(), qPrintable(id));
    QCOMPARE(GeminiWire::thoughtSignatureOf(id), kSignature);
    QCOMPARE(*decoded.usage, usage(29, 15 + 45, 45));
    // The same call decodes to the same id: the id is stable.
    QCOMPARE(decodeStream(bytes, 4096).toolCalls.first().id, id);
}

void TestGeminiWire::finishReason_mapsAsTheChatFormNamesIt_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("afterToolCall");
    QTest::addColumn<QString>("expected");
    QTest::newRow("STOP") << "STOP" << false << "stop";
    QTest::newRow("STOP after a function call") << "STOP" << true << "tool_calls";
    QTest::newRow("MAX_TOKENS") << "MAX_TOKENS" << false << "length";
    for (const char* filtered : { "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII" }) {
        QTest::addRow("%s is the content filter", filtered) << filtered << false << "content_filter";
    }
    QTest::newRow("OTHER stays itself") << "OTHER" << false << "other";
}

void TestGeminiWire::finishReason_mapsAsTheChatFormNamesIt()
{
    QFETCH(QString, reason);
    QFETCH(bool, afterToolCall);
    QFETCH(QString, expected);
    QCOMPARE(GeminiWire::finishReason(reason, afterToolCall), expected);
    QVERIFY(!GeminiWire::finishError(reason, {}));
}

void TestGeminiWire::refusedAnswers_becomeErrorsNamingWhy_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<FailureClass>("failureClass");
    QTest::addColumn<QString>("named");
    QTest::newRow("prompt blocked: promptFeedback.blockReason, no candidates")
        << QByteArray(
               R"({"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"},"usageMetadata":{"promptTokenCount":7}})")
        << FailureClass::ContentFiltered << "PROHIBITED_CONTENT";
    QTest::newRow("MALFORMED_FUNCTION_CALL is an error naming it")
        << QByteArray(R"({"candidates":[{"content":{"parts":[]},"finishReason":"MALFORMED_FUNCTION_CALL",)"
                      R"("finishMessage":"Malformed function call: print(x"}]})")
        << FailureClass::MalformedResponse << "MALFORMED_FUNCTION_CALL";
    QTest::newRow("an error object in a 200 stream event")
        << QByteArray(R"({"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}})")
        << FailureClass::ServerError << "UNAVAILABLE";
}

void TestGeminiWire::refusedAnswers_becomeErrorsNamingWhy()
{
    QFETCH(QByteArray, body);
    QFETCH(FailureClass, failureClass);
    QFETCH(QString, named);
    const Decoded whole = decodeWhole(body);
    const Decoded streamed = decodeStream("data: " + body + "\r\n\r\n", 9);
    for (const Decoded& decoded : { whole, streamed }) {
        QVERIFY(decoded.error);
        QCOMPARE(decoded.error->failureClass, failureClass);
        QVERIFY2(decoded.error->message.contains(named) || decoded.error->providerCode == named,
                 qPrintable(decoded.error->message));
    }
    QVERIFY(!streamed.complete);
}

void TestGeminiWire::grounding_countsEachQueryOnce()
{
    // Grounding arrives with the last event; the usage then says how many searches were run.
    const QByteArray stream
        = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Spain won.\"}],\"role\":\"model\"}}],"
          "\"usageMetadata\":{\"promptTokenCount\":12,\"candidatesTokenCount\":3,\"totalTokenCount\":15}}\r\n\r\n"
          "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}],\"role\":\"model\"},\"finishReason\":"
          "\"STOP\",\"groundingMetadata\":{\"webSearchQueries\":[\"euro 2024 winner\",\"euro 2024 final "
          "score\"],\"groundingChunks\":[{\"web\":{\"uri\":\"https://a.example\",\"title\":\"a.example\"}}],"
          "\"groundingSupports\":[{\"segment\":{\"startIndex\":0,\"endIndex\":10,\"text\":\"Spain won.\"},"
          "\"groundingChunkIndices\":[0]}]}}],"
          "\"usageMetadata\":{\"promptTokenCount\":12,\"candidatesTokenCount\":4,\"toolUsePromptTokenCount\":80,"
          "\"totalTokenCount\":96}}\r\n\r\n";
    const Decoded decoded = decodeStream(stream, 13);
    QVERIFY(!decoded.error);
    QCOMPARE(decoded.text, QStringLiteral("Spain won."));
    QCOMPARE(*decoded.usage, usage(92, 4, 0, 0, 2));
    QVERIFY(decoded.complete);
    // The supported segment and its source as the annotation OpenAI's chat form has for it.
    QCOMPARE(decoded.citations.size(), 1);
    QCOMPARE(decoded.citations.first(),
             object(R"({"type":"url_citation","url_citation":{"url":"https://a.example","title":"a.example",)"
                    R"("start_index":0,"end_index":10}})"));
    QVERIFY(decoded.toolCalls.isEmpty());
}

void TestGeminiWire::citations_countCharactersNotBytes()
{
    // "Zürich" is 7 bytes in UTF-8, 6 characters: the support's byte offsets become character offsets.
    const QByteArray body
        = R"({"candidates":[{"content":{"parts":[{"text":"Zürich ist gross."}]},"finishReason":"STOP",)"
          R"("groundingMetadata":{"groundingChunks":[{"web":{"uri":"https://z.example","title":"z"}}],)"
          R"("groundingSupports":[{"segment":{"startIndex":0,"endIndex":7},"groundingChunkIndices":[0,3]}]}}]})";
    const Decoded decoded = decodeWhole(body);
    QCOMPARE(decoded.citations.size(), 1); // chunk 3 does not exist
    const QJsonObject citation = decoded.citations.first().value(QLatin1String("url_citation")).toObject();
    QCOMPARE(citation.value(QLatin1String("start_index")).toInt(), 0);
    QCOMPARE(citation.value(QLatin1String("end_index")).toInt(), 6);
}

void TestGeminiWire::toolCallId_roundTripsTheSignature_data()
{
    QTest::addColumn<QString>("geminiId");
    QTest::addColumn<QString>("signature");
    QTest::newRow("made-up id with a signature") << "" << kSignature;
    QTest::newRow("made-up id, no signature") << ""
                                              << "";
    QTest::newRow("Gemini's own id kept") << "fc_1_a"
                                          << "CiIB0e2Kb6Syj1a9";
}

void TestGeminiWire::toolCallId_roundTripsTheSignature()
{
    QFETCH(QString, geminiId);
    QFETCH(QString, signature);
    const QString id = GeminiWire::toolCallId(geminiId, QStringLiteral("weather"), "{}", 0, signature);
    QVERIFY2(QRegularExpression(QStringLiteral("^call_[A-Za-z0-9_-]+$")).match(id).hasMatch(), qPrintable(id));
    QCOMPARE(GeminiWire::thoughtSignatureOf(id), signature);
    QCOMPARE(id, GeminiWire::toolCallId(geminiId, QStringLiteral("weather"), "{}", 0, signature));
    QVERIFY(id
            != GeminiWire::toolCallId(geminiId.isEmpty() ? QString() : geminiId + u'x', QStringLiteral("weather"), "{}",
                                      1, signature));
}

void TestGeminiWire::translate_openAiBody_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QByteArray>("openAi");
    QTest::addColumn<QByteArray>("gemini");
    QTest::newRow("system text becomes systemInstruction, limits generationConfig")
        << "gemini-2.0-flash"
        << QByteArray(R"({"model":"m","stream":true,"stream_options":{"include_usage":true},"messages":[)"
                      R"({"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}],)"
                      R"("max_completion_tokens":50,"temperature":0.2,"top_p":0.9,"stop":"END","seed":7,)"
                      R"("presence_penalty":0.1,"frequency_penalty":0.3,"n":1})")
        << QByteArray(R"({"contents":[{"parts":[{"text":"Hi"}],"role":"user"}],"generationConfig":{)"
                      R"("frequencyPenalty":0.3,"maxOutputTokens":50,"presencePenalty":0.1,"seed":7,)"
                      R"("stopSequences":["END"],"temperature":0.2,"topP":0.9},)"
                      R"("systemInstruction":{"parts":[{"text":"Be brief."}]}})");
    QTest::newRow("consecutive user messages merge; assistant is model")
        << "gemini-2.0-flash"
        << QByteArray(R"({"messages":[{"role":"user","content":"a"},{"role":"user","content":[{"type":"text",)"
                      R"("text":"b"}]},{"role":"assistant","content":"c"},{"role":"user","content":"d"}]})")
        << QByteArray(R"({"contents":[{"parts":[{"text":"a"},{"text":"b"}],"role":"user"},{"parts":[{"text":"c"}],)"
                      R"("role":"model"},{"parts":[{"text":"d"}],"role":"user"}]})");
    QTest::newRow("an image data URL goes inline")
        << "gemini-2.0-flash"
        << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"text","text":"What is it?"},)"
                      R"({"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]})")
        << QByteArray(R"({"contents":[{"parts":[{"text":"What is it?"},{"inlineData":{"data":"iVBORw0KGgo=",)"
                      R"("mimeType":"image/png"}}],"role":"user"}]})");
    QTest::newRow("tools: full JSON Schema as parametersJsonSchema; a named tool_choice is ANY with its name")
        << "gemini-2.0-flash"
        << QByteArray(R"({"messages":[{"role":"user","content":"Weather?"}],"tools":[{"type":"function",)"
                      R"("function":{"name":"weather","description":"Look it up","parameters":{"type":"object",)"
                      R"("properties":{"city":{"type":"string"}},"additionalProperties":false}}}],)"
                      R"("tool_choice":{"type":"function","function":{"name":"weather"}}})")
        << QByteArray(R"({"contents":[{"parts":[{"text":"Weather?"}],"role":"user"}],"toolConfig":{)"
                      R"("functionCallingConfig":{"allowedFunctionNames":["weather"],"mode":"ANY"}},"tools":[{)"
                      R"("functionDeclarations":[{"description":"Look it up","name":"weather",)"
                      R"("parametersJsonSchema":{"additionalProperties":false,"properties":{"city":{"type":"string"}},)"
                      R"("type":"object"}}]}]})");
    QTest::newRow("strict tools under auto are VALIDATED; none is NONE")
        << "gemini-2.0-flash"
        << QByteArray(R"({"messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{)"
                      R"("name":"f","strict":true}}],"tool_choice":"auto"})")
        << QByteArray(R"({"contents":[{"parts":[{"text":"x"}],"role":"user"}],"toolConfig":{"functionCallingConfig":{)"
                      R"("mode":"VALIDATED"}},"tools":[{"functionDeclarations":[{"name":"f"}]}]})");
    QTest::newRow("a tool call round trip: functionCall with its signature, functionResponse by name")
        << "gemini-3-pro-preview"
        << QByteArray(
               R"({"messages":[{"role":"user","content":"Weather?"},{"role":"assistant","content":null,)"
               R"("tool_calls":[{"id":")"
               + GeminiWire::toolCallId({}, QStringLiteral("weather"), "{}", 0, QStringLiteral("c2lnbmF0dXJl")).toUtf8()
               + R"(","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Oslo\"}"}}]},)"
                 R"({"role":"tool","tool_call_id":")"
               + GeminiWire::toolCallId({}, QStringLiteral("weather"), "{}", 0, QStringLiteral("c2lnbmF0dXJl")).toUtf8()
               + R"(","content":"-3 C"}]})")
        << QByteArray(
               R"({"contents":[{"parts":[{"text":"Weather?"}],"role":"user"},{"parts":[{"functionCall":{)"
               R"("args":{"city":"Oslo"},"name":"weather"},"thoughtSignature":"c2lnbmF0dXJl"}],"role":"model"},)"
               R"({"parts":[{"functionResponse":{"name":"weather","response":{"output":"-3 C"}}}],"role":"user"}],)"
               R"("generationConfig":{"thinkingConfig":{"includeThoughts":true}}})");
    QTest::newRow("a call made elsewhere gets Gemini 3's documented stand-in signature")
        << "gemini-3-pro-preview"
        << QByteArray(R"({"messages":[{"role":"user","content":"Weather?"},{"role":"assistant","tool_calls":[)"
                      R"({"id":"call_abc","type":"function","function":{"name":"weather","arguments":"{}"}}]},)"
                      R"({"role":"tool","tool_call_id":"call_abc","content":"{\"temp\":-3}"}]})")
        << QByteArray(R"({"contents":[{"parts":[{"text":"Weather?"}],"role":"user"},{"parts":[{"functionCall":{)"
                      R"("args":{},"name":"weather"},"thoughtSignature":"skip_thought_signature_validator"}],)"
                      R"("role":"model"},{"parts":[{"functionResponse":{"name":"weather","response":{"temp":-3}}}],)"
                      R"("role":"user"}],"generationConfig":{"thinkingConfig":{"includeThoughts":true}}})");
    QTest::newRow("json_schema: response MIME type and its JSON Schema")
        << "gemini-2.0-flash"
        << QByteArray(R"({"messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema",)"
                      R"("json_schema":{"name":"r","strict":true,"schema":{"type":"object"}}}})")
        << QByteArray(R"({"contents":[{"parts":[{"text":"x"}],"role":"user"}],"generationConfig":{)"
                      R"("responseJsonSchema":{"type":"object"},"responseMimeType":"application/json"}})");
    QTest::newRow("reasoning_effort on 2.5 is a thinking budget, thoughts included")
        << "gemini-2.5-flash"
        << QByteArray(R"({"messages":[{"role":"user","content":"x"}],"reasoning_effort":"medium"})")
        << QByteArray(R"({"contents":[{"parts":[{"text":"x"}],"role":"user"}],"generationConfig":{"thinkingConfig":{)"
                      R"("includeThoughts":true,"thinkingBudget":8192}}})");
    QTest::newRow("reasoning_effort on Gemini 3 is a thinking level")
        << "gemini-3-pro-preview"
        << QByteArray(R"({"messages":[{"role":"user","content":"x"}],"reasoning_effort":"low"})")
        << QByteArray(R"({"contents":[{"parts":[{"text":"x"}],"role":"user"}],"generationConfig":{"thinkingConfig":{)"
                      R"("includeThoughts":true,"thinkingLevel":"low"}}})");
    QTest::newRow("web_search_options is the google_search tool")
        << "gemini-2.0-flash" << QByteArray(R"({"messages":[{"role":"user","content":"x"}],"web_search_options":{}})")
        << QByteArray(R"({"contents":[{"parts":[{"text":"x"}],"role":"user"}],"tools":[{"google_search":{}}]})");
}

void TestGeminiWire::translate_openAiBody()
{
    QFETCH(QString, model);
    QFETCH(QByteArray, openAi);
    QFETCH(QByteArray, gemini);
    const RequestTranslator::Result result
        = RequestTranslator::translate(openAi, ProviderKind::OpenAiCompatible, ProviderKind::Gemini, model);
    QVERIFY2(!result.refusal, result.refusal ? qPrintable(result.refusal->message) : "");
    QCOMPARE(object(result.body), object(gemini));
}

void TestGeminiWire::translate_refusesWhatGeminiCannotTake_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QByteArray>("openAi");
    QTest::addColumn<QString>("param");
    QTest::newRow("an image by URL") << "gemini-2.5-flash"
                                     << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"image_url",)"
                                                   R"("image_url":{"url":"https://example.com/cat.png"}}]}]})")
                                     << "messages[0].content[0].image_url.url";
    QTest::newRow("logprobs") << "gemini-2.5-flash"
                              << QByteArray(R"({"messages":[{"role":"user","content":"x"}],"logprobs":true})")
                              << "logprobs";
    QTest::newRow("n above 1") << "gemini-2.5-flash"
                               << QByteArray(R"({"messages":[{"role":"user","content":"x"}],"n":2})") << "n";
    QTest::newRow("a search context size") << "gemini-2.5-flash"
                                           << QByteArray(R"({"messages":[{"role":"user","content":"x"}],)"
                                                         R"("web_search_options":{"search_context_size":"high"}})")
                                           << "web_search_options.search_context_size";
    QTest::newRow("a tool result for no known call")
        << "gemini-2.5-flash"
        << QByteArray(
               R"({"messages":[{"role":"user","content":"x"},{"role":"tool","tool_call_id":"c1","content":"y"}]})")
        << "messages[1].tool_call_id";
    QTest::newRow("system text after the conversation started")
        << "gemini-2.5-flash"
        << QByteArray(R"({"messages":[{"role":"user","content":"x"},{"role":"system","content":"y"}]})")
        << "messages[1]";
    QTest::newRow("a message name") << "gemini-2.5-flash"
                                    << QByteArray(R"({"messages":[{"role":"user","name":"ann","content":"x"}]})")
                                    << "messages[0].name";
    QTest::newRow("parallel_tool_calls false") << "gemini-2.5-flash"
                                               << QByteArray(R"({"messages":[{"role":"user","content":"x"}],)"
                                                             R"("parallel_tool_calls":false})")
                                               << "parallel_tool_calls";
    QTest::newRow("reasoning_effort none on Gemini 3, which always thinks")
        << "gemini-3-pro-preview"
        << QByteArray(R"({"messages":[{"role":"user","content":"x"}],"reasoning_effort":"none"})")
        << "reasoning_effort";
}

void TestGeminiWire::translate_refusesWhatGeminiCannotTake()
{
    QFETCH(QString, model);
    QFETCH(QByteArray, openAi);
    QFETCH(QString, param);
    const RequestTranslator::Result result
        = RequestTranslator::translate(openAi, ProviderKind::OpenAiCompatible, ProviderKind::Gemini, model);
    QVERIFY(result.refusal);
    QCOMPARE(result.refusal->param, param);
    QCOMPARE(result.refusal->httpStatus, 400);
    QCOMPARE(result.refusal->failureClass, FailureClass::Unsupported);
    QVERIFY2(result.refusal->message.startsWith(param), qPrintable(result.refusal->message));
}

void TestGeminiWire::translate_anthropicBody_goesThroughOpenAi()
{
    const QByteArray anthropic = R"({"model":"m","max_tokens":100,"system":"Be brief.","messages":[)"
                                 R"({"role":"user","content":"Hi"}]})";
    const RequestTranslator::Result result = RequestTranslator::translate(
        anthropic, ProviderKind::AnthropicMessages, ProviderKind::Gemini, QStringLiteral("gemini-2.0-flash"));
    QVERIFY(!result.refusal);
    QCOMPARE(object(result.body),
             object(R"({"contents":[{"parts":[{"text":"Hi"}],"role":"user"}],"generationConfig":{)"
                    R"("maxOutputTokens":100},"systemInstruction":{"parts":[{"text":"Be brief."}]}})"));
}

void TestGeminiWire::buildRequestBody_fromChatRequest()
{
    ChatRequest request;
    request.messages = { { QStringLiteral("system"), QStringLiteral("Be brief.") },
                         { QStringLiteral("user"), QStringLiteral("Hi") },
                         { QStringLiteral("assistant"), QStringLiteral("Hello") },
                         { QStringLiteral("user"), QStringLiteral("Again") } };
    request.maxTokens = 64;
    request.temperature = 0.5;
    QCOMPARE(object(GeminiWire().buildRequestBody(QStringLiteral("gemini-2.5-flash"), request)),
             object(R"({"contents":[{"parts":[{"text":"Hi"}],"role":"user"},{"parts":[{"text":"Hello"}],)"
                    R"("role":"model"},{"parts":[{"text":"Again"}],"role":"user"}],"generationConfig":{)"
                    R"("maxOutputTokens":64,"temperature":0.5,"thinkingConfig":{"includeThoughts":true}},)"
                    R"("systemInstruction":{"parts":[{"text":"Be brief."}]}})"));
}

void TestGeminiWire::request_urlAndKeyHeader_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("url");
    QTest::newRow("generateContent") << "gemini-2.5-flash" << false
                                     << "https://generativelanguage.googleapis.com/v1beta/models/"
                                        "gemini-2.5-flash:generateContent";
    QTest::newRow("streamGenerateContent with alt=sse, the list's models/ name taken as it is")
        << "models/gemini-2.5-pro" << true
        << "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse";
}

void TestGeminiWire::request_urlAndKeyHeader()
{
    QFETCH(QString, model);
    QFETCH(bool, stream);
    QFETCH(QString, url);
    ProviderConfig provider;
    provider.kind = ProviderKind::Gemini;
    provider.baseUrl = QUrl(QStringLiteral("https://generativelanguage.googleapis.com/v1beta/"));
    const std::unique_ptr<WireFormat> wire = WireFormat::create(ProviderKind::Gemini);
    QCOMPARE(wire->kind(), ProviderKind::Gemini);
    const BodyPieces body(QByteArray("{}"));
    QList<std::pair<QByteArray, QByteArray>> headers = wire->authHeaders(QStringLiteral("AIza-test"));
    QCOMPARE(headers, (QList<std::pair<QByteArray, QByteArray>> { { "x-goog-api-key", "AIza-test" } }));
    QUrl target = wire->callUrl(provider, model);
    QVERIFY(!wire->finishRequest({ provider, model, stream, body, true, {} }, target, headers));
    QCOMPARE(target.toString(), url);
    QCOMPARE(wire->modelListUrl(provider).toString(),
             QStringLiteral("https://generativelanguage.googleapis.com/v1beta/models"));
}

QTEST_GUILESS_MAIN(TestGeminiWire)
#include "tst_GeminiWire.moc"
