#include "CliRun.h"
#include "HomeConfig.h"
#include "RecordingUpstream.h"
#include "ServeProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// `switchyard import litellm-config` as a user runs it, then real requests through the imported
// configuration: every key reaches only the host it was configured for, counted by test upstreams
// (one per loopback address) that record the auth headers they received.
namespace {
using Run = CliRun;

QByteArray filesIn(const QString& dir)
{
    QByteArray all;
    for (const QFileInfo& file : QDir(dir).entryInfoList(QDir::Files)) {
        QFile in(file.filePath());
        if (in.open(QIODevice::ReadOnly)) {
            all += in.readAll();
        }
    }
    return all;
}

QString fixture(const QString& name)
{
    return QStringLiteral(SWITCHYARD_TESTS_DIR "/data/litellm/") + name;
}
} // namespace

class TestCliLiteLlmImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void keysReachOnlyTheirOwnHost_data();
    void keysReachOnlyTheirOwnHost();
    void nothingImportable_exitsNonZeroAndSaysWhy();
    void importIntoExistingHome_keepsItsDefaults();
    void importedPrices_byUpstreamModelOrAsConfigured_data();
    void importedPrices_byUpstreamModelOrAsConfigured();
    void importedGroup_loadBalancesAcrossItsDeployments();
    void importedFallbacks_takenInOrder_data();
    void importedFallbacks_takenInOrder();
    void importedStreamTimeout_endsTheWaitForAFirstToken();
    void importedCooldowns_keepAFailingDeploymentOut_data();
    void importedCooldowns_keepAFailingDeploymentOut();
    void exportThenImport_givesTheSameConfig_data();
    void exportThenImport_givesTheSameConfig();

private:
    Run run(const QStringList& arguments)
    {
        return CliRun::of(QStringList { "--home", m_home->path() } + arguments, m_environment);
    }
    QString writeConfig();
    // Imports group-fallbacks.yaml with its hosts on the upstreams; the keys go into the environment.
    bool importGroupFallbacks();
    // Imports timeouts-cooldowns.yaml with allowed_fails set, its hosts on the upstreams.
    bool importTimeoutsCooldowns(int allowedFails);

    std::unique_ptr<QTemporaryDir> m_home;
    QTemporaryDir m_settings;
    QTemporaryDir m_files; // the user's LiteLLM files, outside the home
    QProcessEnvironment m_environment;
    std::unique_ptr<RecordingUpstream> m_gateway; // the company gateway: one literal key per team
    std::unique_ptr<RecordingUpstream> m_anthropic;
    std::unique_ptr<RecordingUpstream> m_local; // needs no key
};

void TestCliLiteLlmImport::initTestCase()
{
    QVERIFY(m_settings.isValid());
}

void TestCliLiteLlmImport::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_gateway = std::make_unique<RecordingUpstream>(QStringLiteral("127.0.0.2"));
    m_anthropic = std::make_unique<RecordingUpstream>(QStringLiteral("127.0.0.3"));
    m_local = std::make_unique<RecordingUpstream>(QStringLiteral("127.0.0.4"));
    QVERIFY(m_gateway->isListening() && m_anthropic->isListening() && m_local->isListening());
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_settings.path());
    // The user's own keys, which must never reach any of these hosts but their own.
    m_environment.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-users-own-openai-key-99"));
    m_environment.insert(QStringLiteral("ANTHROPIC_API_KEY"), QStringLiteral("sk-ant-users-own-key-77"));
}

QString TestCliLiteLlmImport::writeConfig()
{
    QFile in(fixture(QStringLiteral("keys-per-host.yaml")));
    if (!in.open(QIODevice::ReadOnly)) {
        return {};
    }
    QByteArray yaml = in.readAll();
    yaml.replace("${GATEWAY}", m_gateway->hostPort().toUtf8());
    yaml.replace("${ANTHROPIC}", m_anthropic->hostPort().toUtf8());
    yaml.replace("${LOCAL}", m_local->hostPort().toUtf8());
    const QString path = m_files.filePath(QStringLiteral("team-config.yaml"));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(yaml) != yaml.size()) {
        return {};
    }
    return path;
}

