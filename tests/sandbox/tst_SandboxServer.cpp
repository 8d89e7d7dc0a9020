#include "SandboxTestClient.h"

#include "core/http/HttpServer.h"
#include "core/sandbox/SandboxStream.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

// Catalogue, routing of endpoints and models, errors for bad requests, counters and pacing.
class TestSandboxServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void catalogue_providersAndModelsMatch();
    void models_carryPricesFromLiteLlm_data();
    void models_carryPricesFromLiteLlm();
    void text_deterministicPerPromptAndModel();
    void codePrompt_getsFencedCodeBlock();
    void unknownModel_404InProviderEnvelope_data();
    void unknownModel_404InProviderEnvelope();
    void badJson_400InProviderEnvelope();
    void unknownPath_404_data();
    void unknownPath_404();
    void promptBeyondContextWindow_400ContextLengthExceeded();
    void modelsEndpoint_listsProviderModels_data();
    void modelsEndpoint_listsProviderModels();
    void requestCount_countsEveryUpstreamRequest();
    void timeScaleZero_answersAtOnce();
    void timeScale_pacesFirstToken();
    void concurrentStreams_allComplete();

private:
    SandboxServer* m_sandbox = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
};

void TestSandboxServer::init()
{
    m_sandbox = new SandboxServer(this);
    QVERIFY(m_sandbox->start());
    m_sandbox->setTimeScale(0);
    m_nam = new QNetworkAccessManager(this);
}

void TestSandboxServer::cleanup()
{
    delete m_nam;
    delete m_sandbox;
}

void TestSandboxServer::catalogue_providersAndModelsMatch()
{
    const QList<ProviderConfig> providers = m_sandbox->providers();
    QCOMPARE(providers.size(), 5);
    QSet<QString> ids;
    for (const ProviderConfig& provider : providers) {
        QVERIFY(provider.simulated);
        QVERIFY(provider.keyEnv.isEmpty());
        QCOMPARE(provider.baseUrl.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(provider.baseUrl.port(), int(m_sandbox->port()));
        ids.insert(provider.id);
    }
    const QList<ModelConfig> models = m_sandbox->models();
    QCOMPARE(models.size(), SandboxServer::catalogue().size());
    QSet<QString> roles;
    for (const SandboxModel& model : SandboxServer::catalogue()) {
        QVERIFY2(ids.contains(model.providerId), qPrintable(model.name));
        QVERIFY(model.contextWindow > 0 && model.firstTokenMs > 0 && model.tokensPerSecond > 0);
        roles.insert(model.role);
    }
    QCOMPARE(roles, (QSet<QString> { "budget", "standard", "coding", "premium" }));
    for (const ModelConfig& model : models) {
        QVERIFY(model.id.startsWith("sandbox/"));
        QCOMPARE(model.id.mid(8), model.upstreamModel);
        QVERIFY(model.price.known && model.price.outputPerMTok > 0);
    }
}

void TestSandboxServer::models_carryPricesFromLiteLlm_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("input");
    QTest::addColumn<double>("output");
    QTest::addColumn<double>("cached");
    QTest::addColumn<int>("context");
    QTest::newRow("gpt-4.1-mini") << "gpt-4.1-mini" << 0.40 << 1.60 << 0.10 << 1047576;
    QTest::newRow("gpt-5") << "gpt-5" << 1.25 << 10.0 << 0.125 << 272000;
    QTest::newRow("gemini-2.5-flash") << "gemini-2.5-flash" << 0.30 << 2.50 << 0.03 << 1048576;
    QTest::newRow("deepseek-chat") << "deepseek-chat" << 0.28 << 0.42 << 0.028 << 131072;
    QTest::newRow("claude-sonnet-4-5") << "claude-sonnet-4-5" << 3.0 << 15.0 << 0.30 << 200000;
    QTest::newRow("claude-haiku-4-5") << "claude-haiku-4-5" << 1.0 << 5.0 << 0.10 << 200000;
}

void TestSandboxServer::models_carryPricesFromLiteLlm()
{
    QFETCH(QString, name);
    QFETCH(double, input);
    QFETCH(double, output);
    QFETCH(double, cached);
    QFETCH(int, context);
    for (const ModelConfig& model : m_sandbox->models()) {
        if (model.upstreamModel == name) {
            QCOMPARE(model.price.inputPerMTok, input);
            QCOMPARE(model.price.outputPerMTok, output);
            QCOMPARE(model.price.cachedInputPerMTok, cached);
            QCOMPARE(model.contextWindow, context);
            return;
        }
    }
    QFAIL("model missing");
}

