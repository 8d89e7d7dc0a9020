#include "CliRun.h"
#include "HomeConfig.h"
#include "RecordingUpstream.h"
#include "ServeProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <map>
#include <memory>

// A whole team config (mixed-served.yaml: load-balanced groups, fallbacks, context-window
// fallbacks, an alias, OpenAI-compatible prefixes, a literal key, Azure, Bedrock, custom prices,
// wildcards and three deployments to skip) imported as a user does, then served by `switchyard
// serve` with each host on a loopback upstream of its own. What LiteLLM would do with the same file
// is counted where it happens: at the upstreams, which record every request and its auth headers.
namespace {
// Each host's own credential, as the environment holds it.
const std::map<QString, QByteArray> kKeys {
    { QStringLiteral("OPENAI_API_KEY"), "sk-mixed-openai-0001" },
    { QStringLiteral("AZURE_API_KEY"), "azure-mixed-0002" },
    { QStringLiteral("ANTHROPIC_API_KEY"), "sk-ant-mixed-0003" },
    { QStringLiteral("GEMINI_API_KEY"), "gemini-mixed-0004" },
    { QStringLiteral("GROQ_API_KEY"), "gsk-mixed-0005" },
    { QStringLiteral("CEREBRAS_API_KEY"), "csk-mixed-0006" },
    { QStringLiteral("AWS_ACCESS_KEY_ID"), "AKIDMIXED00000000007" },
    { QStringLiteral("AWS_SECRET_ACCESS_KEY"), "mixed/secret/access/key/0000000000000008" },
};
constexpr auto kCorpKey = "sk-team-literal-0001"; // written in the file itself

// OpenAI's answer to a prompt beyond the model's context window (Azure sends the same body).
constexpr auto kContextTooLong
    = "{\"error\":{\"message\":\"This model\\u0027s maximum context length is 128000 tokens. However, your "
      "messages resulted in 131072 tokens. Please reduce the length of the messages.\",\"type\":"
      "\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}";

QString fixture(const QString& name)
{
    return QStringLiteral(SWITCHYARD_TESTS_DIR "/data/litellm/") + name;
}

QVariant ledgerCost(const QString& path, const QString& model)
{
    QVariant cost;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(
                QStringLiteral("SELECT cost_usd FROM requests WHERE final_model = ? ORDER BY rid DESC LIMIT 1"));
            query.addBindValue(model);
            if (query.exec() && query.next()) {
                cost = query.value(0);
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return cost;
}
} // namespace

class TestCliLiteLlmMixed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void import_savesWhatRunsAndNamesEachSkippedPlace();
    void eachName_reachesItsHostWithItsKeyAlone_data();
    void eachName_reachesItsHostWithItsKeyAlone();
    void groups_spreadConcurrentRequestsOverTheirDeployments_data();
    void groups_spreadConcurrentRequestsOverTheirDeployments();
    void ledger_pricesWhatWasConfigured_data();
    void ledger_pricesWhatWasConfigured();
    void groupDown_fallbackGroupAnswers();
    void promptTooLong_contextWindowFallbackAnswers();
    void exportThenImport_givesTheSameConfig();
    void cleanupTestCase();

private:
    RecordingUpstream* host(const QString& name) const { return m_hosts.at(name).get(); }
    // POSTs `body` to `path` of the running serve and waits for the whole answer.
    QByteArray post(const QString& path, const QByteArray& body, int* status = nullptr);
    // No request any host received carries another host's credential.
    void verifyNoForeignCredential();

    QTemporaryDir m_home;
    QTemporaryDir m_settings;
    QTemporaryDir m_files;
    QProcessEnvironment m_environment;
    std::map<QString, std::unique_ptr<RecordingUpstream>> m_hosts;
    std::map<QString, QString> m_keyOwner; // credential variable -> the host it belongs to
    std::unique_ptr<ServeProcess> m_serve;
    QNetworkAccessManager m_nam;
    QString m_config;
};

