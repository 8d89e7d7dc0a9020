#include "TestConfigs.h"
#include "core/config/ConfigValidator.h"
#include "core/config/LiteLlmConfig.h"

#include <QRegularExpression>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <variant>

// A step into a YAML document: a mapping key or a sequence index.
using YamlStep = std::variant<std::string, std::size_t>;
Q_DECLARE_METATYPE(YamlStep)

namespace {
QStringList providerSummary(const SwitchyardConfig& config)
{
    QStringList lines;
    for (const auto& p : config.providers) {
        lines.append(
            QStringLiteral("%1|%2|%3|%4").arg(p.id, ProviderKinds::id(p.kind), p.baseUrl.toString(), p.keyEnv));
    }
    return lines;
}

QStringList modelSummary(const SwitchyardConfig& config)
{
    QStringList lines;
    for (const auto& m : config.models) {
        lines.append(QStringLiteral("%1|%2|%3").arg(m.id, m.providerId, m.upstreamModel));
    }
    return lines;
}

// "gpt-4o: gpt-4o*3, gpt-4o#2 -> llama / big-context" (weights shown when not 1; "/" context window fallbacks).
QStringList groupSummary(const SwitchyardConfig& config)
{
    QStringList lines;
    for (const auto& g : config.policy.groups) {
        QStringList deployments;
        for (const auto& d : g.deployments) {
            deployments.append(d.weight == 1 ? d.modelId : QStringLiteral("%1*%2").arg(d.modelId).arg(d.weight));
        }
        QString line = g.name + QStringLiteral(": ") + deployments.join(QStringLiteral(", "));
        if (!g.fallbacks.isEmpty()) {
            line += QStringLiteral(" -> ") + g.fallbacks.join(QStringLiteral(", "));
        }
        if (!g.contextWindowFallbacks.isEmpty()) {
            line += QStringLiteral(" / ") + g.contextWindowFallbacks.join(QStringLiteral(", "));
        }
        lines.append(line);
    }
    return lines;
}

// "warning model_list[0].litellm_params.rpm"
QStringList problemSummary(const QList<ConfigProblem>& problems)
{
    QStringList lines;
    for (const auto& p : problems) {
        lines.append((p.isError() ? QStringLiteral("error ") : QStringLiteral("warning ")) + p.path);
    }
    return lines;
}

QString describe(const QList<ConfigProblem>& problems)
{
    QStringList lines;
    for (const auto& problem : problems) {
        lines.append(problem.toString());
    }
    return lines.join(u'\n');
}

using YamlPath = QList<YamlStep>;

QString pathText(const YamlPath& path)
{
    QString text;
    for (const auto& step : path) {
        if (std::holds_alternative<std::size_t>(step)) {
            text += QStringLiteral("[%1]").arg(std::get<std::size_t>(step));
        } else {
            text += (text.isEmpty() ? QString() : QStringLiteral("."))
                + QString::fromStdString(std::get<std::string>(step));
        }
    }
    return text;
}

void collectScalars(const YAML::Node& node, const YamlPath& path, QList<YamlPath>* scalars)
{
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            collectScalars(it->second, YamlPath(path) << it->first.Scalar(), scalars);
        }
    } else if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            collectScalars(node[i], YamlPath(path) << i, scalars);
        }
    } else if (node.IsScalar()) {
        scalars->append(path);
    }
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
} // namespace

class TestLiteLlmConfig : public QObject
{
    Q_OBJECT

private slots:
    void import_mapsProvidersModelsGroups_data();
    void import_mapsProvidersModelsGroups();
    void import_simple_mapsTimeoutsAndRouterSettings();
    void import_contextWindow_mapsPricesSettingsAndLocalServers();
    void import_literalKey_notStoredNorRepeated();
    void import_result_passesValidation_data();
    void import_result_passesValidation();
    void roundTrip_importExportImport_equal_data();
    void roundTrip_importExportImport_equal();
    void export_referencesKeysOnlyThroughEnvironment();
    void export_nativeConfig_notesWhatLiteLlmCannotExpress();
    void fallbackToUnknownGroup_skippedWithSuggestion();
    void malformedYaml_reportsLineAndColumn();
    void wrongTypes_reportedWithPathNeverThrown();
    void mappingInsteadOfAnyScalar_reportedAtItsPath_data();
    void mappingInsteadOfAnyScalar_reportedAtItsPath();
    void garbageInput_neverThrows_data();
    void garbageInput_neverThrows();
};

