#include "WireFixtures.h"
#include "core/providers/ModelListFetcher.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/sandbox/SandboxServer.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

Q_DECLARE_METATYPE(FailureClass)

// Azure OpenAI through the real provider client over loopback: the request on the wire byte for
// byte as Microsoft documents it (deployment URL with api-version, or the v1 API; api-key or an
// Entra ID bearer token; OpenAI's body), the recorded Azure answers, streams and errors
// (tests/data/wire-next, tests/data/wire) read as Azure means them, and the sandbox's Azure.
namespace {
// Keeps the raw request it got and answers with `response`.
class RecordingServer : public QTcpServer
{
public:
    explicit RecordingServer(QByteArray response)
        : m_response(std::move(response))
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket* socket = nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                request += socket->readAll();
                const qsizetype end = request.indexOf("\r\n\r\n");
                const qsizetype lengthAt = request.toLower().indexOf("content-length: ");
                if (end < 0 || lengthAt < 0) {
                    return;
                }
                const int length
                    = request.mid(lengthAt + 16, request.indexOf("\r\n", lengthAt) - lengthAt - 16).toInt();
                if (request.size() >= end + 4 + length) {
                    socket->write(m_response);
                    socket->disconnectFromHost();
                }
            });
        });
    }

    static QByteArray answer(int status, const QByteArray& contentType, const QByteArray& body,
                             const QByteArray& extraHeaders = {})
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "Connection: close\r\n\r\n" + body;
    }

    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }

    QByteArray request;

private:
    QByteArray m_response;
};

QByteArray nextFixture(const QString& name)
{
    return WireFixtures::read(QStringLiteral("../wire-next/") + name);
}

ChatRequest chatRequest(bool stream)
{
    ChatRequest chat;
    chat.messages = { { QStringLiteral("system"), QStringLiteral("Be brief.") },
                      { QStringLiteral("user"), QStringLiteral("What is the capital of Denmark?") } };
    chat.temperature = 0.2;
    chat.maxTokens = 5;
    chat.stream = stream;
    return chat;
}

ModelConfig deployment(const QString& name)
{
    ModelConfig model;
    model.id = QStringLiteral("azure/") + name;
    model.providerId = QStringLiteral("azure");
    model.upstreamModel = name;
    return model;
}

struct Outcome
{
    std::optional<CallResult> result;
    std::optional<CallError> error;
};

Outcome run(ProviderClient& client, const ProviderConfig& provider, const ModelConfig& model, const ChatRequest& chat)
{
    std::unique_ptr<ProviderCall> call(client.start(provider, model, chat));
    QSignalSpy finished(call.get(), &ProviderCall::finished);
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    Outcome outcome;
    if (!QTest::qWaitFor([&] { return finished.size() + failed.size() > 0; }, 5000)) {
        return outcome;
    }
    if (!finished.isEmpty()) {
        outcome.result = finished.first().first().value<CallResult>();
    } else {
        outcome.error = failed.first().first().value<CallError>();
    }
    return outcome;
}
} // namespace

class TestAzureOpenAi : public QObject
{
    Q_OBJECT

private slots:
    void request_onTheWireAsDocumented_data();
    void request_onTheWireAsDocumented();
    void answers_readAsRecorded_data();
    void answers_readAsRecorded();
    void errors_classifiedAsAzureMeansThem_data();
    void errors_classifiedAsAzureMeansThem();
    void sandbox_realPathWithKeyAndFaults_data();
    void sandbox_realPathWithKeyAndFaults();
    void modelList_deploymentUrlsHaveNone();
};

