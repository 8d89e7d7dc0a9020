#include "CliRun.h"
#include "core/common/HomeSettings.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// `switchyard` as users and scripts run it: exit codes, one-line errors, JSON shapes.
class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void askJson_reportsAnswerUsageAndCost_data();
    void askJson_reportsAnswerUsageAndCost();
    void askStreamsTextToStdout();
    void askFailure_exitsNonZeroWithClassInJson();
    void badUsage_exitsWithOneLineError_data();
    void badUsage_exitsWithOneLineError();
    void modelsJson_listsSandboxModelsWithPrices();
    void homeFromEnvironment_isUsed();
    void routeJson_failsOverAndListsAttempts();
    void routeEveryModelDown_failsWithEveryAttempt();
    void explainJson_defaultRules_data();
    void explainJson_defaultRules();
    void explainBody_skipsModelsThatCannotTakeIt();
    void askGroup_followsTheGroupsFallbacks();
    void askImportedGroup_namedLikeItsDeployment_followsFallbacks();
    void budgetFromSettings_explainAndRouteShowIt_data();
    void budgetFromSettings_explainAndRouteShowIt();
    void statsAndHistory_countRecordedRequests();
    void importExportLiteLlm_roundTripsWithoutKeys();
    void importMalformedYaml_changesNothing();

private:
    using Run = CliRun;
    static Run run(const QStringList& arguments,
                   const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        return CliRun::of(arguments, environment);
    }

    std::unique_ptr<QTemporaryDir> m_home;
    QTemporaryDir m_settings;
};

void TestCli::initTestCase()
{
    // The CLI reads the app's settings (budgets); the tester's own must not leak into the runs.
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
}

void TestCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void TestCli::askJson_reportsAnswerUsageAndCost_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::newRow("openai wire streamed") << "gpt-4.1-mini" << true;
    QTest::newRow("openai wire not streamed") << "sandbox/gpt-4.1-mini" << false;
    QTest::newRow("anthropic wire streamed") << "claude-haiku-4-5" << true;
}

void TestCli::askJson_reportsAnswerUsageAndCost()
{
    QFETCH(QString, model);
    QFETCH(bool, stream);
    QStringList arguments { QStringLiteral("--home"),
                            m_home->path(),
                            QStringLiteral("--sandbox"),
                            QStringLiteral("ask"),
                            QStringLiteral("--json"),
                            QStringLiteral("--model"),
                            model };
    if (!stream) {
        arguments << QStringLiteral("--no-stream");
    }
    arguments << QStringLiteral("Say hello");
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QVERIFY2(!object.isEmpty(), result.out.constData());
    QVERIFY(object.value(QStringLiteral("model")).toString().endsWith(model.section(QLatin1Char('/'), -1)));
    QVERIFY(object.value(QStringLiteral("provider")).toString().startsWith(QLatin1String("sandbox-")));
    QVERIFY(!object.value(QStringLiteral("text")).toString().isEmpty());
    QVERIFY(object.value(QStringLiteral("ttft_ms")).toInteger() >= 0);
    QVERIFY(object.value(QStringLiteral("latency_ms")).toInteger()
            >= object.value(QStringLiteral("ttft_ms")).toInteger());
    const QJsonObject usage = object.value(QStringLiteral("usage")).toObject();
    QVERIFY(usage.value(QStringLiteral("completion_tokens")).toInteger() > 0);
    QCOMPARE(usage.value(QStringLiteral("estimated")).toBool(), false);
    QVERIFY(object.value(QStringLiteral("cost_usd")).toDouble() > 0);
    QVERIFY(!object.contains(QStringLiteral("error")));
}

void TestCli::askStreamsTextToStdout()
{
    const Run result
        = run({ QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox"), QStringLiteral("ask"),
                QStringLiteral("--model"), QStringLiteral("gemini-2.5-flash"), QStringLiteral("Classify this") });
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.trimmed().size() > 20);
    QVERIFY(result.err.contains("sandbox/gemini-2.5-flash")); // the summary line goes to stderr
}

