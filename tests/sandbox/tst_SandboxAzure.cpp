#include "SandboxTestClient.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

// The sandbox's Azure OpenAI resource, seen from a plain HTTP client: the URL shapes, the api-key
// check, the required api-version, and its answers and failures shaped as Azure's (the samples in
// tests/data/wire-next and tests/data/wire).
namespace {
const QString kDeployment = QStringLiteral("gpt-4o-mini-prod");
const QByteArray kKey = "azure-key-1";

// The value at a dotted path of objects: at(answer, "message.content").
QJsonValue at(const QJsonObject& object, const QString& path)
{
    QJsonValue value = object;
    for (const QString& key : path.split(QLatin1Char('.'))) {
        value = value.toObject().value(key);
    }
    return value;
}

QByteArray fixture(const QString& name)
{
    QFile file(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestSandboxAzure : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void request_answeredOrRefusedAsAzure_data();
    void request_answeredOrRefusedAsAzure();
    void answer_carriesAzureFilterResults();
    void stream_startsWithPromptFilterResults();
    void contentFilterFault_isAzuresOwn400();
    void rateLimitFault_retryAfterInHeadersAndProse();
    void filteredAnswerFault_finishReasonContentFilter_data();
    void filteredAnswerFault_finishReasonContentFilter();
    void providers_azureOfferedOnlyWithDeployments();

private:
    Exchange* post(const QString& target, const QList<std::pair<QByteArray, QByteArray>>& headers, bool stream,
                   const QString& bodyModel = QStringLiteral("ignored-by-azure"));

    SandboxServer* m_sandbox = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
};

void TestSandboxAzure::init()
{
    m_sandbox = new SandboxServer(this);
    QVERIFY(m_sandbox->start());
    m_sandbox->setTimeScale(0);
    SandboxModel deployment;
    deployment.name = kDeployment;
    deployment.providerId = QStringLiteral("sandbox-azure");
    deployment.kind = ProviderKind::AzureOpenAi;
    deployment.inputPrice = 0.15;
    deployment.outputPrice = 0.6;
    deployment.contextWindow = 128000;
    m_sandbox->addModel(deployment);
    m_sandbox->setRequiredKey(QStringLiteral("sandbox-azure"), QString::fromLatin1(kKey));
    m_nam = new QNetworkAccessManager(this);
}

void TestSandboxAzure::cleanup()
{
    delete m_nam;
    delete m_sandbox;
}

Exchange* TestSandboxAzure::post(const QString& target, const QList<std::pair<QByteArray, QByteArray>>& headers,
                                 bool stream, const QString& bodyModel)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/azure%2").arg(m_sandbox->port()).arg(target)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    for (const auto& [name, value] : headers) {
        request.setRawHeader(name, value);
    }
    QJsonObject body = openAiBody(bodyModel, QStringLiteral("What is the capital of Denmark?"), stream, stream);
    if (bodyModel.isEmpty()) {
        body.remove(QStringLiteral("model"));
    }
    return new Exchange(m_nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

void TestSandboxAzure::request_answeredOrRefusedAsAzure_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("bodyModel");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body"); // the whole error body; empty = an answer

    const QString deploymentUrl = "/openai/deployments/" + kDeployment + "/chat/completions?api-version=2024-10-21";
    QTest::newRow("deployment URL, api-version and api-key: answered")
        << deploymentUrl << QByteArray("api-key") << kKey << "" << 200 << QByteArray();
    QTest::newRow("an Entra ID token as a bearer: answered")
        << deploymentUrl << QByteArray("Authorization") << "Bearer " + kKey << "" << 200 << QByteArray();
    QTest::newRow("the v1 API: the body's model names the deployment, no api-version")
        << "/openai/v1/chat/completions" << QByteArray("api-key") << kKey << kDeployment << 200 << QByteArray();
    QTest::newRow("no api-version: Azure's 404 Resource not found")
        << "/openai/deployments/" + kDeployment + "/chat/completions" << QByteArray("api-key") << kKey << "" << 404
        << QByteArray(R"({"error":{"code":"404","message":"Resource not found"}})");
    QTest::newRow("a wrong key: Azure's 401")
        << deploymentUrl << QByteArray("api-key") << QByteArray("other-key") << "" << 401
        << QByteArray(R"({"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong )"
                      R"(API endpoint. Make sure to provide a valid key for an active subscription and use a correct )"
                      R"(regional API endpoint for your resource."}})");
    QTest::newRow("no key at all: 401")
        << deploymentUrl << QByteArray("x-unrelated") << QByteArray("1") << "" << 401
        << QByteArray(R"({"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong )"
                      R"(API endpoint. Make sure to provide a valid key for an active subscription and use a correct )"
                      R"(regional API endpoint for your resource."}})");
    QTest::newRow("a deployment the resource does not have: DeploymentNotFound")
        << "/openai/deployments/nope/chat/completions?api-version=2024-10-21" << QByteArray("api-key") << kKey << ""
        << 404
        << QByteArray(R"({"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource )"
                      R"(does not exist. If you created the deployment within the last 5 minutes, please wait a )"
                      R"(moment and try again."}})");
}

