#include "CliRun.h"
#include "ServeProcess.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"
#include "core/sandbox/SandboxServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

// Azure OpenAI as a user gets there: `import litellm-config` of a file with azure/ deployments,
// then `ask` and `serve` against the sandbox's Azure resource (a real HTTP server in this
// process). Counted server-side: which deployment URL, which api-version, which key header, and
// that no other provider's key and no fallback is used where it must not be.
namespace {
constexpr auto kAzureKey = "azure-resource-key-3141";

// The fallback group's host: an OpenAI-compatible upstream that records what reached it.
class BackupUpstream
{
public:
    BackupUpstream()
    {
        m_server.setHandler([this](const HttpRequest& request, HttpResponder* responder) {
            requests.append(request);
            responder->send(200, "application/json",
                            R"({"id":"c1","object":"chat.completion","model":"m","choices":[{"index":0,)"
                            R"("message":{"role":"assistant","content":"from the backup"},"finish_reason":"stop"}],)"
                            R"("usage":{"prompt_tokens":3,"completion_tokens":3,"total_tokens":6}})");
        });
        m_server.listen(QHostAddress(QStringLiteral("127.0.0.2")));
    }
    QString hostPort() const { return QStringLiteral("127.0.0.2:%1").arg(m_server.port()); }
    QList<HttpRequest> requests;

private:
    HttpServer m_server;
};

QByteArray header(const QList<std::pair<QByteArray, QByteArray>>& headers, const QByteArray& name)
{
    for (const auto& [key, value] : headers) {
        if (key == name) {
            return value;
        }
    }
    return {};
}
} // namespace

class TestCliAzure : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void ask_reachesTheDeploymentUrlWithItsKey_loadBalanced();
    void ask_contentFilter_saysWhyAndDoesNotFailOver();
    void ask_rateLimited_coolsDownAndFallsBack();
    void serve_answersAndPassesTheContentFilterOn();
    void serve_pricesTheDeploymentByItsBaseModel_data();
    void serve_pricesTheDeploymentByItsBaseModel();
    void serve_entraClientCredentials_fetchesKeepsAndRenewsTheToken();
    void serve_entraWrongSecret_saysWhatEntraSaidAndSendsNothing();

private:
    CliRun run(const QStringList& arguments)
    {
        return CliRun::of(QStringList { "--home", m_home->path() } + arguments, m_environment);
    }
    QStringList deployments() const { return { QStringLiteral("chat-eastus"), QStringLiteral("chat-sweden") }; }
    int azureRequests() const
    {
        int sum = 0;
        for (const QString& name : deployments()) {
            sum += m_sandbox->requestCount(name);
        }
        return sum;
    }

    std::unique_ptr<QTemporaryDir> m_home;
    QTemporaryDir m_settings;
    QTemporaryDir m_files;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<BackupUpstream> m_backup;
    QProcessEnvironment m_environment;
    // Imports one Azure deployment that authenticates with Entra ID client credentials, the
    // environment set as Azure's SDKs read it, the authority the sandbox's /entra.
    void importEntraDeployment(const QString& secret);
};

