#include "TestConfigs.h"
#include "core/config/ConfigMerge.h"
#include "core/config/ConfigStore.h"
#include "core/config/ConfigValidator.h"
#include "core/config/LiteLlmConfig.h"

#include <QDir>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

// What a LiteLLM config means after import: keys bound to their hosts, prefixes and their base URLs,
// one bad value costing one deployment, prices as configured, and an import that merges instead of
// resetting. Fixtures: tests/data/litellm/.
Q_DECLARE_METATYPE(ModelPrice)

namespace {
using Environment = QHash<QString, QString>;

LiteLlmImportResult importFixture(const QString& name, const Environment& environment = {},
                                  const TierSettings& baseDefaults = {})
{
    LiteLlmImportOptions options;
    options.baseDefaults = baseDefaults;
    options.environment = [environment](const QString& variable) { return environment.value(variable); };
    return LiteLlmConfig::importFile(TestConfigs::litellmPath(name), options);
}

QString describe(const QList<ConfigProblem>& problems)
{
    QStringList lines;
    for (const auto& problem : problems) {
        lines.append(problem.toString());
    }
    return lines.join(u'\n');
}

// "openai|https://api.example.com/v1|SWITCHYARD_KEY_API_EXAMPLE_COM|gpt-4o-mini" for the group's first
// deployment, or "skipped" when the group was not imported.
QString deploymentOf(const LiteLlmImportResult& result, const QString& groupName)
{
    const ModelGroup* group = result.config.policy.group(groupName);
    if (!group) {
        return QStringLiteral("skipped");
    }
    const ModelConfig* model = result.config.model(group->deployments.first().modelId);
    const ProviderConfig* provider = model ? result.config.provider(model->providerId) : nullptr;
    if (!provider) {
        return QStringLiteral("dangling");
    }
    return QStringLiteral("%1|%2|%3|%4")
        .arg(ProviderKinds::id(provider->kind), provider->baseUrl.toString(), provider->keyEnv, model->upstreamModel);
}

const ConfigProblem* problemAt(const QList<ConfigProblem>& problems, const QString& path)
{
    for (const auto& problem : problems) {
        if (problem.path == path) {
            return &problem;
        }
    }
    return nullptr;
}

QString messageAt(const QList<ConfigProblem>& problems, const QString& path)
{
    const ConfigProblem* problem = problemAt(problems, path);
    return problem ? problem->message : QStringLiteral("(no problem at %1)").arg(path);
}

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
} // namespace

class TestLiteLlmImport : public QObject
{
    Q_OBJECT

private slots:
    void keys_boundToTheirHost_data();
    void keys_boundToTheirHost();
    void literalKeys_neverStoredNorPrinted();
    void literalKey_variableHoldingAnotherKey_isNotReused();
    void literalKey_variableHoldingThisKey_isMarkedSet();
    void prefixes_mapToTheirProvider_data();
    void prefixes_mapToTheirProvider();
    void wildcards_importedAsLiteLlmRoutesThem_data();
    void wildcards_importedAsLiteLlmRoutesThem();
    void starToStar_aPatternPerProviderWithItsOwnKey_data();
    void starToStar_aPatternPerProviderWithItsOwnKey();
    void badValue_skipsOnlyItsDeployment_data();
    void badValue_skipsOnlyItsDeployment();
    void badValues_otherDeploymentsImported();
    void problems_nameTheRealFile();
    void nothingImportable_saysWhy();
    void prices_takenFromParamsAndModelInfo_data();
    void prices_takenFromParamsAndModelInfo();
    void settingsAndAliases_mapped();
    void import_keepsDefaultsTheFileDoesNotSet();
    void merge_providerIdTakenByAnotherHost_getsNewId();
    void merge_sameProviderAgain_reusesIt();
    void bedrock_regionProfileAndEndpoint_data();
    void bedrock_regionProfileAndEndpoint();
    void bedrock_foreignCredentials_skippedAndNeverRepeated();
    void fixtures_passValidation_data();
    void fixtures_passValidation();
    void roundTrip_exportThenImport_sameConfig_data();
    void roundTrip_exportThenImport_sameConfig();
    void mixedConfig_importsWhatCanRunAndNamesTheRest();
    void azure_deploymentsMapped_data();
    void azure_deploymentsMapped();
    void azure_badDeploymentsSkippedWithTheirPlace_data();
    void azure_badDeploymentsSkippedWithTheirPlace();
    void azure_exportWritesLiteLlmsAzureParams();
};

void TestLiteLlmImport::keys_boundToTheirHost_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("deployment");

    QTest::newRow("a literal key on a custom base gets a variable named after the host")
        << "team-a-gpt"
        << "openai|https://api.example.com/v1|SWITCHYARD_KEY_API_EXAMPLE_COM|gpt-4o-mini";
    QTest::newRow("a second, different key for the same host is numbered")
        << "team-b-gpt"
        << "openai|https://api.example.com/v1|SWITCHYARD_KEY_API_EXAMPLE_COM_2|gpt-4o-mini";
    QTest::newRow("the same key again shares its variable")
        << "team-a-mini"
        << "openai|https://api.example.com/v1|SWITCHYARD_KEY_API_EXAMPLE_COM|gpt-4.1-mini";
    QTest::newRow("a literal OpenAI key gets its own variable, never the user's OPENAI_API_KEY")
        << "gpt-4o"
        << "openai|https://api.openai.com/v1|SWITCHYARD_KEY_API_OPENAI_COM|gpt-4o";
    QTest::newRow("claude without a prefix is Anthropic's, with Anthropic's wire format")
        << "claude-sonnet"
        << "anthropic|https://api.anthropic.com/v1|ANTHROPIC_API_KEY|claude-3-5-sonnet-20241022";
    QTest::newRow("a server without api_key gets no key, not OPENAI_API_KEY")
        << "local-llama"
        << "openai|http://gpu-box.lan:8000/v1||llama-3.1-8b-instruct";
    QTest::newRow("a variable the file names explicitly goes where the file says")
        << "proxied"
        << "openai|https://gateway.example.org/openai/v1|OPENAI_API_KEY|gpt-4o";
}