void TestSandboxAzure::request_answeredOrRefusedAsAzure()
{
    QFETCH(QString, target);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(QString, bodyModel);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    Exchange* exchange = post(target, { { header, value } }, false, bodyModel);
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), status);
    if (body.isEmpty()) {
        const QJsonObject choice = exchange->json().value(QLatin1String("choices")).toArray().at(0).toObject();
        QVERIFY(!at(choice, QStringLiteral("message.content")).toString().isEmpty());
        QCOMPARE(m_sandbox->requestCount(kDeployment), 1);
    } else {
        QCOMPARE(exchange->body, body);
        QCOMPARE(m_sandbox->requestCount(kDeployment), 0);
    }
}

void TestSandboxAzure::answer_carriesAzureFilterResults()
{
    Exchange* exchange = post("/openai/deployments/" + kDeployment + "/chat/completions?api-version=2024-10-21",
                              { { "api-key", kKey } }, false);
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 200);
    const QJsonObject answer = exchange->json();
    // As in azure-openai-chat-nonstream-prompt-filter.json: keys in alphabetical order, filter results
    // for the prompt (with jailbreak) and for the choice.
    QCOMPARE(answer.keys(),
             QStringList({ "choices", "created", "id", "model", "object", "prompt_filter_results", "system_fingerprint",
                           "usage" }));
    QVERIFY(exchange->body.startsWith(R"({"choices":[{"content_filter_results":{"hate":{"filtered":false,)"));
    const QJsonObject prompt = answer["prompt_filter_results"].toArray().at(0).toObject();
    QCOMPARE(prompt["prompt_index"].toInt(), 0);
    QCOMPARE(at(prompt, QStringLiteral("content_filter_results.jailbreak.detected")).toBool(true), false);
    QCOMPARE(answer["choices"].toArray().at(0)["finish_reason"].toString(), QStringLiteral("stop"));
    QCOMPARE(answer["model"].toString(), kDeployment);
}

void TestSandboxAzure::stream_startsWithPromptFilterResults()
{
    Exchange* exchange = post("/openai/deployments/" + kDeployment + "/chat/completions?api-version=2024-10-21",
                              { { "api-key", kKey } }, true);
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 200);
    const QList<SseEvent> events = exchange->events();
    QVERIFY(events.size() >= 5);
    // The first event as in azure-openai-chat-stream-content-filter.sse: no id, model or choices.
    const QJsonObject first = events.first().json();
    QCOMPARE(first["choices"].toArray().size(), 0);
    QCOMPARE(first["id"].toString(), QString());
    QCOMPARE(first["created"].toInt(-1), 0);
    QCOMPARE(first["prompt_filter_results"].toArray().size(), 1);
    QVERIFY(!streamedText(events).isEmpty());
    const QJsonObject finish = events.at(events.size() - 3).json()["choices"].toArray().at(0).toObject();
    QCOMPARE(finish["finish_reason"].toString(), QStringLiteral("stop"));
    QVERIFY(finish.contains(QLatin1String("content_filter_results")));
    QVERIFY(events.at(events.size() - 2).json().contains(QLatin1String("usage")));
    QCOMPARE(events.last().data, QByteArray("[DONE]"));
}