void TestLiteLlmConfig::import_mapsProvidersModelsGroups_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("providers");
    QTest::addColumn<QStringList>("models");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("openai and anthropic with fallbacks and environment keys")
        << "simple-openai-anthropic.yaml"
        << QStringList { "openai|openai|https://api.openai.com/v1|OPENAI_API_KEY",
                         "anthropic|anthropic|https://api.anthropic.com/v1|ANTHROPIC_API_KEY" }
        << QStringList { "gpt-4o|openai|gpt-4o", "claude-sonnet|anthropic|claude-sonnet-4-20250514",
                         "gpt-4o-mini|openai|gpt-4o-mini" }
        << QStringList { "gpt-4o: gpt-4o -> claude-sonnet", "claude-sonnet: claude-sonnet -> gpt-4o, gpt-4o-mini",
                         "gpt-4o-mini: gpt-4o-mini" }
        << QStringList { "warning router_settings.num_retries" };

    QTest::newRow("several deployments per group, least-busy, azure among them")
        << "multi-deployment-least-busy.yaml"
        << QStringList { "openai|openai|https://api.openai.com/v1|OPENAI_KEY_TEAM_A",
                         "openai-2|openai|https://api.openai.com/v1|OPENAI_KEY_TEAM_B",
                         "openrouter|openai|https://openrouter.ai/api/v1|OPENROUTER_API_KEY",
                         "azure|azure|https://example-eu.openai.azure.com|AZURE_API_KEY",
                         "together|openai|https://api.together.xyz/v1|TOGETHERAI_API_KEY",
                         "groq|openai|https://api.groq.com/openai/v1|GROQ_API_KEY" }
        << QStringList { "gpt-4o|openai|gpt-4o",
                         "gpt-4o#2|openai-2|gpt-4o",
                         "gpt-4o#3|openrouter|openai/gpt-4o",
                         "gpt-4o#4|azure|gpt-4o-eu",
                         "llama|together|meta-llama/Llama-3.3-70B-Instruct-Turbo",
                         "llama#2|groq|llama-3.3-70b-versatile" }
        << QStringList { "gpt-4o: gpt-4o*3, gpt-4o#2, gpt-4o#3, gpt-4o#4 -> llama", "llama: llama, llama#2" }
        << QStringList { "warning model_list[0].litellm_params.rpm", "warning model_list[1].litellm_params.tpm",
                         "warning router_settings.default_fallbacks" };

    QTest::newRow("context window fallbacks, prices, litellm_settings, local servers")
        << "context-window-prices.yaml"
        << QStringList { "groq|openai|https://api.groq.com/openai/v1|GROQ_API_KEY",
                         "gemini|gemini|https://generativelanguage.googleapis.com/v1beta|GEMINI_API_KEY",
                         "ollama|openai|http://gpu-box:11434/v1|",
                         "vllm|openai|http://10.0.0.7:8000/v1|",
                         "localhost-1234|openai|http://localhost:1234/v1|",
                         "deepseek|openai|https://api.deepseek.com/v1|DEEPSEEK_API_KEY" }
        << QStringList { "small|groq|llama-3.1-8b-instant",
                         "big-context|gemini|gemini-2.5-flash",
                         "local|ollama|llama3.2",
                         "vllm|vllm|Qwen/Qwen2.5-Coder-32B",
                         "lmstudio|localhost-1234|qwen2.5-7b-instruct",
                         "deepseek|deepseek|deepseek-chat" }
        << QStringList { "small: small -> local / big-context",
                         "big-context: big-context",
                         "local: local",
                         "vllm: vllm",
                         "lmstudio: lmstudio",
                         "deepseek: deepseek -> small, vllm" }
        << QStringList { "warning model_list[1].model_info.mode", "warning model_list[4].litellm_params.api_base",
                         "warning litellm_settings.num_retries", "warning litellm_settings.cache",
                         "warning litellm_settings.drop_params" };

    QTest::newRow("literal key, unsupported provider and settings are each reported")
        << "literal-key-unsupported.yaml"
        << QStringList { "openai|openai|https://api.openai.com/v1|SWITCHYARD_KEY_API_OPENAI_COM",
                         "mistral|openai|https://api.mistral.ai/v1|MISTRAL_API_KEY" }
        << QStringList { "gpt-4o|openai|gpt-4o", "mistral|mistral|mistral-large-latest" }
        << QStringList { "gpt-4o: gpt-4o", "mistral: mistral" }
        << QStringList { "warning model_list[0].litellm_params.organization",
                         "warning model_list[0].litellm_params.api_key",
                         "warning model_list[1].litellm_params.model",
                         "warning model_list[2].model_info.id",
                         "warning model_list[2].tpm",
                         "warning litellm_settings.success_callback",
                         "warning litellm_settings.set_verbose",
                         "warning router_settings.routing_strategy",
                         "warning router_settings.redis_host",
                         "warning general_settings.master_key",
                         "warning general_settings.database_url",
                         "warning environment_variables",
                         "warning guardrails" };
}

