#include "CliRun.h"
#include "ServeProcess.h"
#include "core/sandbox/SandboxServer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

// `ask`, `route` and `serve` with an Amazon Bedrock provider, as real processes: its endpoint is
// this process's sandbox (Converse and ConverseStream, SigV4 verified with the sandbox's test key
// pair), its credentials come from the environment as for a user, and every request is counted
// server-side. A second, OpenAI-compatible provider is the fallback.
namespace {
const QString kNova = QStringLiteral("us.amazon.nova-micro-v1:0");

bool writeJson(const QString& path, const QJsonObject& object)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(object).toJson()) > 0;
}
} // namespace

class TestCliBedrock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void ask_signedAndAnswered_data();
    void ask_signedAndAnswered();
    void route_throttled_failsOverToTheNextModel();
    void serve_openAiClient_reachesBedrock_data();
    void serve_openAiClient_reachesBedrock();
    void serve_throttled_coolsDownBedrock();
    void ask_withoutCredentials_sendsNothing();

private:
    QProcessEnvironment environment(bool withCredentials = true) const;
    QStringList home() const { return { QStringLiteral("--home"), m_home->path() }; }

    SandboxServer m_sandbox;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCliBedrock::initTestCase()
{
    SandboxModel nova;
    nova.name = kNova;
    nova.providerId = QStringLiteral("sandbox-bedrock");
    nova.kind = ProviderKind::BedrockConverse;
    nova.inputPrice = 0.035;
    nova.outputPrice = 0.14;
    nova.contextWindow = 128000;
    nova.firstTokenMs = 20;
    nova.tokensPerSecond = 500;
    m_sandbox.addModel(nova);
    QVERIFY(m_sandbox.start());
    m_sandbox.setTimeScale(0);
}

void TestCliBedrock::init()
{
    m_sandbox.clearFaults();
    m_sandbox.resetCounts();
    m_home = std::make_unique<QTemporaryDir>();
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_sandbox.port());
    const QJsonObject providers {
        { QStringLiteral("format"), QStringLiteral("switchyard-providers") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("providers"),
          QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("bedrock") },
                                     { QStringLiteral("displayName"), QStringLiteral("Amazon Bedrock") },
                                     { QStringLiteral("kind"), QStringLiteral("bedrock") },
                                     { QStringLiteral("baseUrl"), base + QStringLiteral("/bedrock") },
                                     { QStringLiteral("awsRegion"), QStringLiteral("eu-west-1") } },
                       QJsonObject { { QStringLiteral("id"), QStringLiteral("backup") },
                                     { QStringLiteral("displayName"), QStringLiteral("Backup") },
                                     { QStringLiteral("kind"), QStringLiteral("openai") },
                                     { QStringLiteral("baseUrl"), base + QStringLiteral("/openai/v1") } } } },
        { QStringLiteral("models"),
          QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("nova") },
                                     { QStringLiteral("provider"), QStringLiteral("bedrock") },
                                     { QStringLiteral("upstreamModel"), kNova },
                                     { QStringLiteral("price"),
                                       QJsonObject { { QStringLiteral("inputPerMTok"), 0.035 },
                                                     { QStringLiteral("outputPerMTok"), 0.14 } } } },
                       QJsonObject { { QStringLiteral("id"), QStringLiteral("backup") },
                                     { QStringLiteral("provider"), QStringLiteral("backup") },
                                     { QStringLiteral("upstreamModel"), QStringLiteral("gpt-4.1-mini") } } } },
    };
    const QJsonObject routing {
        { QStringLiteral("format"), QStringLiteral("switchyard-routing") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("defaultTier"), QStringLiteral("standard") },
        { QStringLiteral("tiers"),
          QJsonArray { QJsonObject {
              { QStringLiteral("name"), QStringLiteral("standard") },
              { QStringLiteral("chain"), QJsonArray { QStringLiteral("nova"), QStringLiteral("backup") } } } } },
    };
    QVERIFY(writeJson(m_home->filePath(QStringLiteral("providers.json")), providers));
    QVERIFY(writeJson(m_home->filePath(QStringLiteral("routing.json")), routing));
}

QProcessEnvironment TestCliBedrock::environment(bool withCredentials) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                              "AWS_REGION", "AWS_DEFAULT_REGION" }) {
        env.remove(QLatin1String(name));
    }
    // No ~/.aws of the machine running the tests.
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), m_home->filePath(QStringLiteral("aws-credentials")));
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), m_home->filePath(QStringLiteral("aws-config")));
    if (withCredentials) {
        const AwsCredentials sandbox = SandboxServer::awsCredentials();
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), sandbox.accessKeyId);
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), sandbox.secretAccessKey);
    }
    return env;
}

void TestCliBedrock::ask_signedAndAnswered_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("converse-stream") << true;
    QTest::newRow("converse") << false;
}