void TestCli::askFailure_exitsNonZeroWithClassInJson()
{
    // A prompt past the sandbox model's context window is refused upstream as a bad request.
    const QString hugePrompt = QString(QStringLiteral("word ")).repeated(300000);
    QProcess process;
    process.start(QStringLiteral(SWITCHYARD_BINARY),
                  { QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox"), QStringLiteral("ask"),
                    QStringLiteral("--json"), QStringLiteral("--model"), QStringLiteral("deepseek-chat"),
                    QStringLiteral("-") });
    process.write(hugePrompt.toUtf8());
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 2);
    const QJsonObject object = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    const QJsonObject error = object.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("class")).toString(), QStringLiteral("bad_request"));
    QCOMPARE(error.value(QStringLiteral("http_status")).toInt(), 400);
}

void TestCli::badUsage_exitsWithOneLineError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedText");
    QTest::newRow("unknown command") << QStringList { QStringLiteral("fly") } << "unknown command";
    QTest::newRow("ask without model") << QStringList { QStringLiteral("ask"), QStringLiteral("hi") } << "--model";
    QTest::newRow("ask unknown model") << QStringList { QStringLiteral("--sandbox"), QStringLiteral("ask"),
                                                        QStringLiteral("--model"), QStringLiteral("gpt-4o-mimi"),
                                                        QStringLiteral("hi") }
                                       << "Unknown model";
    QTest::newRow("ask without prompt") << QStringList { QStringLiteral("ask"), QStringLiteral("--model"),
                                                         QStringLiteral("x") }
                                        << "no prompt";
    QTest::newRow("bad max tokens") << QStringList { QStringLiteral("ask"),  QStringLiteral("--model"),
                                                     QStringLiteral("x"),    QStringLiteral("--max-tokens"),
                                                     QStringLiteral("lots"), QStringLiteral("hi") }
                                    << "--max-tokens";
}

void TestCli::badUsage_exitsWithOneLineError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedText);
    const Run result = run(QStringList { QStringLiteral("--home"), m_home->path() } + arguments);
    QVERIFY(result.exitCode != 0);
    const QByteArray err = result.err.trimmed();
    QVERIFY2(err.contains(expectedText.toUtf8()), err.constData());
    QVERIFY2(!err.contains('\n'), err.constData());
    QVERIFY(err.startsWith("switchyard: "));
}

void TestCli::modelsJson_listsSandboxModelsWithPrices()
{
    const Run result = run({ QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox"),
                             QStringLiteral("models"), QStringLiteral("--json") });
    QCOMPARE(result.exitCode, 0);
    const QJsonArray models = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("models")).toArray();
    QVERIFY(models.size() >= 5);
    QSet<QString> providers;
    QSet<QString> embeddings;
    for (const QJsonValue& value : models) {
        const QJsonObject model = value.toObject();
        providers.insert(model.value(QStringLiteral("provider")).toString());
        QVERIFY(model.value(QStringLiteral("simulated")).toBool());
        const QJsonObject price = model.value(QStringLiteral("price_per_mtok")).toObject();
        QVERIFY(price.value(QStringLiteral("input")).toDouble() > 0);
        // Embedding models are billed for their input alone.
        const bool embedding = model.value(QStringLiteral("mode")).toString() == QLatin1String("embedding");
        if (embedding) {
            embeddings.insert(model.value(QStringLiteral("id")).toString());
        }
        QCOMPARE(price.value(QStringLiteral("output")).toDouble() > 0, !embedding);
    }
    QVERIFY(embeddings.contains(QStringLiteral("sandbox/text-embedding-3-small")));
    QVERIFY(!embeddings.contains(QStringLiteral("sandbox/gpt-4.1-mini")));
    QVERIFY(providers.contains(QStringLiteral("sandbox-anthropic")));
    QVERIFY(providers.size() >= 3);
}

