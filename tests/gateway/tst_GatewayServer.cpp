#include "GatewayFixture.h"
#include "GatewayHttp.h"

#include "core/http/HttpServer.h"

#include <QJsonArray>

// The gateway over loopback with a plain QNAM client: endpoints, statuses and error envelopes,
// model names, failover, limits and the ledger hook. The sandbox is the upstream.
class tst_GatewayServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void badInput_answersStatusAndKeepsServing_data();
    void badInput_answersStatusAndKeepsServing();
    void nonStreaming_returnsChatCompletionAndRecordsOnce();
    void streaming_sendsSseChunksUsageAndDone();
    void modelNames_resolveToTheRightModel_data();
    void modelNames_resolveToTheRightModel();
    void tierHeader_forcesTheTier();
    void upstreamFailure_failsOverTransparently();
    void upstreamFailure_noFallback_502WithAttempts();
    void clientDisconnectMidStream_cancelsAndRecordsOnce();
    void perClientCap_answers429();
    void models_listsAutoGroupsTiersAndModels();
    void beyondLoopback_needsKey();
    void upstreamKey_neverEchoed();
    void brokenStreamAfterText_endsWithErrorEventAndIncomplete();
    void trafficSignals_reportModelStatusAndLatency();

private:
    std::unique_ptr<GatewayFixture> m_fx;
    QNetworkAccessManager* m_nam = nullptr;
};

namespace {
const QByteArray kKey = QByteArrayLiteral("sk-switchyard-gateway-test");
using Headers = QList<std::pair<QByteArray, QByteArray>>;
const Headers kAuth { { QByteArrayLiteral("Authorization"), "Bearer " + kKey } };
} // namespace

void tst_GatewayServer::init()
{
    m_fx = std::make_unique<GatewayFixture>();
    GatewayOptions options;
    options.maxBodyBytes = 64 * 1024;
    QVERIFY(m_fx->start(options));
    m_nam = new QNetworkAccessManager(this);
}

void tst_GatewayServer::cleanup()
{
    delete m_nam;
    m_nam = nullptr;
    m_fx.reset();
}

void tst_GatewayServer::badInput_answersStatusAndKeepsServing_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code"); // OpenAI envelope code, or Anthropic error type for /v1/messages
    QTest::addColumn<QString>("message"); // a fragment of the message

    const QString chat = QStringLiteral("/v1/chat/completions");
    QTest::newRow("malformed json is 400 invalid_json")
        << QByteArray("POST") << chat << QByteArray("{\"model\":") << kAuth << 400 << "invalid_json"
        << "not valid JSON";
    QTest::newRow("messages of the wrong type is 400 naming the field")
        << QByteArray("POST") << chat << QByteArray(R"({"model":"auto","messages":"hi"})") << kAuth << 400
        << "invalid_request"
        << "messages must be";
    QTest::newRow("stream as a string is 400")
        << QByteArray("POST") << chat << QByteArray(R"({"model":"auto","stream":"no","messages":[]})") << kAuth << 400
        << "invalid_request"
        << "stream must be a boolean";
    QTest::newRow("oversized body is 413")
        << QByteArray("POST") << chat
        << chatBody(QStringLiteral("auto"), false, ",\"pad\":\"" + QByteArray(100000, 'x') + "\"") << kAuth << 413
        << "request_too_large"
        << "too large";
    QTest::newRow("unknown model is 404 model_not_found")
        << QByteArray("POST") << chat << chatBody(QStringLiteral("no-such-model")) << kAuth << 404 << "model_not_found"
        << "no-such-model";
    QTest::newRow("unknown tier header is 400 unknown_tier")
        << QByteArray("POST") << chat << chatBody(QStringLiteral("auto"))
        << (kAuth + Headers { { "x-switchyard-tier", "platinum" } }) << 400 << "unknown_tier"
        << "platinum";
    QTest::newRow("missing gateway key is 401")
        << QByteArray("POST") << chat << chatBody(QStringLiteral("auto")) << Headers() << 401 << "missing_api_key"
        << "Authorization: Bearer";
    QTest::newRow("wrong gateway key is 401")
        << QByteArray("POST") << chat << chatBody(QStringLiteral("auto"))
        << Headers { { "Authorization", "Bearer sk-wrong" } } << 401 << "invalid_api_key"
        << "not the right one";
    QTest::newRow("models list needs the key too")
        << QByteArray("GET") << QStringLiteral("/v1/models") << QByteArray() << Headers() << 401 << "missing_api_key"
        << "key";
    QTest::newRow("unknown endpoint is 404")
        << QByteArray("POST") << QStringLiteral("/v1/audio/speech") << QByteArray("{}") << kAuth << 404 << "not_found"
        << "/v1/audio/speech";
    QTest::newRow("GET on chat completions is 405")
        << QByteArray("GET") << chat << QByteArray() << kAuth << 405 << "method_not_allowed"
        << "GET";
    QTest::newRow("anthropic malformed json is 400 in Anthropic's envelope")
        << QByteArray("POST") << QStringLiteral("/v1/messages") << QByteArray("nope")
        << Headers { { "x-api-key", kKey } } << 400 << "invalid_request_error"
        << "not valid JSON";
    QTest::newRow("anthropic wrong x-api-key is 401 authentication_error")
        << QByteArray("POST") << QStringLiteral("/v1/messages") << QByteArray("{}")
        << Headers { { "x-api-key", "sk-wrong" } } << 401 << "authentication_error"
        << "not the right one";
    QTest::newRow("anthropic unknown model is 404 not_found_error")
        << QByteArray("POST") << QStringLiteral("/v1/messages")
        << QByteArray(R"({"model":"nope","max_tokens":5,"messages":[{"role":"user","content":"x"}]})")
        << Headers { { "x-api-key", kKey } } << 404 << "not_found_error"
        << "nope";
}

