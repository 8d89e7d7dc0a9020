#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/sandbox/SandboxServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(SandboxFault)
Q_DECLARE_METATYPE(FailureClass)

// Bedrock calls over real loopback HTTP against the sandbox's Converse route, over each transport:
// SigV4 from the standard credential sources, verified server-side; streams framed as AWS event
// streams; throttling, outages and exceptions in the middle of a stream.
namespace {
const QString kModel = QStringLiteral("us.amazon.nova-micro-v1:0");

void setAwsEnvironment(const QString& accessKeyId, const QString& secret, const QString& credentialsFile)
{
    qputenv("AWS_ACCESS_KEY_ID", accessKeyId.toUtf8());
    qputenv("AWS_SECRET_ACCESS_KEY", secret.toUtf8());
    qunsetenv("AWS_SESSION_TOKEN");
    qunsetenv("AWS_PROFILE");
    qputenv("AWS_SHARED_CREDENTIALS_FILE", credentialsFile.toUtf8());
    qputenv("AWS_CONFIG_FILE", (credentialsFile + QStringLiteral(".config")).toUtf8());
    qunsetenv("AWS_REGION");
    qunsetenv("AWS_DEFAULT_REGION");
}
} // namespace

class TestBedrockCall : public QObject
{
    Q_OBJECT

public:
    explicit TestBedrockCall(ProviderClient::Transport transport) { m_client.setTransport(transport); }

private slots:
    void initTestCase();
    void init();
    void success_signedAndCounted_data();
    void success_signedAndCounted();
    void toolCall_fromAnOpenAiBody();
    void fault_mapsToFailureClass_data();
    void fault_mapsToFailureClass();
    void wrongSecret_isRefusedByTheServer();
    void noCredentials_failsWithoutARequest();
    void profile_fromTheCredentialsFile();

private:
    ProviderConfig provider() const;
    std::unique_ptr<ProviderCall> run(const ProviderConfig& provider, const ChatRequest& request);
    ChatRequest request(bool stream) const;

    SandboxServer m_sandbox;
    ProviderClient m_client;
    QTemporaryDir m_home;
    ModelConfig m_model;
    QList<QVariantList> m_finished;
    QList<QVariantList> m_failed;
};

void TestBedrockCall::initTestCase()
{
    SandboxModel model;
    model.name = kModel;
    model.providerId = QStringLiteral("sandbox-bedrock");
    model.kind = ProviderKind::BedrockConverse;
    model.inputPrice = 0.035;
    model.outputPrice = 0.14;
    model.contextWindow = 128000;
    model.firstTokenMs = 100;
    model.tokensPerSecond = 200;
    model.role = QStringLiteral("budget");
    m_sandbox.addModel(model);
    QVERIFY(m_sandbox.start());
    for (const ModelConfig& candidate : m_sandbox.models()) {
        if (candidate.upstreamModel == kModel) {
            m_model = candidate;
        }
    }
    QVERIFY(!m_model.id.isEmpty());
}

void TestBedrockCall::init()
{
    m_sandbox.clearFaults();
    m_sandbox.setTimeScale(0);
    m_sandbox.resetCounts();
    const AwsCredentials sandbox = SandboxServer::awsCredentials();
    setAwsEnvironment(sandbox.accessKeyId, sandbox.secretAccessKey, m_home.filePath(QStringLiteral("credentials")));
}

ProviderConfig TestBedrockCall::provider() const
{
    for (ProviderConfig provider : m_sandbox.providers()) {
        if (provider.kind == ProviderKind::BedrockConverse) {
            provider.simulated = false; // a real Bedrock provider whose endpoint is the sandbox
            provider.awsRegion = QStringLiteral("eu-west-1");
            return provider;
        }
    }
    return {};
}

ChatRequest TestBedrockCall::request(bool stream) const
{
    ChatRequest chat;
    chat.messages = { { QStringLiteral("system"), QStringLiteral("Be brief.") },
                      { QStringLiteral("user"), QStringLiteral("Say hello") } };
    chat.stream = stream;
    chat.maxTokens = 60;
    return chat;
}

std::unique_ptr<ProviderCall> TestBedrockCall::run(const ProviderConfig& provider, const ChatRequest& request)
{
    std::unique_ptr<ProviderCall> call(m_client.start(provider, m_model, request));
    QSignalSpy finished(call.get(), &ProviderCall::finished);
    QSignalSpy failed(call.get(), &ProviderCall::failed);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.size() + failed.size(), 1, 5000); }();
    m_finished = finished;
    m_failed = failed;
    return call;
}