void TestSandboxServer::text_deterministicPerPromptAndModel()
{
    auto textOf = [this](const QString& model, const QString& prompt) {
        std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, model, prompt, false));
        if (!QTest::qWaitFor([&] { return exchange->finished; }, 5000)) {
            return QString();
        }
        return exchange->json()["choices"].toArray()[0].toObject()["message"].toObject()["content"].toString();
    };
    const QString a = textOf("gpt-4.1-mini", "What is a ledger?");
    QVERIFY(!a.isEmpty());
    QCOMPARE(textOf("gpt-4.1-mini", "What is a ledger?"), a);
    QVERIFY(textOf("gpt-4.1-mini", "What is a router?") != a);
    QVERIFY(textOf("gpt-5", "What is a ledger?") != a);
}

void TestSandboxServer::codePrompt_getsFencedCodeBlock()
{
    std::unique_ptr<Exchange> exchange(
        chat(*m_nam, *m_sandbox, "codestral-latest", "Write a Python function that sums prices", false));
    QTRY_VERIFY(exchange->finished);
    const QString text
        = exchange->json()["choices"].toArray()[0].toObject()["message"].toObject()["content"].toString();
    QVERIFY2(text.contains("```python\ndef "), qPrintable(text));
    QCOMPARE(text.count("```"), 2);

    std::unique_ptr<Exchange> prose(chat(*m_nam, *m_sandbox, "codestral-latest", "Tell me about rivers", false));
    QTRY_VERIFY(prose->finished);
    QVERIFY(!prose->body.contains("```"));
}

void TestSandboxServer::unknownModel_404InProviderEnvelope_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");
    QTest::newRow("openai wire, made-up model") << "sandbox-openai"
                                                << "gpt-9";
    QTest::newRow("openai wire, another provider's model") << "sandbox-openai"
                                                           << "deepseek-chat";
    QTest::newRow("anthropic wire, made-up model") << "sandbox-anthropic"
                                                   << "claude-9";
}

void TestSandboxServer::unknownModel_404InProviderEnvelope()
{
    QFETCH(QString, provider);
    QFETCH(QString, model);
    const bool anthropic = provider == "sandbox-anthropic";
    QNetworkRequest request(callUrl(*m_sandbox, provider));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    const QJsonObject body = anthropic ? anthropicBody(model, "hi", false) : openAiBody(model, "hi", false);
    std::unique_ptr<Exchange> exchange(new Exchange(m_nam->post(request, QJsonDocument(body).toJson())));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 404);
    const QJsonObject json = exchange->json();
    if (anthropic) {
        QCOMPARE(json["type"].toString(), QStringLiteral("error"));
        QCOMPARE(json["error"].toObject()["type"].toString(), QStringLiteral("not_found_error"));
    } else {
        QCOMPARE(json["error"].toObject()["code"].toString(), QStringLiteral("model_not_found"));
        QCOMPARE(json["error"].toObject()["type"].toString(), QStringLiteral("invalid_request_error"));
        QVERIFY(json["error"].toObject()["message"].toString().contains(model));
    }
    QCOMPARE(m_sandbox->requestCount(model), 1);
}

void TestSandboxServer::badJson_400InProviderEnvelope()
{
    QNetworkRequest request(callUrl(*m_sandbox, "sandbox-anthropic"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    std::unique_ptr<Exchange> exchange(new Exchange(m_nam->post(request, QByteArray("{not json"))));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 400);
    QCOMPARE(exchange->json()["error"].toObject()["type"].toString(), QStringLiteral("invalid_request_error"));
}

void TestSandboxServer::unknownPath_404_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("errorType");
    QTest::newRow("openai provider, unknown endpoint") << "/openai/v1/audio/speech"
                                                       << "invalid_request_error";
    QTest::newRow("anthropic provider has no embeddings") << "/anthropic/v1/embeddings"
                                                          << "not_found_error";
    QTest::newRow("anthropic provider, unknown endpoint") << "/anthropic/v1/complete"
                                                          << "not_found_error";
    QTest::newRow("no such provider") << "/nowhere/v1/chat/completions"
                                      << "invalid_request_error";
}

void TestSandboxServer::unknownPath_404()
{
    QFETCH(QString, path);
    QFETCH(QString, errorType);
    const QUrl url(QStringLiteral("http://127.0.0.1:%1%2").arg(m_sandbox->port()).arg(path));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    std::unique_ptr<Exchange> exchange(new Exchange(m_nam->post(request, QByteArray("{}"))));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 404);
    QCOMPARE(exchange->json()["error"].toObject()["type"].toString(), errorType);
    QCOMPARE(m_sandbox->totalRequests(), 0);
}

void TestSandboxServer::promptBeyondContextWindow_400ContextLengthExceeded()
{
    const QString prompt(140000 * 4, QLatin1Char('a')); // deepseek-chat holds 131072 tokens
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, "deepseek-chat", prompt, false));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 400);
    const QJsonObject error = exchange->json()["error"].toObject();
    QCOMPARE(error["code"].toString(), QStringLiteral("context_length_exceeded"));
    QVERIFY(error["message"].toString().contains("131072"));
}

