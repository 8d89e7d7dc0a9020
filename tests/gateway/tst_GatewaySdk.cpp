#include "GatewayFixture.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

// The official `openai` and `@anthropic-ai/sdk` npm packages as real clients of the gateway:
// node scripts in tests/gateway/node print what the SDK returned (or raised) as JSON.
// Needs `npm ci --prefix tests/gateway/node` (CI runs it).
class tst_GatewaySdk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void openAi_nonStreaming();
    void openAi_streamingWithUsage();
    void openAi_modelsList();
    void openAi_upstreamFailure_failsOverTransparently();
    void openAi_upstreamFailureNoFallback_raisesApiError();
    void openAi_withGatewayKey();
    void anthropic_nonStreaming();
    void anthropic_streamingWithUsage();
    void anthropic_upstreamFailure_failsOverTransparently();
    void anthropic_upstreamFailureNoFallback_raisesApiError();
    void openAi_toolCall_data();
    void openAi_toolCall();
    void openAi_structuredOutput_parsesTheSchemasShape();
    void anthropic_toolUse_data();
    void anthropic_toolUse();
    void anthropic_image_reachesTheModel();
    void anthropic_thinking_reachesTheProviderAsSent();
    void anthropic_countTokens_asTheUpstreamCounts();
    void anthropic_webSearch_sdkGetsClaudesBlocks();
    void openAi_embeddings_base64AndFloat();
    void openAi_responses_data();
    void openAi_responses();
    void openAi_responsesStream_data();
    void openAi_responsesStream();
    void openAi_responsesTools_callThenOutput();
    void openAi_embeddingsUnknownModel_raisesNotFound();

private:
    QJsonObject runOpenAi(const QString& mode, const QString& model, const QString& key = {});
    QJsonObject runAnthropic(const QString& mode, const QString& model);
    QJsonObject runNode(const QStringList& arguments);

    QString m_node;
    std::unique_ptr<GatewayFixture> m_fx;
};

void tst_GatewaySdk::initTestCase()
{
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (m_node.isEmpty()) {
        QFAIL("node is not installed: the SDK tests need Node.js 20+ (Debian package nodejs).");
    }
    const QDir modules(QStringLiteral(SWITCHYARD_GATEWAY_NODE_DIR "/node_modules"));
    if (!QFileInfo::exists(modules.filePath(QStringLiteral("openai/package.json")))
        || !QFileInfo::exists(modules.filePath(QStringLiteral("@anthropic-ai/sdk/package.json")))) {
        QFAIL("The SDKs are not installed: run `npm ci --prefix tests/gateway/node` first.");
    }
}

void tst_GatewaySdk::init()
{
    m_fx = std::make_unique<GatewayFixture>();
    QVERIFY(m_fx->start());
}

void tst_GatewaySdk::cleanup()
{
    m_fx.reset();
}

QJsonObject tst_GatewaySdk::runNode(const QStringList& arguments)
{
    QProcess process;
    process.setWorkingDirectory(QStringLiteral(SWITCHYARD_GATEWAY_NODE_DIR));
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(m_node, arguments);
    // The gateway runs in this thread: wait by spinning the event loop, never by blocking.
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished(1000);
        qWarning("node timed out: %s", process.readAllStandardError().constData());
        return {};
    }
    const QByteArray out = process.readAllStandardOutput();
    const QJsonDocument document = QJsonDocument::fromJson(out.trimmed());
    if (!document.isObject()) {
        qWarning("node printed no JSON (exit %d): %s %s", process.exitCode(), out.constData(),
                 process.readAllStandardError().constData());
    }
    return document.object();
}

QJsonObject tst_GatewaySdk::runOpenAi(const QString& mode, const QString& model, const QString& key)
{
    QStringList arguments { QStringLiteral("openai-client.mjs"),
                            QStringLiteral("http://127.0.0.1:%1/v1").arg(m_fx->gateway->port()), mode, model };
    if (!key.isEmpty()) {
        arguments.append(key);
    }
    return runNode(arguments);
}

