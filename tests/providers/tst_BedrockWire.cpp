#include "core/common/AwsEventStream.h"
#include "core/common/Clock.h"
#include "core/providers/BedrockStreamDecoder.h"
#include "core/providers/BedrockWire.h"
#include "core/providers/ErrorClassifier.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

// Bedrock's Converse wire against the captured samples in tests/data/wire-next: streams decoded into
// the answer model whatever the reads' boundaries, the non-streamed body, errors before and after
// the 200, the bodies written for the documented Converse shape, and the signed request.
namespace {
QByteArray readData(const QString& name)
{
    QFile file(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/wire-next/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Decoded
{
    QString text;
    QString reasoning;
    QString signature;
    QString finishReason;
    QList<ToolCall> toolCalls;
    std::optional<TokenUsage> usage;
    std::optional<CallError> error;
    bool complete = false;
};

Decoded decode(const QByteArray& bytes, int maxPiece, quint32 seed = 7)
{
    BedrockStreamDecoder decoder;
    QList<WireDelta> deltas;
    QRandomGenerator random(seed);
    for (qsizetype at = 0; at < bytes.size();) {
        const qsizetype size = 1 + random.bounded(maxPiece);
        decoder.feed(QByteArrayView(bytes).sliced(at, qMin(size, bytes.size() - at)), deltas);
        at += size;
    }
    decoder.finish(deltas);
    Decoded out;
    for (const WireDelta& delta : deltas) {
        out.text += delta.text;
        out.reasoning += delta.reasoning;
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
            if (part.kind == AnswerPart::Kind::Signature) {
                out.signature += part.text;
            } else if (part.kind == AnswerPart::Kind::ToolCall) {
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
    out.complete = decoder.complete();
    return out;
}

QJsonObject json(const QByteArray& bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

ChatRequest clientRequest(const QByteArray& body, ProviderKind format, bool stream = true)
{
    ChatRequest request;
    request.clientBody = body;
    request.clientFormat = format;
    request.stream = stream;
    return request;
}
} // namespace

class TestBedrockWire : public QObject
{
    Q_OBJECT

private slots:
    void stream_decodesIntoTheAnswer_data();
    void stream_decodesIntoTheAnswer();
    void stream_exceptionFrame_isAnError_data();
    void stream_exceptionFrame_isAnError();
    void stream_cutOrCorrupt_isAnError_data();
    void stream_cutOrCorrupt_isAnError();
    void nonStream_body_decodes();
    void httpError_classified_data();
    void httpError_classified();
    void requestBody_fromChatRequest_isConverse();
    void requestBody_fromClientBody_isConverse_data();
    void requestBody_fromClientBody_isConverse();
    void requestBody_withoutEquivalent_isRefusedNamingTheField_data();
    void requestBody_withoutEquivalent_isRefusedNamingTheField();
    void finishRequest_signsForTheRegion_data();
    void finishRequest_signsForTheRegion();
    void finishRequest_withoutCredentials_sendsNothing();
};

void TestBedrockWire::stream_decodesIntoTheAnswer_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("maxPiece");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasoning");
    QTest::addColumn<int>("signatureChars");
    QTest::addColumn<QString>("tool"); // "id name arguments"
    QTest::addColumn<QString>("finishReason");
    QTest::addColumn<qint64>("promptTokens");
    QTest::addColumn<qint64>("completionTokens");
    const QString hello = QStringLiteral("Hello! How can I assist you today? Whether you have a question, need "
                                         "information, or just want to chat, I'm here to help.");
    for (const int piece : { 1, 13, 4096 }) {
        QTest::addRow("text stream in pieces up to %d bytes", piece)
            << "bedrock-converse-stream.bin" << piece << hello << QString() << 0 << QString() << "end_turn" << qint64(2)
            << qint64(32);
    }
    QTest::newRow("tool use: contentBlockStart names it, input arrives as string pieces")
        << "bedrock-converse-stream-tool-use.bin" << 29
        << "<thinking> To find the temperature of the capital of France, I need to first determine the capital of "
           "France and then get the current temperature in that city. The capital of France is Paris. I will use "
           "the \"get_temperature\" tool to find the current temperature in Paris.</thinking>\n"
        << QString() << 0 << "tooluse_lAG_zP8QRHmSYOwZzzaCqA get_temperature {\"city\":\"Paris\"}"
        << "tool_use" << qint64(471) << qint64(91);
    QTest::newRow("reasoningContent text and signature, then the answer block")
        << "bedrock-converse-stream-reasoning.bin" << 64 << "Hello! It's nice to meet you. How can I help you today?"
        << "The user has greeted me with a simple \"Hello\". I should respond in a friendly and welcoming manner. "
           "This is a straightforward greeting, so I'll respond warmly and ask how I can help them today."
        << 496 << QString() << "end_turn" << qint64(36) << qint64(73);
}

void TestBedrockWire::stream_decodesIntoTheAnswer()
{
    QFETCH(QString, file);
    QFETCH(int, maxPiece);
    QFETCH(QString, text);
    QFETCH(QString, reasoning);
    QFETCH(int, signatureChars);
    QFETCH(QString, tool);
    QFETCH(QString, finishReason);
    QFETCH(qint64, promptTokens);
    QFETCH(qint64, completionTokens);
    const Decoded decoded = decode(readData(file), maxPiece);
    QVERIFY2(!decoded.error, decoded.error ? qPrintable(decoded.error->message) : "");
    QVERIFY(decoded.complete);
    QCOMPARE(decoded.text, text);
    QCOMPARE(decoded.reasoning, reasoning);
    QCOMPARE(decoded.signature.size(), signatureChars);
    QString calls;
    for (const ToolCall& call : decoded.toolCalls) {
        calls += QStringLiteral("%1 %2 %3").arg(call.id, call.name, call.arguments);
    }
    QCOMPARE(calls, tool);
    QCOMPARE(decoded.finishReason, finishReason);
    QVERIFY(decoded.usage);
    QCOMPARE(decoded.usage->promptTokens, promptTokens);
    QCOMPARE(decoded.usage->completionTokens, completionTokens);
}

void TestBedrockWire::stream_exceptionFrame_isAnError_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("failureClass");
    QTest::addColumn<QString>("message");
    QTest::newRow("the captured modelStreamErrorException frame")
        << readData(QStringLiteral("bedrock-converse-stream-exception.bin")) << int(FailureClass::ServerError)
        << "Model Stream Error";
    const QByteArray start = AwsEventStream::encodeEvent("messageStart", R"({"role":"assistant"})")
        + AwsEventStream::encodeEvent("contentBlockDelta", R"({"contentBlockIndex":0,"delta":{"text":"Hi"}})");
    QTest::newRow("throttlingException after some text is a rate limit")
        << start + AwsEventStream::encodeException("throttlingException", R"({"message":"Too many tokens"})")
        << int(FailureClass::RateLimited) << "Too many tokens";
    QTest::newRow("serviceUnavailableException is an outage")
        << start + AwsEventStream::encodeException("serviceUnavailableException", R"({"message":"Unavailable"})")
        << int(FailureClass::ServerError) << "Unavailable";
    QTest::newRow("validationException is the request's fault")
        << start + AwsEventStream::encodeException("validationException", R"({"message":"Bad input"})")
        << int(FailureClass::BadRequest) << "Bad input";
}

void TestBedrockWire::stream_exceptionFrame_isAnError()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, failureClass);
    QFETCH(QString, message);
    const Decoded decoded = decode(bytes, 10);
    QVERIFY(decoded.error);
    QCOMPARE(int(decoded.error->failureClass), failureClass);
    QCOMPARE(decoded.error->message, message);
    QVERIFY(!decoded.complete);
}

void TestBedrockWire::stream_cutOrCorrupt_isAnError_data()
{
    const QByteArray bytes = readData(QStringLiteral("bedrock-converse-stream.bin"));
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("failureClass"); // None: no error, but not complete either
    QTest::addColumn<QString>("says");
    QTest::newRow("cut inside a frame") << bytes.left(1000) << int(FailureClass::StreamBroken)
                                        << "ended inside a message";
    QTest::newRow("cut between frames before messageStop") << bytes.left(133) << int(FailureClass::None) << QString();
    QByteArray corrupt = bytes;
    corrupt[300] = char(corrupt.at(300) ^ 1);
    QTest::newRow("a flipped bit") << corrupt << int(FailureClass::MalformedResponse) << "checksum does not match";
}

void TestBedrockWire::stream_cutOrCorrupt_isAnError()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, failureClass);
    QFETCH(QString, says);
    const Decoded decoded = decode(bytes, 50);
    QVERIFY(!decoded.complete);
    QCOMPARE(decoded.error ? int(decoded.error->failureClass) : int(FailureClass::None), failureClass);
    if (decoded.error) {
        QVERIFY2(decoded.error->message.contains(says), qPrintable(decoded.error->message));
    }
}