void tst_GatewayServer::badInput_answersStatusAndKeepsServing()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(Headers, headers);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    m_fx->gateway.reset();
    GatewayOptions options;
    options.maxBodyBytes = 64 * 1024;
    options.requireKey = true;
    options.apiKey = kKey;
    m_fx->gateway = std::make_unique<GatewayServer>(GatewayDependencies { &m_fx->router, {} });
    m_fx->gateway->setOptions(options);
    QVERIFY(m_fx->gateway->listen());

    const HttpAnswer answer = httpCall(*m_nam, method, m_fx->url(path), body, headers);
    QCOMPARE(answer.status, status);
    QVERIFY(answer.contentType.startsWith("application/json"));
    const QJsonObject envelope = answer.json();
    const QJsonObject error = envelope.value(QLatin1String("error")).toObject();
    if (path == QLatin1String("/v1/messages")) {
        QCOMPARE(envelope.value(QLatin1String("type")).toString(), QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1String("type")).toString(), code);
    } else {
        QCOMPARE(error.value(QLatin1String("code")).toString(), code);
        QVERIFY(error.contains(QLatin1String("type")) && error.contains(QLatin1String("param")));
    }
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(message), answer.body.constData());

    // The server keeps serving: a good request right after gets its answer.
    const HttpAnswer next = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")),
                                     chatBody(QStringLiteral("chat")), kAuth);
    QCOMPARE(next.status, 200);
}

void tst_GatewayServer::nonStreaming_returnsChatCompletionAndRecordsOnce()
{
    const HttpAnswer answer
        = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("chat")));
    QCOMPARE(answer.status, 200);
    const QJsonObject body = answer.json();
    QCOMPARE(body.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
    QVERIFY(body.value(QLatin1String("id")).toString().startsWith(QLatin1String("chatcmpl-")));
    const QJsonObject choice = body.value(QLatin1String("choices")).toArray().at(0).toObject();
    QCOMPARE(choice.value(QLatin1String("message")).toObject().value(QLatin1String("role")).toString(),
             QStringLiteral("assistant"));
    QVERIFY(!choice.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString().isEmpty());
    QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(), QStringLiteral("stop"));
    QVERIFY(body.value(QLatin1String("usage")).toObject().value(QLatin1String("completion_tokens")).toInt() > 0);
    QCOMPARE(answer.header("x-switchyard-model"), QByteArray("sandbox/gpt-4.1-mini"));

    QTRY_COMPARE(m_fx->records.size(), 1);
    const RequestRecord& record = m_fx->records.first();
    QCOMPARE(record.source, RequestSource::Gateway);
    QCOMPARE(record.status, RequestStatus::Ok);
    QCOMPARE(record.finalModel, QStringLiteral("sandbox/gpt-4.1-mini"));
    QCOMPARE(record.prompt, QStringLiteral("Say hello"));
    QVERIFY(record.costUsd.has_value() && *record.costUsd > 0);
    QCOMPARE(record.attempts.size(), 1);
    QCOMPARE(m_fx->gateway->inFlight(), 0);
}