void TestLiteLlmImport::keys_boundToTheirHost()
{
    QFETCH(QString, group);
    QFETCH(QString, deployment);
    const LiteLlmImportResult result = importFixture(QStringLiteral("keys-bound-to-hosts.yaml"));
    QVERIFY2(result.ok, qPrintable(describe(result.problems)));
    QCOMPARE(deploymentOf(result, group), deployment);
}

void TestLiteLlmImport::literalKeys_neverStoredNorPrinted()
{
    const LiteLlmImportResult result = importFixture(QStringLiteral("keys-bound-to-hosts.yaml"));
    QVERIFY(result.ok);
    QList<LiteLlmKeyVariable> expected {
        { QStringLiteral("SWITCHYARD_KEY_API_EXAMPLE_COM"), QStringLiteral("api.example.com"), 8, false },
        { QStringLiteral("SWITCHYARD_KEY_API_EXAMPLE_COM_2"), QStringLiteral("api.example.com"), 13, false },
        { QStringLiteral("SWITCHYARD_KEY_API_OPENAI_COM"), QStringLiteral("api.openai.com"), 22, false },
    };
    QCOMPARE(result.keyVariables, expected);
    // Each literal key is pointed at with its variable, on its own line.
    const ConfigProblem* teamB = problemAt(result.problems, QStringLiteral("model_list[1].litellm_params.api_key"));
    QVERIFY(teamB);
    QCOMPARE(teamB->line, 13);
    QVERIFY2(teamB->message.contains(QLatin1String("SWITCHYARD_KEY_API_EXAMPLE_COM_2"))
                 && teamB->message.contains(QLatin1String("api.example.com")),
             qPrintable(teamB->message));
    // The key the file sends to another host is named, not dropped.
    const QString proxied = messageAt(result.problems, QStringLiteral("model_list[6].litellm_params.api_key"));
    QVERIFY2(proxied.contains(QLatin1String("gateway.example.org")), qPrintable(proxied));

    QTemporaryDir home;
    const ConfigSaveResult saved = ConfigStore(home.path()).save(result.config);
    QVERIFY2(saved.ok, qPrintable(describe(saved.problems)));
    const QByteArray everything
        = filesIn(home.path()) + describe(result.problems).toUtf8() + LiteLlmConfig::exportYaml(result.config).yaml;
    for (const char* secret : { "sk-team-a-", "sk-team-b-", "sk-proj-literal" }) {
        QVERIFY2(!everything.contains(secret), secret);
    }
}

void TestLiteLlmImport::literalKey_variableHoldingAnotherKey_isNotReused()
{
    // An earlier import's variable already holds another team's key: this one's key must not replace it.
    const LiteLlmImportResult result = importFixture(
        QStringLiteral("keys-bound-to-hosts.yaml"),
        { { QStringLiteral("SWITCHYARD_KEY_API_EXAMPLE_COM"), QStringLiteral("sk-some-other-team-key") } });
    QCOMPARE(deploymentOf(result, QStringLiteral("team-a-gpt")),
             QStringLiteral("openai|https://api.example.com/v1|SWITCHYARD_KEY_API_EXAMPLE_COM_2|gpt-4o-mini"));
    QCOMPARE(deploymentOf(result, QStringLiteral("team-b-gpt")),
             QStringLiteral("openai|https://api.example.com/v1|SWITCHYARD_KEY_API_EXAMPLE_COM_3|gpt-4o-mini"));
}

void TestLiteLlmImport::literalKey_variableHoldingThisKey_isMarkedSet()
{
    const LiteLlmImportResult result = importFixture(
        QStringLiteral("keys-bound-to-hosts.yaml"),
        { { QStringLiteral("SWITCHYARD_KEY_API_EXAMPLE_COM"), QStringLiteral("sk-team-a-0000000000000000000001") } });
    QCOMPARE(result.keyVariables.first().name, QStringLiteral("SWITCHYARD_KEY_API_EXAMPLE_COM"));
    QVERIFY(result.keyVariables.first().isSet);
    QVERIFY(!result.keyVariables.at(1).isSet);
}