void TestBedrockWire::nonStream_body_decodes()
{
    const WireDelta delta = BedrockWire().decodeResponse(readData(QStringLiteral("bedrock-converse-nonstream.json")));
    QVERIFY(!delta.error);
    QCOMPARE(delta.text,
             QStringLiteral("Let me count the \"r\"s in \"strawberry\":\n\ns-t-**r**-a-w-b-e-**r**-**r**-y\n\n"
                            "There are **3** \"r\"s in \"strawberry.\""));
    QCOMPARE(delta.finishReason, QStringLiteral("end_turn"));
    QVERIFY(delta.usage);
    QCOMPARE(delta.usage->promptTokens, 22);
    QCOMPARE(delta.usage->completionTokens, 57);
    QCOMPARE(delta.usage->cachedTokens, 0);
    const WireDelta broken = BedrockWire().decodeResponse(R"({"output":{}})");
    QVERIFY(broken.error);
    QCOMPARE(broken.error->failureClass, FailureClass::MalformedResponse);
}

void TestBedrockWire::httpError_classified_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("errorType"); // x-amzn-errortype
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("failureClass");
    QTest::addColumn<bool>("contextTooLong");
    const QByteArray aws = ":http://internal.amazon.com/coral/com.amazon.bedrock/";
    QTest::newRow("the captured 429 ThrottlingException is a rate limit")
        << 429 << "ThrottlingException" + aws << readData(QStringLiteral("bedrock-error-429-throttling.json"))
        << int(FailureClass::RateLimited) << false;
    QTest::newRow("ServiceUnavailableException is an outage")
        << 503 << "ServiceUnavailableException" + aws
        << QByteArray(R"({"message":"Bedrock is unable to process your request."})") << int(FailureClass::ServerError)
        << false;
    QTest::newRow("ValidationException is the request's fault")
        << 400 << "ValidationException" + aws << QByteArray(R"({"message":"Malformed input request"})")
        << int(FailureClass::BadRequest) << false;
    QTest::newRow("an input too long for the model is a context overflow")
        << 400 << "ValidationException" + aws << QByteArray(R"({"message":"Input is too long for requested model."})")
        << int(FailureClass::BadRequest) << true;
    QTest::newRow("a bad signature is an auth failure")
        << 403 << "InvalidSignatureException" + aws
        << QByteArray(R"({"message":"The request signature we calculated does not match"})") << int(FailureClass::Auth)
        << false;
    QTest::newRow("a tokens-per-day quota is exhausted quota")
        << 400 << "ServiceQuotaExceededException" + aws << QByteArray(R"({"message":"Too many tokens per day"})")
        << int(FailureClass::QuotaExhausted) << false;
}