void tst_GatewayServer::streaming_sendsSseChunksUsageAndDone()
{
    const HttpAnswer answer
        = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")),
                   chatBody(QStringLiteral("chat"), true, ",\"stream_options\":{\"include_usage\":true}"));
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.contentType.startsWith("text/event-stream"));
    QVERIFY(answer.body.endsWith("data: [DONE]\n\n"));
    QList<QJsonObject> chunks;
    for (const QByteArray& event : answer.body.split('\n')) {
        if (event.isEmpty() || event == "data: [DONE]") {
            continue;
        }
        QVERIFY2(event.startsWith("data: "), event.constData());
        chunks.append(QJsonDocument::fromJson(event.sliced(6)).object());
        QCOMPARE(chunks.last().value(QLatin1String("object")).toString(), QStringLiteral("chat.completion.chunk"));
    }
    QVERIFY(chunks.size() >= 4);
    auto choice
        = [](const QJsonObject& chunk) { return chunk.value(QLatin1String("choices")).toArray().at(0).toObject(); };
    QCOMPARE(choice(chunks.first()).value(QLatin1String("delta")).toObject().value(QLatin1String("role")).toString(),
             QStringLiteral("assistant"));
    QString text;
    for (const QJsonObject& chunk : chunks) {
        text += choice(chunk).value(QLatin1String("delta")).toObject().value(QLatin1String("content")).toString();
    }
    QVERIFY(!text.isEmpty());
    QCOMPARE(choice(chunks.at(chunks.size() - 2)).value(QLatin1String("finish_reason")).toString(),
             QStringLiteral("stop"));
    QVERIFY(chunks.last().value(QLatin1String("choices")).toArray().isEmpty());
    QVERIFY(chunks.last().value(QLatin1String("usage")).toObject().value(QLatin1String("total_tokens")).toInt() > 0);
    QTRY_COMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().status, RequestStatus::Ok);
}

void tst_GatewayServer::modelNames_resolveToTheRightModel_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("answeredBy");
    QTest::newRow("model id") << "sandbox/deepseek-chat"
                              << "sandbox/deepseek-chat";
    QTest::newRow("provider's model name") << "codestral-latest"
                                           << "sandbox/codestral-latest";
    QTest::newRow("group name") << "solo"
                                << "sandbox/gemini-2.5-flash";
    QTest::newRow("tier name") << "coding"
                               << "sandbox/codestral-latest";
    QTest::newRow("auto follows the rules (default tier)") << "auto"
                                                           << "sandbox/gpt-4.1-mini";
}

void tst_GatewayServer::modelNames_resolveToTheRightModel()
{
    QFETCH(QString, model);
    QFETCH(QString, answeredBy);
    const HttpAnswer answer
        = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody(model));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(QLatin1String("model")).toString(), answeredBy);
}

void tst_GatewayServer::tierHeader_forcesTheTier()
{
    const HttpAnswer answer = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")),
                                       chatBody(QStringLiteral("auto")), { { "x-switchyard-tier", "coding" } });
    QCOMPARE(answer.status, 200);
    QTRY_COMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().tier, QStringLiteral("coding"));
    QCOMPARE(answer.json().value(QLatin1String("model")).toString(), QStringLiteral("sandbox/codestral-latest"));
}

void tst_GatewayServer::upstreamFailure_failsOverTransparently()
{
    m_fx->sandbox.setFault(QStringLiteral("gpt-4.1-mini"), SandboxFault::httpError(500));
    const HttpAnswer answer
        = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("chat")));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(QLatin1String("model")).toString(), QStringLiteral("sandbox/deepseek-chat"));
    QCOMPARE(answer.header("x-switchyard-failovers"), QByteArray("1"));
    QTRY_COMPARE(m_fx->records.size(), 1);
    const RequestRecord& record = m_fx->records.first();
    QCOMPARE(record.status, RequestStatus::Ok);
    QCOMPARE(record.attempts.size(), 2);
    QCOMPARE(record.attempts.first().failureClass, QStringLiteral("server_error"));
    QCOMPARE(record.failovers.size(), 1);
}