QJsonObject tst_GatewaySdk::runAnthropic(const QString& mode, const QString& model)
{
    return runNode({ QStringLiteral("anthropic-client.mjs"),
                     QStringLiteral("http://127.0.0.1:%1").arg(m_fx->gateway->port()), mode, model });
}

void tst_GatewaySdk::openAi_nonStreaming()
{
    const QJsonObject result = runOpenAi(QStringLiteral("complete"), QStringLiteral("chat"));
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
    QCOMPARE(result.value(QLatin1String("model")).toString(), QStringLiteral("sandbox/gpt-4.1-mini"));
    QVERIFY(!result.value(QLatin1String("text")).toString().isEmpty());
    QCOMPARE(result.value(QLatin1String("finish")).toString(), QStringLiteral("stop"));
    const QJsonObject usage = result.value(QLatin1String("usage")).toObject();
    QCOMPARE(usage.value(QLatin1String("total_tokens")).toInt(),
             usage.value(QLatin1String("prompt_tokens")).toInt()
                 + usage.value(QLatin1String("completion_tokens")).toInt());
    QCOMPARE(m_fx->records.size(), 1);
}

void tst_GatewaySdk::openAi_streamingWithUsage()
{
    const QJsonObject result = runOpenAi(QStringLiteral("stream"), QStringLiteral("chat"));
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value(QLatin1String("roleChunks")).toInt(), 1);
    QCOMPARE(result.value(QLatin1String("usageChunks")).toInt(), 1);
    QVERIFY(result.value(QLatin1String("chunks")).toInt() >= 4);
    QVERIFY(!result.value(QLatin1String("text")).toString().isEmpty());
    QCOMPARE(result.value(QLatin1String("text")).toString(), result.value(QLatin1String("deltaText")).toString());
    QCOMPARE(result.value(QLatin1String("finish")).toString(), QStringLiteral("stop"));
    QVERIFY(result.value(QLatin1String("usage")).toObject().value(QLatin1String("completion_tokens")).toInt() > 0);
    QCOMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().status, RequestStatus::Ok);
}

void tst_GatewaySdk::openAi_modelsList()
{
    const QJsonObject result = runOpenAi(QStringLiteral("models"), QString());
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    const QJsonArray ids = result.value(QLatin1String("ids")).toArray();
    QVERIFY(ids.contains(QStringLiteral("auto")));
    QVERIFY(ids.contains(QStringLiteral("chat")));
    QVERIFY(ids.contains(QStringLiteral("sandbox/claude-haiku-4-5")));
}

void tst_GatewaySdk::openAi_upstreamFailure_failsOverTransparently()
{
    m_fx->sandbox.setFault(QStringLiteral("gpt-4.1-mini"), SandboxFault::httpError(500));
    const QJsonObject result = runOpenAi(QStringLiteral("stream"), QStringLiteral("chat"));
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value(QLatin1String("model")).toString(), QStringLiteral("sandbox/deepseek-chat"));
    QCOMPARE(m_fx->sandbox.requestCount(QStringLiteral("gpt-4.1-mini")), 1);
    QCOMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().failovers.size(), 1);
}

void tst_GatewaySdk::openAi_upstreamFailureNoFallback_raisesApiError()
{
    m_fx->sandbox.setFault(QStringLiteral("gemini-2.5-flash"), SandboxFault::httpError(503));
    const QJsonObject result = runOpenAi(QStringLiteral("complete"), QStringLiteral("solo"));
    QVERIFY(!result.value(QLatin1String("ok")).toBool(true));
    QVERIFY2(result.value(QLatin1String("isApiError")).toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value(QLatin1String("status")).toInt(), 502);
    QCOMPARE(result.value(QLatin1String("code")).toString(), QStringLiteral("upstream_failed"));
    QVERIFY(result.value(QLatin1String("message")).toString().contains(QLatin1String("503")));
    QCOMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().status, RequestStatus::Failed);
}