void TestLiteLlmImport::prefixes_mapToTheirProvider_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("deployment");
    QTest::addColumn<QString>("problemPath"); // for skipped ones: where the reason is
    QTest::addColumn<QString>("says");

    const auto mapped = [](const char* group, const char* deployment) {
        QTest::newRow(group) << group << deployment << QString() << QString();
    };
    mapped("grok", "openai|https://api.x.ai/v1|XAI_API_KEY|grok-3-mini");
    mapped("fireworks",
           "openai|https://api.fireworks.ai/inference/v1|FIREWORKS_API_KEY|accounts/fireworks/models/"
           "llama-v3p1-8b-instruct");
    mapped("sonar", "openai|https://api.perplexity.ai|PERPLEXITYAI_API_KEY|sonar-pro");
    mapped("cerebras", "openai|https://api.cerebras.ai/v1|CEREBRAS_API_KEY|llama3.1-8b");
    mapped("deepinfra",
           "openai|https://api.deepinfra.com/v1/openai|DEEPINFRA_API_KEY|meta-llama/Meta-Llama-3.1-8B-Instruct");
    mapped("lmstudio", "openai|http://localhost:1234/v1||qwen2.5-7b-instruct");
    mapped("vllm", "openai|http://10.0.0.5:8000/v1||Qwen/Qwen2.5-7B-Instruct");
    mapped("groq", "openai|https://api.groq.com/openai/v1|GROQ_API_KEY|llama-3.1-8b-instant");
    mapped("mistral", "openai|https://api.mistral.ai/v1|MISTRAL_API_KEY|mistral-small-latest");
    mapped("together", "openai|https://api.together.xyz/v1|TOGETHERAI_API_KEY|meta-llama/Llama-3.3-70B-Instruct-Turbo");
    mapped("openrouter", "openai|https://openrouter.ai/api/v1|OPENROUTER_API_KEY|anthropic/claude-3.5-sonnet");
    mapped("deepseek", "openai|https://api.deepseek.com/v1|DEEPSEEK_API_KEY|deepseek-chat");
    mapped("azure-gpt", "azure|https://my-endpoint.openai.azure.com|AZURE_API_KEY|gpt-4o");

    const auto skipped = [](const char* row, const char* group, int index, const char* says) {
        QTest::newRow(row) << group << "skipped" << QStringLiteral("model_list[%1].litellm_params.model").arg(index)
                           << says;
    };
    skipped("an unknown prefix is named, never an OpenAI model with the prefix left in", "siliconflow", 12,
            "LiteLLM has no provider \"siliconflow\"");
    skipped("a prefix close to a known one gets a suggestion", "mistral-typo", 13, "(did you mean \"mistral\"?)");
    mapped("claude-*", "anthropic|https://api.anthropic.com/v1|ANTHROPIC_API_KEY|claude-*");
    mapped("gpt-*", "openai|https://api.openai.com/v1|OPENAI_API_KEY|gpt-*");
    mapped("openai/*", "openai|https://api.openai.com/v1|OPENAI_API_KEY|*");
    QTest::newRow("bedrock is called with Converse, its region kept")
        << "bedrock-claude"
        << "bedrock|||anthropic.claude-3-5-sonnet-20240620-v1:0" << QString() << QString();
}

void TestLiteLlmImport::prefixes_mapToTheirProvider()
{
    QFETCH(QString, group);
    QFETCH(QString, deployment);
    QFETCH(QString, problemPath);
    QFETCH(QString, says);
    const LiteLlmImportResult result = importFixture(QStringLiteral("prefixes.yaml"));
    QVERIFY2(result.ok, qPrintable(describe(result.problems)));
    QCOMPARE(deploymentOf(result, group), deployment);
    if (!problemPath.isEmpty()) {
        const ConfigProblem* problem = problemAt(result.problems, problemPath);
        QVERIFY2(problem, qPrintable(describe(result.problems)));
        QVERIFY2(problem->message.contains(says), qPrintable(problem->message));
        QVERIFY(problem->message.endsWith(QLatin1String("this deployment was skipped")));
        QVERIFY(!problem->isError());
    }
}

void TestLiteLlmImport::wildcards_importedAsLiteLlmRoutesThem_data()
{
    QTest::addColumn<QString>("name"); // model_name
    QTest::addColumn<QString>("params"); // litellm_params, flow style
    QTest::addColumn<QString>("deployment"); // see deploymentOf; "skipped"
    QTest::addColumn<QString>("says"); // in the problem at litellm_params.model, if any

    QTest::newRow("\"*\" to openai/*: the prefix names the provider, no note")
        << "*"
        << "{model: \"openai/*\"}"
        << "openai|https://api.openai.com/v1|OPENAI_API_KEY|*" << QString();
    QTest::newRow("anthropic/* to anthropic/*: Anthropic, the star is what is sent")
        << "anthropic/*"
        << "{model: \"anthropic/*\", api_key: os.environ/ANTHROPIC_API_KEY}"
        << "anthropic|https://api.anthropic.com/v1|ANTHROPIC_API_KEY|*" << QString();
    QTest::newRow("a prefix pattern keeps the prefix of its upstream model")
        << "openai/gpt-4*"
        << "{model: \"openai/gpt-4*\"}"
        << "openai|https://api.openai.com/v1|OPENAI_API_KEY|gpt-4*" << QString();
    QTest::newRow("a pattern to one fixed model sends that model for every name it takes")
        << "gpt-4*"
        << "{model: openai/gpt-4o}"
        << "openai|https://api.openai.com/v1|OPENAI_API_KEY|gpt-4o" << QString();
    QTest::newRow("\"*\" with a literal key on a custom host: the key is bound to that host")
        << "*"
        << "{model: \"openai/*\", api_base: \"https://llm.corp.example/v1\", api_key: sk-corp-literal-01}"
        << "openai|https://llm.corp.example/v1|SWITCHYARD_KEY_LLM_CORP_EXAMPLE|*" << QString();
    QTest::newRow("\"*\" on a custom host without api_key: OpenAI's key is not sent there")
        << "*"
        << "{model: \"*\", api_base: \"https://llm.corp.example/v1\"}"
        << "openai|https://llm.corp.example/v1||*"
        << "LiteLLM picks each requested name's provider";
    QTest::newRow("a wildcard model under a plain model_name is named and skipped")
        << "team-model"
        << "{model: \"openai/*\"}"
        << "skipped"
        << "model_name \"team-model\" is no pattern";
    QTest::newRow("more stars in the model than in model_name are named and skipped") << "openai/*"
                                                                                      << "{model: \"openai/*-*\"}"
                                                                                      << "skipped"
                                                                                      << "has more * than model_name";
}