void TestLiteLlmConfig::import_mapsProvidersModelsGroups()
{
    QFETCH(QString, file);
    QFETCH(QStringList, providers);
    QFETCH(QStringList, models);
    QFETCH(QStringList, groups);
    QFETCH(QStringList, problems);

    const LiteLlmImportResult result = LiteLlmConfig::importFile(TestConfigs::dataPath(file));
    QVERIFY2(result.ok, qPrintable(describe(result.problems)));
    QCOMPARE(providerSummary(result.config), providers);
    QCOMPARE(modelSummary(result.config), models);
    QCOMPARE(groupSummary(result.config), groups);
    QCOMPARE(problemSummary(result.problems), problems);
    QVERIFY(result.config.policy.tiers.isEmpty());
    QVERIFY(result.config.policy.rules.isEmpty());
}

void TestLiteLlmConfig::import_simple_mapsTimeoutsAndRouterSettings()
{
    const LiteLlmImportResult result
        = LiteLlmConfig::importYaml(TestConfigs::readData(QStringLiteral("simple-openai-anthropic.yaml")));
    const ModelConfig* sonnet = result.config.model(QStringLiteral("claude-sonnet"));
    QVERIFY(sonnet);
    QCOMPARE(sonnet->timeouts.totalMs, 60000);
    QCOMPARE(sonnet->timeouts.firstTokenMs, 8500);
    QCOMPARE(sonnet->timeouts.connectMs, Timeouts().connectMs);
    QVERIFY(!sonnet->price.known); // no model_info: unpriced, never free
    const TierSettings& defaults = result.config.policy.defaults;
    QCOMPARE(defaults.strategy, LoadBalanceStrategy::SimpleShuffle);
    QCOMPARE(defaults.timeouts.totalMs, 120000);
    QCOMPARE(int(defaults.timeoutsSet), int(TotalTimeoutField)); // router_settings.timeout, and only that
    QCOMPARE(defaults.cooldown.failures, 3); // allowed_fails 2: cooled at the 3rd failure
    QCOMPARE(defaults.cooldown.durationSec, 30);
    QVERIFY(!defaults.cacheEnabled);
    QVERIFY(result.problems.first().message.contains(QStringLiteral("never retries")));
}

void TestLiteLlmConfig::import_contextWindow_mapsPricesSettingsAndLocalServers()
{
    const LiteLlmImportResult result
        = LiteLlmConfig::importYaml(TestConfigs::readData(QStringLiteral("context-window-prices.yaml")));
    const ModelConfig* small = result.config.model(QStringLiteral("small"));
    const ModelConfig* big = result.config.model(QStringLiteral("big-context"));
    QVERIFY(small && big);
    QCOMPARE(small->price, (ModelPrice { 0.05, 0.08, 0, true }));
    QCOMPARE(small->contextWindow, 8192);
    QCOMPARE(big->price, (ModelPrice { 0.3, 2.5, 0.075, true }));
    QCOMPARE(big->contextWindow, 1048576);
    QCOMPARE(big->maxOutputTokens, 65536);
    QVERIFY(!result.config.model(QStringLiteral("local"))->price.known);
    QCOMPARE(result.config.model(QStringLiteral("deepseek"))->timeouts.totalMs, 45500);
    const TierSettings& defaults = result.config.policy.defaults;
    QCOMPARE(defaults.timeouts.totalMs, 30000); // litellm_settings.request_timeout
    QCOMPARE(defaults.strategy, LoadBalanceStrategy::LatencyBased);
    QVERIFY(defaults.cacheEnabled);
    QCOMPARE(defaults.cooldown, CooldownSettings()); // not set in the file
}