void TestAzureOpenAi::request_onTheWireAsDocumented_data()
{
    QTest::addColumn<QString>("basePath"); // after the origin
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<bool>("entraId");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QByteArray>("expected"); // the whole request, {HOST} for 127.0.0.1:port

    const QByteArray body
        = R"({"model":"gpt-4o-mini-prod","messages":[{"role":"system","content":"Be brief."},{"role":"user",)"
          R"("content":"What is the capital of Denmark?"}],"stream":false,"temperature":0.2,"max_tokens":5})";
    const QByteArray streamBody
        = R"({"model":"gpt-4o-mini-prod","messages":[{"role":"system","content":"Be brief."},{"role":"user",)"
          R"("content":"What is the capital of Denmark?"}],"stream":true,"temperature":0.2,"max_tokens":5,)"
          R"("stream_options":{"include_usage":true}})";
    const auto request = [](const QByteArray& target, const QByteArray& accept, const QByteArray& auth,
                            const QByteArray& payload) {
        return "POST " + target + " HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\nAccept: " + accept
            + "\r\n" + auth + "\r\nContent-Length: " + QByteArray::number(payload.size()) + "\r\n\r\n" + payload;
    };
    QTest::newRow("deployment URL with the configured api-version and the api-key header")
        << ""
        << "2024-10-21" << false << false
        << request("/openai/deployments/gpt-4o-mini-prod/chat/completions?api-version=2024-10-21", "application/json",
                   "api-key: azure-secret-1", body);
    QTest::newRow("a base URL with a trailing slash and a preview api-version, streamed")
        << "/"
        << "2025-04-01-preview" << false << true
        << request("/openai/deployments/gpt-4o-mini-prod/chat/completions?api-version=2025-04-01-preview",
                   "text/event-stream", "api-key: azure-secret-1", streamBody);
    QTest::newRow("no api-version configured: the default GA version is sent")
        << ""
        << "" << false << false
        << request("/openai/deployments/gpt-4o-mini-prod/chat/completions?api-version=2024-10-21", "application/json",
                   "api-key: azure-secret-1", body);
    QTest::newRow("a Microsoft Entra ID token goes as a bearer, never as api-key")
        << ""
        << "2024-10-21" << true << false
        << request("/openai/deployments/gpt-4o-mini-prod/chat/completions?api-version=2024-10-21", "application/json",
                   "Authorization: Bearer azure-secret-1", body);
    QTest::newRow("the v1 API: no deployment path, no api-version, the deployment as the model")
        << "/openai/v1"
        << "2024-10-21" << false << false
        << request("/openai/v1/chat/completions", "application/json", "api-key: azure-secret-1", body);
}

void TestAzureOpenAi::request_onTheWireAsDocumented()
{
    QFETCH(QString, basePath);
    QFETCH(QString, apiVersion);
    QFETCH(bool, entraId);
    QFETCH(bool, stream);
    QFETCH(QByteArray, expected);
    RecordingServer server(RecordingServer::answer(200, "application/json",
                                                   nextFixture("azure-openai-chat-nonstream-prompt-filter.json")));
    ProviderClient client;
    client.setTransport(ProviderClient::Transport::Direct); // writes the request exactly as built
    client.setKeyResolver([](const ProviderConfig&) { return QStringLiteral("azure-secret-1"); });
    ProviderConfig provider;
    provider.id = QStringLiteral("azure");
    provider.kind = ProviderKind::AzureOpenAi;
    provider.baseUrl = QUrl(server.origin() + basePath);
    provider.apiVersion = apiVersion;
    provider.auth = entraId ? ProviderAuth::EntraIdToken : ProviderAuth::ApiKey;
    provider.keyEnv = QStringLiteral("AZURE_OPENAI_API_KEY");
    const Outcome outcome = run(client, provider, deployment(QStringLiteral("gpt-4o-mini-prod")), chatRequest(stream));
    QVERIFY2(outcome.result || outcome.error, "no answer within 5 s");
    expected.replace("{HOST}", QStringLiteral("127.0.0.1:%1").arg(server.serverPort()).toLatin1());
    QCOMPARE(server.request, expected);
}

void TestAzureOpenAi::answers_readAsRecorded_data()
{
    QTest::addColumn<QString>("file"); // under tests/data
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("finishReason");
    QTest::addColumn<qint64>("promptTokens");
    QTest::addColumn<qint64>("completionTokens");
    QTest::addColumn<qint64>("reasoningTokens");

    QTest::newRow("whole answer with prompt_filter_results, cut at max_tokens")
        << "wire-next/azure-openai-chat-nonstream-prompt-filter.json" << false << "Hello! It looks like"
        << "length" << qint64(8) << qint64(5) << qint64(0);
    QTest::newRow("an image prompt: the singular content_filter_result, two prompt indexes")
        << "wire-next/azure-openai-chat-nonstream-image-input.json" << false
        << QString::fromUtf8("图片中展示了一家人围坐在餐桌前") << "stop" << qint64(1301) << qint64(114) << qint64(0);
    QTest::newRow("a stream opening with an id-less prompt filter chunk, usage last")
        << "wire/azure-openai-chat-stream-content-filter.sse" << true << "Capital of Denmark."
        << "stop" << qint64(15) << qint64(78) << qint64(64);
}