void TestLiteLlmImport::starToStar_aPatternPerProviderWithItsOwnKey_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("deployment"); // see deploymentOf; "skipped": no such group

    // LiteLLM picks the provider of each name "*" takes by that name (its prefix, else its family).
    QTest::newRow("Claude names are Anthropic's")
        << "claude-*"
        << "anthropic|https://api.anthropic.com/v1|ANTHROPIC_API_KEY|claude-*";
    QTest::newRow("GPT names are OpenAI's") << "gpt-*"
                                            << "openai|https://api.openai.com/v1|OPENAI_API_KEY|gpt-*";
    QTest::newRow("o-series names are OpenAI's") << "o4*"
                                                 << "openai|https://api.openai.com/v1|OPENAI_API_KEY|o4*";
    QTest::newRow("a prefix is stripped and names the provider") << "openai/*"
                                                                 << "openai|https://api.openai.com/v1|OPENAI_API_KEY|*";
    QTest::newRow("a provider whose key is set while importing")
        << "groq/*"
        << "openai|https://api.groq.com/openai/v1|GROQ_API_KEY|*";
    QTest::newRow("a provider whose key is not set is left out (and named)") << "mistral/*"
                                                                             << "skipped";
    QTest::newRow("no catch-all that would send any name to one provider") << "*"
                                                                           << "skipped";
}

void TestLiteLlmImport::starToStar_aPatternPerProviderWithItsOwnKey()
{
    QFETCH(QString, pattern);
    QFETCH(QString, deployment);
    LiteLlmImportOptions options;
    options.environment = [](const QString& name) {
        return name == QLatin1String("GROQ_API_KEY") ? QStringLiteral("gsk-1") : QString();
    };
    const LiteLlmImportResult result = LiteLlmConfig::importYaml(
        "model_list:\n  - model_name: \"*\"\n    litellm_params: {model: \"*\"}\n", options);
    QVERIFY2(result.ok, qPrintable(describe(result.problems)));
    QCOMPARE(deploymentOf(result, pattern), deployment);
    const ConfigProblem* problem = problemAt(result.problems, QStringLiteral("model_list[0].litellm_params.model"));
    QVERIFY2(problem, qPrintable(describe(result.problems)));
    QVERIFY2(problem->message.contains(QLatin1String("imported as openai/*, anthropic/*, groq/*")),
             qPrintable(problem->message));
    QVERIFY2(problem->message.contains(QLatin1String("not set: gemini/*")), qPrintable(problem->message));
    QCOMPARE(problem->line, 3);
    QVERIFY2(ConfigValidator::validate(result.config).isEmpty(),
             qPrintable(describe(ConfigValidator::validate(result.config))));
}

void TestLiteLlmImport::wildcards_importedAsLiteLlmRoutesThem()
{
    QFETCH(QString, name);
    QFETCH(QString, params);
    QFETCH(QString, deployment);
    QFETCH(QString, says);
    const QByteArray yaml
        = QStringLiteral("model_list:\n  - model_name: \"%1\"\n    litellm_params: %2\n").arg(name, params).toUtf8();
    LiteLlmImportOptions options;
    options.environment = [](const QString&) { return QString(); };
    const LiteLlmImportResult result = LiteLlmConfig::importYaml(yaml, options);
    QVERIFY2(result.ok, qPrintable(describe(result.problems)));
    QCOMPARE(deploymentOf(result, name), deployment);
    const ConfigProblem* problem = problemAt(result.problems, QStringLiteral("model_list[0].litellm_params.model"));
    QCOMPARE(problem != nullptr, !says.isEmpty());
    if (problem) {
        QVERIFY2(problem->message.contains(says), qPrintable(problem->message));
        QCOMPARE(problem->line, 3);
    }
    QVERIFY(!describe(result.problems).contains(QLatin1String("sk-corp-literal")));
    if (deployment != QLatin1String("skipped")) {
        QVERIFY2(ConfigValidator::validate(result.config).isEmpty(),
                 qPrintable(describe(ConfigValidator::validate(result.config))));
        // Export then import gives the same config.
        const LiteLlmImportResult again
            = LiteLlmConfig::importYaml(LiteLlmConfig::exportYaml(result.config).yaml, options);
        QCOMPARE(again.config, result.config);
    }
}

void TestLiteLlmImport::badValue_skipsOnlyItsDeployment_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("says");

    QTest::newRow("a placeholder URL from an example")
        << "model_list[3].litellm_params.api_base" << 22 << 17 << "looks like a placeholder";
    QTest::newRow("a timeout that is not a number")
        << "model_list[4].litellm_params.timeout" << 26 << 16 << "expected a number";
    QTest::newRow("api_base from a variable that is not set")
        << "model_list[5].litellm_params.api_base" << 30 << 17 << "NOT_SET_ANYWHERE is not set";
    QTest::newRow("a weight that would overflow")
        << "model_list[6].litellm_params.weight" << 34 << 15 << "a weight must be above 0";
}