void tst_GatewaySdk::openAi_withGatewayKey()
{
    GatewayOptions options;
    options.apiKey = QByteArrayLiteral("sk-gateway-sdk-test");
    m_fx->gateway->setOptions(options);
    const QJsonObject refused
        = runOpenAi(QStringLiteral("complete"), QStringLiteral("chat"), QStringLiteral("sk-wrong"));
    QCOMPARE(refused.value(QLatin1String("status")).toInt(), 401);
    QCOMPARE(refused.value(QLatin1String("name")).toString(), QStringLiteral("AuthenticationError"));
    const QJsonObject accepted
        = runOpenAi(QStringLiteral("complete"), QStringLiteral("chat"), QStringLiteral("sk-gateway-sdk-test"));
    QVERIFY2(accepted.value(QLatin1String("ok")).toBool(), QJsonDocument(accepted).toJson().constData());
}

void tst_GatewaySdk::anthropic_nonStreaming()
{
    const QJsonObject result = runAnthropic(QStringLiteral("complete"), QStringLiteral("haiku"));
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value(QLatin1String("type")).toString(), QStringLiteral("message"));
    QCOMPARE(result.value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
    QCOMPARE(result.value(QLatin1String("model")).toString(), QStringLiteral("sandbox/claude-haiku-4-5"));
    QVERIFY(!result.value(QLatin1String("text")).toString().isEmpty());
    QCOMPARE(result.value(QLatin1String("stop")).toString(), QStringLiteral("end_turn"));
    QVERIFY(result.value(QLatin1String("usage")).toObject().value(QLatin1String("output_tokens")).toInt() > 0);
    QCOMPARE(m_fx->records.size(), 1);
}

void tst_GatewaySdk::anthropic_streamingWithUsage()
{
    const QJsonObject result = runAnthropic(QStringLiteral("stream"), QStringLiteral("haiku"));
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    QStringList events;
    for (const QJsonValue& event : result.value(QLatin1String("events")).toArray()) {
        events.append(event.toString());
    }
    QCOMPARE(events.first(), QStringLiteral("message_start"));
    QCOMPARE(events.last(), QStringLiteral("message_stop"));
    QVERIFY(events.contains(QStringLiteral("content_block_delta")));
    QVERIFY(!result.value(QLatin1String("text")).toString().isEmpty());
    QCOMPARE(result.value(QLatin1String("text")).toString(), result.value(QLatin1String("deltaText")).toString());
    const QJsonObject usage = result.value(QLatin1String("usage")).toObject();
    QVERIFY(usage.value(QLatin1String("output_tokens")).toInt() > 1);
    QVERIFY(usage.value(QLatin1String("input_tokens")).toInt() > 0);
    QCOMPARE(m_fx->records.size(), 1);
}

// Claude's web search answer through the gateway, read by the official SDK whole and streamed
// (its stream helper assembling the blocks): the same blocks both ways, Claude's own (uncited,
// cited with the search result's url, uncited), one search.
void tst_GatewaySdk::anthropic_webSearch_sdkGetsClaudesBlocks()
{
    const QJsonObject whole = runAnthropic(QStringLiteral("search"), QStringLiteral("haiku"));
    QVERIFY2(whole.value(QLatin1String("ok")).toBool(), QJsonDocument(whole).toJson().constData());
    const QJsonObject streamed = runAnthropic(QStringLiteral("search-stream"), QStringLiteral("haiku"));
    QVERIFY2(streamed.value(QLatin1String("ok")).toBool(), QJsonDocument(streamed).toJson().constData());
    const QJsonArray blocks = whole.value(QLatin1String("blocks")).toArray();
    QCOMPARE(streamed.value(QLatin1String("blocks")).toArray(), blocks);
    QStringList shape;
    for (const QJsonValue& value : blocks) {
        const QJsonObject block = value.toObject();
        const QJsonValue citations = block.value(QLatin1String("citations"));
        shape.append(block.value(QLatin1String("type")).toString()
                     + (citations.isArray()
                            ? QLatin1Char(' ') + citations.toVariant().toStringList().join(QLatin1Char(','))
                            : QString()));
    }
    QCOMPARE(shape,
             (QStringList { "server_tool_use", "web_search_tool_result", "text",
                            "text https://sandbox.invalid/search?q=1", "text" }));
    QCOMPARE(streamed.value(QLatin1String("searches")).toInt(), 1);
    QCOMPARE(m_fx->sandbox.answered().webSearches, qint64(2));
}