void TestBedrockWire::httpError_classified()
{
    QFETCH(int, status);
    QFETCH(QByteArray, errorType);
    QFETCH(QByteArray, body);
    QFETCH(int, failureClass);
    QFETCH(bool, contextTooLong);
    const CallError error = ErrorClassifier::classifyHttpError(
        status, { { "content-type", "application/json" }, { "x-amzn-errortype", errorType } }, body);
    QCOMPARE(int(error.failureClass), failureClass);
    QCOMPARE(error.providerCode, QString::fromLatin1(errorType.left(errorType.indexOf(':'))));
    QCOMPARE(error.message, json(body).value(QLatin1String("message")).toString());
    QCOMPARE(error.contextLengthExceeded, contextTooLong);
}

void TestBedrockWire::requestBody_fromChatRequest_isConverse()
{
    ChatRequest request;
    request.messages = { { QStringLiteral("system"), QStringLiteral("Be brief.") },
                         { QStringLiteral("user"), QStringLiteral("Hi \"there\"") },
                         { QStringLiteral("assistant"), QStringLiteral("Hello.") },
                         { QStringLiteral("user"), QStringLiteral("Count to 3") } };
    request.maxTokens = 64;
    request.temperature = 0.5;
    const RequestBody body = BedrockWire().requestBody(QStringLiteral("us.amazon.nova-micro-v1:0"), request);
    QVERIFY(!body.refusal);
    // The documented Converse shape: model and stream travel in the path, not here.
    QCOMPARE(
        body.bytes.join(),
        QByteArray(
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi \\\"there\\\"\"}]},"
            R"({"role":"assistant","content":[{"text":"Hello."}]},{"role":"user","content":[{"text":"Count to 3"}]}],)"
            R"("system":[{"text":"Be brief."}],"inferenceConfig":{"maxTokens":64,"temperature":0.5}})"));
}