void TestLiteLlmImport::badValue_skipsOnlyItsDeployment()
{
    QFETCH(QString, path);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, says);
    const LiteLlmImportResult result
        = importFixture(QStringLiteral("bad-values-skip-one.yaml"),
                        { { QStringLiteral("OPENAI_EU_API_BASE"), QStringLiteral("https://eu.api.example.com/v1") } });
    QVERIFY2(result.ok, qPrintable(describe(result.problems)));
    const ConfigProblem* problem = problemAt(result.problems, path);
    QVERIFY2(problem, qPrintable(describe(result.problems)));
    QCOMPARE(problem->file, QStringLiteral("bad-values-skip-one.yaml"));
    QCOMPARE(problem->line, line);
    QCOMPARE(problem->column, column);
    QVERIFY2(problem->message.contains(says), qPrintable(problem->message));
    QVERIFY(problem->message.endsWith(QLatin1String("this deployment was skipped")));
}

void TestLiteLlmImport::badValues_otherDeploymentsImported()
{
    const LiteLlmImportResult result
        = importFixture(QStringLiteral("bad-values-skip-one.yaml"),
                        { { QStringLiteral("OPENAI_EU_API_BASE"), QStringLiteral("https://eu.api.example.com/v1") } });
    QVERIFY(result.ok);
    QCOMPARE(result.skippedDeployments, 4);
    QCOMPARE(result.config.modelIds(), (QStringList { "gpt-4o", "gpt-4o#2", "groq-llama" }));
    // Fractional weights keep their ratio; api_base came from the environment; an empty api_key is no key
    // given, so Groq's own variable applies on Groq's own host.
    const ModelGroup* gpt = result.config.policy.group(QStringLiteral("gpt-4o"));
    QCOMPARE(gpt->deployments,
             (QList<Deployment> { { QStringLiteral("gpt-4o"), 7 }, { QStringLiteral("gpt-4o#2"), 3 } }));
    QCOMPARE(deploymentOf(result, QStringLiteral("groq-llama")),
             QStringLiteral("openai|https://api.groq.com/openai/v1|GROQ_API_KEY|llama-3.3-70b-versatile"));
    const ModelConfig* eu = result.config.model(QStringLiteral("gpt-4o#2"));
    QCOMPARE(result.config.provider(eu->providerId)->baseUrl, QUrl(QStringLiteral("https://eu.api.example.com/v1")));
    QCOMPARE(result.config.provider(eu->providerId)->keyEnv, QStringLiteral("OPENAI_EU_API_KEY"));
}

void TestLiteLlmImport::problems_nameTheRealFile()
{
    const LiteLlmImportResult result = importFixture(QStringLiteral("prefixes.yaml"));
    QVERIFY(!result.problems.isEmpty());
    for (const ConfigProblem& problem : result.problems) {
        QCOMPARE(problem.file, QStringLiteral("prefixes.yaml"));
        QVERIFY2(problem.toString().startsWith(QLatin1String("prefixes.yaml:")), qPrintable(problem.toString()));
    }
}

void TestLiteLlmImport::nothingImportable_saysWhy()
{
    const LiteLlmImportResult result = importFixture(QStringLiteral("nothing-importable.yaml"));
    QVERIFY(result.ok); // readable; the caller decides that nothing to import is a failure
    QVERIFY(result.config.models.isEmpty());
    QCOMPARE(result.skippedDeployments, 2);
}

void TestLiteLlmImport::prices_takenFromParamsAndModelInfo_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<ModelPrice>("price");

    QTest::newRow("litellm_params prices (LiteLLM's custom pricing)")
        << "my-custom-model" << ModelPrice { 421, 520, 0, true };
    QTest::newRow("only an input price: unpriced, never a free output") << "half-priced" << ModelPrice {};
    QTest::newRow("an OpenAI group name on a local model: no price from the group name")
        << "gpt-3.5-turbo" << ModelPrice {};
}

void TestLiteLlmImport::prices_takenFromParamsAndModelInfo()
{
    QFETCH(QString, model);
    QFETCH(ModelPrice, price);
    const LiteLlmImportResult result = importFixture(QStringLiteral("prices-and-aliases.yaml"));
    QVERIFY2(result.ok, qPrintable(describe(result.problems)));
    QVERIFY(result.config.model(model));
    QCOMPARE(result.config.model(model)->price, price);
}

void TestLiteLlmImport::settingsAndAliases_mapped()
{
    const LiteLlmImportResult result = importFixture(QStringLiteral("prices-and-aliases.yaml"));
    QCOMPARE(result.config.policy.defaults.cooldown.failures, 5); // allowed_fails 4: cooled at the 5th
    QCOMPARE(result.config.policy.defaults.cooldown.durationSec, 45);
    QCOMPARE(result.config.model(QStringLiteral("gpt-3.5-turbo"))->upstreamModel, QStringLiteral("llama2"));
    const ModelGroup* alias = result.config.policy.group(QStringLiteral("gpt-4"));
    QVERIFY(alias);
    QCOMPARE(alias->deployments, result.config.policy.group(QStringLiteral("my-custom-model"))->deployments);
    QVERIFY(!result.config.policy.group(QStringLiteral("claude")));
    const QString aliasNote = messageAt(result.problems, QStringLiteral("router_settings.model_group_alias.claude"));
    QVERIFY2(aliasNote.contains(QLatin1String("no-such-group")), qPrintable(aliasNote));
    const QString half = messageAt(result.problems, QStringLiteral("model_list[2].model_info.input_cost_per_token"));
    QVERIFY2(half.contains(QLatin1String("unpriced")), qPrintable(half));
}