void TestCliLiteLlmImport::keysReachOnlyTheirOwnHost_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("host"); // gateway, anthropic, local
    QTest::addColumn<QByteArray>("header"); // the auth header that host must see
    QTest::addColumn<QByteArray>("value");

    QTest::newRow("team A's literal key goes to the gateway under team A's variable")
        << "team-a"
        << "gateway" << QByteArray("authorization") << QByteArray("Bearer sk-team-a-literal-key-0000000001");
    QTest::newRow("team B's different key for the same gateway is its own")
        << "team-b"
        << "gateway" << QByteArray("authorization") << QByteArray("Bearer sk-team-b-literal-key-0000000002");
    QTest::newRow("claude without a prefix speaks Anthropic with the Anthropic key")
        << "claude"
        << "anthropic" << QByteArray("x-api-key") << QByteArray("sk-ant-users-own-key-77");
    QTest::newRow("a local server without api_key gets no key at all") << "local"
                                                                       << "local" << QByteArray() << QByteArray();
}

void TestCliLiteLlmImport::keysReachOnlyTheirOwnHost()
{
    QFETCH(QString, group);
    QFETCH(QString, host);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);

    const QString config = writeConfig();
    QVERIFY(!config.isEmpty());
    const Run imported = run({ QStringLiteral("import"), QStringLiteral("litellm-config"), config });
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    // The import names the variables to set, never the keys.
    const QString teamA = m_gateway->keyVariable();
    const QString teamB = teamA + QStringLiteral("_2");
    QVERIFY2(imported.out.contains(teamA.toUtf8()) && imported.out.contains(teamB.toUtf8()), imported.out.constData());
    QVERIFY(imported.out.contains("team-config.yaml line 8"));
    QVERIFY2(imported.err.contains("team-config.yaml:"), imported.err.constData());
    for (const QByteArray& output : { imported.out, imported.err, filesIn(m_home->path()) }) {
        QVERIFY(!output.contains("sk-team-a-literal"));
        QVERIFY(!output.contains("sk-team-b-literal"));
    }
    m_environment.insert(teamA, QStringLiteral("sk-team-a-literal-key-0000000001"));
    m_environment.insert(teamB, QStringLiteral("sk-team-b-literal-key-0000000002"));

    const Run asked = run({ QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("--no-stream"),
                            QStringLiteral("--model"), group, QStringLiteral("Say hello") });
    QVERIFY2(asked.exitCode == 0, asked.err.constData() + QByteArray("\n") + asked.out);
    QCOMPARE(QJsonDocument::fromJson(asked.out).object().value(QStringLiteral("text")).toString(),
             QStringLiteral("hello"));

    // Server side: exactly one request, at the host the file names, with that host's key and nothing else.
    RecordingUpstream* expected = host == QLatin1String("gateway") ? m_gateway.get()
        : host == QLatin1String("anthropic")                       ? m_anthropic.get()
                                                                   : m_local.get();
    for (RecordingUpstream* upstream : { m_gateway.get(), m_anthropic.get(), m_local.get() }) {
        QCOMPARE(upstream->requests.size(), upstream == expected ? 1 : 0);
    }
    const HttpRequest& request = expected->requests.first();
    for (const char* auth : { "authorization", "x-api-key", "api-key" }) {
        QCOMPARE(request.header(auth), header == auth ? value : QByteArray());
    }
    for (const auto& [name, headerValue] : request.headers) {
        for (const char* foreign :
             { "sk-users-own-openai-key", "sk-ant-users-own-key", "sk-team-a-literal", "sk-team-b-literal" }) {
            if (!value.contains(foreign)) {
                QVERIFY2(!headerValue.contains(foreign), name.constData());
            }
        }
    }
    QVERIFY(request.path.endsWith(host == QLatin1String("anthropic") ? "/v1/messages" : "/v1/chat/completions"));
}

void TestCliLiteLlmImport::nothingImportable_exitsNonZeroAndSaysWhy()
{
    const Run result = run({ QStringLiteral("import"), QStringLiteral("litellm-config"),
                             fixture(QStringLiteral("nothing-importable.yaml")) });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("nothing was imported from") && result.err.contains("2 skipped"),
             result.err.constData());
    QVERIFY2(result.err.contains("nothing-importable.yaml:5:14: model_list[0].litellm_params.model"),
             result.err.constData());
    QVERIFY(!result.out.contains("Saved"));
    QVERIFY(!QFileInfo::exists(m_home->filePath(QStringLiteral("routing.json"))));
}