void TestBedrockWire::requestBody_fromClientBody_isConverse_data()
{
    QTest::addColumn<QByteArray>("client");
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("converse");
    QTest::newRow("openai: system, image, sampling and stop")
        << QByteArray(R"({"model":"x","stream":true,"stream_options":{"include_usage":true},"max_tokens":100,)"
                      R"("temperature":0.2,"top_p":0.9,"stop":"END","messages":[{"role":"system","content":"Sys"},)"
                      R"({"role":"user","content":[{"type":"text","text":"What is this?"},)"
                      R"({"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]})")
        << int(ProviderKind::OpenAiCompatible)
        << QByteArray(R"({"system":[{"text":"Sys"}],"messages":[{"role":"user","content":[{"text":"What is this?"},)"
                      R"({"image":{"format":"png","source":{"bytes":"iVBORw0KGgo="}}}]}],)"
                      R"("inferenceConfig":{"maxTokens":100,"temperature":0.2,"topP":0.9,"stopSequences":["END"]}})");
    QTest::newRow("openai: tools, a forced tool, a call and its result")
        << QByteArray(R"({"model":"x","messages":[{"role":"user","content":"Weather in Paris?"},)"
                      R"({"role":"assistant","content":null,"tool_calls":[{"id":"t1","type":"function",)"
                      R"("function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},)"
                      R"({"role":"tool","tool_call_id":"t1","content":"18 C"}],)"
                      R"("tools":[{"type":"function","function":{"name":"get_weather","description":"Weather",)"
                      R"("parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],)"
                      R"("tool_choice":{"type":"function","function":{"name":"get_weather"}}})")
        << int(ProviderKind::OpenAiCompatible)
        << QByteArray(R"({"messages":[{"role":"user","content":[{"text":"Weather in Paris?"}]},)"
                      R"({"role":"assistant","content":[{"toolUse":{"toolUseId":"t1","name":"get_weather",)"
                      R"("input":{"city":"Paris"}}}]},{"role":"user","content":[{"toolResult":{"toolUseId":"t1",)"
                      R"("content":[{"text":"18 C"}]}}]}],"inferenceConfig":{"maxTokens":4096},)"
                      R"("toolConfig":{"tools":[{"toolSpec":{"name":"get_weather","description":"Weather",)"
                      R"("inputSchema":{"json":{"type":"object","properties":{"city":{"type":"string"}}}}}}],)"
                      R"("toolChoice":{"tool":{"name":"get_weather"}}}})");
    QTest::newRow("anthropic: thinking, a cache breakpoint, an error result, reasoning sent back")
        << QByteArray(
               R"({"model":"x","max_tokens":2048,"thinking":{"type":"enabled","budget_tokens":1024},)"
               R"("system":[{"type":"text","text":"Long context","cache_control":{"type":"ephemeral"}}],)"
               R"("messages":[{"role":"user","content":"Q"},{"role":"assistant","content":[)"
               R"({"type":"thinking","thinking":"hmm","signature":"sig"},)"
               R"({"type":"tool_use","id":"tu1","name":"f","input":{}}]},)"
               R"({"role":"user","content":[{"type":"tool_result","tool_use_id":"tu1","content":"boom","is_error":true}]}]})")
        << int(ProviderKind::AnthropicMessages)
        << QByteArray(
               R"({"system":[{"text":"Long context"},{"cachePoint":{"type":"default"}}],)"
               R"("messages":[{"role":"user","content":[{"text":"Q"}]},{"role":"assistant","content":[)"
               R"({"reasoningContent":{"reasoningText":{"text":"hmm","signature":"sig"}}},)"
               R"({"toolUse":{"toolUseId":"tu1","name":"f","input":{}}}]},)"
               R"({"role":"user","content":[{"toolResult":{"toolUseId":"tu1","content":[{"text":"boom"}],"status":"error"}}]}],)"
               R"("inferenceConfig":{"maxTokens":2048},)"
               R"("additionalModelRequestFields":{"thinking":{"type":"enabled","budget_tokens":1024}}})");
}