void tst_GatewaySdk::anthropic_upstreamFailure_failsOverTransparently()
{
    m_fx->sandbox.setFault(QStringLiteral("claude-haiku-4-5"), SandboxFault::httpError(529));
    const QJsonObject result = runAnthropic(QStringLiteral("stream"), QStringLiteral("haiku"));
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value(QLatin1String("model")).toString(), QStringLiteral("sandbox/gpt-4.1-mini"));
    QCOMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().attempts.size(), 2);
}

void tst_GatewaySdk::anthropic_upstreamFailureNoFallback_raisesApiError()
{
    m_fx->sandbox.setFault(QStringLiteral("gemini-2.5-flash"), SandboxFault::httpError(500));
    const QJsonObject result = runAnthropic(QStringLiteral("complete"), QStringLiteral("solo"));
    QVERIFY(!result.value(QLatin1String("ok")).toBool(true));
    QVERIFY2(result.value(QLatin1String("isApiError")).toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value(QLatin1String("status")).toInt(), 502);
    QCOMPARE(result.value(QLatin1String("errorType")).toString(), QStringLiteral("api_error"));
    QCOMPARE(m_fx->records.size(), 1);
}

void tst_GatewaySdk::openAi_toolCall_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("model");
    QTest::newRow("whole, openai upstream") << "tools"
                                            << "chat";
    QTest::newRow("streamed, openai upstream") << "tools-stream"
                                               << "chat";
    QTest::newRow("whole, anthropic upstream translated") << "tools"
                                                          << "sandbox/claude-haiku-4-5";
    QTest::newRow("streamed, anthropic upstream translated") << "tools-stream"
                                                             << "sandbox/claude-haiku-4-5";
}

void tst_GatewaySdk::openAi_toolCall()
{
    QFETCH(QString, mode);
    QFETCH(QString, model);
    const QJsonObject result = runOpenAi(mode, model);
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value(QLatin1String("finish")).toString(), QStringLiteral("tool_calls"));
    QCOMPARE(result.value(QLatin1String("toolName")).toString(), QStringLiteral("get_weather"));
    QVERIFY(!result.value(QLatin1String("toolId")).toString().isEmpty());
    const QJsonObject arguments = result.value(QLatin1String("arguments")).toObject();
    QCOMPARE(arguments.value(QLatin1String("city")).toString(), QStringLiteral("example"));
    QCOMPARE(arguments.value(QLatin1String("unit")).toString(), QStringLiteral("c"));
    if (mode == QLatin1String("tools-stream")) {
        QVERIFY(result.value(QLatin1String("argumentPieces")).toInt() > 1);
    }
    QCOMPARE(m_fx->records.size(), 1);
}

void tst_GatewaySdk::openAi_structuredOutput_parsesTheSchemasShape()
{
    const QJsonObject result = runOpenAi(QStringLiteral("parse"), QStringLiteral("chat"));
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    const QJsonObject parsed = result.value(QLatin1String("parsed")).toObject();
    QCOMPARE(parsed.value(QLatin1String("sky")).toString(), QStringLiteral("clear"));
    QCOMPARE(parsed.value(QLatin1String("temp")).toDouble(), 1.0);
    // The schema reached the provider as the SDK wrote it.
    const QJsonObject sent
        = QJsonDocument::fromJson(m_fx->sandbox.lastRequestBody(QStringLiteral("gpt-4.1-mini"))).object();
    const QJsonObject format = sent.value(QLatin1String("response_format")).toObject();
    QCOMPARE(format.value(QLatin1String("type")).toString(), QStringLiteral("json_schema"));
    QCOMPARE(format.value(QLatin1String("json_schema")).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("weather"));
}

void tst_GatewaySdk::anthropic_toolUse_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("model");
    QTest::newRow("whole, anthropic upstream") << "tools"
                                               << "haiku";
    QTest::newRow("streamed, anthropic upstream") << "tools-stream"
                                                  << "haiku";
    QTest::newRow("whole, openai upstream translated") << "tools"
                                                       << "sandbox/gpt-4.1-mini";
    QTest::newRow("streamed, openai upstream translated") << "tools-stream"
                                                          << "sandbox/gpt-4.1-mini";
}