void TestCliAzure::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->start());
    m_sandbox->setTimeScale(0);
    for (const QString& name : deployments()) {
        SandboxModel deployment;
        deployment.name = name;
        deployment.providerId = QStringLiteral("sandbox-azure");
        deployment.kind = ProviderKind::AzureOpenAi;
        deployment.contextWindow = 128000;
        m_sandbox->addModel(deployment);
    }
    m_sandbox->setRequiredKey(QStringLiteral("sandbox-azure"), QString::fromLatin1(kAzureKey));
    m_backup = std::make_unique<BackupUpstream>();

    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_settings.path());
    m_environment.insert(QStringLiteral("AZURE_API_KEY"), QString::fromLatin1(kAzureKey));
    m_environment.insert(QStringLiteral("BACKUP_KEY"), QStringLiteral("sk-backup-55"));
    // The user's other keys, which must never reach the Azure resource.
    m_environment.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-users-own-openai-key-99"));
    m_environment.insert(QStringLiteral("ANTHROPIC_API_KEY"), QStringLiteral("sk-ant-users-own-key-77"));

    QFile in(QStringLiteral(SWITCHYARD_TESTS_DIR "/data/litellm/azure-sandbox.yaml"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray yaml = in.readAll();
    yaml.replace("${AZURE}", QStringLiteral("127.0.0.1:%1").arg(m_sandbox->port()).toUtf8());
    yaml.replace("${BACKUP}", m_backup->hostPort().toUtf8());
    const QString path = m_files.filePath(QStringLiteral("config.yaml"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(yaml) == yaml.size());
    out.close();
    const CliRun imported = run({ QStringLiteral("import"), QStringLiteral("litellm-config"), path });
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QFile providers(m_home->filePath(QStringLiteral("providers.json")));
    QVERIFY(providers.open(QIODevice::ReadOnly));
    const QByteArray saved = providers.readAll();
    QVERIFY2(saved.contains(R"("kind": "azure")") && saved.contains(R"("apiVersion": "2024-10-21")"),
             saved.constData());
    QVERIFY(!saved.contains(kAzureKey));
}

void TestCliAzure::ask_reachesTheDeploymentUrlWithItsKey_loadBalanced()
{
    constexpr int kAsks = 12; // 1:1 weights: all on one side has a chance of 1 in 2,048
    for (int i = 0; i < kAsks; ++i) {
        const CliRun asked = run(
            { QStringLiteral("ask"), QStringLiteral("--model"), QStringLiteral("assistant"), QStringLiteral("hi") });
        QVERIFY2(asked.exitCode == 0, asked.err.constData());
        QVERIFY(!asked.out.trimmed().isEmpty());
    }
    QCOMPARE(azureRequests(), kAsks);
    QCOMPARE(m_backup->requests.size(), 0);
    for (const QString& name : deployments()) {
        QVERIFY2(m_sandbox->requestCount(name) >= 1, qPrintable(name));
        QCOMPARE(m_sandbox->lastRequestTarget(name),
                 "/azure/openai/deployments/" + name.toUtf8() + "/chat/completions?api-version=2024-10-21");
        const auto headers = m_sandbox->lastRequestHeaders(name);
        QCOMPARE(header(headers, "api-key"), QByteArray(kAzureKey));
        QCOMPARE(header(headers, "authorization"), QByteArray());
        QCOMPARE(header(headers, "x-api-key"), QByteArray());
        for (const auto& [key, value] : headers) {
            QVERIFY2(!value.contains("sk-users-own") && !value.contains("sk-ant-users") && !value.contains("sk-backup"),
                     key.constData());
        }
    }
}

void TestCliAzure::ask_contentFilter_saysWhyAndDoesNotFailOver()
{
    for (const QString& name : deployments()) {
        m_sandbox->setFault(name, SandboxFault::httpError(400, "content_filter"));
    }
    const CliRun asked = run({ QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("--model"),
                               QStringLiteral("assistant"), QStringLiteral("hi") });
    QVERIFY(asked.exitCode != 0);
    const QJsonObject answer = QJsonDocument::fromJson(asked.out).object();
    QCOMPARE(answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("class")).toString(),
             QStringLiteral("content_filtered"));
    QCOMPARE(answer.value(QStringLiteral("attempts")).toArray().size(), 1);
    QVERIFY2(asked.out.contains("content filter refused the prompt (jailbreak)"), asked.out.constData());
    // A verdict on the content, not an outage: one request, no other deployment, no fallback group.
    QCOMPARE(azureRequests(), 1);
    QCOMPARE(m_backup->requests.size(), 0);
}

void TestCliAzure::ask_rateLimited_coolsDownAndFallsBack()
{
    for (const QString& name : deployments()) {
        m_sandbox->setFault(name, SandboxFault::httpError(429, {}, 30)); // longer than the tier waits
    }
    const CliRun asked = run({ QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("--model"),
                               QStringLiteral("assistant"), QStringLiteral("hi") });
    QVERIFY2(asked.exitCode == 0, asked.err.constData());
    const QJsonObject answer = QJsonDocument::fromJson(asked.out).object();
    QCOMPARE(answer.value(QStringLiteral("model")).toString(), QStringLiteral("backup"));
    QCOMPARE(answer.value(QStringLiteral("text")).toString(), QStringLiteral("from the backup"));
    // Each deployment once (no retry within the 30 s the resource asked for), then the fallback.
    for (const QString& name : deployments()) {
        QCOMPARE(m_sandbox->requestCount(name), 1);
    }
    QCOMPARE(m_backup->requests.size(), 1);
    QCOMPARE(m_backup->requests.first().header("authorization"), QByteArray("Bearer sk-backup-55"));
}

void TestCliAzure::serve_answersAndPassesTheContentFilterOn()
{
    ServeProcess serve;
    serve.process().setProcessEnvironment(m_environment);
    QVERIFY(serve.start(m_home->path(), {}));
    QNetworkAccessManager nam;
    for (bool stream : { false, true }) {
        ClientCall call = ClientCall::send(nam, serve.url(QStringLiteral("/v1/chat/completions")),
                                           QStringLiteral("assistant"), stream);
        QTRY_VERIFY_WITH_TIMEOUT(call.reply->isFinished(), 10000);
        QCOMPARE(outcomeOf(call.reply, stream), ClientOutcome::Complete);
        call.reply->deleteLater();
    }
    QCOMPARE(azureRequests(), 2);

    // Now every deployment filters the prompt: the client gets Azure's verdict as a 400, and in
    // all only one more request reached the resource.
    for (const QString& name : deployments()) {
        m_sandbox->setFault(name, SandboxFault::httpError(400, "content_filter"));
    }
    ClientCall filtered
        = ClientCall::send(nam, serve.url(QStringLiteral("/v1/chat/completions")), QStringLiteral("assistant"), false);
    QTRY_VERIFY_WITH_TIMEOUT(filtered.reply->isFinished(), 10000);
    QCOMPARE(filtered.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    const QJsonObject error
        = QJsonDocument::fromJson(filtered.reply->readAll()).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("content_filter"));
    QCOMPARE(error.value(QStringLiteral("param")).toString(), QStringLiteral("prompt"));
    QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QLatin1String("jailbreak")),
             qPrintable(error.value(QStringLiteral("message")).toString()));
    QCOMPARE(azureRequests(), 3);
    QCOMPARE(m_backup->requests.size(), 0);
}