void TestBedrockCall::success_signedAndCounted_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("converse-stream, event-stream frames") << true;
    QTest::newRow("converse, one JSON body") << false;
}

void TestBedrockCall::success_signedAndCounted()
{
    QFETCH(bool, stream);
    const auto call = run(provider(), request(stream));
    QVERIFY2(m_failed.isEmpty(),
             m_failed.isEmpty() ? "" : qPrintable(m_failed.first().first().value<CallError>().summary()));
    const CallResult result = m_finished.first().first().value<CallResult>();
    QVERIFY(!result.text.isEmpty());
    QCOMPARE(result.finishReason, QStringLiteral("end_turn"));
    QVERIFY(!result.usage.estimated);
    QVERIFY(result.usage.promptTokens > 0 && result.usage.completionTokens > 0);
    QCOMPARE(m_sandbox.requestCount(kModel), 1);
    QCOMPARE(m_sandbox.signatureChecks(), 1);
    QCOMPARE(m_sandbox.signatureFailures(), 0);
    QCOMPARE(m_sandbox.lastAwsScope(kModel),
             SandboxServer::awsCredentials().accessKeyId + QStringLiteral("/eu-west-1"));
    // The body the server got is Converse: no model, no stream flag, the system text apart.
    const QJsonObject body = QJsonDocument::fromJson(m_sandbox.lastRequestBody(kModel)).object();
    QVERIFY(!body.contains(QLatin1String("model")) && !body.contains(QLatin1String("stream")));
    QCOMPARE(body.value(QLatin1String("system")).toArray().first().toObject().value(QLatin1String("text")).toString(),
             QStringLiteral("Be brief."));
    QCOMPARE(body.value(QLatin1String("inferenceConfig")).toObject().value(QLatin1String("maxTokens")).toInt(), 60);
}

void TestBedrockCall::toolCall_fromAnOpenAiBody()
{
    ChatRequest chat = request(true);
    chat.clientFormat = ProviderKind::OpenAiCompatible;
    chat.clientBody = R"({"model":"m","stream":true,"messages":[{"role":"user","content":"Weather in Paris?"}],)"
                      R"("tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object",)"
                      R"("properties":{"city":{"type":"string"}},"required":["city"]}}}]})";
    const auto call = run(provider(), chat);
    QVERIFY2(m_failed.isEmpty(),
             m_failed.isEmpty() ? "" : qPrintable(m_failed.first().first().value<CallError>().summary()));
    const CallResult result = m_finished.first().first().value<CallResult>();
    QCOMPARE(result.finishReason, QStringLiteral("tool_use"));
    QCOMPARE(result.toolCalls.size(), 1);
    QCOMPARE(result.toolCalls.first().name, QStringLiteral("get_weather"));
    QVERIFY(result.toolCalls.first().id.startsWith(QLatin1String("tooluse_")));
    QVERIFY(
        QJsonDocument::fromJson(result.toolCalls.first().arguments.toUtf8()).object().contains(QLatin1String("city")));
}

void TestBedrockCall::fault_mapsToFailureClass_data()
{
    QTest::addColumn<SandboxFault>("fault");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<FailureClass>("expected");
    QTest::addColumn<QString>("providerCode");
    QTest::addColumn<bool>("partialAnswer");
    using Kind = SandboxFault::Kind;
    QTest::newRow("429 ThrottlingException is a rate limit")
        << SandboxFault::httpError(429) << true << FailureClass::RateLimited << "ThrottlingException" << false;
    QTest::newRow("503 ServiceUnavailableException is an outage")
        << SandboxFault::httpError(503) << false << FailureClass::ServerError << "ServiceUnavailableException" << false;
    QTest::newRow("400 ValidationException is the request's fault")
        << SandboxFault::httpError(400) << true << FailureClass::BadRequest << "ValidationException" << false;
    SandboxFault throttledMidStream = SandboxFault::ofKind(Kind::ErrorMidStream);
    throttledMidStream.httpStatus = 429;
    throttledMidStream.afterTokens = 3;
    QTest::newRow("a throttlingException frame mid-stream")
        << throttledMidStream << true << FailureClass::RateLimited << "throttlingException" << true;
    SandboxFault internalMidStream = throttledMidStream;
    internalMidStream.httpStatus = 500;
    QTest::newRow("an internalServerException frame mid-stream")
        << internalMidStream << true << FailureClass::ServerError << "internalServerException" << true;
    QTest::newRow("a frame whose CRC does not match")
        << SandboxFault::ofKind(Kind::MalformedJson) << true << FailureClass::MalformedResponse << "" << true;
    QTest::newRow("the connection cut mid-stream")
        << SandboxFault::ofKind(Kind::DropMidStream) << true << FailureClass::StreamBroken << "" << true;
}