void tst_GatewaySdk::anthropic_toolUse()
{
    QFETCH(QString, mode);
    QFETCH(QString, model);
    const QJsonObject result = runAnthropic(mode, model);
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value(QLatin1String("stop")).toString(), QStringLiteral("tool_use"));
    QCOMPARE(result.value(QLatin1String("toolName")).toString(), QStringLiteral("get_weather"));
    QVERIFY(!result.value(QLatin1String("toolId")).toString().isEmpty());
    const QJsonObject input = result.value(QLatin1String("input")).toObject();
    QCOMPARE(input.value(QLatin1String("city")).toString(), QStringLiteral("example"));
    QCOMPARE(input.value(QLatin1String("unit")).toString(), QStringLiteral("c"));
    if (mode == QLatin1String("tools-stream")) {
        QVERIFY(result.value(QLatin1String("inputPieces")).toInt() > 1);
    }
}

void tst_GatewaySdk::anthropic_image_reachesTheModel()
{
    const QJsonObject result = runAnthropic(QStringLiteral("image"), QStringLiteral("haiku"));
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    QVERIFY(result.value(QLatin1String("text")).toString().startsWith(QLatin1String("I got 1 image.")));
}

void tst_GatewaySdk::anthropic_countTokens_asTheUpstreamCounts()
{
    const QJsonObject counted = runAnthropic(QStringLiteral("count"), QStringLiteral("haiku"));
    QVERIFY2(counted.value(QLatin1String("ok")).toBool(), QJsonDocument(counted).toJson().constData());
    const QJsonObject answered = runAnthropic(QStringLiteral("complete"), QStringLiteral("haiku"));
    QVERIFY2(answered.value(QLatin1String("ok")).toBool(), QJsonDocument(answered).toJson().constData());
    const int billed = answered.value(QLatin1String("usage")).toObject().value(QLatin1String("input_tokens")).toInt();
    QVERIFY(billed > 0);
    QCOMPARE(counted.value(QLatin1String("inputTokens")).toInt(), billed);
}

void tst_GatewaySdk::anthropic_thinking_reachesTheProviderAsSent()
{
    const QJsonObject result = runAnthropic(QStringLiteral("thinking"), QStringLiteral("haiku"));
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    const QJsonObject sent
        = QJsonDocument::fromJson(m_fx->sandbox.lastRequestBody(QStringLiteral("claude-haiku-4-5"))).object();
    const QJsonObject thinking = sent.value(QLatin1String("thinking")).toObject();
    QCOMPARE(thinking.value(QLatin1String("type")).toString(), QStringLiteral("enabled"));
    QCOMPARE(thinking.value(QLatin1String("budget_tokens")).toInt(), 1024);
}

void tst_GatewaySdk::openAi_embeddings_base64AndFloat()
{
    const QJsonObject result = runOpenAi(QStringLiteral("embeddings"), QStringLiteral("embed"));
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value(QLatin1String("object")).toString(), QStringLiteral("list"));
    QCOMPARE(result.value(QLatin1String("model")).toString(), QStringLiteral("text-embedding-3-small"));
    QCOMPARE(result.value(QLatin1String("count")).toInt(), 2);
    QCOMPARE(result.value(QLatin1String("indexes")).toArray(), (QJsonArray { 0, 1 }));
    QCOMPARE(result.value(QLatin1String("dimensions")).toInt(), 1536);
    // The SDK's own base64 decoding gives the float answer's numbers (to its 8 digits).
    const QJsonArray decoded = result.value(QLatin1String("first")).toArray();
    const QJsonArray floats = result.value(QLatin1String("floatFirst")).toArray();
    QCOMPARE(decoded.size(), floats.size());
    for (qsizetype i = 0; i < decoded.size(); ++i) {
        QVERIFY2(qAbs(decoded.at(i).toDouble() - floats.at(i).toDouble()) < 1e-7, qPrintable(QString::number(i)));
    }
    // The ledger has each call with the tokens the provider counted, at its price.
    const QJsonObject usage = result.value(QLatin1String("usage")).toObject();
    QVERIFY(usage.value(QLatin1String("prompt_tokens")).toInt() > 0);
    QCOMPARE(m_fx->records.size(), 2);
    QCOMPARE(m_fx->records.first().usage.promptTokens, usage.value(QLatin1String("prompt_tokens")).toInteger());
    QVERIFY(m_fx->records.first().costUsd.value_or(0) > 0);
}