void TestCliLiteLlmMixed::initTestCase()
{
    QVERIFY(m_home.isValid() && m_settings.isValid() && m_files.isValid());
    const QStringList names {
        "openai", "azure", "anthropic", "gemini", "groq", "cerebras", "corp", "ollama", "bedrock"
    };
    int address = 2;
    for (const QString& name : names) {
        auto upstream = std::make_unique<RecordingUpstream>(QStringLiteral("127.0.0.%1").arg(address++));
        QVERIFY(upstream->isListening());
        m_hosts.emplace(name, std::move(upstream));
    }
    m_keyOwner = { { "OPENAI_API_KEY", "openai" },       { "AZURE_API_KEY", "azure" },
                   { "ANTHROPIC_API_KEY", "anthropic" }, { "GEMINI_API_KEY", "gemini" },
                   { "GROQ_API_KEY", "groq" },           { "CEREBRAS_API_KEY", "cerebras" },
                   { "AWS_ACCESS_KEY_ID", "bedrock" },   { "AWS_SECRET_ACCESS_KEY", "bedrock" } };

    QFile in(fixture(QStringLiteral("mixed-served.yaml")));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray yaml = in.readAll();
    for (const auto& [name, upstream] : m_hosts) {
        yaml.replace("${" + name.toUpper().toUtf8() + "}", upstream->hostPort().toUtf8());
    }
    QVERIFY2(!yaml.contains("${"), yaml.constData());
    m_config = m_files.filePath(QStringLiteral("mixed-served.yaml"));
    QFile out(m_config);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(yaml) == yaml.size());
    out.close();

    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_settings.path());
    for (const char* name : { "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION" }) {
        m_environment.remove(QLatin1String(name));
    }
    // No credentials file of the user's: the environment's keys are the only ones.
    m_environment.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), m_files.filePath(QStringLiteral("none")));
    m_environment.insert(QStringLiteral("AWS_CONFIG_FILE"), m_files.filePath(QStringLiteral("none")));
    for (const auto& [variable, value] : kKeys) {
        m_environment.insert(variable, QString::fromLatin1(value));
    }
    const CliRun imported = CliRun::of({ QStringLiteral("--home"), m_home.path(), QStringLiteral("import"),
                                         QStringLiteral("litellm-config"), m_config },
                                       m_environment);
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    // The literal key is not imported: the import names the variable for it, bound to the corp host.
    const QString corpVariable = host(QStringLiteral("corp"))->keyVariable();
    QVERIFY2(imported.out.contains(corpVariable.toUtf8()), imported.out.constData());
    m_environment.insert(corpVariable, QLatin1String(kCorpKey));
    m_keyOwner.emplace(corpVariable, QStringLiteral("corp"));
    m_serve = std::make_unique<ServeProcess>();
    m_serve->process().setProcessEnvironment(m_environment);
    QVERIFY(m_serve->start(m_home.path(), {}));
}

void TestCliLiteLlmMixed::init()
{
    for (auto& [name, upstream] : m_hosts) {
        upstream->requests.clear();
        upstream->status = 200;
        upstream->errorBody.clear();
        upstream->delayMs = 0;
    }
}

void TestCliLiteLlmMixed::cleanupTestCase()
{
    m_serve.reset();
}