void TestLiteLlmConfig::import_literalKey_notStoredNorRepeated()
{
    const QByteArray yaml = TestConfigs::readData(QStringLiteral("literal-key-unsupported.yaml"));
    const LiteLlmImportResult result = LiteLlmConfig::importYaml(yaml);
    const ConfigProblem* keyProblem
        = problemAt(result.problems, QStringLiteral("model_list[0].litellm_params.api_key"));
    QVERIFY(keyProblem);
    QCOMPARE(keyProblem->line, 6);
    // Bound to its host under a variable of its own: never the user's own OPENAI_API_KEY.
    QVERIFY2(keyProblem->message.contains(QStringLiteral("SWITCHYARD_KEY_API_OPENAI_COM")),
             qPrintable(keyProblem->message));
    QCOMPARE(result.config.provider(QStringLiteral("openai"))->keyEnv, QStringLiteral("SWITCHYARD_KEY_API_OPENAI_COM"));
    // No secret from the file reaches the config or any message.
    const QString everything
        = describe(result.problems) + QString::fromUtf8(LiteLlmConfig::exportYaml(result.config).yaml);
    for (const char* secret : { "sk-proj-THIS", "sk-1234", "user:secret", "sk-lf-secret" }) {
        QVERIFY2(!everything.contains(QLatin1String(secret)), secret);
    }
    QVERIFY(problemAt(result.problems, QStringLiteral("model_list[1].litellm_params.model"))
                ->message.contains(QStringLiteral("provider \"sagemaker\"")));
}

void TestLiteLlmConfig::import_result_passesValidation_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("simple") << "simple-openai-anthropic.yaml";
    QTest::newRow("several deployments") << "multi-deployment-least-busy.yaml";
    QTest::newRow("context window and prices") << "context-window-prices.yaml";
    QTest::newRow("literal key") << "literal-key-unsupported.yaml";
}

void TestLiteLlmConfig::import_result_passesValidation()
{
    QFETCH(QString, file);
    // An imported fragment can be saved as is: every reference resolves.
    const LiteLlmImportResult result = LiteLlmConfig::importFile(TestConfigs::dataPath(file));
    const QList<ConfigProblem> problems = ConfigValidator::validate(result.config);
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
}

void TestLiteLlmConfig::roundTrip_importExportImport_equal_data()
{
    import_result_passesValidation_data();
}

void TestLiteLlmConfig::roundTrip_importExportImport_equal()
{
    QFETCH(QString, file);
    const LiteLlmImportResult first = LiteLlmConfig::importFile(TestConfigs::dataPath(file));
    const LiteLlmExportResult exported = LiteLlmConfig::exportYaml(first.config);
    const LiteLlmImportResult second = LiteLlmConfig::importYaml(exported.yaml);
    QVERIFY2(second.ok, qPrintable(describe(second.problems)));
    QCOMPARE(providerSummary(second.config), providerSummary(first.config));
    QCOMPARE(modelSummary(second.config), modelSummary(first.config));
    QCOMPARE(groupSummary(second.config), groupSummary(first.config));
    QCOMPARE(second.config.models, first.config.models);
    QVERIFY(second.config.policy.defaults == first.config.policy.defaults);
    QVERIFY2(second.config == first.config, exported.yaml.constData());
    // What export writes, import understands: the only notes left are mapping remarks.
    for (const auto& problem : second.problems) {
        QVERIFY2(problem.path == QLatin1String("litellm_settings.cache")
                     || problem.message.startsWith(QLatin1String("no api_key: LiteLLM would send")),
                 qPrintable(problem.toString()));
    }
}

void TestLiteLlmConfig::export_referencesKeysOnlyThroughEnvironment()
{
    const LiteLlmImportResult imported
        = LiteLlmConfig::importFile(TestConfigs::dataPath(QStringLiteral("multi-deployment-least-busy.yaml")));
    const QString yaml = QString::fromUtf8(LiteLlmConfig::exportYaml(imported.config).yaml);
    const QRegularExpression keyLine(QStringLiteral("^\\s*api_key:\\s*(\\S+)\\s*$"),
                                     QRegularExpression::MultilineOption);
    int keys = 0;
    for (auto it = keyLine.globalMatch(yaml); it.hasNext(); ++keys) {
        const QString value = it.next().captured(1);
        QVERIFY2(value.startsWith(QLatin1String("os.environ/")), qPrintable(value));
    }
    QCOMPARE(keys, 6); // every keyed deployment, the Azure one included
    QVERIFY(yaml.contains(QStringLiteral("api_key: os.environ/OPENAI_KEY_TEAM_B")));
    QVERIFY(yaml.contains(QStringLiteral("routing_strategy: least-busy")));
    QVERIFY(yaml.contains(QStringLiteral("weight: 3")));
}