void TestAzureOpenAi::answers_readAsRecorded()
{
    QFETCH(QString, file);
    QFETCH(bool, stream);
    QFETCH(QString, text);
    QFETCH(QString, finishReason);
    QFETCH(qint64, promptTokens);
    QFETCH(qint64, completionTokens);
    QFETCH(qint64, reasoningTokens);
    const QByteArray bytes = WireFixtures::read(QStringLiteral("../") + file);
    QVERIFY(!bytes.isEmpty());
    RecordingServer server(RecordingServer::answer(200, stream ? "text/event-stream" : "application/json", bytes));
    ProviderClient client;
    ProviderConfig provider;
    provider.id = QStringLiteral("azure");
    provider.kind = ProviderKind::AzureOpenAi;
    provider.baseUrl = QUrl(server.origin());
    const Outcome outcome = run(client, provider, deployment(QStringLiteral("prod")), chatRequest(stream));
    QVERIFY2(outcome.result, outcome.error ? qPrintable(outcome.error->summary()) : "no answer");
    QVERIFY2(outcome.result->text.startsWith(text), qPrintable(outcome.result->text));
    QCOMPARE(outcome.result->finishReason, finishReason);
    QCOMPARE(outcome.result->usage.promptTokens, promptTokens);
    QCOMPARE(outcome.result->usage.completionTokens, completionTokens);
    QCOMPARE(outcome.result->usage.reasoningTokens, reasoningTokens);
    QVERIFY(!outcome.result->usage.estimated);
}

void TestAzureOpenAi::errors_classifiedAsAzureMeansThem_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<FailureClass>("failureClass");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("says"); // in the message

    const QByteArray rateLimit = nextFixture("azure-openai-error-429.json");
    QTest::newRow("the prompt's content filter: not an outage, the categories named")
        << 400 << nextFixture("azure-openai-error-400-content-filter.json") << QByteArray()
        << FailureClass::ContentFiltered << qint64(-1) << "prompt"
        << "content filter refused the prompt (jailbreak)";
    QTest::newRow("429 with the wait only in the prose: 86400 s")
        << 429 << rateLimit << QByteArray() << FailureClass::RateLimited << qint64(86400000) << ""
        << "exceeded token rate limit";
    QTest::newRow("429 with retry-after-ms: milliseconds win over retry-after and the prose")
        << 429 << rateLimit << QByteArray("retry-after: 2\r\nretry-after-ms: 1500\r\n") << FailureClass::RateLimited
        << qint64(1500) << ""
        << "exceeded token rate limit";
    QTest::newRow("429 with retry-after in seconds")
        << 429 << rateLimit << QByteArray("retry-after: 7\r\n") << FailureClass::RateLimited << qint64(7000) << ""
        << "Please retry after";
    QTest::newRow("429 with the 2023 header x-rate-limit-reset-tokens (seconds)")
        << 429 << rateLimit << QByteArray("x-rate-limit-reset-tokens: 55\r\npolicy-id: DeploymentRatelimit-Token\r\n")
        << FailureClass::RateLimited << qint64(55000) << ""
        << "Please retry after";
    QTest::newRow("an answer the filter withheld (finish_reason content_filter, no content)")
        << 200
        << QByteArray(R"({"choices":[{"content_filter_results":{"hate":{"filtered":false,"severity":"safe"},)"
                      R"("violence":{"filtered":true,"severity":"high"}},"finish_reason":"content_filter","index":0,)"
                      R"("message":{"content":null,"refusal":null,"role":"assistant"}}],"created":1,"id":"c",)"
                      R"("model":"gpt-4o","object":"chat.completion","usage":{"completion_tokens":9,)"
                      R"("prompt_tokens":12,"total_tokens":21}})")
        << QByteArray() << FailureClass::ContentFiltered << qint64(-1) << ""
        << "content filter withheld the answer (violence)";
}

void TestAzureOpenAi::errors_classifiedAsAzureMeansThem()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, headers);
    QFETCH(FailureClass, failureClass);
    QFETCH(qint64, retryAfterMs);
    QFETCH(QString, param);
    QFETCH(QString, says);
    QVERIFY(!body.isEmpty());
    RecordingServer server(RecordingServer::answer(status, "application/json", body, headers));
    ProviderClient client;
    ProviderConfig provider;
    provider.id = QStringLiteral("azure");
    provider.kind = ProviderKind::AzureOpenAi;
    provider.baseUrl = QUrl(server.origin());
    const Outcome outcome = run(client, provider, deployment(QStringLiteral("prod")), chatRequest(false));
    QVERIFY2(outcome.error, "the call did not fail");
    QCOMPARE(outcome.error->failureClass, failureClass);
    QCOMPARE(outcome.error->retryAfterMs, retryAfterMs);
    QCOMPARE(outcome.error->param, param);
    QVERIFY2(outcome.error->message.contains(says), qPrintable(outcome.error->message));
    QVERIFY(!FailureClasses::isProviderFault(outcome.error->failureClass));
}