QByteArray TestCliLiteLlmMixed::post(const QString& path, const QByteArray& body, int* status)
{
    QNetworkRequest request(m_serve->url(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = m_nam.post(request, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished()) {
        finished.wait(15000);
    }
    const QByteArray answer = reply->readAll();
    if (status) {
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
    reply->deleteLater();
    return answer;
}

void TestCliLiteLlmMixed::verifyNoForeignCredential()
{
    for (const auto& [hostName, upstream] : m_hosts) {
        for (const HttpRequest& request : std::as_const(upstream->requests)) {
            for (const auto& [header, value] : request.headers) {
                for (const auto& [variable, owner] : m_keyOwner) {
                    const QByteArray key = m_environment.value(variable).toUtf8();
                    if (owner != hostName) {
                        QVERIFY2(!value.contains(key),
                                 qPrintable(QStringLiteral("%1 reached %2 in %3")
                                                .arg(variable, hostName, QString::fromUtf8(header))));
                    }
                }
            }
            // Bedrock's secret signs the request; it is never sent, not even to Bedrock.
            QVERIFY(!request.headers.isEmpty());
            for (const auto& [header, value] : request.headers) {
                QVERIFY(!value.contains(kKeys.at(QStringLiteral("AWS_SECRET_ACCESS_KEY"))));
            }
        }
    }
}

void TestCliLiteLlmMixed::import_savesWhatRunsAndNamesEachSkippedPlace()
{
    QTemporaryDir home;
    const CliRun imported = CliRun::of(
        { QStringLiteral("--home"), home.path(), QStringLiteral("import"), QStringLiteral("litellm-config"), m_config },
        m_environment);
    QCOMPARE(imported.exitCode, 0);
    // The three deployments that cannot run, each named by the file's own name and line.
    for (const char* place : { "mixed-served.yaml:58:", "mixed-served.yaml:60:", "mixed-served.yaml:62:" }) {
        QVERIFY2(imported.err.contains(place), imported.err.constData());
    }
    for (const QByteArray& output : { imported.out, imported.err }) {
        QVERIFY(!output.contains(kCorpKey));
    }
    QFile providers(home.filePath(QStringLiteral("providers.json")));
    QVERIFY(providers.open(QIODevice::ReadOnly));
    const QByteArray saved = providers.readAll();
    QVERIFY(!saved.contains(kCorpKey));
    for (const auto& [variable, value] : kKeys) {
        QVERIFY2(!saved.contains(value), qPrintable(variable));
    }
}

void TestCliLiteLlmMixed::eachName_reachesItsHostWithItsKeyAlone_data()
{
    QTest::addColumn<QString>("endpoint"); // openai (/v1/chat/completions) or anthropic (/v1/messages)
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("sentAs"); // the model name in the body the host received
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value"); // that header's value; for Bedrock its start

    const QByteArray openAi = "Bearer " + kKeys.at(QStringLiteral("OPENAI_API_KEY"));
    QTest::newRow("a custom-priced fine-tune, its prefix stripped")
        << "openai"
        << "my-finetune"
        << "openai"
        << "ft:gpt-4o-mini:acme::abc123" << QByteArray("authorization") << openAi;
    QTest::newRow("the company gateway with the file's literal key, through its own variable")
        << "openai"
        << "team-gateway"
        << "corp"
        << "gpt-4.1" << QByteArray("authorization") << QByteArray("Bearer ") + kCorpKey;
    QTest::newRow("a local Ollama gets no key at all") << "openai"
                                                       << "local"
                                                       << "ollama"
                                                       << "llama3.2" << QByteArray() << QByteArray();
    QTest::newRow("Gemini through its OpenAI-compatible API")
        << "openai"
        << "long-context"
        << "gemini"
        << "gemini-2.5-pro" << QByteArray("authorization") << "Bearer " + kKeys.at(QStringLiteral("GEMINI_API_KEY"));
    QTest::newRow("Claude asked through the Anthropic endpoint")
        << "anthropic"
        << "reasoning"
        << "anthropic"
        << "claude-sonnet-4-5" << QByteArray("x-api-key") << kKeys.at(QStringLiteral("ANTHROPIC_API_KEY"));
    QTest::newRow("Bedrock, signed with the environment's AWS key for us-east-1")
        << "openai"
        << "nova"
        << "bedrock" << QString() << QByteArray("authorization")
        << "AWS4-HMAC-SHA256 Credential=" + kKeys.at(QStringLiteral("AWS_ACCESS_KEY_ID")) + "/";
    QTest::newRow("anthropic/* passes the name on without its prefix")
        << "openai"
        << "anthropic/claude-3-haiku-20240307"
        << "anthropic"
        << "claude-3-haiku-20240307" << QByteArray("x-api-key") << kKeys.at(QStringLiteral("ANTHROPIC_API_KEY"));
    QTest::newRow("openai/* passes the name on without its prefix")
        << "anthropic"
        << "openai/gpt-4o"
        << "openai"
        << "gpt-4o" << QByteArray("authorization") << openAi;
}

void TestCliLiteLlmMixed::eachName_reachesItsHostWithItsKeyAlone()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, requested);
    QFETCH(QString, host);
    QFETCH(QString, sentAs);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);

    const bool anthropic = endpoint == QLatin1String("anthropic");
    int status = 0;
    const QByteArray answer = post(anthropic ? QStringLiteral("/v1/messages") : QStringLiteral("/v1/chat/completions"),
                                   "{\"model\":\"" + requested.toUtf8() + "\",\"max_tokens\":64,"
                                       + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}",
                                   &status);
    QVERIFY2(status == 200 && answer.contains("hello"), answer.constData());

    RecordingUpstream* expected = this->host(host);
    for (const auto& [name, upstream] : m_hosts) {
        QCOMPARE(upstream->requests.size(), upstream.get() == expected ? 1 : 0);
    }
    const HttpRequest& received = expected->requests.first();
    if (sentAs.isEmpty()) {
        QVERIFY2(received.path.contains("nova-lite-v1") && received.path.endsWith("/converse"),
                 received.path.constData());
        QVERIFY(received.header("host").startsWith(expected->hostPort().toUtf8()));
    } else {
        QCOMPARE(expected->lastModel(), sentAs);
    }
    for (const char* auth : { "authorization", "x-api-key", "api-key" }) {
        if (header == auth) {
            QVERIFY2(received.header(auth).startsWith(value), received.header(auth).constData());
        } else {
            QCOMPARE(received.header(auth), QByteArray());
        }
    }
    verifyNoForeignCredential();
}