void TestBedrockCall::fault_mapsToFailureClass()
{
    QFETCH(SandboxFault, fault);
    QFETCH(bool, stream);
    QFETCH(FailureClass, expected);
    QFETCH(QString, providerCode);
    QFETCH(bool, partialAnswer);
    m_sandbox.setFault(kModel, fault);
    const auto call = run(provider(), request(stream));
    QCOMPARE(m_failed.size(), 1);
    const CallError error = m_failed.first().first().value<CallError>();
    QCOMPARE(error.failureClass, expected);
    QCOMPARE(error.providerCode, providerCode);
    QCOMPARE(!m_failed.first().at(1).value<CallResult>().text.isEmpty(), partialAnswer);
    QCOMPARE(m_sandbox.requestCount(kModel), 1); // no hidden retries
}

void TestBedrockCall::wrongSecret_isRefusedByTheServer()
{
    setAwsEnvironment(SandboxServer::awsCredentials().accessKeyId, QStringLiteral("not-the-secret"),
                      m_home.filePath(QStringLiteral("credentials")));
    const auto call = run(provider(), request(true));
    QCOMPARE(m_failed.size(), 1);
    const CallError error = m_failed.first().first().value<CallError>();
    QCOMPARE(error.failureClass, FailureClass::Auth);
    QCOMPARE(error.httpStatus, 403);
    QCOMPARE(error.providerCode, QStringLiteral("InvalidSignatureException"));
    QCOMPARE(m_sandbox.signatureFailures(), 1);
    QCOMPARE(m_sandbox.requestCount(kModel), 0); // refused before anything was answered
    QVERIFY(!error.message.contains(QLatin1String("not-the-secret")));
}

void TestBedrockCall::noCredentials_failsWithoutARequest()
{
    qunsetenv("AWS_ACCESS_KEY_ID");
    qunsetenv("AWS_SECRET_ACCESS_KEY");
    const auto call = run(provider(), request(true));
    QCOMPARE(m_failed.size(), 1);
    const CallError error = m_failed.first().first().value<CallError>();
    QCOMPARE(error.failureClass, FailureClass::Auth);
    QVERIFY2(error.message.contains(QLatin1String("AWS_ACCESS_KEY_ID")), qPrintable(error.message));
    QVERIFY2(error.message.contains(m_home.filePath(QStringLiteral("credentials"))), qPrintable(error.message));
    QCOMPARE(m_sandbox.totalRequests(), 0);
    QCOMPARE(m_sandbox.signatureChecks(), 0);
}

void TestBedrockCall::profile_fromTheCredentialsFile()
{
    // The environment's keys are wrong; the provider's profile names the right ones and wins.
    setAwsEnvironment(QStringLiteral("AKIDWRONG"), QStringLiteral("wrong"),
                      m_home.filePath(QStringLiteral("credentials")));
    QFile file(m_home.filePath(QStringLiteral("credentials")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const AwsCredentials sandbox = SandboxServer::awsCredentials();
    file.write(
        "[default]\naws_access_key_id = AKIDWRONG\naws_secret_access_key = wrong\n\n[sandbox]\naws_access_key_id = "
        + sandbox.accessKeyId.toUtf8() + "\naws_secret_access_key = " + sandbox.secretAccessKey.toUtf8()
        + "\nregion = ap-southeast-2\n");
    file.close();
    ProviderConfig withProfile = provider();
    withProfile.awsProfile = QStringLiteral("sandbox");
    withProfile.awsRegion.clear(); // the profile's region
    const auto call = run(withProfile, request(false));
    QVERIFY2(m_failed.isEmpty(),
             m_failed.isEmpty() ? "" : qPrintable(m_failed.first().first().value<CallError>().summary()));
    QCOMPARE(m_sandbox.lastAwsScope(kModel), sandbox.accessKeyId + QStringLiteral("/ap-southeast-2"));
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (ProviderClient::Transport transport :
         { ProviderClient::Transport::Direct, ProviderClient::Transport::NetworkAccessManager }) {
        TestBedrockCall test(transport);
        failures += QTest::qExec(&test, argc, argv);
    }
    return failures;
}
#include "tst_BedrockCall.moc"