void TestSandboxAzure::contentFilterFault_isAzuresOwn400()
{
    m_sandbox->setFault(kDeployment, SandboxFault::httpError(400, "content_filter"));
    Exchange* exchange = post("/openai/deployments/" + kDeployment + "/chat/completions?api-version=2024-10-21",
                              { { "api-key", kKey } }, true);
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 400);
    QCOMPARE(exchange->body, fixture(QStringLiteral("wire-next/azure-openai-error-400-content-filter.json")));
}

void TestSandboxAzure::rateLimitFault_retryAfterInHeadersAndProse()
{
    m_sandbox->setFault(kDeployment, SandboxFault::httpError(429, {}, 3));
    Exchange* exchange = post("/openai/deployments/" + kDeployment + "/chat/completions?api-version=2024-10-21",
                              { { "api-key", kKey } }, false);
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 429);
    QCOMPARE(exchange->reply->rawHeader("retry-after"), QByteArray("3"));
    QCOMPARE(exchange->reply->rawHeader("retry-after-ms"), QByteArray("3000"));
    const QJsonObject error = exchange->json()["error"].toObject();
    // The shape of azure-openai-error-429.json: a string code, the wait only in the prose.
    QCOMPARE(error.keys(), QStringList({ "code", "message" }));
    QCOMPARE(error["code"].toString(), QStringLiteral("429"));
    QVERIFY(error["message"].toString().contains(QLatin1String("Please retry after 3 seconds.")));
}

void TestSandboxAzure::filteredAnswerFault_finishReasonContentFilter_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("whole answer") << false;
    QTest::newRow("streamed") << true;
}

void TestSandboxAzure::filteredAnswerFault_finishReasonContentFilter()
{
    QFETCH(bool, stream);
    m_sandbox->setFault(kDeployment, SandboxFault::ofKind(SandboxFault::Kind::FilteredAnswer));
    Exchange* exchange = post("/openai/deployments/" + kDeployment + "/chat/completions?api-version=2024-10-21",
                              { { "api-key", kKey } }, stream);
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 200);
    QJsonObject choice;
    if (stream) {
        const QList<SseEvent> events = exchange->events();
        QCOMPARE(streamedText(events), QString());
        choice = events.at(events.size() - 3).json()["choices"].toArray().at(0).toObject();
    } else {
        choice = exchange->json()["choices"].toArray().at(0).toObject();
        QVERIFY(at(choice, QStringLiteral("message.content")).isNull());
    }
    QCOMPARE(choice["finish_reason"].toString(), QStringLiteral("content_filter"));
    QCOMPARE(at(choice, QStringLiteral("content_filter_results.violence.filtered")).toBool(), true);
    QCOMPARE(at(choice, QStringLiteral("content_filter_results.violence.severity")).toString(), QStringLiteral("high"));
}

void TestSandboxAzure::providers_azureOfferedOnlyWithDeployments()
{
    const auto azureIn = [](const QList<ProviderConfig>& providers) -> std::optional<ProviderConfig> {
        for (const ProviderConfig& provider : providers) {
            if (provider.kind == ProviderKind::AzureOpenAi) {
                return provider;
            }
        }
        return std::nullopt;
    };
    SandboxServer plain;
    QVERIFY(plain.start());
    QVERIFY(!azureIn(plain.providers()));
    const auto azure = azureIn(m_sandbox->providers());
    QVERIFY(azure);
    QCOMPARE(azure->id, QStringLiteral("sandbox-azure"));
    QCOMPARE(azure->apiVersion, QStringLiteral("2024-10-21"));
    QCOMPARE(azure->baseUrl.path(), QStringLiteral("/azure"));
}

QTEST_GUILESS_MAIN(TestSandboxAzure)
#include "tst_SandboxAzure.moc"