void TestCliLiteLlmMixed::groups_spreadConcurrentRequestsOverTheirDeployments_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");

    // least-busy: a request goes to the deployment with the fewest in flight, as LiteLLM's does.
    QTest::newRow("the alias of the chat group: OpenAI and Azure") << "assistant"
                                                                   << "openai"
                                                                   << "azure";
    QTest::newRow("the fast group: Groq and Cerebras") << "fast"
                                                       << "groq"
                                                       << "cerebras";
}

void TestCliLiteLlmMixed::groups_spreadConcurrentRequestsOverTheirDeployments()
{
    QFETCH(QString, requested);
    QFETCH(QString, first);
    QFETCH(QString, second);
    for (auto& [name, upstream] : m_hosts) {
        upstream->delayMs = 400; // every request is still in flight when the next is routed
    }
    constexpr int kRequests = 6;
    QList<ClientCall> calls;
    for (int i = 0; i < kRequests; ++i) {
        calls.append(ClientCall::send(m_nam, m_serve->url(QStringLiteral("/v1/chat/completions")), requested, false));
    }
    for (ClientCall& call : calls) {
        QTRY_VERIFY_WITH_TIMEOUT(call.reply->isFinished(), 15000);
        QCOMPARE(outcomeOf(call.reply, false), ClientOutcome::Complete);
        call.reply->deleteLater();
    }
    const qsizetype one = host(first)->requests.size();
    const qsizetype other = host(second)->requests.size();
    QCOMPARE(one + other, kRequests);
    QVERIFY2(one == kRequests / 2 && other == kRequests / 2, qPrintable(QStringLiteral("%1 / %2").arg(one).arg(other)));
    for (const auto& [name, upstream] : m_hosts) {
        if (name != first && name != second) {
            QCOMPARE(upstream->requests.size(), 0);
        }
    }
    if (first == QLatin1String("openai")) {
        // Azure's key goes in its own header, to Azure's deployment URL with the file's api-version.
        const HttpRequest& azure = host(second)->requests.first();
        QCOMPARE(azure.header("api-key"), kKeys.at(QStringLiteral("AZURE_API_KEY")));
        QCOMPARE(azure.path, QByteArray("/openai/deployments/chat-eastus/chat/completions"));
        QCOMPARE(azure.query, QByteArray("api-version=2024-10-21"));
    }
    verifyNoForeignCredential();
}

void TestCliLiteLlmMixed::ledger_pricesWhatWasConfigured_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("recordedAs"); // the ledger's final_model
    QTest::addColumn<double>("cost"); // 3 input and 1 output token, as the upstreams answer

    QTest::newRow("litellm_params prices: $0.30 and $1.20 per million") << "my-finetune"
                                                                        << "my-finetune" << (3 * 0.30 + 1 * 1.20) / 1e6;
    QTest::newRow("an anthropic/* name at the price table's price for that model")
        << "anthropic/claude-3-haiku-20240307"
        << "anthropic/claude-3-haiku-20240307" << (3 * 0.25 + 1 * 1.25) / 1e6;
}