void tst_GatewayServer::upstreamFailure_noFallback_502WithAttempts()
{
    m_fx->sandbox.setFault(QStringLiteral("gemini-2.5-flash"), SandboxFault::httpError(503));
    const HttpAnswer answer
        = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("solo")));
    QCOMPARE(answer.status, 502);
    const QJsonObject error = answer.error();
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("upstream_failed"));
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QLatin1String("503")));
    const QJsonArray attempts = error.value(QLatin1String("attempts")).toArray();
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts.at(0).toObject().value(QLatin1String("model")).toString(),
             QStringLiteral("sandbox/gemini-2.5-flash"));
    QTRY_COMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().status, RequestStatus::Failed);
    QCOMPARE(m_fx->records.first().failureClass, QStringLiteral("server_error"));
}

void tst_GatewayServer::clientDisconnectMidStream_cancelsAndRecordsOnce()
{
    SandboxFault slow = SandboxFault::ofKind(SandboxFault::Kind::SlowTokens);
    slow.tokenIntervalMs = 200;
    m_fx->sandbox.setTimeScale(1);
    m_fx->sandbox.setFault(QStringLiteral("gemini-2.5-flash"), slow);
    QNetworkRequest request(m_fx->url(QStringLiteral("/v1/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = m_nam->post(request, chatBody(QStringLiteral("solo"), true));
    QByteArray received;
    connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(received.contains("\"content\":\""), 10000);
    QCOMPARE(m_fx->gateway->inFlight(), 1);
    reply->abort();
    reply->deleteLater();

    QTRY_COMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().status, RequestStatus::Cancelled);
    QCOMPARE(m_fx->records.first().attempts.size(), 1);
    QCOMPARE(m_fx->records.first().attempts.first().outcome, AttemptOutcome::Cancelled);
    QTRY_COMPARE(m_fx->gateway->inFlight(), 0);
    // The upstream request is gone too: the sandbox sees its client leave.
    QTRY_COMPARE(m_fx->sandbox.httpServer()->openConnections(), 0);
    QTest::qWait(50); // nothing else may be recorded afterwards
    QCOMPARE(m_fx->records.size(), 1);
}

void tst_GatewayServer::perClientCap_answers429()
{
    GatewayOptions options;
    options.maxConcurrentPerClient = 1;
    m_fx->gateway->setOptions(options);
    m_fx->sandbox.setFault(QStringLiteral("gemini-2.5-flash"),
                           SandboxFault::ofKind(SandboxFault::Kind::HangBeforeHeaders));
    QNetworkRequest request(m_fx->url(QStringLiteral("/v1/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* hanging = m_nam->post(request, chatBody(QStringLiteral("solo")));
    QTRY_COMPARE(m_fx->gateway->inFlight(), 1);
    const HttpAnswer second
        = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("chat")));
    QCOMPARE(second.status, 429);
    QCOMPARE(second.error().value(QLatin1String("code")).toString(), QStringLiteral("too_many_concurrent_requests"));
    hanging->abort();
    hanging->deleteLater();
    QTRY_COMPARE(m_fx->gateway->inFlight(), 0);
    const HttpAnswer third
        = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("chat")));
    QCOMPARE(third.status, 200);
}

void tst_GatewayServer::models_listsAutoGroupsTiersAndModels()
{
    const HttpAnswer answer = httpCall(*m_nam, "GET", m_fx->url(QStringLiteral("/v1/models")));
    QCOMPARE(answer.status, 200);
    QStringList ids;
    for (const QJsonValue& entry : answer.json().value(QLatin1String("data")).toArray()) {
        QCOMPARE(entry.toObject().value(QLatin1String("object")).toString(), QStringLiteral("model"));
        ids.append(entry.toObject().value(QLatin1String("id")).toString());
    }
    for (const char* expected : { "auto", "chat", "solo", "haiku", "standard", "coding", "sandbox/gpt-4.1-mini" }) {
        QVERIFY2(ids.contains(QLatin1String(expected)), expected);
    }
    const HttpAnswer health = httpCall(*m_nam, "GET", m_fx->url(QStringLiteral("/health")));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(httpCall(*m_nam, "GET", m_fx->url(QStringLiteral("/v1/health"))).status, 200);
}

void tst_GatewayServer::beyondLoopback_needsKey()
{
    GatewayServer open(GatewayDependencies { &m_fx->router, {} });
    QVERIFY(!open.listen(QHostAddress::AnyIPv4, 0));
    QVERIFY(open.errorString().contains(QLatin1String("key")));

    GatewayServer keyed(GatewayDependencies { &m_fx->router, {} });
    GatewayOptions options;
    options.apiKey = kKey;
    keyed.setOptions(options);
    QVERIFY(!keyed.listen(QHostAddress::AnyIPv4, 0)); // plain HTTP beyond loopback must be chosen
    QVERIFY(keyed.errorString().contains(QLatin1String("--insecure-http")));
    options.insecureHttp = true;
    keyed.setOptions(options);
    QVERIFY2(keyed.listen(QHostAddress::AnyIPv4, 0), qPrintable(keyed.errorString()));
    QVERIFY(keyed.requiresKey());
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(keyed.port()));
    QCOMPARE(httpCall(*m_nam, "POST", url, chatBody(QStringLiteral("chat"))).status, 401);
    QCOMPARE(httpCall(*m_nam, "POST", url, chatBody(QStringLiteral("chat")), kAuth).status, 200);
}