void TestBedrockWire::requestBody_fromClientBody_isConverse()
{
    QFETCH(QByteArray, client);
    QFETCH(int, format);
    QFETCH(QByteArray, converse);
    const RequestBody body
        = BedrockWire().requestBody(QStringLiteral("m"), clientRequest(client, ProviderKind(format)));
    QVERIFY2(!body.refusal, body.refusal ? qPrintable(body.refusal->message) : "");
    QCOMPARE(json(body.bytes.join()), json(converse));
}

void TestBedrockWire::requestBody_withoutEquivalent_isRefusedNamingTheField_data()
{
    QTest::addColumn<QByteArray>("client");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("param");
    QTest::newRow("an image by URL (Converse takes bytes or S3)")
        << QByteArray(R"({"model":"x","messages":[{"role":"user","content":[{"type":"image_url",)"
                      R"("image_url":{"url":"https://example.com/cat.png"}}]}]})")
        << int(ProviderKind::OpenAiCompatible) << "messages.0.content.0.source.type";
    QTest::newRow("a server tool of Anthropic's")
        << QByteArray(R"({"model":"x","max_tokens":10,"messages":[{"role":"user","content":"Hi"}],)"
                      R"("tools":[{"type":"web_search_20250305","name":"web_search"}]})")
        << int(ProviderKind::AnthropicMessages) << "tools.0.type";
    QTest::newRow("a field no API carries")
        << QByteArray(R"({"model":"x","max_tokens":10,"messages":[{"role":"user","content":"Hi"}],"container":"c"})")
        << int(ProviderKind::AnthropicMessages) << "container";
}

void TestBedrockWire::requestBody_withoutEquivalent_isRefusedNamingTheField()
{
    QFETCH(QByteArray, client);
    QFETCH(int, format);
    QFETCH(QString, param);
    const RequestBody body
        = BedrockWire().requestBody(QStringLiteral("m"), clientRequest(client, ProviderKind(format)));
    QVERIFY(body.bytes.isEmpty());
    QVERIFY(body.refusal);
    QCOMPARE(body.refusal->failureClass, FailureClass::Unsupported);
    QCOMPARE(body.refusal->param, param);
    QVERIFY(body.refusal->message.contains(QLatin1String("Converse")));
}

void TestBedrockWire::finishRequest_signsForTheRegion_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("region"); // the provider's own
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("scope");
    QTest::newRow("no base URL: the region's endpoint, the stream path")
        << ""
        << "eu-west-1" << true
        << "https://bedrock-runtime.eu-west-1.amazonaws.com/model/us.amazon.nova-micro-v1%3A0/converse-stream"
        << "/eu-west-1/bedrock/aws4_request";
    QTest::newRow("a regional base URL names the region to sign for")
        << "https://bedrock-runtime.ap-northeast-1.amazonaws.com"
        << "" << false
        << "https://bedrock-runtime.ap-northeast-1.amazonaws.com/model/us.amazon.nova-micro-v1%3A0/converse"
        << "/ap-northeast-1/bedrock/aws4_request";
    QTest::newRow("a proxy base URL keeps its path; the configured region signs")
        << "http://127.0.0.1:4000/bedrock/"
        << "us-east-2" << false << "http://127.0.0.1:4000/bedrock/model/us.amazon.nova-micro-v1%3A0/converse"
        << "/us-east-2/bedrock/aws4_request";
}