void TestCliLiteLlmImport::importIntoExistingHome_keepsItsDefaults()
{
    // A home whose routing was set to least-busy and a 42 s timeout; the next file sets only cooldowns.
    const QString first = m_home->filePath(QStringLiteral("first.yaml"));
    QFile firstFile(first);
    QVERIFY(firstFile.open(QIODevice::WriteOnly));
    firstFile.write("model_list:\n"
                    "  - model_name: gpt-4o\n"
                    "    litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}\n"
                    "router_settings: {routing_strategy: least-busy, timeout: 42}\n");
    firstFile.close();
    QCOMPARE(run({ QStringLiteral("import"), QStringLiteral("litellm-config"), first }).exitCode, 0);
    QFile routing(m_home->filePath(QStringLiteral("routing.json")));
    const Run result = run({ QStringLiteral("import"), QStringLiteral("litellm-config"),
                             fixture(QStringLiteral("prices-and-aliases.yaml")) });
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(routing.open(QIODevice::ReadOnly));
    const QJsonObject defaults
        = QJsonDocument::fromJson(routing.readAll()).object().value(QStringLiteral("defaults")).toObject();
    QCOMPARE(defaults.value(QStringLiteral("strategy")).toString(), QStringLiteral("least-busy"));
    QCOMPARE(defaults.value(QStringLiteral("timeouts")).toObject().value(QStringLiteral("totalMs")).toInt(), 42000);
    QCOMPARE(defaults.value(QStringLiteral("cooldown")).toObject().value(QStringLiteral("failures")).toInt(), 5);
}

void TestCliLiteLlmImport::importedPrices_byUpstreamModelOrAsConfigured_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QJsonValue>("price"); // price_per_mtok in `models --json`

    QTest::newRow("an OpenAI group name on a local llama2 is not charged at OpenAI's price")
        << "gpt-3.5-turbo" << QJsonValue();
    QTest::newRow("prices from litellm_params")
        << "my-custom-model" << QJsonValue(QJsonObject { { "input", 421 }, { "output", 520 }, { "cached_input", 0 } });
    QTest::newRow("only an input price in model_info: the price table's price for the upstream model")
        << "half-priced" << QJsonValue(QJsonObject { { "input", 0.15 }, { "output", 0.6 }, { "cached_input", 0.075 } });
}

void TestCliLiteLlmImport::importedPrices_byUpstreamModelOrAsConfigured()
{
    QFETCH(QString, model);
    QFETCH(QJsonValue, price);
    QVERIFY(run({ QStringLiteral("import"), QStringLiteral("litellm-config"),
                  fixture(QStringLiteral("prices-and-aliases.yaml")) })
                .exitCode
            == 0);
    const Run listed = run({ QStringLiteral("models"), QStringLiteral("--json") });
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray models = QJsonDocument::fromJson(listed.out).object().value(QStringLiteral("models")).toArray();
    for (const QJsonValue& entry : models) {
        if (entry.toObject().value(QStringLiteral("id")).toString() == model) {
            QCOMPARE(entry.toObject().value(QStringLiteral("price_per_mtok")), price);
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("%1 not listed: %2").arg(model, QString::fromUtf8(listed.out))));
}

bool TestCliLiteLlmImport::importGroupFallbacks()
{
    QFile in(fixture(QStringLiteral("group-fallbacks.yaml")));
    if (!in.open(QIODevice::ReadOnly)) {
        return false;
    }
    QByteArray yaml = in.readAll();
    // The gateway stands in for the primary deployment, local for the secondary, anthropic for the backup.
    yaml.replace("${PRIMARY}", m_gateway->hostPort().toUtf8());
    yaml.replace("${SECONDARY}", m_local->hostPort().toUtf8());
    yaml.replace("${BACKUP}", m_anthropic->hostPort().toUtf8());
    QFile out(m_files.filePath(QStringLiteral("config.yaml")));
    if (!out.open(QIODevice::WriteOnly) || out.write(yaml) != yaml.size()) {
        return false;
    }
    out.close();
    m_environment.insert(QStringLiteral("PRIMARY_KEY"), QStringLiteral("sk-primary-1"));
    m_environment.insert(QStringLiteral("SECONDARY_KEY"), QStringLiteral("sk-secondary-2"));
    return run({ QStringLiteral("import"), QStringLiteral("litellm-config"), out.fileName() }).exitCode == 0;
}

void TestCliLiteLlmImport::importedGroup_loadBalancesAcrossItsDeployments()
{
    // The home has no tiers: the imported group must still be served by both of its deployments. Asked
    // for by its alias, as "chat" itself also names the group's first deployment.
    QVERIFY(importGroupFallbacks());
    constexpr int kRequests = 16; // 1:1 weights: all on one side has a chance of 2 in 65,536
    for (int i = 0; i < kRequests; ++i) {
        const Run asked = run({ QStringLiteral("ask"), QStringLiteral("--no-stream"), QStringLiteral("--model"),
                                QStringLiteral("assistant"), QStringLiteral("hello") });
        QVERIFY2(asked.exitCode == 0, asked.err.constData());
    }
    QCOMPARE(m_gateway->requests.size() + m_local->requests.size(), kRequests);
    QVERIFY(m_gateway->requests.size() >= 1);
    QVERIFY(m_local->requests.size() >= 1);
    QCOMPARE(m_anthropic->requests.size(), 0);
    for (const HttpRequest& request : std::as_const(m_gateway->requests)) {
        QCOMPARE(request.header("authorization"), QByteArray("Bearer sk-primary-1"));
    }
    for (const HttpRequest& request : std::as_const(m_local->requests)) {
        QCOMPARE(request.header("authorization"), QByteArray("Bearer sk-secondary-2"));
    }
}