void TestLiteLlmConfig::export_nativeConfig_notesWhatLiteLlmCannotExpress()
{
    const LiteLlmExportResult exported = LiteLlmConfig::exportYaml(TestConfigs::full());
    QVERIFY(problemAt(exported.notes, QStringLiteral("tiers")));
    QVERIFY(problemAt(exported.notes, QStringLiteral("gpt-4o-mini"))); // connect/idle timeouts
    QVERIFY(problemAt(exported.notes, QStringLiteral("anthropic"))); // maxConcurrent
    const LiteLlmImportResult reimported = LiteLlmConfig::importYaml(exported.yaml);
    QVERIFY2(reimported.ok, qPrintable(describe(reimported.problems)));
    // Groups, weights, fallbacks and prices survive under LiteLLM's naming (deployments are named
    // after their group); a model in two groups is written twice; a model named directly as a fallback
    // and an ungrouped one become groups of their own.
    QCOMPARE(groupSummary(reimported.config),
             (QStringList { "smart: smart, smart#2*2 -> small / claude-sonnet", "small: small",
                            "claude-sonnet: claude-sonnet", "llama3: llama3", "free-model: free-model" }));
    QCOMPARE(reimported.config.model(QStringLiteral("smart#2"))->price, (ModelPrice { 3, 15, 0.3, true }));
    QCOMPARE(reimported.config.model(QStringLiteral("smart"))->upstreamModel, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(reimported.config.policy.defaults.strategy, LoadBalanceStrategy::LeastBusy);
    QCOMPARE(reimported.config.policy.defaults.cooldown.durationSec, 30);
}

void TestLiteLlmConfig::fallbackToUnknownGroup_skippedWithSuggestion()
{
    const QByteArray yaml = "model_list:\n"
                            "  - model_name: gpt-4o\n"
                            "    litellm_params: {model: openai/gpt-4o}\n"
                            "  - model_name: claude\n"
                            "    litellm_params: {model: anthropic/claude-3-5-haiku-latest}\n"
                            "router_settings:\n"
                            "  fallbacks: [{gpt-4o: [claud, claude]}, {gpt4o: [claude]}]\n";
    const LiteLlmImportResult result = LiteLlmConfig::importYaml(yaml);
    QVERIFY(result.ok);
    QCOMPARE(groupSummary(result.config), (QStringList { "gpt-4o: gpt-4o -> claude", "claude: claude" }));
    QCOMPARE(problemAt(result.problems, QStringLiteral("router_settings.fallbacks[0].gpt-4o[0]"))->message,
             QStringLiteral("no model group \"claud\" in model_list (did you mean \"claude\"?); skipped"));
    QCOMPARE(problemAt(result.problems, QStringLiteral("router_settings.fallbacks[1].gpt4o"))->message,
             QStringLiteral("no model group \"gpt4o\" in model_list (did you mean \"gpt-4o\"?); these fallbacks were "
                            "skipped"));
    QCOMPARE(result.problems.size(), 2);
}

void TestLiteLlmConfig::malformedYaml_reportsLineAndColumn()
{
    const LiteLlmImportResult result
        = LiteLlmConfig::importFile(TestConfigs::dataPath(QStringLiteral("malformed.yaml")));
    QVERIFY(!result.ok);
    QCOMPARE(result.problems.size(), 1);
    const ConfigProblem& problem = result.problems.first();
    QVERIFY(problem.isError());
    QCOMPARE(problem.file, QStringLiteral("malformed.yaml"));
    QCOMPARE(problem.line, 5);
    QCOMPARE(problem.column, 6);
    QVERIFY2(problem.message.startsWith(QStringLiteral("malformed YAML at line 5, column 6: ")),
             qPrintable(problem.message));
}

void TestLiteLlmConfig::wrongTypes_reportedWithPathNeverThrown()
{
    const LiteLlmImportResult result
        = LiteLlmConfig::importFile(TestConfigs::dataPath(QStringLiteral("wrong-types.yaml")));
    QVERIFY(!result.ok);
    // A bad value inside a deployment skips that deployment; bad settings refuse the file.
    QCOMPARE(problemSummary(result.problems),
             (QStringList {
                 "warning model_list[0].litellm_params.timeout", "warning model_list[0].litellm_params.api_key",
                 "warning model_list[1]", "warning model_list[2].litellm_params", "warning model_list[3].model_name",
                 "error litellm_settings", "error router_settings.allowed_fails", "error router_settings.fallbacks" }));
    QCOMPARE(problemAt(result.problems, QStringLiteral("model_list[0].litellm_params.timeout"))->message,
             QStringLiteral("expected a number; this deployment was skipped"));
    QCOMPARE(problemAt(result.problems, QStringLiteral("model_list[1]"))->line, 7);
    QCOMPARE(result.skippedDeployments, 4);
    QVERIFY(result.config.models.isEmpty());
}

void TestLiteLlmConfig::mappingInsteadOfAnyScalar_reportedAtItsPath_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<YamlPath>("path");
    for (const QString& file :
         { QStringLiteral("simple-openai-anthropic.yaml"), QStringLiteral("context-window-prices.yaml"),
           QStringLiteral("multi-deployment-least-busy.yaml") }) {
        QList<YamlPath> scalars;
        collectScalars(YAML::LoadFile(TestConfigs::dataPath(file).toStdString()), {}, &scalars);
        QVERIFY(scalars.size() > 15);
        for (const YamlPath& path : scalars) {
            QTest::addRow("%s %s", qPrintable(file), qPrintable(pathText(path))) << file << path;
        }
    }
}

