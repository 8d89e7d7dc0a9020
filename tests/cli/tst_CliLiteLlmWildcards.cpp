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
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

// LiteLLM's wildcard routing as a user gets it: `import litellm-config` of a file with "*",
// "anthropic/*" and "openai/gpt-4*" deployments beside an explicit group, then the names clients
// ask for through `ask`, `route`, `explain` and `serve` (OpenAI and Anthropic endpoints). Each
// upstream is its own loopback host and records the model name and the key every request carried.
namespace {
constexpr auto kAnyKey = "sk-any-0000000001";
constexpr auto kAnthropicKey = "sk-ant-users-own-key-77";
constexpr auto kGpt4Key = "sk-gpt4-literal-key-0000000004";
constexpr auto kExplicitKey = "sk-explicit-0000000005";

QString fixture(const QString& name)
{
    return QStringLiteral(SWITCHYARD_TESTS_DIR "/data/litellm/") + name;
}

struct LedgerRow
{
    QString model;
    QString provider;
    QVariant cost; // null: unpriced
};

QList<LedgerRow> ledgerRows(const QString& path)
{
    QList<LedgerRow> rows;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(QStringLiteral("SELECT final_model, final_provider, cost_usd FROM requests ORDER BY rid"),
                            db);
            while (query.next()) {
                rows.append({ query.value(0).toString(), query.value(1).toString(), query.value(2) });
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}
// The first deployment of the first step of `explain --json`'s chain.
QJsonObject firstDeployment(const QJsonObject& explained)
{
    return explained.value(QStringLiteral("chain"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("deployments"))
        .toArray()
        .first()
        .toObject();
}
} // namespace

class TestCliLiteLlmWildcards : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void requestedName_reachesItsProviderAsLiteLlmSendsIt_data();
    void requestedName_reachesItsProviderAsLiteLlmSendsIt();
    void ledger_pricesTheUpstreamModel_data();
    void ledger_pricesTheUpstreamModel();
    void budget_coversTheModelsAWildcardMakes_data();
    void budget_coversTheModelsAWildcardMakes();
    void explainAndRoute_nameTheWildcard();
    void nameNoPatternMatches_isStillRefused();
    void starToStar_picksEachNamesProviderByTheName_data();
    void starToStar_picksEachNamesProviderByTheName();
    void starToStar_modelListNamesWhatEachProviderServes();
    void modelList_showsThePatternNotItsTemplate();
    void exportThenImport_givesTheSameConfig();

private:
    CliRun run(const QStringList& arguments)
    {
        return CliRun::of(QStringList { "--home", m_home->path() } + arguments, m_environment);
    }
    // Writes wildcards.yaml with its hosts on the upstreams (or `yaml` as given) and imports it.
    bool import(QByteArray yaml = {});
    RecordingUpstream* upstream(const QString& name) const;
    // GET /v1/models of `serve` on the home as imported; empty when it did not answer.
    QByteArray servedModelList()
    {
        ServeProcess serve;
        serve.process().setProcessEnvironment(m_environment);
        if (!serve.start(m_home->path(), {})) {
            return {};
        }
        QNetworkAccessManager nam;
        QNetworkReply* reply = nam.get(QNetworkRequest(serve.url(QStringLiteral("/v1/models"))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished()) {
            finished.wait(10000);
        }
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }
    // Imports LiteLLM's "*" -> "*" beside the file's own "anthropic/*" (GROQ_API_KEY set, no Mistral key).
    CliRun importStarToStar();
    QList<RecordingUpstream*> upstreams() const
    {
        return { m_any.get(), m_anthropic.get(), m_gpt4.get(), m_explicit.get() };
    }

    std::unique_ptr<QTemporaryDir> m_home;
    QTemporaryDir m_settings;
    QTemporaryDir m_files;
    QProcessEnvironment m_environment;
    std::unique_ptr<RecordingUpstream> m_any; // "*" -> openai/* on an OpenAI-compatible host
    std::unique_ptr<RecordingUpstream> m_anthropic; // "anthropic/*"
    std::unique_ptr<RecordingUpstream> m_gpt4; // "openai/gpt-4*", with a literal key
    std::unique_ptr<RecordingUpstream> m_explicit; // the explicit group gpt-4o-mini
};

void TestCliLiteLlmWildcards::init()
{
    QVERIFY(m_settings.isValid() && m_files.isValid());
    m_home = std::make_unique<QTemporaryDir>();
    m_any = std::make_unique<RecordingUpstream>(QStringLiteral("127.0.0.2"));
    m_anthropic = std::make_unique<RecordingUpstream>(QStringLiteral("127.0.0.3"));
    m_gpt4 = std::make_unique<RecordingUpstream>(QStringLiteral("127.0.0.4"));
    m_explicit = std::make_unique<RecordingUpstream>(QStringLiteral("127.0.0.5"));
    for (RecordingUpstream* host : upstreams()) {
        QVERIFY(host->isListening());
    }
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_settings.path());
    m_environment.insert(QStringLiteral("ANY_KEY"), QLatin1String(kAnyKey));
    m_environment.insert(QStringLiteral("ANTHROPIC_API_KEY"), QLatin1String(kAnthropicKey));
    m_environment.insert(QStringLiteral("EXPLICIT_KEY"), QLatin1String(kExplicitKey));
    m_environment.insert(m_gpt4->keyVariable(), QLatin1String(kGpt4Key));
    // The user's own OpenAI key: no wildcard host may ever see it.
    m_environment.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-users-own-openai-key-99"));
}

bool TestCliLiteLlmWildcards::import(QByteArray yaml)
{
    if (yaml.isEmpty()) {
        QFile in(fixture(QStringLiteral("wildcards.yaml")));
        if (!in.open(QIODevice::ReadOnly)) {
            return false;
        }
        yaml = in.readAll();
    }
    yaml.replace("${ANY}", m_any->hostPort().toUtf8());
    yaml.replace("${ANTHROPIC}", m_anthropic->hostPort().toUtf8());
    yaml.replace("${GPT4}", m_gpt4->hostPort().toUtf8());
    yaml.replace("${EXPLICIT}", m_explicit->hostPort().toUtf8());
    QFile out(m_files.filePath(QStringLiteral("wildcards.yaml")));
    if (!out.open(QIODevice::WriteOnly) || out.write(yaml) != yaml.size()) {
        return false;
    }
    out.close();
    const CliRun imported = run({ QStringLiteral("import"), QStringLiteral("litellm-config"), out.fileName() });
    if (imported.exitCode != 0) {
        qWarning("%s", imported.err.constData());
    }
    return imported.exitCode == 0;
}

RecordingUpstream* TestCliLiteLlmWildcards::upstream(const QString& name) const
{
    return name == QLatin1String("any")      ? m_any.get()
        : name == QLatin1String("anthropic") ? m_anthropic.get()
        : name == QLatin1String("gpt4")      ? m_gpt4.get()
                                             : m_explicit.get();
}

void TestCliLiteLlmWildcards::requestedName_reachesItsProviderAsLiteLlmSendsIt_data()
{
    QTest::addColumn<QString>("client"); // ask, openai (POST /v1/chat/completions), anthropic (POST /v1/messages)
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("host"); // the upstream that must get it, alone
    QTest::addColumn<QString>("sentAs"); // the model in the body it received
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");

    const QByteArray bearer = "authorization";
    for (const char* client : { "ask", "openai", "anthropic" }) {
        const auto row = [client](const char* name) -> QTestData& {
            return QTest::addRow("%s: %s", client, name) << QString::fromLatin1(client);
        };
        row("any name goes through \"*\" to its OpenAI-compatible host as it was asked")
            << "brand-new-model-2026"
            << "any"
            << "brand-new-model-2026" << bearer << QByteArray("Bearer ") + kAnyKey;
        row("anthropic/NAME is sent to Anthropic as NAME, with the Anthropic key")
            << "anthropic/claude-sonnet-4-5"
            << "anthropic"
            << "claude-sonnet-4-5" << QByteArray("x-api-key") << QByteArray(kAnthropicKey);
        row("the longer pattern openai/gpt-4* wins over \"*\" and fills its star")
            << "openai/gpt-4.1"
            << "gpt4"
            << "gpt-4.1" << bearer << QByteArray("Bearer ") + kGpt4Key;
        row("a name outside the prefix pattern falls to \"*\", passed through whole")
            << "openai/o3"
            << "any"
            << "openai/o3" << bearer << QByteArray("Bearer ") + kAnyKey;
        row("the explicit group wins over every pattern that matches it")
            << "gpt-4o-mini"
            << "explicit"
            << "gpt-4o-mini" << bearer << QByteArray("Bearer ") + kExplicitKey;
    }
}

void TestCliLiteLlmWildcards::requestedName_reachesItsProviderAsLiteLlmSendsIt()
{
    QFETCH(QString, client);
    QFETCH(QString, requested);
    QFETCH(QString, host);
    QFETCH(QString, sentAs);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QVERIFY(import());

    if (client == QLatin1String("ask")) {
        const CliRun asked = run({ QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("--no-stream"),
                                   QStringLiteral("--model"), requested, QStringLiteral("Say hello") });
        QVERIFY2(asked.exitCode == 0, asked.err.constData() + QByteArray("\n") + asked.out);
        QCOMPARE(QJsonDocument::fromJson(asked.out).object().value(QStringLiteral("text")).toString(),
                 QStringLiteral("hello"));
    } else {
        ServeProcess serve;
        serve.process().setProcessEnvironment(m_environment);
        QVERIFY(serve.start(m_home->path(), {}));
        const bool anthropic = client == QLatin1String("anthropic");
        QNetworkRequest request(
            serve.url(anthropic ? QStringLiteral("/v1/messages") : QStringLiteral("/v1/chat/completions")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const QByteArray body = "{\"model\":\"" + requested.toUtf8() + "\",\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
        QNetworkAccessManager nam;
        QNetworkReply* reply = nam.post(request, body);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        const QByteArray answer = reply->readAll();
        QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200, answer.constData());
        QVERIFY2(answer.contains("hello"), answer.constData());
        reply->deleteLater();
    }

    // Server side: exactly one request, at the host whose deployment took the name, with that
    // host's key alone and the model name LiteLLM would send.
    RecordingUpstream* expected = upstream(host);
    for (RecordingUpstream* candidate : upstreams()) {
        QCOMPARE(candidate->requests.size(), candidate == expected ? 1 : 0);
    }
    QCOMPARE(expected->lastModel(), sentAs);
    const HttpRequest& received = expected->requests.first();
    QVERIFY(received.path.endsWith(host == QLatin1String("anthropic") ? "/v1/messages" : "/v1/chat/completions"));
    for (const char* auth : { "authorization", "x-api-key", "api-key" }) {
        QCOMPARE(received.header(auth), header == auth ? value : QByteArray());
    }
    for (const auto& [name, headerValue] : received.headers) {
        QVERIFY2(!headerValue.contains("sk-users-own-openai-key"), name.constData());
    }
}

void TestCliLiteLlmWildcards::ledger_pricesTheUpstreamModel_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("modelSuffix"); // of final_model: the provider's id, then this
    QTest::addColumn<QVariant>("cost"); // USD for 3 prompt and 1 completion token; null: unpriced

    // Bundled prices: gpt-4.1 $2 / $8 per 1M, claude-sonnet-4-5 $3 / $15 per 1M.
    QTest::newRow("gpt-4.1 through openai/gpt-4*: 3 x $2/1M + 1 x $8/1M")
        << "openai/gpt-4.1"
        << "/gpt-4.1" << QVariant(3 * 2.0 / 1e6 + 1 * 8.0 / 1e6);
    QTest::newRow("claude-sonnet-4-5 through anthropic/*: 3 x $3/1M + 1 x $15/1M")
        << "anthropic/claude-sonnet-4-5"
        << "/claude-sonnet-4-5" << QVariant(3 * 3.0 / 1e6 + 1 * 15.0 / 1e6);
    QTest::newRow("a model the price table does not know is unpriced, not free")
        << "brand-new-model-2026"
        << "/brand-new-model-2026" << QVariant();
}

void TestCliLiteLlmWildcards::ledger_pricesTheUpstreamModel()
{
    QFETCH(QString, requested);
    QFETCH(QString, modelSuffix);
    QFETCH(QVariant, cost);
    QVERIFY(import());
    const CliRun asked = run({ QStringLiteral("ask"), QStringLiteral("--no-stream"), QStringLiteral("--model"),
                               requested, QStringLiteral("Say hello") });
    QVERIFY2(asked.exitCode == 0, asked.err.constData());
    const QList<LedgerRow> rows = ledgerRows(m_home->filePath(QStringLiteral("ledger.sqlite")));
    QCOMPARE(rows.size(), 1);
    QVERIFY2(rows.first().model.endsWith(modelSuffix), qPrintable(rows.first().model));
    QCOMPARE(rows.first().model, rows.first().provider + modelSuffix);
    if (cost.isNull()) {
        QVERIFY2(rows.first().cost.isNull(), qPrintable(rows.first().cost.toString()));
    } else {
        QVERIFY(!rows.first().cost.isNull());
        QVERIFY2(qAbs(rows.first().cost.toDouble() - cost.toDouble()) < 1e-12,
                 qPrintable(QString::number(rows.first().cost.toDouble(), 'g', 17)));
    }
}

void TestCliLiteLlmWildcards::budget_coversTheModelsAWildcardMakes_data()
{
    QTest::addColumn<QString>("dailyUsd"); // the home's daily budget, action "refuse"
    QTest::addColumn<QString>("requested");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("requests"); // what reached the Anthropic host

    // The worst case of claude-sonnet-4-5 with 1,000 output tokens is over $0.015 ($15 per 1M).
    QTest::newRow("within the limit: sent") << "1"
                                            << "anthropic/claude-sonnet-4-5" << 0 << 1;
    QTest::newRow("the wildcard's model priced over the limit: refused, nothing sent")
        << "0.0001"
        << "anthropic/claude-sonnet-4-5" << 2 << 0;
    QTest::newRow("a name with no price under a limit: refused as any unpriced model")
        << "1"
        << "anthropic/claude-unreleased-9" << 2 << 0;
}

void TestCliLiteLlmWildcards::budget_coversTheModelsAWildcardMakes()
{
    QFETCH(QString, dailyUsd);
    QFETCH(QString, requested);
    QFETCH(int, exitCode);
    QFETCH(int, requests);
    QVERIFY(import());
    QFile ini(m_home->filePath(QStringLiteral("settings.ini")));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write(QStringLiteral("[budget]\ndailyUsd=%1\naction=refuse\n").arg(dailyUsd).toUtf8());
    ini.close();
    const CliRun asked = run({ QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("--no-stream"),
                               QStringLiteral("--max-tokens"), QStringLiteral("1000"), QStringLiteral("--model"),
                               requested, QStringLiteral("Say hello") });
    QVERIFY2(asked.exitCode == exitCode, asked.err.constData() + QByteArray("\n") + asked.out);
    QCOMPARE(m_anthropic->requests.size(), requests);
    if (exitCode != 0) {
        QVERIFY2(asked.out.contains("budget"), asked.out.constData());
    }
}

void TestCliLiteLlmWildcards::explainAndRoute_nameTheWildcard()
{
    QVERIFY(import());
    const CliRun explained = run({ QStringLiteral("explain"), QStringLiteral("--json"), QStringLiteral("--model"),
                                   QStringLiteral("anthropic/claude-sonnet-4-5") });
    QVERIFY2(explained.exitCode == 0, explained.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(explained.out).object();
    QCOMPARE(object.value(QStringLiteral("wildcard")).toString(), QStringLiteral("anthropic/*"));
    QCOMPARE(object.value(QStringLiteral("group")).toString(), QStringLiteral("anthropic/claude-sonnet-4-5"));
    const QJsonObject deployment = firstDeployment(object);
    QCOMPARE(deployment.value(QStringLiteral("model")).toString(),
             deployment.value(QStringLiteral("provider")).toString() + QStringLiteral("/claude-sonnet-4-5"));

    // The explicit group is explained as itself: no wildcard involved.
    const CliRun explicitGroup = run({ QStringLiteral("explain"), QStringLiteral("--json"), QStringLiteral("--model"),
                                       QStringLiteral("gpt-4o-mini") });
    QVERIFY(!QJsonDocument::fromJson(explicitGroup.out).object().contains(QStringLiteral("wildcard")));

    const CliRun text = run({ QStringLiteral("explain"), QStringLiteral("--model"), QStringLiteral("openai/gpt-4.1") });
    QVERIFY2(text.out.contains("Wildcard: openai/gpt-4* matched \"openai/gpt-4.1\""), text.out.constData());

    const CliRun routed = run({ QStringLiteral("route"), QStringLiteral("--no-stream"), QStringLiteral("--model"),
                                QStringLiteral("anthropic/claude-sonnet-4-5"), QStringLiteral("Say hello") });
    QVERIFY2(routed.exitCode == 0, routed.err.constData());
    QVERIFY2(routed.err.contains("matched wildcard \"anthropic/*\""), routed.err.constData());
    QCOMPARE(m_anthropic->lastModel(), QStringLiteral("claude-sonnet-4-5"));
}

void TestCliLiteLlmWildcards::starToStar_picksEachNamesProviderByTheName_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("wildcard"); // the pattern that takes it; empty: none does
    QTest::addColumn<QString>("sentAs"); // the name the provider is asked for
    QTest::addColumn<QString>("keyEnv"); // the variable the provider's key comes from

    // LiteLLM's docs: model_name "*" with model "*" calls every provider, each with its own key.
    QTest::newRow("Claude without a prefix is Anthropic's") << "claude-3-haiku-20240307"
                                                            << "claude-*"
                                                            << "claude-3-haiku-20240307"
                                                            << "ANTHROPIC_API_KEY";
    QTest::newRow("gpt-4o is OpenAI's") << "gpt-4o"
                                        << "gpt-*"
                                        << "gpt-4o"
                                        << "OPENAI_API_KEY";
    QTest::newRow("o3-mini is OpenAI's") << "o3-mini"
                                         << "o3*"
                                         << "o3-mini"
                                         << "OPENAI_API_KEY";
    QTest::newRow("a prefix names the provider and is stripped") << "groq/llama-3.3-70b-versatile"
                                                                 << "groq/*"
                                                                 << "llama-3.3-70b-versatile"
                                                                 << "GROQ_API_KEY";
    QTest::newRow("the file's own anthropic/* wins over the inferred one") << "anthropic/claude-sonnet-4-5"
                                                                           << "anthropic/*"
                                                                           << "claude-sonnet-4-5"
                                                                           << "TEAM_ANTHROPIC_KEY";
    QTest::newRow("a provider whose key was not set while importing is not there")
        << "mistral/mistral-large" << QString() << QString() << QString();
    QTest::newRow("a name LiteLLM cannot place is unknown, not sent to OpenAI")
        << "llama3" << QString() << QString() << QString();
}

void TestCliLiteLlmWildcards::starToStar_picksEachNamesProviderByTheName()
{
    QFETCH(QString, requested);
    QFETCH(QString, wildcard);
    QFETCH(QString, sentAs);
    QFETCH(QString, keyEnv);
    const CliRun imported = importStarToStar();
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QVERIFY2(imported.err.contains("star.yaml:3:") && imported.err.contains("mistral/*"), imported.err.constData());

    const CliRun explained
        = run({ QStringLiteral("explain"), QStringLiteral("--json"), QStringLiteral("--model"), requested });
    const QJsonObject object = QJsonDocument::fromJson(explained.out).object();
    const QJsonObject deployment = firstDeployment(object);
    if (wildcard.isEmpty()) {
        QVERIFY2(!object.contains(QStringLiteral("wildcard")), explained.out.constData());
        QCOMPARE(deployment.value(QStringLiteral("skip")).toString(), QStringLiteral("unknown_model"));
        return;
    }
    QCOMPARE(object.value(QStringLiteral("wildcard")).toString(), wildcard);
    const QString provider = deployment.value(QStringLiteral("provider")).toString();
    QCOMPARE(deployment.value(QStringLiteral("model")).toString(), provider + u'/' + sentAs);
    // That provider's key variable is its own: each name goes with the key of the provider it names.
    QFile providers(m_home->filePath(QStringLiteral("providers.json")));
    QVERIFY(providers.open(QIODevice::ReadOnly));
    for (const QJsonValue& entry :
         QJsonDocument::fromJson(providers.readAll()).object().value(QStringLiteral("providers")).toArray()) {
        if (entry.toObject().value(QStringLiteral("id")).toString() == provider) {
            QCOMPARE(entry.toObject().value(QStringLiteral("keyEnv")).toString(), keyEnv);
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("provider %1 not saved").arg(provider)));
}

CliRun TestCliLiteLlmWildcards::importStarToStar()
{
    m_environment.insert(QStringLiteral("GROQ_API_KEY"), QStringLiteral("gsk-groq-0000000006"));
    m_environment.remove(QStringLiteral("MISTRAL_API_KEY"));
    m_environment.remove(QStringLiteral("DEEPSEEK_API_KEY"));
    const QByteArray yaml = "model_list:\n"
                            "  - model_name: \"*\"\n"
                            "    litellm_params: {model: \"*\"}\n"
                            "  - model_name: \"anthropic/*\"\n"
                            "    litellm_params: {model: \"anthropic/*\", api_key: os.environ/TEAM_ANTHROPIC_KEY}\n";
    QFile out(m_files.filePath(QStringLiteral("star.yaml")));
    if (!out.open(QIODevice::WriteOnly) || out.write(yaml) != yaml.size()) {
        return {};
    }
    out.close();
    return run({ QStringLiteral("import"), QStringLiteral("litellm-config"), out.fileName() });
}

void TestCliLiteLlmWildcards::starToStar_modelListNamesWhatEachProviderServes()
{
    const CliRun imported = importStarToStar();
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const QByteArray body = servedModelList();
    QVERIFY(!body.isEmpty());
    QHash<QString, QString> owners; // id -> owned_by
    for (const QJsonValue& entry : QJsonDocument::fromJson(body).object().value(QStringLiteral("data")).toArray()) {
        QVERIFY2(!owners.contains(entry.toObject().value(QStringLiteral("id")).toString()), body.constData());
        owners.insert(entry.toObject().value(QStringLiteral("id")).toString(),
                      entry.toObject().value(QStringLiteral("owned_by")).toString());
    }
    // The price table's models of each provider, named as a client asks for them, owned by the
    // provider the name goes to: "claude-*" is the imported Anthropic, "anthropic/*" the file's own.
    const QString inferredAnthropic = owners.value(QStringLiteral("claude-3-haiku-20240307"));
    QVERIFY2(inferredAnthropic.startsWith(QLatin1String("anthropic")), body.constData());
    QVERIFY2(owners.value(QStringLiteral("anthropic/claude-sonnet-4-5")).startsWith(QLatin1String("anthropic")),
             body.constData());
    QVERIFY(owners.value(QStringLiteral("anthropic/claude-sonnet-4-5")) != inferredAnthropic);
    QCOMPARE(owners.value(QStringLiteral("gpt-4o")), QStringLiteral("openai"));
    QCOMPARE(owners.value(QStringLiteral("openai/gpt-4o")), QStringLiteral("openai"));
    QCOMPARE(owners.value(QStringLiteral("*")), QString()); // no catch-all: nothing takes any name
    QCOMPARE(owners.value(QStringLiteral("claude-*")), QStringLiteral("switchyard-wildcard"));
    // Not a chat model, or no pattern for its provider (no DeepSeek key while importing).
    for (const char* absent : { "text-embedding-3-small", "openai/text-embedding-3-small", "deepseek-chat",
                                "deepseek/deepseek-chat", "openai/claude-3-haiku-20240307" }) {
        QVERIFY2(!owners.contains(QLatin1String(absent)), absent);
    }
    // Every name listed is one the gateway takes.
    for (const char* listed : { "gpt-4o", "anthropic/claude-sonnet-4-5", "claude-3-haiku-20240307" }) {
        const CliRun explained = run(
            { QStringLiteral("explain"), QStringLiteral("--json"), QStringLiteral("--model"), QLatin1String(listed) });
        QVERIFY2(QJsonDocument::fromJson(explained.out).object().contains(QStringLiteral("wildcard")),
                 explained.out.constData());
    }
}

void TestCliLiteLlmWildcards::nameNoPatternMatches_isStillRefused()
{
    // Without the catch-all "*": a name outside every pattern is unknown, as before wildcards.
    QVERIFY(import("model_list:\n"
                   "  - model_name: \"anthropic/*\"\n"
                   "    litellm_params: {model: \"anthropic/*\", api_base: \"http://${ANTHROPIC}\","
                   " api_key: os.environ/ANTHROPIC_API_KEY}\n"));
    const CliRun asked = run({ QStringLiteral("ask"), QStringLiteral("--no-stream"), QStringLiteral("--model"),
                               QStringLiteral("mistral-large"), QStringLiteral("hello") });
    QVERIFY(asked.exitCode != 0);
    QVERIFY2(asked.err.contains("Unknown model \"mistral-large\""), asked.err.constData());
    // Nor can anybody call the pattern itself: it is no model name.
    const CliRun pattern = run({ QStringLiteral("ask"), QStringLiteral("--no-stream"), QStringLiteral("--model"),
                                 QStringLiteral("anthropic/*"), QStringLiteral("hello") });
    QVERIFY(pattern.exitCode != 0);

    ServeProcess serve;
    serve.process().setProcessEnvironment(m_environment);
    QVERIFY(serve.start(m_home->path(), {}));
    QNetworkAccessManager nam;
    for (const QString& name : { QStringLiteral("mistral-large"), QStringLiteral("anthropic/*") }) {
        ClientCall call = ClientCall::send(nam, serve.url(QStringLiteral("/v1/chat/completions")), name, false);
        QTRY_VERIFY_WITH_TIMEOUT(call.reply->isFinished(), 10000);
        QCOMPARE(call.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        const QJsonObject error
            = QJsonDocument::fromJson(call.reply->readAll()).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("model_not_found"));
        call.reply->deleteLater();
    }
    QCOMPARE(m_anthropic->requests.size(), 0);
}

void TestCliLiteLlmWildcards::modelList_showsThePatternNotItsTemplate()
{
    QVERIFY(import());
    const QByteArray body = servedModelList();
    QVERIFY(!body.isEmpty());
    QHash<QString, QStringList> owners; // id -> owned_by of each entry with that id
    for (const QJsonValue& entry : QJsonDocument::fromJson(body).object().value(QStringLiteral("data")).toArray()) {
        owners[entry.toObject().value(QStringLiteral("id")).toString()].append(
            entry.toObject().value(QStringLiteral("owned_by")).toString());
    }
    for (const char* pattern : { "*", "anthropic/*", "openai/gpt-4*" }) {
        QCOMPARE(owners.value(QLatin1String(pattern)), QStringList { QStringLiteral("switchyard-wildcard") });
    }
    QCOMPARE(owners.value(QStringLiteral("gpt-4o-mini")).first(), QStringLiteral("switchyard-group"));
}

void TestCliLiteLlmWildcards::exportThenImport_givesTheSameConfig()
{
    QVERIFY(import());
    const QString exported = m_files.filePath(QStringLiteral("exported.yaml"));
    const CliRun exporting = run({ QStringLiteral("export"), QStringLiteral("litellm-config"), exported });
    QVERIFY2(exporting.exitCode == 0, exporting.err.constData());
    QFile written(exported);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray yaml = written.readAll();
    QVERIFY2(!yaml.contains(kGpt4Key), yaml.constData());

    QTemporaryDir second;
    const CliRun reimported = CliRun::of({ QStringLiteral("--home"), second.path(), QStringLiteral("import"),
                                           QStringLiteral("litellm-config"), exported },
                                         m_environment);
    QVERIFY2(reimported.exitCode == 0, reimported.err.constData());
    const QString difference = homeConfigDifference(m_home->path(), second.path());
    QVERIFY2(difference.isEmpty(), qPrintable(difference + QStringLiteral("\nexported:\n") + QString::fromUtf8(yaml)));
}

QTEST_GUILESS_MAIN(TestCliLiteLlmWildcards)
#include "tst_CliLiteLlmWildcards.moc"