void TestCliBedrock::ask_signedAndAnswered()
{
    QFETCH(bool, stream);
    QStringList arguments = home()
        + QStringList { QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("--model"),
                        QStringLiteral("nova") };
    if (!stream) {
        arguments << QStringLiteral("--no-stream");
    }
    arguments << QStringLiteral("Say hello");
    const CliRun result = CliRun::of(arguments, environment());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(object.value(QStringLiteral("model")).toString(), QStringLiteral("nova"));
    QCOMPARE(object.value(QStringLiteral("provider")).toString(), QStringLiteral("bedrock"));
    QVERIFY(!object.value(QStringLiteral("text")).toString().isEmpty());
    QCOMPARE(object.value(QStringLiteral("usage")).toObject().value(QStringLiteral("estimated")).toBool(), false);
    QVERIFY(object.value(QStringLiteral("cost_usd")).toDouble() > 0);
    QCOMPARE(m_sandbox.requestCount(kNova), 1);
    QCOMPARE(m_sandbox.signatureChecks(), 1);
    QCOMPARE(m_sandbox.signatureFailures(), 0);
    QCOMPARE(m_sandbox.lastAwsScope(kNova), SandboxServer::awsCredentials().accessKeyId + QStringLiteral("/eu-west-1"));
    const QByteArray everything = result.out + result.err;
    QVERIFY(!everything.contains(SandboxServer::awsCredentials().secretAccessKey.toUtf8()));
}

void TestCliBedrock::route_throttled_failsOverToTheNextModel()
{
    m_sandbox.setFault(kNova, SandboxFault::httpError(429));
    const CliRun result = CliRun::of(
        home() + QStringList { QStringLiteral("route"), QStringLiteral("--json"), QStringLiteral("hello") },
        environment());
    QVERIFY2(result.exitCode == 0, result.err.constData() + QByteArray("\n") + result.out);
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    const QJsonArray attempts = object.value(QStringLiteral("attempts")).toArray();
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("model")).toString(), QStringLiteral("nova"));
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("failure_class")).toString(),
             QStringLiteral("rate_limited"));
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("http_status")).toInt(), 429);
    QCOMPARE(attempts.at(1).toObject().value(QStringLiteral("model")).toString(), QStringLiteral("backup"));
    QCOMPARE(attempts.at(1).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
    QCOMPARE(m_sandbox.requestCount(kNova), 1);
    QCOMPARE(m_sandbox.requestCount(QStringLiteral("gpt-4.1-mini")), 1);
}

void TestCliBedrock::serve_openAiClient_reachesBedrock_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("streamed: ConverseStream frames become OpenAI chunks") << true;
    QTest::newRow("not streamed: one Converse answer becomes one completion") << false;
}

void TestCliBedrock::serve_openAiClient_reachesBedrock()
{
    QFETCH(bool, stream);
    ServeProcess serve;
    serve.process().setProcessEnvironment(environment());
    QVERIFY(serve.start(m_home->path(), {}));
    QNetworkAccessManager nam;
    QNetworkRequest request(serve.url(QStringLiteral("/v1/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = nam.post(request,
                                    QByteArray(R"({"model":"nova","stream":)") + (stream ? "true" : "false")
                                        + R"(,"messages":[{"role":"system","content":"Be brief."},)"
                                          R"({"role":"user","content":"Say hello"}]})");
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(20000));
    const QByteArray body = reply->readAll();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
    if (stream) {
        QVERIFY2(body.startsWith("data: {") && body.trimmed().endsWith("data: [DONE]"), body.constData());
        QVERIFY2(body.contains("\"finish_reason\":\"stop\""), body.constData());
    } else {
        const QJsonObject completion = QJsonDocument::fromJson(body).object();
        const QJsonObject choice = completion.value(QStringLiteral("choices")).toArray().first().toObject();
        QVERIFY(
            !choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("content")).toString().isEmpty());
        QCOMPARE(choice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("stop"));
        QVERIFY(completion.value(QStringLiteral("usage")).toObject().value(QStringLiteral("prompt_tokens")).toInt()
                > 0);
    }
    QCOMPARE(m_sandbox.requestCount(kNova), 1);
    QCOMPARE(m_sandbox.signatureFailures(), 0);
    // What reached Bedrock was Converse, translated from the client's OpenAI body.
    const QJsonObject converse = QJsonDocument::fromJson(m_sandbox.lastRequestBody(kNova)).object();
    QCOMPARE(
        converse.value(QStringLiteral("system")).toArray().first().toObject().value(QStringLiteral("text")).toString(),
        QStringLiteral("Be brief."));
    QVERIFY(!converse.contains(QStringLiteral("model")));
}

void TestCliBedrock::serve_throttled_coolsDownBedrock()
{
    m_sandbox.setFault(kNova, SandboxFault::httpError(429));
    ServeProcess serve;
    serve.process().setProcessEnvironment(environment());
    QVERIFY(serve.start(m_home->path(), {}));
    QNetworkAccessManager nam;
    for (int i = 0; i < 5; ++i) {
        QNetworkRequest request(serve.url(QStringLiteral("/v1/chat/completions")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply = nam.post(
            request, QByteArrayLiteral(R"({"model":"auto","messages":[{"role":"user","content":"hello"}]})"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }
    // Every request was throttled on Bedrock and failed over until the cooldown (3 failures within a
    // minute, the default) took Bedrock out: the last two never reached it.
    QCOMPARE(m_sandbox.requestCount(kNova), 3);
    QCOMPARE(m_sandbox.requestCount(QStringLiteral("gpt-4.1-mini")), 5);
}

void TestCliBedrock::ask_withoutCredentials_sendsNothing()
{
    const CliRun result
        = CliRun::of(home()
                         + QStringList { QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("--model"),
                                         QStringLiteral("nova"), QStringLiteral("hello") },
                     environment(false));
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.out.contains("AWS_ACCESS_KEY_ID"), result.out.constData());
    QCOMPARE(m_sandbox.totalRequests(), 0);
}

QTEST_GUILESS_MAIN(TestCliBedrock)
#include "tst_CliBedrock.moc"