void TestCliAzure::serve_pricesTheDeploymentByItsBaseModel_data()
{
    QTest::addColumn<QString>("client"); // the door the client uses
    QTest::newRow("an OpenAI client") << "/v1/chat/completions";
    QTest::newRow("an Anthropic client") << "/v1/messages";
}

void TestCliAzure::serve_pricesTheDeploymentByItsBaseModel()
{
    QFETCH(QString, client);
    // "chat-eastus" and "chat-sweden" mean nothing to the price table; their base_model azure/gpt-4o
    // is priced at $2.50 per 1M input and $10 per 1M output tokens (resources/prices.json).
    constexpr double kInputPerToken = 2.5 / 1e6;
    constexpr double kOutputPerToken = 10.0 / 1e6;
    ServeProcess serve;
    serve.process().setProcessEnvironment(m_environment);
    QVERIFY(serve.start(m_home->path(), {}));
    QNetworkAccessManager nam;
    QNetworkRequest request(serve.url(client));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = nam.post(
        request, R"({"model":"assistant","max_tokens":64,"messages":[{"role":"user","content":"Say hello"}]})");
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
    QCOMPARE(azureRequests(), 1);

    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_home->filePath(QStringLiteral("ledger.sqlite")));
        QVERIFY(db.open());
        // The gateway's row is written when the answer has gone out: wait for it.
        const auto rows = [&db] {
            QSqlQuery count(QStringLiteral("SELECT COUNT(*) FROM requests"), db);
            return count.next() ? count.value(0).toInt() : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(rows(), 1, 10000);
        QSqlQuery row(QStringLiteral("SELECT final_model, prompt_tokens, completion_tokens, cached_tokens, cost_usd "
                                     "FROM requests"),
                      db);
        QVERIFY(row.next());
        QVERIFY2(row.value(0).toString().startsWith(QLatin1String("chat")), qPrintable(row.value(0).toString()));
        const qint64 prompt = row.value(1).toLongLong();
        const qint64 completion = row.value(2).toLongLong();
        QVERIFY(prompt > 0 && completion > 0);
        QCOMPARE(row.value(3).toLongLong(), 0);
        QVERIFY2(!row.value(4).isNull(), "unpriced: base_model was not used");
        const double expected = prompt * kInputPerToken + completion * kOutputPerToken;
        QVERIFY2(qAbs(row.value(4).toDouble() - expected) < 1e-12,
                 qPrintable(QStringLiteral("%1 tokens in, %2 out: %3, expected %4")
                                .arg(prompt)
                                .arg(completion)
                                .arg(row.value(4).toDouble(), 0, 'g', 17)
                                .arg(expected, 0, 'g', 17)));
    }
    QSqlDatabase::removeDatabase(name);
}

namespace {
constexpr auto kEntraSecret = "entra-client-secret-value-271828";

QByteArray chatAnswer(QNetworkAccessManager& nam, const QUrl& url, int* status)
{
    ClientCall call = ClientCall::send(nam, url, QStringLiteral("entra-chat"), false);
    QSignalSpy finished(call.reply, &QNetworkReply::finished);
    if (!call.reply->isFinished()) {
        finished.wait(15000);
    }
    *status = call.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = call.reply->readAll();
    call.reply->deleteLater();
    return body;
}
} // namespace