void TestLiteLlmImport::import_keepsDefaultsTheFileDoesNotSet()
{
    TierSettings home;
    home.strategy = LoadBalanceStrategy::LatencyBased;
    home.timeouts.totalMs = 42000;
    home.timeoutsSet = TotalTimeoutField;
    home.cacheEnabled = true;
    home.cooldown.windowSec = 17;
    const LiteLlmImportResult result = importFixture(QStringLiteral("prices-and-aliases.yaml"), {}, home);
    TierSettings expected = home;
    expected.cooldown.failures = 5; // what the file sets: allowed_fails 4
    expected.cooldown.durationSec = 45;
    QCOMPARE(result.config.policy.defaults, expected);
}

void TestLiteLlmImport::merge_providerIdTakenByAnotherHost_getsNewId()
{
    // The home's "openai" reads OPENAI_API_KEY; the file's "openai" is the same host with a team key.
    SwitchyardConfig home = TestConfigs::full();
    const LiteLlmImportResult imported = importFixture(QStringLiteral("keys-bound-to-hosts.yaml"));
    const SwitchyardConfig merged = ConfigMerge::merge(home, imported.config);
    QCOMPARE(merged.provider(QStringLiteral("openai"))->keyEnv, QStringLiteral("OPENAI_API_KEY"));
    QCOMPARE(merged.model(QStringLiteral("gpt-4o-mini"))->providerId, QStringLiteral("openai"));
    const ProviderConfig* teamKey = merged.provider(merged.model(QStringLiteral("gpt-4o"))->providerId);
    QCOMPARE(teamKey->id, QStringLiteral("openai-2"));
    QCOMPARE(teamKey->keyEnv, QStringLiteral("SWITCHYARD_KEY_API_OPENAI_COM"));
    QCOMPARE(merged.policy.tiers, home.policy.tiers);
    QCOMPARE(merged.policy.rules, home.policy.rules);
    QVERIFY2(ConfigValidator::validate(merged).isEmpty(), qPrintable(describe(ConfigValidator::validate(merged))));
}

void TestLiteLlmImport::merge_sameProviderAgain_reusesIt()
{
    const LiteLlmImportResult imported = importFixture(QStringLiteral("keys-bound-to-hosts.yaml"));
    const SwitchyardConfig once = ConfigMerge::merge(SwitchyardConfig(), imported.config);
    const SwitchyardConfig twice = ConfigMerge::merge(once, imported.config);
    QCOMPARE(twice, once);
}

void TestLiteLlmImport::bedrock_regionProfileAndEndpoint_data()
{
    QTest::addColumn<QString>("group");
    // kind|base URL|key variable|upstream model|region|profile
    QTest::addColumn<QString>("deployment");
    QTest::newRow("the standard key variables are the AWS chain's, the region kept")
        << "nova-micro"
        << "bedrock|||us.amazon.nova-micro-v1:0|eu-west-1|";
    QTest::newRow("a profile, the region read from AWS_REGION at each call, converse/ stripped")
        << "claude-haiku"
        << "bedrock|||anthropic.claude-3-haiku-20240307-v1:0||work";
    QTest::newRow("a VPC endpoint is the base URL, signed for its region")
        << "claude-vpc"
        << "bedrock|https://vpce-0a1b2c.bedrock-runtime.us-east-1.vpce.amazonaws.com||"
           "anthropic.claude-3-5-sonnet-20240620-v1:0|us-east-1|";
    QTest::newRow("an unprefixed Bedrock model id is Bedrock's, as LiteLLM infers it")
        << "claude-inferred"
        << "bedrock|||anthropic.claude-3-sonnet-20240229-v1:0|us-west-2|";
    QTest::newRow("a Bedrock API key variable is sent as a bearer token")
        << "api-key"
        << "bedrock||AWS_BEARER_TOKEN_BEDROCK|us.amazon.nova-lite-v1:0|us-east-1|";
    QTest::newRow("literal keys skip the deployment") << "literal-keys"
                                                      << "skipped";
    QTest::newRow("keys from other variables skip the deployment") << "other-variable"
                                                                   << "skipped";
    QTest::newRow("an assumed role skips the deployment") << "assumed-role"
                                                          << "skipped";
}

void TestLiteLlmImport::bedrock_regionProfileAndEndpoint()
{
    QFETCH(QString, group);
    QFETCH(QString, deployment);
    const LiteLlmImportResult result = importFixture(QStringLiteral("bedrock.yaml"));
    QVERIFY2(result.ok, qPrintable(describe(result.problems)));
    QString found = deploymentOf(result, group);
    if (found != QLatin1String("skipped")) {
        const ModelConfig* model = result.config.model(result.config.policy.group(group)->deployments.first().modelId);
        const ProviderConfig* provider = result.config.provider(model->providerId);
        found += QStringLiteral("|%1|%2").arg(provider->awsRegion, provider->awsProfile);
    }
    QCOMPARE(found, deployment);
}