void TestCliLiteLlmImport::importedFallbacks_takenInOrder_data()
{
    QTest::addColumn<bool>("hang"); // the group's deployments hang instead of failing with 503

    QTest::newRow("both deployments answer 503: the fallback group answers") << false;
    QTest::newRow("both deployments hang past the router's 1.5 s timeout: the fallback group answers") << true;
}

void TestCliLiteLlmImport::importedFallbacks_takenInOrder()
{
    QFETCH(bool, hang);
    QVERIFY(importGroupFallbacks());
    for (RecordingUpstream* upstream : { m_gateway.get(), m_local.get() }) {
        upstream->status = 503;
        upstream->hang = hang;
    }
    QElapsedTimer clock;
    clock.start();
    const Run asked = run({ QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("--no-stream"),
                            QStringLiteral("--model"), QStringLiteral("assistant"), QStringLiteral("hello") });
    QVERIFY2(asked.exitCode == 0, asked.err.constData() + QByteArray("\n") + asked.out);
    const QJsonObject object = QJsonDocument::fromJson(asked.out).object();
    QCOMPARE(object.value(QStringLiteral("model")).toString(), QStringLiteral("backup"));
    // Both deployments of the group first (in either order), then the fallback, each once.
    QCOMPARE(m_gateway->requests.size(), 1);
    QCOMPARE(m_local->requests.size(), 1);
    QCOMPARE(m_anthropic->requests.size(), 1);
    if (hang) {
        QVERIFY2(clock.elapsed() >= 2 * 1500, QByteArray::number(clock.elapsed()).constData());
        QVERIFY2(clock.elapsed() < 10000, QByteArray::number(clock.elapsed()).constData());
    }
}

bool TestCliLiteLlmImport::importTimeoutsCooldowns(int allowedFails)
{
    QFile in(fixture(QStringLiteral("timeouts-cooldowns.yaml")));
    if (!in.open(QIODevice::ReadOnly)) {
        return false;
    }
    QByteArray yaml = in.readAll();
    yaml.replace("${PRIMARY}", m_gateway->hostPort().toUtf8());
    yaml.replace("${SECONDARY}", m_local->hostPort().toUtf8());
    yaml.replace("${BACKUP}", m_anthropic->hostPort().toUtf8());
    yaml.replace("${ALLOWED_FAILS}", QByteArray::number(allowedFails));
    QFile out(m_files.filePath(QStringLiteral("reliability.yaml")));
    if (!out.open(QIODevice::WriteOnly) || out.write(yaml) != yaml.size()) {
        return false;
    }
    out.close();
    m_environment.insert(QStringLiteral("PRIMARY_KEY"), QStringLiteral("sk-primary-1"));
    m_environment.insert(QStringLiteral("SECONDARY_KEY"), QStringLiteral("sk-secondary-2"));
    return run({ QStringLiteral("import"), QStringLiteral("litellm-config"), out.fileName() }).exitCode == 0;
}

void TestCliLiteLlmImport::importedStreamTimeout_endsTheWaitForAFirstToken()
{
    // timeout: 30 for the whole call, stream_timeout: 1 for the first token: both deployments hang
    // without a token, so the fallback answers after about 2 x 1 s, not after 30 s.
    QVERIFY(importTimeoutsCooldowns(3));
    for (RecordingUpstream* upstream : { m_gateway.get(), m_local.get() }) {
        upstream->hang = true;
    }
    QElapsedTimer clock;
    clock.start();
    const Run asked = run({ QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("--model"),
                            QStringLiteral("assistant"), QStringLiteral("hello") });
    QVERIFY2(asked.exitCode == 0, asked.err.constData() + QByteArray("\n") + asked.out);
    QCOMPARE(QJsonDocument::fromJson(asked.out).object().value(QStringLiteral("model")).toString(),
             QStringLiteral("backup"));
    QCOMPARE(m_gateway->requests.size(), 1);
    QCOMPARE(m_local->requests.size(), 1);
    QCOMPARE(m_anthropic->requests.size(), 1);
    QVERIFY2(clock.elapsed() >= 2 * 1000, QByteArray::number(clock.elapsed()).constData());
    QVERIFY2(clock.elapsed() < 15000, QByteArray::number(clock.elapsed()).constData());
}