void TestCli::homeFromEnvironment_isUsed()
{
    QTemporaryDir parent;
    const QString home = parent.filePath(QStringLiteral("nested/home"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SWITCHYARD_HOME"), home);
    const Run result = run({ QStringLiteral("models") }, environment);
    QCOMPARE(result.exitCode, 0);
    QVERIFY(QFileInfo(home).isDir());
}

void TestCli::routeJson_failsOverAndListsAttempts()
{
    const Run result = run({ QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox-fault"),
                             QStringLiteral("gpt-5=503"), QStringLiteral("route"), QStringLiteral("--json"),
                             QStringLiteral("Analyze the strategy of our two competitors") });
    QCOMPARE(result.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(object.value(QStringLiteral("tier")).toString(), QStringLiteral("premium"));
    const QJsonArray attempts = object.value(QStringLiteral("attempts")).toArray();
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("model")).toString(), QStringLiteral("sandbox/gpt-5"));
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("failure_class")).toString(),
             QStringLiteral("server_error"));
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("http_status")).toInt(), 503);
    QCOMPARE(attempts.at(1).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
    // never the same provider again after a 5xx
    QVERIFY(attempts.at(1).toObject().value(QStringLiteral("provider")).toString() != QStringLiteral("sandbox-openai"));
    QCOMPARE(object.value(QStringLiteral("model")).toString(),
             attempts.at(1).toObject().value(QStringLiteral("model")).toString());
    QVERIFY(!object.value(QStringLiteral("text")).toString().isEmpty());
}

void TestCli::routeEveryModelDown_failsWithEveryAttempt()
{
    const Run result = run({ QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox-fault"),
                             QStringLiteral("sandbox-gemini=500"), QStringLiteral("--sandbox-fault"),
                             QStringLiteral("sandbox-deepseek=429:insufficient_quota"),
                             QStringLiteral("--sandbox-fault"), QStringLiteral("sandbox-anthropic=401"),
                             QStringLiteral("route"), QStringLiteral("Classify this ticket: yes or no?") });
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("server_error") && result.err.contains("quota_exhausted")
                 && result.err.contains("auth"),
             result.err.constData());
}

void TestCli::explainJson_defaultRules_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("tier");
    QTest::newRow("classify goes to budget") << "Classify these reviews by sentiment"
                                             << "budget";
    QTest::newRow("extract goes to budget") << "Extract the dates from this email"
                                            << "budget";
    QTest::newRow("yes or no goes to budget") << "Is Paris in France, yes or no?"
                                              << "budget";
    QTest::newRow("debug goes to coding") << "Debug why my loop never ends"
                                          << "coding";
    QTest::newRow("implement goes to coding") << "Implement binary search"
                                              << "coding";
    QTest::newRow("code block goes to coding") << "What does this do?\n```\nx = 1\n```"
                                               << "coding";
    QTest::newRow("analyze goes to premium") << "Analyze our pricing strategy"
                                             << "premium";
    QTest::newRow("research goes to premium") << "Research the market for tea"
                                              << "premium";
    QTest::newRow("anything else goes to standard") << "Write a haiku about autumn"
                                                    << "standard";
}