void TestSandboxServer::modelsEndpoint_listsProviderModels_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("openai list format") << "/openai/v1/models" << QStringList { "gpt-4.1-mini", "gpt-5", "gpt-4.1" };
    QTest::newRow("mistral list format") << "/mistral/v1/models" << QStringList { "codestral-latest" };
    QTest::newRow("anthropic list format")
        << "/anthropic/v1/models" << QStringList { "claude-sonnet-4-5", "claude-haiku-4-5" };
}

void TestSandboxServer::modelsEndpoint_listsProviderModels()
{
    QFETCH(QString, path);
    QFETCH(QStringList, ids);
    const QUrl url(QStringLiteral("http://127.0.0.1:%1%2").arg(m_sandbox->port()).arg(path));
    std::unique_ptr<Exchange> exchange(new Exchange(m_nam->get(QNetworkRequest(url))));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 200);
    QStringList got;
    for (const QJsonValue& entry : exchange->json()["data"].toArray()) {
        got.append(entry.toObject()["id"].toString());
        QVERIFY(entry.toObject().contains(path.startsWith("/anthropic") ? "display_name" : "owned_by"));
    }
    QCOMPARE(got, ids);
    QCOMPARE(m_sandbox->totalRequests(), 0); // listing is not an upstream call
}

void TestSandboxServer::requestCount_countsEveryUpstreamRequest()
{
    QSignalSpy received(m_sandbox, &SandboxServer::requestReceived);
    std::vector<std::unique_ptr<Exchange>> exchanges;
    for (int i = 0; i < 3; ++i) {
        exchanges.emplace_back(chat(*m_nam, *m_sandbox, "gpt-5", QString::number(i), i % 2 == 0));
    }
    exchanges.emplace_back(chat(*m_nam, *m_sandbox, "claude-haiku-4-5", "x", false));
    QTRY_VERIFY(std::all_of(exchanges.begin(), exchanges.end(), [](const auto& e) { return e->finished; }));
    QCOMPARE(m_sandbox->requestCount("gpt-5"), 3);
    QCOMPARE(m_sandbox->requestCount("claude-haiku-4-5"), 1);
    QCOMPARE(m_sandbox->requestCount("gpt-4.1"), 0);
    QCOMPARE(m_sandbox->totalRequests(), 4);
    QCOMPARE(received.count(), 4);
    QCOMPARE(received.last().at(1).toByteArray(), QByteArray("/anthropic/v1/messages"));
}

void TestSandboxServer::timeScaleZero_answersAtOnce()
{
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, "gpt-5", "hello", true)); // 2.5 s first token
    QTRY_VERIFY(exchange->finished);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(exchange->body.endsWith("data: [DONE]\n\n"));
}

void TestSandboxServer::timeScale_pacesFirstToken()
{
    m_sandbox->setTimeScale(0.04); // gpt-5: 2500 ms first token -> 100 ms
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, "gpt-5", "hello", true, 6));
    QTRY_VERIFY(streamedText(exchange->events()).size() > 0);
    const qint64 firstTokenMs = timer.elapsed();
    QVERIFY2(firstTokenMs >= 90, qPrintable(QString::number(firstTokenMs)));
    QTRY_VERIFY(exchange->finished);
    QVERIFY(exchange->reads >= 2); // the preamble and the tokens came in separate reads
}

void TestSandboxServer::concurrentStreams_allComplete()
{
    m_sandbox->setTimeScale(0.2); // streams of 200-500 ms, so they overlap
    int peakStreams = 0;
    connect(m_sandbox, &SandboxServer::requestReceived, this, [&] {
        peakStreams = qMax(peakStreams, int(m_sandbox->httpServer()->findChildren<SandboxStream*>().size()));
    });
    // QNetworkAccessManager opens at most six connections per host, so several managers.
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    std::vector<std::unique_ptr<Exchange>> exchanges;
    for (int i = 0; i < 24; ++i) {
        if (i % 6 == 0) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
        }
        const QString model = i % 3 == 0 ? "claude-haiku-4-5" : i % 3 == 1 ? "gpt-4.1-mini" : "deepseek-chat";
        exchanges.emplace_back(chat(*managers.back(), *m_sandbox, model, QString::number(i), true, 0, true));
    }
    int peak = 0;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 peak = qMax(peak, m_sandbox->httpServer()->openConnections());
                                 return std::all_of(exchanges.begin(), exchanges.end(),
                                                    [](const auto& e) { return e->finished; });
                             }()),
                             20000);
    QVERIFY2(peak >= 20, qPrintable(QString::number(peak)));
    QVERIFY2(peakStreams >= 12, qPrintable(QString::number(peakStreams)));
    for (const auto& exchange : exchanges) {
        QCOMPARE(exchange->reply->error(), QNetworkReply::NoError);
        QVERIFY(exchange->body.endsWith("data: [DONE]\n\n") || exchange->body.contains("event: message_stop"));
    }
    exchanges.clear();
    managers.clear();
    QTRY_COMPARE(m_sandbox->httpServer()->openConnections(), 0);
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_SandboxServer.moc"