void TestCliLiteLlmMixed::ledger_pricesWhatWasConfigured()
{
    QFETCH(QString, requested);
    QFETCH(QString, recordedAs);
    QFETCH(double, cost);
    int status = 0;
    post(QStringLiteral("/v1/chat/completions"), ClientCall::body(requested, false), &status);
    QCOMPARE(status, 200);
    const QString ledger = m_home.filePath(QStringLiteral("ledger.sqlite"));
    QVariant recorded;
    // The gateway commits its rows in batches: wait for this one.
    QTRY_VERIFY_WITH_TIMEOUT((recorded = ledgerCost(ledger, recordedAs)).isValid(), 10000);
    QVERIFY2(qAbs(recorded.toDouble() - cost) < 1e-12,
             qPrintable(QStringLiteral("%1 recorded, %2 expected").arg(recorded.toDouble()).arg(cost)));
}

void TestCliLiteLlmMixed::groupDown_fallbackGroupAnswers()
{
    for (const char* name : { "openai", "azure" }) {
        host(QLatin1String(name))->status = 503;
    }
    int status = 0;
    const QByteArray answer = post(QStringLiteral("/v1/chat/completions"), ClientCall::body("chat", false), &status);
    QVERIFY2(status == 200 && answer.contains("hello"), answer.constData());
    // Both deployments of chat once each, then its fallback group (reasoning, on Anthropic) once.
    QCOMPARE(host(QStringLiteral("openai"))->requests.size(), 1);
    QCOMPARE(host(QStringLiteral("azure"))->requests.size(), 1);
    QCOMPARE(host(QStringLiteral("anthropic"))->requests.size(), 1);
    QCOMPARE(host(QStringLiteral("anthropic"))->lastModel(), QStringLiteral("claude-sonnet-4-5"));
    QCOMPARE(host(QStringLiteral("gemini"))->requests.size(), 0);
    verifyNoForeignCredential();
}

void TestCliLiteLlmMixed::promptTooLong_contextWindowFallbackAnswers()
{
    for (const char* name : { "openai", "azure" }) {
        host(QLatin1String(name))->status = 400;
        host(QLatin1String(name))->errorBody = kContextTooLong;
    }
    int status = 0;
    const QByteArray answer = post(QStringLiteral("/v1/chat/completions"), ClientCall::body("chat", false), &status);
    QVERIFY2(status == 200 && answer.contains("hello"), answer.constData());
    // The deployment that said "too long" once; its twin has the same window and is not tried; the
    // context-window fallback answers, the ordinary fallback (reasoning) is not needed.
    QCOMPARE(host(QStringLiteral("openai"))->requests.size() + host(QStringLiteral("azure"))->requests.size(), 1);
    QCOMPARE(host(QStringLiteral("gemini"))->requests.size(), 1);
    QCOMPARE(host(QStringLiteral("gemini"))->lastModel(), QStringLiteral("gemini-2.5-pro"));
    QCOMPARE(host(QStringLiteral("anthropic"))->requests.size(), 0);
    verifyNoForeignCredential();
}

void TestCliLiteLlmMixed::exportThenImport_givesTheSameConfig()
{
    const QString exported = m_files.filePath(QStringLiteral("exported.yaml"));
    const CliRun exporting = CliRun::of({ QStringLiteral("--home"), m_home.path(), QStringLiteral("export"),
                                          QStringLiteral("litellm-config"), exported },
                                        m_environment);
    QVERIFY2(exporting.exitCode == 0, exporting.err.constData());
    QFile written(exported);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray yaml = written.readAll();
    QVERIFY(!yaml.contains(kCorpKey));
    QTemporaryDir second;
    const CliRun reimported = CliRun::of({ QStringLiteral("--home"), second.path(), QStringLiteral("import"),
                                           QStringLiteral("litellm-config"), exported },
                                         m_environment);
    QVERIFY2(reimported.exitCode == 0, reimported.err.constData());
    const QString difference = homeConfigDifference(m_home.path(), second.path());
    QVERIFY2(difference.isEmpty(), qPrintable(difference + QStringLiteral("\nexported:\n") + QString::fromUtf8(yaml)));
}

QTEST_GUILESS_MAIN(TestCliLiteLlmMixed)
#include "tst_CliLiteLlmMixed.moc"