void TestLiteLlmConfig::mappingInsteadOfAnyScalar_reportedAtItsPath()
{
    QFETCH(QString, file);
    QFETCH(YamlPath, path);
    YAML::Node root = YAML::LoadFile(TestConfigs::dataPath(file).toStdString());
    YAML::Node node = root;
    for (const auto& step : path) {
        // reset() rebinds; operator= would overwrite the node it refers to.
        node.reset(std::holds_alternative<std::size_t>(step) ? node[std::get<std::size_t>(step)]
                                                             : node[std::get<std::string>(step)]);
    }
    node = YAML::Load("{x: 1}");
    const LiteLlmImportResult result = LiteLlmConfig::importYaml(QByteArray::fromStdString(YAML::Dump(root)));
    // A deployment skipped as a whole (unsupported provider) is reported once, not key by key.
    const bool inSkipped = std::any_of(result.problems.cbegin(), result.problems.cend(), [&](const ConfigProblem& p) {
        return p.message.endsWith(QLatin1String("this deployment was skipped"))
            && pathText(path).startsWith(p.path.left(p.path.indexOf(u'.') + 1));
    });
    QVERIFY2(problemAt(result.problems, pathText(path)) || inSkipped, qPrintable(describe(result.problems)));
}

void TestLiteLlmConfig::garbageInput_neverThrows_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("ok");
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("a scalar") << QByteArray("hello") << false;
    QTest::newRow("a list") << QByteArray("[1, 2, 3]") << false;
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe{{[[::", 9) << false;
    QTest::newRow("unclosed flow") << QByteArray("model_list: [{model_name: a, litellm_params: {model: x") << false;
    QTest::newRow("alias to a missing anchor") << QByteArray("model_list: *nothing") << false;
    QTest::newRow("model_list a map") << QByteArray("model_list: {a: 1}") << false;
    QTest::newRow("fallback entry a list") << QByteArray("router_settings: {fallbacks: [[a, b]]}") << false;
    QTest::newRow("map as key is only a warning") << QByteArray("? {a: 1}\n: 2\n") << true;
    QTest::newRow("deep nesting") << QByteArray(5000, '[') << false;
}

void TestLiteLlmConfig::garbageInput_neverThrows()
{
    QFETCH(QByteArray, yaml);
    QFETCH(bool, ok);
    const LiteLlmImportResult result = LiteLlmConfig::importYaml(yaml);
    QCOMPARE(result.ok, ok);
    if (QTest::currentDataTag() == QLatin1String("deep nesting")) {
        QVERIFY2(result.problems.first().message.endsWith(QLatin1String("nested too deeply")),
                 qPrintable(result.problems.first().message));
    }
    QVERIFY(!result.problems.isEmpty());
    QVERIFY(result.config.models.isEmpty());
}

QTEST_GUILESS_MAIN(TestLiteLlmConfig)
#include "tst_LiteLlmConfig.moc"