void TestCliAzure::importEntraDeployment(const QString& secret)
{
    m_sandbox->setEntraApp(
        { QStringLiteral("contoso-tenant"), QStringLiteral("app-0000-1234"), QLatin1String(kEntraSecret), 4 });
    m_environment.remove(QStringLiteral("AZURE_API_KEY"));
    m_environment.remove(QStringLiteral("AZURE_AD_TOKEN"));
    m_environment.insert(QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("contoso-tenant"));
    m_environment.insert(QStringLiteral("AZURE_CLIENT_ID"), QStringLiteral("app-0000-1234"));
    m_environment.insert(QStringLiteral("AZURE_CLIENT_SECRET"), secret);
    m_environment.insert(QStringLiteral("AZURE_AUTHORITY_HOST"),
                         QStringLiteral("http://127.0.0.1:%1/entra").arg(m_sandbox->port()));
    const QByteArray yaml = "model_list:\n"
                            "  - model_name: entra-chat\n"
                            "    litellm_params:\n"
                            "      model: azure/chat-eastus\n"
                            "      api_base: http://127.0.0.1:"
        + QByteArray::number(m_sandbox->port())
        + "/azure\n"
          "      api_version: \"2024-10-21\"\n"
          "      tenant_id: os.environ/AZURE_TENANT_ID\n"
          "      client_id: os.environ/AZURE_CLIENT_ID\n"
          "      client_secret: os.environ/AZURE_CLIENT_SECRET\n";
    QTemporaryDir home;
    m_home = std::make_unique<QTemporaryDir>();
    const QString path = m_files.filePath(QStringLiteral("entra.yaml"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(yaml) == yaml.size());
    out.close();
    const CliRun imported = run({ QStringLiteral("import"), QStringLiteral("litellm-config"), path });
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
}

void TestCliAzure::serve_entraClientCredentials_fetchesKeepsAndRenewsTheToken()
{
    importEntraDeployment(QLatin1String(kEntraSecret));
    ServeProcess serve;
    serve.process().setProcessEnvironment(m_environment);
    QVERIFY(serve.start(m_home->path(), {}));
    QNetworkAccessManager nam;
    const QUrl url = serve.url(QStringLiteral("/v1/chat/completions"));
    const auto bearer
        = [this] { return header(m_sandbox->lastRequestHeaders(QStringLiteral("chat-eastus")), "authorization"); };
    int status = 0;

    // Three calls, one token request: the token is kept while it is good.
    for (int i = 0; i < 3; ++i) {
        const QByteArray body = chatAnswer(nam, url, &status);
        QVERIFY2(status == 200, body.constData());
    }
    QCOMPARE(m_sandbox->entraTokenRequests(), 1);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("chat-eastus")), 3);
    QCOMPARE(bearer(), QByteArray("Bearer sandbox-entra-token-1"));
    QCOMPARE(header(m_sandbox->lastRequestHeaders(QStringLiteral("chat-eastus")), "api-key"), QByteArray());

    // The token lives 4 s and is renewed at half its life: the next call after that gets a new one.
    QTest::qWait(2300);
    QByteArray body = chatAnswer(nam, url, &status);
    QVERIFY2(status == 200, body.constData());
    QCOMPARE(m_sandbox->entraTokenRequests(), 2);
    QCOMPARE(bearer(), QByteArray("Bearer sandbox-entra-token-2"));

    // Revoked before its time: Azure answers 401, the call fetches a new token and is sent again once.
    m_sandbox->revokeEntraTokens();
    const int before = m_sandbox->totalRequests();
    body = chatAnswer(nam, url, &status);
    QVERIFY2(status == 200, body.constData());
    QCOMPARE(m_sandbox->entraTokenRequests(), 3);
    QCOMPARE(m_sandbox->totalRequests() - before, 2); // the 401, then the answered call
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("chat-eastus")), 5);
    QCOMPARE(bearer(), QByteArray("Bearer sandbox-entra-token-3"));

    const QByteArray printed = serve.standardOutput() + serve.standardError();
    QVERIFY(!printed.contains(kEntraSecret));
    QVERIFY(!printed.contains("sandbox-entra-token"));
}

void TestCliAzure::serve_entraWrongSecret_saysWhatEntraSaidAndSendsNothing()
{
    importEntraDeployment(QStringLiteral("the-secret-id-not-its-value"));
    ServeProcess serve;
    serve.process().setProcessEnvironment(m_environment);
    QVERIFY(serve.start(m_home->path(), {}));
    QNetworkAccessManager nam;
    int status = 0;
    const QByteArray body = chatAnswer(nam, serve.url(QStringLiteral("/v1/chat/completions")), &status);
    QVERIFY2(status >= 400, body.constData());
    // Entra's own reason and the place asked, never the secret; Azure's data plane never reached.
    QVERIFY2(body.contains("AADSTS7000215") && body.contains("/entra/contoso-tenant/oauth2/v2.0/token"),
             body.constData());
    QVERIFY(!body.contains("the-secret-id-not-its-value"));
    QCOMPARE(m_sandbox->entraTokenRequests(), 1);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("chat-eastus")), 0);
}

QTEST_GUILESS_MAIN(TestCliAzure)
#include "tst_CliAzure.moc"