void tst_GatewaySdk::openAi_embeddingsUnknownModel_raisesNotFound()
{
    const QJsonObject result = runOpenAi(QStringLiteral("embeddings"), QStringLiteral("nonexistent"));
    QVERIFY(!result.value(QLatin1String("ok")).toBool(true));
    QCOMPARE(result.value(QLatin1String("name")).toString(), QStringLiteral("NotFoundError"));
    QCOMPARE(result.value(QLatin1String("status")).toInt(), 404);
    QCOMPARE(result.value(QLatin1String("code")).toString(), QStringLiteral("model_not_found"));
    QCOMPARE(m_fx->sandbox.totalRequests(), 0);
}

void tst_GatewaySdk::openAi_responses_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("openai upstream") << "chat";
    QTest::newRow("anthropic upstream translated") << "haiku";
}

void tst_GatewaySdk::openAi_responses()
{
    QFETCH(QString, model);
    const QJsonObject result = runOpenAi(QStringLiteral("responses"), model);
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value(QLatin1String("object")).toString(), QStringLiteral("response"));
    QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(result.value(QLatin1String("types")).toArray(), (QJsonArray { QStringLiteral("message") }));
    QVERIFY(!result.value(QLatin1String("text")).toString().isEmpty()); // the SDK's own output_text
    const QJsonObject usage = result.value(QLatin1String("usage")).toObject();
    QVERIFY(usage.value(QLatin1String("output_tokens")).toInt() > 0);
    QCOMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().usage.completionTokens, usage.value(QLatin1String("output_tokens")).toInteger());
}

void tst_GatewaySdk::openAi_responsesStream_data()
{
    openAi_responses_data();
}

void tst_GatewaySdk::openAi_responsesStream()
{
    QFETCH(QString, model);
    const QJsonObject result = runOpenAi(QStringLiteral("responses-stream"), model);
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value(QLatin1String("first")).toString(), QStringLiteral("response.created"));
    QCOMPARE(result.value(QLatin1String("last")).toString(), QStringLiteral("response.completed"));
    QVERIFY(result.value(QLatin1String("ordered")).toBool());
    QVERIFY(result.value(QLatin1String("count")).toInt() > 8);
    QVERIFY(!result.value(QLatin1String("deltaText")).toString().isEmpty());
    QCOMPARE(result.value(QLatin1String("deltaText")).toString(), result.value(QLatin1String("text")).toString());
    QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(m_fx->records.size(), 1);
}

void tst_GatewaySdk::openAi_responsesTools_callThenOutput()
{
    const QJsonObject result = runOpenAi(QStringLiteral("responses-tools"), QStringLiteral("chat"));
    QVERIFY2(result.value(QLatin1String("ok")).toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(result.value(QLatin1String("toolName")).toString(), QStringLiteral("get_weather"));
    QVERIFY(!result.value(QLatin1String("callId")).toString().isEmpty());
    QCOMPARE(result.value(QLatin1String("arguments")).toObject().value(QLatin1String("city")).toString(),
             QStringLiteral("example"));
    // The output went back as a tool message after the call it answers.
    QVERIFY(!result.value(QLatin1String("secondText")).toString().isEmpty());
    QCOMPARE(result.value(QLatin1String("secondTypes")).toArray(), (QJsonArray { QStringLiteral("message") }));
    QCOMPARE(result.value(QLatin1String("streamedName")).toString(), QStringLiteral("get_weather"));
    QCOMPARE(result.value(QLatin1String("streamedArguments")).toObject(),
             result.value(QLatin1String("arguments")).toObject());
    QVERIFY(result.value(QLatin1String("argumentPieces")).toInt() > 1);
    QCOMPARE(m_fx->records.size(), 3);
}

QTEST_GUILESS_MAIN(tst_GatewaySdk)
#include "tst_GatewaySdk.moc"