void TestAzureOpenAi::sandbox_realPathWithKeyAndFaults_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("entraId");
    QTest::addColumn<int>("fault"); // 0 none, else the HTTP status of an httpError
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<FailureClass>("failureClass"); // None: answered

    QTest::newRow("the resource's key: answered, streamed")
        << "azure-key-1" << false << 0 << QByteArray() << true << FailureClass::None;
    QTest::newRow("the resource's key: answered, whole")
        << "azure-key-1" << false << 0 << QByteArray() << false << FailureClass::None;
    QTest::newRow("the same secret as an Entra ID token: answered")
        << "azure-key-1" << true << 0 << QByteArray() << true << FailureClass::None;
    QTest::newRow("another key: 401 is auth") << "wrong" << false << 0 << QByteArray() << true << FailureClass::Auth;
    QTest::newRow("the prompt filter's 400")
        << "azure-key-1" << false << 400 << QByteArray("content_filter") << true << FailureClass::ContentFiltered;
    QTest::newRow("429 with retry-after")
        << "azure-key-1" << false << 429 << QByteArray() << false << FailureClass::RateLimited;
    QTest::newRow("a filtered streamed answer")
        << "azure-key-1" << false << -1 << QByteArray() << true << FailureClass::ContentFiltered;
}

void TestAzureOpenAi::sandbox_realPathWithKeyAndFaults()
{
    QFETCH(QString, key);
    QFETCH(bool, entraId);
    QFETCH(int, fault);
    QFETCH(QByteArray, code);
    QFETCH(bool, stream);
    QFETCH(FailureClass, failureClass);
    SandboxServer sandbox;
    QVERIFY(sandbox.start());
    sandbox.setTimeScale(0);
    SandboxModel served;
    served.name = QStringLiteral("chat-prod");
    served.providerId = QStringLiteral("sandbox-azure");
    served.kind = ProviderKind::AzureOpenAi;
    served.contextWindow = 128000;
    sandbox.addModel(served);
    sandbox.setRequiredKey(QStringLiteral("sandbox-azure"), QStringLiteral("azure-key-1"));
    if (fault > 0) {
        sandbox.setFault(served.name, SandboxFault::httpError(fault, code, 4));
    } else if (fault < 0) {
        sandbox.setFault(served.name, SandboxFault::ofKind(SandboxFault::Kind::FilteredAnswer));
    }
    ProviderConfig provider;
    for (const ProviderConfig& candidate : sandbox.providers()) {
        if (candidate.id == served.providerId) {
            provider = candidate;
        }
    }
    QCOMPARE(provider.kind, ProviderKind::AzureOpenAi);
    provider.simulated = false; // as a user's own Azure resource: with a key
    provider.keyEnv = QStringLiteral("AZURE_OPENAI_API_KEY");
    provider.auth = entraId ? ProviderAuth::EntraIdToken : ProviderAuth::ApiKey;
    ProviderClient client;
    client.setKeyResolver([key](const ProviderConfig&) { return key; });
    ModelConfig model = deployment(served.name);
    model.providerId = provider.id;
    const Outcome outcome = run(client, provider, model, chatRequest(stream));
    QVERIFY(outcome.result || outcome.error);
    if (failureClass == FailureClass::None) {
        QVERIFY2(outcome.result, qPrintable(outcome.error->summary()));
        QVERIFY(!outcome.result->text.isEmpty());
        QVERIFY(!outcome.result->usage.estimated);
    } else {
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->failureClass, failureClass);
        if (failureClass == FailureClass::RateLimited) {
            QCOMPARE(outcome.error->retryAfterMs, qint64(4000));
        }
    }
    // Server side: one request, at the deployment's URL with the api-version, carrying the secret
    // in the header the auth type names and in no other.
    QCOMPARE(sandbox.requestCount(served.name), failureClass == FailureClass::Auth ? 0 : 1);
    if (failureClass != FailureClass::Auth) {
        QCOMPARE(sandbox.lastRequestTarget(served.name),
                 QByteArray("/azure/openai/deployments/chat-prod/chat/completions?api-version=2024-10-21"));
        QByteArray apiKey;
        QByteArray authorization;
        for (const auto& [name, value] : sandbox.lastRequestHeaders(served.name)) {
            if (name == "api-key") {
                apiKey = value;
            } else if (name == "authorization") {
                authorization = value;
            }
        }
        QCOMPARE(apiKey, entraId ? QByteArray() : key.toUtf8());
        QCOMPARE(authorization, entraId ? "Bearer " + key.toUtf8() : QByteArray());
    }
}

void TestAzureOpenAi::modelList_deploymentUrlsHaveNone()
{
    ProviderClient client;
    ModelListFetcher fetcher(&client);
    QSignalSpy failed(&fetcher, &ModelListFetcher::fetchFailed);
    ProviderConfig provider;
    provider.kind = ProviderKind::AzureOpenAi;
    provider.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    fetcher.fetch(provider, QStringLiteral("k"));
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("deployment name")),
             qPrintable(failed.first().first().toString()));
}

QTEST_GUILESS_MAIN(TestAzureOpenAi)
#include "tst_AzureOpenAi.moc"