void TestCli::explainJson_defaultRules()
{
    QFETCH(QString, prompt);
    QFETCH(QString, tier);
    const Run result = run({ QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox"),
                             QStringLiteral("explain"), QStringLiteral("--json"), prompt });
    QCOMPARE(result.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(object.value(QStringLiteral("tier")).toString(), tier);
    QVERIFY(!object.value(QStringLiteral("chain")).toArray().isEmpty());
}

// A client's body with an image: the standard tier's DeepSeek (text only by its model data) is
// shown skipped with the field; a body that does not parse names the file and the field.
void TestCli::explainBody_skipsModelsThatCannotTakeIt()
{
    const QString body = m_home->filePath(QStringLiteral("request.json"));
    QFile file(body);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"model":"auto","messages":[{"role":"user","content":[{"type":"text","text":"Write a haiku about autumn"},)"
        R"({"type":"image_url","image_url":{"url":"https://example.com/leaf.png"}}]}]})");
    file.close();
    const Run result = run({ QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox"),
                             QStringLiteral("explain"), QStringLiteral("--json"), QStringLiteral("--body"), body });
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(object.value(QStringLiteral("tier")).toString(), QStringLiteral("standard"));
    QStringList skipped;
    QStringList usable;
    for (const QJsonValue& step : object.value(QStringLiteral("chain")).toArray()) {
        for (const QJsonValue& value : step.toObject().value(QStringLiteral("deployments")).toArray()) {
            const QJsonObject deployment = value.toObject();
            const QString model = deployment.value(QStringLiteral("model")).toString();
            if (deployment.value(QStringLiteral("skip")).toString() == QLatin1String("missing_capability")) {
                QVERIFY2(deployment.value(QStringLiteral("reason"))
                             .toString()
                             .contains(QLatin1String("messages[0].content[1]")),
                         qPrintable(deployment.value(QStringLiteral("reason")).toString()));
                skipped.append(model);
            } else if (!deployment.contains(QStringLiteral("skip"))) {
                usable.append(model);
            }
        }
    }
    QCOMPARE(skipped, QStringList { QStringLiteral("sandbox/deepseek-chat") });
    QVERIFY2(usable.contains(QStringLiteral("sandbox/gpt-4.1-mini")), qPrintable(usable.join(u',')));

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"model":"auto","messages":"not a list"})");
    file.close();
    const Run bad = run({ QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox"),
                          QStringLiteral("explain"), QStringLiteral("--body"), body });
    QCOMPARE(bad.exitCode, 65);
    QVERIFY2(bad.err.contains("request.json") && bad.err.contains("messages"), bad.err.constData());
    QVERIFY(bad.out.isEmpty());
}

void TestCli::budgetFromSettings_explainAndRouteShowIt_data()
{
    QTest::addColumn<QString>("action"); // AppSettings budget/action
    QTest::addColumn<QString>("dailyUsd");
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says"); // in stdout
    QTest::addColumn<QString>("finalTier"); // JSON only
    QTest::addColumn<QString>("model"); // route --json that answered

    const QStringList premium { QStringLiteral("--tag"), QStringLiteral("tier=premium") };
    // "hello" with no max tokens reserves each model's own maximum output: gpt-5 $1.28 (128,000
    // tokens), claude-sonnet $0.96, gemini-2.5-flash $0.16 (65,535); with 1,000 max tokens gpt-5
    // ~$0.01, claude-sonnet ~$0.015, gemini-2.5-flash ~$0.0025.
    QTest::newRow("explain: premium over the daily limit moves down to budget")
        << "downgrade"
        << "0.2" << (QStringList { "explain" } + premium + QStringList { "hello" }) << 0
        << "Budget: tier premium over budget (daily budget, limit $0.20), moved down to tier budget"
        << ""
        << "";
    QTest::newRow("explain --json: the move and the final tier")
        << "downgrade"
        << "0.2" << (QStringList { "explain", "--json" } + premium + QStringList { "hello" }) << 0
        << "tier premium over budget (daily budget, limit $0.20), moved down to tier budget"
        << "budget"
        << "";
    QTest::newRow("route --json: gemini-2.5-flash on the budget tier answers")
        << "downgrade"
        << "0.003" << (QStringList { "route", "--json", "--max-tokens", "1000" } + premium + QStringList { "hello" })
        << 0 << "tier premium over budget (daily budget, limit $0.003), moved down to tier budget"
        << "budget"
        << "sandbox/gemini-2.5-flash";
    QTest::newRow("route --json, refuse: nothing sent, the error names the limit")
        << "refuse"
        << "0.003" << (QStringList { "route", "--json", "--max-tokens", "1000" } + premium + QStringList { "hello" })
        << 2 << "The daily budget would be exceeded"
        << "premium"
        << "";
    QTest::newRow("ask --model --json, refuse: a model named directly is held as well, nothing sent")
        << "refuse"
        << "0.003" << QStringList { "ask", "--json", "--max-tokens", "1000", "--model", "sandbox/gpt-5", "hello" } << 2
        << "Refused by the budget, nothing was sent: The daily budget would be exceeded"
        << ""
        << "";
}

void TestCli::budgetFromSettings_explainAndRouteShowIt()
{
    QFETCH(QString, action);
    QFETCH(QString, dailyUsd);
    QFETCH(QStringList, command);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    QFETCH(QString, finalTier);
    QFETCH(QString, model);
    // The home's settings.ini holds the budget, as the Settings dialog saves it.
    QFile ini(QDir(m_home->path()).filePath(QString::fromLatin1(HomeSettings::FileName)));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write(QStringLiteral("[budget]\ndailyUsd=%1\naction=%2\n").arg(dailyUsd, action).toUtf8());
    ini.close();

    const Run result
        = run(QStringList { QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox") } + command);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(result.out).contains(says), result.out.constData());
    if (finalTier.isEmpty()) {
        return;
    }
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    if (command.first() == QLatin1String("explain")) {
        QCOMPARE(object.value(QStringLiteral("final_tier")).toString(), finalTier);
        QCOMPARE(object.value(QStringLiteral("downgrades")).toArray().size(), 1);
        return;
    }
    QCOMPARE(object.value(QStringLiteral("tier")).toString(), finalTier);
    QCOMPARE(object.value(QStringLiteral("requested_tier")).toString(), QStringLiteral("premium"));
    if (model.isEmpty()) {
        QVERIFY(object.value(QStringLiteral("attempts")).toArray().isEmpty());
        QVERIFY(object.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(says));
        return;
    }
    QCOMPARE(object.value(QStringLiteral("model")).toString(), model);
    const QJsonObject attempt = object.value(QStringLiteral("attempts")).toArray().first().toObject();
    QCOMPARE(attempt.value(QStringLiteral("reason")).toString(), QStringLiteral("downgrade"));
    QCOMPARE(attempt.value(QStringLiteral("tier")).toString(), finalTier);
}

void TestCli::askGroup_followsTheGroupsFallbacks()
{
    // A tier name works as a group: its chain is followed past the failing primary.
    const Run result = run({ QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox-fault"),
                             QStringLiteral("gemini-2.5-flash=503"), QStringLiteral("ask"), QStringLiteral("--json"),
                             QStringLiteral("--model"), QStringLiteral("budget"), QStringLiteral("hello") });
    QCOMPARE(result.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(object.value(QStringLiteral("attempts")).toArray().size(), 2);
    QCOMPARE(object.value(QStringLiteral("model")).toString(), QStringLiteral("sandbox/deepseek-chat"));
}

void TestCli::askImportedGroup_namedLikeItsDeployment_followsFallbacks()
{
    // A provider on loopback that counts what it is asked: "broken-up" is down.
    HttpServer upstream;
    QStringList asked;
    upstream.setHandler([&asked](const HttpRequest& request, HttpResponder* responder) {
        const QString model = QJsonDocument::fromJson(request.body).object().value(QLatin1String("model")).toString();
        asked.append(model);
        if (model == QLatin1String("broken-up")) {
            responder->send(503, "application/json",
                            R"({"error":{"message":"overloaded","type":"server_error","param":null,"code":null}})");
            return;
        }
        responder->send(
            200, "application/json",
            R"({"id":"c1","object":"chat.completion","created":1,"model":"backup-up","choices":[{"index":0,"message":{"role":"assistant","content":"Hi from backup."},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}})");
    });
    QVERIFY(upstream.listen());
    // In LiteLLM the model_name a client sends is the group: "broken" is both a group and (after
    // the import) the id of its one deployment.
    const QString yamlPath = m_home->filePath(QStringLiteral("litellm.yaml"));
    QFile yaml(yamlPath);
    QVERIFY(yaml.open(QIODevice::WriteOnly));
    yaml.write(QStringLiteral("model_list:\n"
                              "  - model_name: broken\n"
                              "    litellm_params: {model: openai/broken-up, api_base: \"http://127.0.0.1:%1/v1\"}\n"
                              "  - model_name: backup\n"
                              "    litellm_params: {model: openai/backup-up, api_base: \"http://127.0.0.1:%1/v1\"}\n"
                              "litellm_settings:\n"
                              "  fallbacks: [{\"broken\": [\"backup\"]}]\n")
                   .arg(upstream.port())
                   .toUtf8());
    yaml.close();
    const QStringList home { QStringLiteral("--home"), m_home->path() };
    QCOMPARE(run(home + QStringList { QStringLiteral("import"), QStringLiteral("litellm-config"), yamlPath }).exitCode,
             0);

    // The upstream answers in this process: wait with the event loop running.
    QProcess process;
    process.start(QStringLiteral(SWITCHYARD_BINARY),
                  home
                      + QStringList { QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("--no-stream"),
                                      QStringLiteral("--model"), QStringLiteral("broken"), QStringLiteral("hi") });
    QSignalSpy finished(&process, &QProcess::finished);
    QVERIFY(finished.wait(30000));
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, (out + err).constData());
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("model")).toString(), QStringLiteral("backup"));
    QCOMPARE(asked, QStringList({ QStringLiteral("broken-up"), QStringLiteral("backup-up") }));
}

void TestCli::statsAndHistory_countRecordedRequests()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QByteArray secret = "sk-test-secret-5f2c9e";
    environment.insert(QStringLiteral("OPENAI_API_KEY"), QString::fromLatin1(secret));
    const QStringList home { QStringLiteral("--home"), m_home->path() };
    QCOMPARE(run(home
                     + QStringList { QStringLiteral("--sandbox"), QStringLiteral("ask"), QStringLiteral("--model"),
                                     QStringLiteral("gpt-4.1-mini"), QStringLiteral("hi") },
                 environment)
                 .exitCode,
             0);
    QCOMPARE(run(home
                     + QStringList { QStringLiteral("--sandbox-fault"), QStringLiteral("gpt-4.1-mini=503"),
                                     QStringLiteral("route"), QStringLiteral("hello") },
                 environment)
                 .exitCode,
             0);
    const Run stats = run(home
                          + QStringList { QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--by"),
                                          QStringLiteral("provider") });
    QCOMPARE(stats.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(stats.out).object();
    QCOMPARE(object.value(QStringLiteral("requests")).toInt(), 2);
    QCOMPARE(object.value(QStringLiteral("failover_rate")).toDouble(), 0.5);
    QVERIFY(object.value(QStringLiteral("total_cost_usd")).toDouble() > 0);

    const QString csv = m_home->filePath(QStringLiteral("history.csv"));
    const QString jsonl = m_home->filePath(QStringLiteral("history.jsonl"));
    QCOMPARE(run(home + QStringList { QStringLiteral("export"), QStringLiteral("history"), csv }).exitCode, 0);
    QCOMPARE(run(home
                 + QStringList { QStringLiteral("export"), QStringLiteral("history"), QStringLiteral("--format"),
                                 QStringLiteral("jsonl"), jsonl })
                 .exitCode,
             0);
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QCOMPARE(csvFile.readAll().trimmed().split('\n').size(), 3); // header + 2 requests
    // The key was in the environment of every run; it must be nowhere on disk.
    for (const QFileInfo& file : QDir(m_home->path()).entryInfoList(QDir::Files)) {
        QFile in(file.filePath());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QVERIFY2(!in.readAll().contains(secret), qPrintable(file.fileName()));
    }
}

void TestCli::importExportLiteLlm_roundTripsWithoutKeys()
{
    const QString source = QStringLiteral(SWITCHYARD_TESTS_DIR "/config/data/simple-openai-anthropic.yaml");
    const QStringList home { QStringLiteral("--home"), m_home->path() };
    const Run imported = run(home + QStringList { QStringLiteral("import"), QStringLiteral("litellm-config"), source });
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const Run models = run(home + QStringList { QStringLiteral("models"), QStringLiteral("--json") });
    const QJsonArray list = QJsonDocument::fromJson(models.out).object().value(QStringLiteral("models")).toArray();
    QVERIFY(list.size() >= 2);
    const QString exported = m_home->filePath(QStringLiteral("exported.yaml"));
    QCOMPARE(run(home + QStringList { QStringLiteral("export"), QStringLiteral("litellm-config"), exported }).exitCode,
             0);
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray yaml = file.readAll();
    QVERIFY(yaml.contains("os.environ/"));
    QVERIFY(!yaml.contains("sk-"));
    // The export imports again into a fresh home with the same models.
    QTemporaryDir second;
    QCOMPARE(run({ QStringLiteral("--home"), second.path(), QStringLiteral("import"), QStringLiteral("litellm-config"),
                   exported })
                 .exitCode,
             0);
    const Run again
        = run({ QStringLiteral("--home"), second.path(), QStringLiteral("models"), QStringLiteral("--json") });
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QStringLiteral("models")).toArray().size(), list.size());
}

void TestCli::importMalformedYaml_changesNothing()
{
    const QString source = QStringLiteral(SWITCHYARD_TESTS_DIR "/config/data/malformed.yaml");
    const Run result = run({ QStringLiteral("--home"), m_home->path(), QStringLiteral("import"),
                             QStringLiteral("litellm-config"), source });
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains("malformed.yaml"));
    QVERIFY(!QFileInfo::exists(m_home->filePath(QStringLiteral("providers.json"))));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_Cli.moc"