void TestLiteLlmImport::bedrock_foreignCredentials_skippedAndNeverRepeated()
{
    const LiteLlmImportResult result = importFixture(QStringLiteral("bedrock.yaml"));
    QCOMPARE(result.skippedDeployments, 3);
    QVERIFY2(messageAt(result.problems, QStringLiteral("model_list[4].litellm_params.aws_access_key_id"))
                 .contains(QLatin1String("a literal AWS key is not imported")),
             qPrintable(describe(result.problems)));
    QVERIFY(messageAt(result.problems, QStringLiteral("model_list[5].litellm_params.aws_access_key_id"))
                .contains(QLatin1String("not from TEAM_AWS_KEY")));
    QVERIFY(messageAt(result.problems, QStringLiteral("model_list[6].litellm_params.aws_role_name"))
                .contains(QLatin1String("\"aws_role_name\" is not supported for Bedrock")));
    // One provider per region and profile; none carries a key.
    QStringList providers;
    for (const ProviderConfig& provider : result.config.providers) {
        providers.append(provider.id + u'@' + provider.awsRegion + u'/' + provider.awsProfile);
    }
    QCOMPARE(providers,
             (QStringList { "bedrock@eu-west-1/", "bedrock-2@/work", "bedrock-3@us-east-1/", "bedrock-4@us-west-2/",
                            "bedrock-5@us-east-1/" }));
    const QString everything
        = describe(result.problems) + QString::fromUtf8(LiteLlmConfig::exportYaml(result.config).yaml);
    for (const char* secret : { "AKIAEXAMPLELITERAL01", "wJalrXUtnFEMI" }) {
        QVERIFY2(!everything.contains(QLatin1String(secret)), secret);
    }
}

void TestLiteLlmImport::fixtures_passValidation_data()
{
    QTest::addColumn<QString>("file");
    for (const char* file :
         { "keys-bound-to-hosts.yaml", "prefixes.yaml", "prices-and-aliases.yaml", "bad-values-skip-one.yaml",
           "nothing-importable.yaml", "azure-deployments.yaml", "bedrock.yaml", "mixed.yaml" }) {
        QTest::newRow(file) << file;
    }
}

void TestLiteLlmImport::fixtures_passValidation()
{
    QFETCH(QString, file);
    const LiteLlmImportResult result = importFixture(file);
    const QList<ConfigProblem> problems = ConfigValidator::validate(result.config);
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
}

void TestLiteLlmImport::roundTrip_exportThenImport_sameConfig_data()
{
    fixtures_passValidation_data();
}

void TestLiteLlmImport::roundTrip_exportThenImport_sameConfig()
{
    QFETCH(QString, file);
    const Environment environment { { QStringLiteral("OPENAI_EU_API_BASE"),
                                      QStringLiteral("https://eu.api.example.com/v1") } };
    const LiteLlmImportResult first = importFixture(file, environment);
    const QByteArray yaml = LiteLlmConfig::exportYaml(first.config).yaml;
    LiteLlmImportOptions options;
    options.environment = [environment](const QString& variable) { return environment.value(variable); };
    const LiteLlmImportResult second = LiteLlmConfig::importYaml(yaml, options);
    QVERIFY2(second.ok, qPrintable(describe(second.problems)));
    QCOMPARE(second.config.providers, first.config.providers);
    QCOMPARE(second.config.models, first.config.models);
    QCOMPARE(second.config.policy.groups, first.config.policy.groups);
    QVERIFY2(second.config == first.config, yaml.constData());
    QCOMPARE(second.skippedDeployments, 0);
    QVERIFY(second.keyVariables.isEmpty()); // the export only ever names variables
}

void TestLiteLlmImport::mixedConfig_importsWhatCanRunAndNamesTheRest()
{
    const LiteLlmImportResult result = importFixture(QStringLiteral("mixed.yaml"));
    QVERIFY2(result.ok, qPrintable(describe(result.problems)));
    // Vertex AI, a placeholder URL and a wildcard model under a plain name: each skipped at its place.
    QCOMPARE(result.skippedDeployments, 3);
    for (const char* path : { "model_list[12].litellm_params.model", "model_list[13].litellm_params.api_base",
                              "model_list[14].litellm_params.model" }) {
        QVERIFY2(problemAt(result.problems, QLatin1String(path)), qPrintable(describe(result.problems)));
    }
    QStringList groups;
    for (const ModelGroup& group : result.config.policy.groups) {
        groups.append(group.name);
    }
    QCOMPARE(groups,
             (QStringList { "chat", "reasoning", "long-context", "fast", "team-gateway", "local", "my-finetune", "nova",
                            "anthropic/*", "openai/*", "assistant" }));
    const ModelGroup* chat = result.config.policy.group(QStringLiteral("chat"));
    QCOMPARE(chat->deployments, (QList<Deployment> { { "chat", 7 }, { "chat#2", 3 } }));
    QCOMPARE(chat->fallbacks, QStringList { "reasoning" });
    QCOMPARE(chat->contextWindowFallbacks, QStringList { "long-context" });
    QCOMPARE(result.config.model(QStringLiteral("chat#2"))->baseModel, QStringLiteral("azure/gpt-4o-mini"));
    QCOMPARE(deploymentOf(result, QStringLiteral("team-gateway")),
             QStringLiteral("openai|https://llm.corp.example/v1|SWITCHYARD_KEY_LLM_CORP_EXAMPLE|gpt-4.1"));
    QCOMPARE(deploymentOf(result, QStringLiteral("anthropic/*")),
             QStringLiteral("anthropic|https://api.anthropic.com/v1|ANTHROPIC_API_KEY|*"));
    QCOMPARE(result.config.policy.defaults.strategy, LoadBalanceStrategy::LeastBusy);
    QCOMPARE(result.config.policy.defaults.cooldown.durationSec, 45);
    QVERIFY(result.config.model(QStringLiteral("my-finetune"))->price.known);
}