void TestCliLiteLlmImport::importedCooldowns_keepAFailingDeploymentOut_data()
{
    QTest::addColumn<int>("allowedFails");
    QTest::addColumn<int>("primaryRequests"); // what reaches the failing deployment in all

    // LiteLLM cools a deployment down once its failures in a minute exceed allowed_fails.
    QTest::newRow("allowed_fails 0: out after its first failure") << 0 << 1;
    QTest::newRow("allowed_fails 2: out after its third failure") << 2 << 3;
}

void TestCliLiteLlmImport::importedCooldowns_keepAFailingDeploymentOut()
{
    QFETCH(int, allowedFails);
    QFETCH(int, primaryRequests);
    QVERIFY(importTimeoutsCooldowns(allowedFails));
    m_gateway->status = 503; // the primary deployment is down; the secondary answers
    ServeProcess serve;
    QProcessEnvironment environment = m_environment;
    serve.process().setProcessEnvironment(environment);
    QVERIFY(serve.start(m_home->path(), {}));
    QNetworkAccessManager nam;
    constexpr int kRequests = 24; // 1:1 shuffle: fewer than 3 picks of the primary in 24 is < 1 in 50,000
    for (int i = 0; i < kRequests; ++i) {
        ClientCall call = ClientCall::send(nam, serve.url(QStringLiteral("/v1/chat/completions")),
                                           QStringLiteral("assistant"), false);
        QTRY_VERIFY_WITH_TIMEOUT(call.reply->isFinished(), 10000);
        QCOMPARE(outcomeOf(call.reply, false), ClientOutcome::Complete);
        call.reply->deleteLater();
    }
    // Server side: the failing deployment saw exactly its allowed failures plus the one that cooled
    // it down; every request was answered by the other one; the fallback group was never needed.
    QCOMPARE(m_gateway->requests.size(), primaryRequests);
    QCOMPARE(m_local->requests.size(), kRequests);
    QCOMPARE(m_anthropic->requests.size(), 0);
}

void TestCliLiteLlmImport::exportThenImport_givesTheSameConfig_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("a group, fallbacks, aliases, timeouts") << "group-fallbacks.yaml";
    QTest::newRow("stream_timeout and cooldowns") << "timeouts-cooldowns.yaml";
    QTest::newRow("prices as configured and an alias") << "prices-and-aliases.yaml";
    QTest::newRow("Azure deployments with api_version, keys and an Entra ID token") << "azure-deployments.yaml";
}

void TestCliLiteLlmImport::exportThenImport_givesTheSameConfig()
{
    QFETCH(QString, file);
    QFile in(fixture(file));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray yaml = in.readAll();
    yaml.replace("${PRIMARY}", "127.0.0.2:4001").replace("${SECONDARY}", "127.0.0.4:4002");
    yaml.replace("${BACKUP}", "127.0.0.3:4003").replace("${ALLOWED_FAILS}", "2");
    const QString original = m_files.filePath(QStringLiteral("original.yaml"));
    QFile out(original);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(yaml) == yaml.size());
    out.close();
    m_environment.insert(QStringLiteral("PRIMARY_KEY"), QStringLiteral("sk-primary-1"));
    m_environment.insert(QStringLiteral("SECONDARY_KEY"), QStringLiteral("sk-secondary-2"));
    m_environment.insert(QStringLiteral("AZURE_API_KEY"), QStringLiteral("azure-key"));
    m_environment.insert(QStringLiteral("AZURE_API_KEY_SWEDEN"), QStringLiteral("azure-key-se"));
    m_environment.insert(QStringLiteral("AZURE_AD_TOKEN"), QStringLiteral("entra-token"));
    const Run imported = run({ QStringLiteral("import"), QStringLiteral("litellm-config"), original });
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const QString exported = m_files.filePath(QStringLiteral("exported.yaml"));
    const Run exporting = run({ QStringLiteral("export"), QStringLiteral("litellm-config"), exported });
    QVERIFY2(exporting.exitCode == 0, exporting.err.constData());

    QTemporaryDir second;
    const Run reimported = CliRun::of({ QStringLiteral("--home"), second.path(), QStringLiteral("import"),
                                        QStringLiteral("litellm-config"), exported },
                                      m_environment);
    QVERIFY2(reimported.exitCode == 0, reimported.err.constData());
    const QString difference = homeConfigDifference(m_home->path(), second.path());
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

QTEST_GUILESS_MAIN(TestCliLiteLlmImport)
#include "tst_CliLiteLlmImport.moc"