void tst_GatewayServer::upstreamKey_neverEchoed()
{
    const QByteArray secret = QByteArrayLiteral("sk-upstream-secret-4f9a");
    qputenv("SWITCHYARD_TEST_UPSTREAM_KEY", secret);
    QList<ProviderConfig> providers = m_fx->sandbox.providers();
    for (ProviderConfig& provider : providers) {
        provider.keyEnv = QStringLiteral("SWITCHYARD_TEST_UPSTREAM_KEY");
    }
    m_fx->router.setProviders(providers);
    m_fx->sandbox.setFault(QStringLiteral("gemini-2.5-flash"), SandboxFault::httpError(401));
    const HttpAnswer failed
        = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("solo")));
    QCOMPARE(failed.status, 502);
    const HttpAnswer ok
        = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("chat")));
    QCOMPARE(ok.status, 200);
    for (const HttpAnswer* answer : { &failed, &ok }) {
        QVERIFY(!answer->body.contains(secret));
        for (const QByteArray& value : answer->headers) {
            QVERIFY(!value.contains(secret));
        }
    }
    qunsetenv("SWITCHYARD_TEST_UPSTREAM_KEY");
}

void tst_GatewayServer::brokenStreamAfterText_endsWithErrorEventAndIncomplete()
{
    // Text already sent cannot be taken back, so a restart on the fallback is not possible.
    SandboxFault drop = SandboxFault::ofKind(SandboxFault::Kind::DropMidStream);
    drop.afterTokens = 3;
    m_fx->sandbox.setFault(QStringLiteral("gpt-4.1-mini"), drop);
    const HttpAnswer answer = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")),
                                       chatBody(QStringLiteral("chat"), true));
    QCOMPARE(answer.status, 200);
    QVERIFY2(answer.body.contains("data: {\"error\":{"), answer.body.constData());
    QVERIFY(!answer.body.contains("[DONE]"));
    QTRY_COMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().status, RequestStatus::Incomplete);
    QTRY_COMPARE(m_fx->gateway->inFlight(), 0);
}

void tst_GatewayServer::trafficSignals_reportModelStatusAndLatency()
{
    QSignalSpy started(m_fx->gateway.get(), &GatewayServer::requestStarted);
    QSignalSpy finished(m_fx->gateway.get(), &GatewayServer::requestFinished);
    QCOMPARE(
        httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("chat")))
            .status,
        200);
    QCOMPARE(
        httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")), chatBody(QStringLiteral("nope")))
            .status,
        404);
    QCOMPARE(started.size(), 2);
    QCOMPARE(finished.size(), 2);
    const auto ok = finished.at(0).at(0).value<GatewayTraffic>();
    QCOMPARE(ok.model, QStringLiteral("chat"));
    QCOMPARE(ok.finalModel, QStringLiteral("sandbox/gpt-4.1-mini"));
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.client, QStringLiteral("127.0.0.1"));
    QVERIFY(ok.latencyMs >= 0 && ok.error.isEmpty());
    const auto missing = finished.at(1).at(0).value<GatewayTraffic>();
    QCOMPARE(missing.status, 404);
    QVERIFY(missing.error.contains(QLatin1String("nope")));
    QCOMPARE(started.at(1).at(0).value<GatewayTraffic>().id, missing.id);
}

QTEST_GUILESS_MAIN(tst_GatewayServer)
#include "tst_GatewayServer.moc"