void TestLiteLlmImport::azure_deploymentsMapped_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("deployment"); // kind|base|key variable|deployment name
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<QString>("auth");
    QTest::addColumn<QString>("baseModel"); // model_info.base_model: what the deployment is priced as

    QTest::newRow("a resource endpoint with its api_version and AZURE_API_KEY")
        << "gpt-4o"
        << "azure|https://contoso-eastus.openai.azure.com|AZURE_API_KEY|gpt-4o-eastus"
        << "2024-10-21"
        << "api-key"
        << "azure/gpt-4o-2024-08-06";
    QTest::newRow("no api_key: LiteLLM's AZURE_API_KEY, sent to the resource the file names")
        << "no-key-written"
        << "azure|https://contoso-eastus.openai.azure.com|AZURE_API_KEY|gpt-4o-mini"
        << "2025-01-01-preview"
        << "api-key"
        << "";
    QTest::newRow("azure_ad_token: an Entra ID token as a bearer, from its variable")
        << "entra"
        << "azure|https://contoso-entra.openai.azure.com|AZURE_AD_TOKEN|gpt-4.1"
        << "2024-10-21"
        << "entra-id"
        << "";
    QTest::newRow("a literal key gets a variable named after the resource's host")
        << "literal"
        << "azure|https://contoso-lit.openai.azure.com|SWITCHYARD_KEY_CONTOSO_LIT_OPENAI_AZURE_COM|o4-mini"
        << "2024-12-01-preview"
        << "api-key"
        << "";
    QTest::newRow("the v1 API needs no api_version")
        << "v1"
        << "azure|https://contoso-v1.openai.azure.com/openai/v1|AZURE_API_KEY|gpt-5-mini"
        << ""
        << "api-key"
        << "";
    QTest::newRow("no api_version: none kept, the default is sent")
        << "no-version"
        << "azure|https://contoso-eastus.openai.azure.com|AZURE_API_KEY|gpt-4o-mini"
        << ""
        << "api-key"
        << "";
}

void TestLiteLlmImport::azure_deploymentsMapped()
{
    QFETCH(QString, group);
    QFETCH(QString, deployment);
    QFETCH(QString, apiVersion);
    QFETCH(QString, auth);
    QFETCH(QString, baseModel);
    const LiteLlmImportResult result = importFixture(QStringLiteral("azure-deployments.yaml"));
    QVERIFY2(result.ok, qPrintable(describe(result.problems)));
    QCOMPARE(deploymentOf(result, group), deployment);
    const ModelConfig* model = result.config.model(result.config.policy.group(group)->deployments.first().modelId);
    const ProviderConfig* provider = result.config.provider(model->providerId);
    QCOMPARE(provider->apiVersion, apiVersion);
    QCOMPARE(ProviderAuths::id(provider->auth), auth);
    QCOMPARE(model->baseModel, baseModel);
}

void TestLiteLlmImport::azure_badDeploymentsSkippedWithTheirPlace_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("says");
    QTest::addColumn<bool>("skipped");

    QTest::newRow("an api_version that is none") << "bad-version"
                                                 << "model_list[7].litellm_params.api_version"
                                                 << "is not an Azure OpenAI api-version" << true;
    QTest::newRow("no api_base and no AZURE_API_BASE") << "no-base"
                                                       << "model_list[8].litellm_params.api_base"
                                                       << "required for \"azure\" models" << true;
    QTest::newRow("no api_version: the version sent is named") << "no-version"
                                                               << "model_list[6].litellm_params.api_version"
                                                               << "Switchyard sends api-version=2024-10-21" << false;
    QTest::newRow("no api_key: where AZURE_API_KEY goes is named")
        << "no-key-written"
        << "model_list[2].litellm_params.api_key"
        << "AZURE_API_KEY is sent to contoso-eastus.openai.azure.com" << false;
    QTest::newRow("rpm is noted, not enforced") << "gpt-4o"
                                                << "model_list[1].litellm_params.rpm"
                                                << "rate limit noted but not enforced" << false;
}

void TestLiteLlmImport::azure_badDeploymentsSkippedWithTheirPlace()
{
    QFETCH(QString, group);
    QFETCH(QString, path);
    QFETCH(QString, says);
    QFETCH(bool, skipped);
    const LiteLlmImportResult result = importFixture(QStringLiteral("azure-deployments.yaml"));
    QVERIFY2(result.ok, qPrintable(describe(result.problems)));
    QVERIFY2(messageAt(result.problems, path).contains(says), qPrintable(describe(result.problems)));
    QCOMPARE(deploymentOf(result, group) == QLatin1String("skipped"), skipped);
    QCOMPARE(result.skippedDeployments, 2);
}

void TestLiteLlmImport::azure_exportWritesLiteLlmsAzureParams()
{
    const LiteLlmImportResult imported = importFixture(QStringLiteral("azure-deployments.yaml"));
    QVERIFY(imported.ok);
    const QByteArray yaml = LiteLlmConfig::exportYaml(imported.config).yaml;
    for (const char* line :
         { "model: azure/gpt-4o-eastus", "api_base: https://contoso-eastus.openai.azure.com",
           "api_key: os.environ/AZURE_API_KEY", "api_version: 2024-10-21", "azure_ad_token: os.environ/AZURE_AD_TOKEN",
           "api_base: https://contoso-v1.openai.azure.com/openai/v1",
           "api_key: os.environ/SWITCHYARD_KEY_CONTOSO_LIT_OPENAI_AZURE_COM", "base_model: azure/gpt-4o-2024-08-06" }) {
        QVERIFY2(yaml.contains(line), qPrintable(QByteArray(line) + " missing in\n" + yaml));
    }
    QVERIFY(!yaml.contains("my-literal-azure-key"));
}

QTEST_GUILESS_MAIN(TestLiteLlmImport)
#include "tst_LiteLlmImport.moc"