void TestBedrockWire::finishRequest_signsForTheRegion()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, region);
    QFETCH(bool, stream);
    QFETCH(QString, url);
    QFETCH(QString, scope);
    MockClock clock(QDateTime(QDate(2026, 12, 6), QTime(7, 30), Qt::UTC));
    Clock::setInstance(&clock);
    ProviderConfig provider;
    provider.kind = ProviderKind::BedrockConverse;
    provider.baseUrl = QUrl(baseUrl);
    provider.awsRegion = region;
    const QString model = QStringLiteral("us.amazon.nova-micro-v1:0");
    const QByteArray body = R"({"messages":[]})";
    const AwsCredentials credentials { QStringLiteral("AKIDTEST"), QStringLiteral("test-secret"),
                                       QStringLiteral("token-1"), QStringLiteral("test") };
    const OutgoingContext context { provider, model, stream,
                                    body,     false, [&] { return AwsCredentialChain::Result { credentials, {} }; } };
    QUrl target;
    QList<std::pair<QByteArray, QByteArray>> headers { { "Content-Type", "application/json" },
                                                       { "Accept", "text/event-stream" } };
    const std::optional<CallError> error = BedrockWire().finishRequest(context, target, headers);
    Clock::setInstance(nullptr);
    QVERIFY(!error);
    QCOMPARE(target.toString(QUrl::FullyEncoded), url);
    QMap<QByteArray, QByteArray> byName;
    for (const auto& [name, value] : headers) {
        QVERIFY2(!byName.contains(name.toLower()), name); // Accept replaced, not doubled
        byName.insert(name.toLower(), value);
    }
    QCOMPARE(byName.value("accept"),
             stream ? QByteArray("application/vnd.amazon.eventstream") : QByteArray("application/json"));
    QCOMPARE(byName.value("x-amz-date"), QByteArray("20261206T073000Z"));
    QCOMPARE(byName.value("x-amz-security-token"), QByteArray("token-1"));
    const QByteArray authorization = byName.value("authorization");
    QVERIFY2(
        authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/20261206" + scope.toLatin1()
                                 + ", SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature="),
        authorization);
    QVERIFY(!authorization.contains("test-secret"));
    // What a server receives verifies with the same secret.
    AwsSigV4::Request received { "POST", target.path(QUrl::FullyEncoded).toLatin1(), {}, {}, body };
    received.headers = headers;
    received.headers.append(
        { "Host",
          target.host().toLatin1() + (target.port() > 0 ? ':' + QByteArray::number(target.port()) : QByteArray()) });
    const AwsSigV4::Verification check = AwsSigV4::verify(
        received, [](const QString&) { return QStringLiteral("test-secret"); }, clock.currentDateTimeUtc());
    QCOMPARE(int(check.outcome), int(AwsSigV4::Verification::Outcome::Valid));
}

void TestBedrockWire::finishRequest_withoutCredentials_sendsNothing()
{
    ProviderConfig provider;
    provider.id = QStringLiteral("bedrock");
    provider.kind = ProviderKind::BedrockConverse;
    provider.awsRegion = QStringLiteral("us-east-1");
    const QString model = QStringLiteral("m");
    const QByteArray body = "{}";
    const OutgoingContext context { provider,
                                    model,
                                    false,
                                    body,
                                    false,
                                    [] {
                                       return AwsCredentialChain::Result { {}, QStringLiteral("No AWS credentials: set AWS_ACCESS_KEY_ID") }; } };
    QUrl target;
    QList<std::pair<QByteArray, QByteArray>> headers;
    const std::optional<CallError> error = BedrockWire().finishRequest(context, target, headers);
    QVERIFY(error);
    QCOMPARE(error->failureClass, FailureClass::Auth);
    QVERIFY2(error->message.contains(QLatin1String("AWS_ACCESS_KEY_ID")), qPrintable(error->message));
    // A Bedrock API key needs no AWS credentials.
    const OutgoingContext withKey { provider, model, false, body, true, [] { return AwsCredentialChain::Result(); } };
    QVERIFY(!BedrockWire().finishRequest(withKey, target, headers));
}

QTEST_GUILESS_MAIN(TestBedrockWire)
#include "tst_BedrockWire.moc"
