#include "TestConfigs.h"
#include "core/config/ConfigStore.h"
#include "core/routing/EffectiveTimeouts.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

// A corruption of one config file, as a broken editor, a full disk or a hand edit leaves it.
using Corruption = std::function<QByteArray(const QByteArray&)>;
Q_DECLARE_METATYPE(Corruption)

namespace {
QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

// Sets a value at a path like `tiers[1].chain[0][1]` or `models[0].timeouts.idleMs`.
QJsonValue setAt(const QJsonValue& node, QStringList steps, const QJsonValue& value)
{
    if (steps.isEmpty()) {
        return value;
    }
    const QString step = steps.takeFirst();
    if (step.startsWith(u'[')) {
        QJsonArray array = node.toArray();
        const int index = step.mid(1, step.size() - 2).toInt();
        array[index] = setAt(array.at(index), steps, value);
        return array;
    }
    QJsonObject object = node.toObject();
    object[step] = setAt(object.value(step), steps, value);
    return object;
}

QJsonObject setAt(const QJsonObject& root, const QString& path, const QJsonValue& value)
{
    QStringList steps;
    static const QRegularExpression token(QStringLiteral("[^.\\[]+|\\[\\d+\\]"));
    for (auto it = token.globalMatch(path); it.hasNext();) {
        steps.append(it.next().captured());
    }
    return setAt(QJsonValue(root), steps, value).toObject();
}

// Paths of every string, number and bool in a document, in the problem path syntax.
void collectLeaves(const QJsonValue& value, const QString& path, QStringList* leaves)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            collectLeaves(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), leaves);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            collectLeaves(array.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), leaves);
        }
    } else {
        leaves->append(path);
    }
}

QString describe(const QList<ConfigProblem>& problems)
{
    QStringList lines;
    for (const auto& problem : problems) {
        lines.append(problem.toString());
    }
    return lines.join(u'\n');
}
} // namespace

class TestConfigStore : public QObject
{
    Q_OBJECT

private slots:
    void saveThenLoad_roundTrip();
    void emptyHome_loadsEmptyConfig();
    void unknownPrice_writtenAsAbsent();
    void modelTimeouts_onlyTheFieldsNamedAreItsOwn_data();
    void modelTimeouts_onlyTheFieldsNamedAreItsOwn();
    void routingTimeouts_eachLayerKeepsWhatItSets_data();
    void routingTimeouts_eachLayerKeepsWhatItSets();
    void invalidConfig_reportedAtPath_data();
    void invalidConfig_reportedAtPath();
    void unknownKey_warnsWithSuggestionAndStillLoads_data();
    void unknownKey_warnsWithSuggestionAndStillLoads();
    void wrongTypeAnywhere_reportedAtThatPath_data();
    void wrongTypeAnywhere_reportedAtThatPath();
    void saveInvalid_keepsOldFilesByteIdentical();
    void loadCorruptFile_reportsErrorAndWritesNothing();
    void reloadCorruptFile_keepsRunningConfig();
    void newerVersion_refused();
    void wrongFormat_refused();
    void malformedJson_reportsLineAndColumn_data();
    void malformedJson_reportsLineAndColumn();
    void corruptFile_lastGoodStillLoads_data();
    void corruptFile_lastGoodStillLoads();
    void corruptFileWithoutLastGood_nothingUsable();
    void cleanLoad_refreshesLastGood();
    void removedFile_dropsItsLastGoodCopy();
};

void TestConfigStore::saveThenLoad_roundTrip()
{
    QTemporaryDir home;
    ConfigStore store(home.path() + QStringLiteral("/nested/home"));
    const ConfigSaveResult saved = store.save(TestConfigs::full());
    QVERIFY2(saved.ok, qPrintable(describe(saved.problems)));
    const ConfigLoadResult loaded = store.load();
    QVERIFY2(loaded.ok, qPrintable(describe(loaded.problems)));
    QVERIFY(loaded.problems.isEmpty());
    QCOMPARE(loaded.config.providers, TestConfigs::full().providers);
    QCOMPARE(loaded.config.models, TestConfigs::full().models);
    QVERIFY(loaded.config.policy == TestConfigs::full().policy);
    QVERIFY(loaded.config == TestConfigs::full());
}

void TestConfigStore::emptyHome_loadsEmptyConfig()
{
    QTemporaryDir home;
    const ConfigLoadResult loaded = ConfigStore(home.path()).load();
    QVERIFY(loaded.ok);
    QVERIFY(loaded.problems.isEmpty());
    QVERIFY(loaded.config == SwitchyardConfig());
}

void TestConfigStore::unknownPrice_writtenAsAbsent()
{
    const QJsonObject document = QJsonDocument::fromJson(ConfigStore::providersJson(TestConfigs::full())).object();
    QCOMPARE(document.value(QStringLiteral("format")).toString(), QStringLiteral("switchyard-providers"));
    QCOMPARE(document.value(QStringLiteral("version")).toInt(), 2);
    const QJsonArray models = document.value(QStringLiteral("models")).toArray();
    QCOMPARE(models.at(2).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("llama3"));
    QVERIFY(!models.at(2).toObject().contains(QStringLiteral("price")));
    // A free model keeps its zero price: free is not the same as unknown.
    const QJsonObject freePrice = models.at(3).toObject().value(QStringLiteral("price")).toObject();
    QCOMPARE(freePrice.value(QStringLiteral("inputPerMTok")).toDouble(-1), 0.0);
}

void TestConfigStore::modelTimeouts_onlyTheFieldsNamedAreItsOwn_data()
{
    QTest::addColumn<int>("version"); // the file's format version
    QTest::addColumn<QByteArray>("timeouts"); // the model's "timeouts" member
    QTest::addColumn<int>("ownFields"); // TimeoutField bits
    QTest::newRow("none named: every field from the tier or defaults") << 2 << QByteArray("{}") << 0;
    QTest::newRow("first token only (a LiteLLM stream_timeout)")
        << 2 << QByteArray(R"({"firstTokenMs":1000})") << int(FirstTokenTimeoutField);
    QTest::newRow("first token and total") << 2 << QByteArray(R"({"firstTokenMs":1000,"totalMs":20000})")
                                           << int(FirstTokenTimeoutField | TotalTimeoutField);
    QTest::newRow("the built-in 10 s named: its own")
        << 2 << QByteArray(R"({"firstTokenMs":10000})") << int(FirstTokenTimeoutField);
    QTest::newRow("all four built-in values named: all its own")
        << 2 << QByteArray(R"({"connectMs":5000,"firstTokenMs":10000,"idleMs":15000,"totalMs":180000})") << 15;
    QTest::newRow("version 1, all four built-in values, as it wrote every model: none its own")
        << 1 << QByteArray(R"({"connectMs":5000,"firstTokenMs":10000,"idleMs":15000,"totalMs":180000})") << 0;
    QTest::newRow("version 1, first token only")
        << 1 << QByteArray(R"({"firstTokenMs":10000})") << int(FirstTokenTimeoutField);
}

// A model's own timeouts win over its tier's (EffectiveTimeouts), so the file says which are its own.
void TestConfigStore::modelTimeouts_onlyTheFieldsNamedAreItsOwn()
{
    QFETCH(int, version);
    QFETCH(QByteArray, timeouts);
    QFETCH(int, ownFields);
    const QByteArray providers = R"({"format":"switchyard-providers","version":)" + QByteArray::number(version)
        + R"(,"providers":[{"id":"p","kind":"openai",)"
          R"("baseUrl":"http://127.0.0.1:1/v1"}],"models":[{"id":"m","provider":"p","upstreamModel":"m","timeouts":)"
        + timeouts + "}]}";
    const ConfigLoadResult loaded = ConfigStore::parse(providers, {});
    QVERIFY2(loaded.ok, qPrintable(describe(loaded.problems)));
    QCOMPARE(int(loaded.config.models.at(0).timeoutsSet), ownFields);
    // Written back with the same fields, and only those.
    const QJsonObject written = QJsonDocument::fromJson(ConfigStore::providersJson(loaded.config))
                                    .object()
                                    .value(QStringLiteral("models"))
                                    .toArray()
                                    .at(0)
                                    .toObject();
    QCOMPARE(int(written.value(QStringLiteral("timeouts")).toObject().size()), qPopulationCount(quint32(ownFields)));
    const ConfigLoadResult again = ConfigStore::parse(ConfigStore::providersJson(loaded.config), {});
    QCOMPARE(again.config.models, loaded.config.models);
}

void TestConfigStore::routingTimeouts_eachLayerKeepsWhatItSets_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("defaults"); // routing.json's "defaults"
    QTest::addColumn<QByteArray>("tierSettings"); // tier "t"'s "settings"
    QTest::addColumn<int>("defaultsSet"); // TimeoutField bits
    QTest::addColumn<int>("tierSet");
    QTest::addColumn<int>("tierFirstTokenMs"); // the value the tier's call runs with, whoever set it
    QTest::newRow("nothing set") << 2 << QByteArray("{}") << QByteArray("{}") << 0 << 0 << 10000;
    QTest::newRow("defaults set the built-in 10 s: set")
        << 2 << QByteArray(R"({"timeouts":{"firstTokenMs":10000}})") << QByteArray("{}") << int(FirstTokenTimeoutField)
        << 0 << 10000;
    QTest::newRow("a tier sets the defaults' value again: the tier's own")
        << 2 << QByteArray(R"({"timeouts":{"firstTokenMs":3000}})")
        << QByteArray(R"({"timeouts":{"firstTokenMs":3000}})") << int(FirstTokenTimeoutField)
        << int(FirstTokenTimeoutField) << 3000;
    QTest::newRow("a tier that sets its total only takes the defaults' first token")
        << 2 << QByteArray(R"({"timeouts":{"firstTokenMs":3000}})") << QByteArray(R"({"timeouts":{"totalMs":9000}})")
        << int(FirstTokenTimeoutField) << int(TotalTimeoutField) << 3000;
    QTest::newRow("version 1 wrote every default: the built-in values set nothing")
        << 1 << QByteArray(R"({"timeouts":{"connectMs":5000,"firstTokenMs":10000,"idleMs":15000,"totalMs":180000}})")
        << QByteArray("{}") << 0 << 0 << 10000;
    QTest::newRow("version 1: a default that differs is set")
        << 1 << QByteArray(R"({"timeouts":{"connectMs":5000,"firstTokenMs":800,"idleMs":15000,"totalMs":180000}})")
        << QByteArray("{}") << int(FirstTokenTimeoutField) << 0 << 800;
    QTest::newRow("version 1: a tier's copy of the defaults sets nothing, its change does")
        << 1 << QByteArray(R"({"timeouts":{"connectMs":5000,"firstTokenMs":800,"idleMs":15000,"totalMs":180000}})")
        << QByteArray(R"({"timeouts":{"connectMs":5000,"firstTokenMs":800,"idleMs":15000,"totalMs":9000}})")
        << int(FirstTokenTimeoutField) << int(TotalTimeoutField) << 800;
}

// routing.json says which timeouts the defaults and each tier set, so a value equal to a default
// (the built-in 10 s first token, say) is kept as the user's and not replaced by a lower layer's.
void TestConfigStore::routingTimeouts_eachLayerKeepsWhatItSets()
{
    QFETCH(int, version);
    QFETCH(QByteArray, defaults);
    QFETCH(QByteArray, tierSettings);
    QFETCH(int, defaultsSet);
    QFETCH(int, tierSet);
    QFETCH(int, tierFirstTokenMs);
    const QByteArray providers
        = R"({"format":"switchyard-providers","version":2,"providers":[{"id":"p","kind":"openai",)"
          R"("baseUrl":"http://127.0.0.1:1/v1"}],"models":[{"id":"m","provider":"p","upstreamModel":"m"}]})";
    const QByteArray routing = R"({"format":"switchyard-routing","version":)" + QByteArray::number(version)
        + R"(,"defaultTier":"t","defaults":)" + defaults + R"(,"tiers":[{"name":"t","chain":["m"],"settings":)"
        + tierSettings + R"(}],"rules":[],"groups":[]})";
    const ConfigLoadResult loaded = ConfigStore::parse(providers, routing);
    QVERIFY2(loaded.ok, qPrintable(describe(loaded.problems)));
    const RoutingPolicy& policy = loaded.config.policy;
    QCOMPARE(int(policy.defaults.timeoutsSet), defaultsSet);
    QVERIFY(policy.tiers.at(0).settings.has_value());
    QCOMPARE(int(policy.tiers.at(0).settings->timeoutsSet), tierSet);
    const EffectiveTimeouts resolved = EffectiveTimeouts::resolve(ChatRequest {}, loaded.config.models.at(0),
                                                                  &*policy.tiers.at(0).settings, policy.defaults);
    QCOMPARE(resolved.values.firstTokenMs, tierFirstTokenMs);

    // Saved as version 2 naming exactly the fields set, and read back the same.
    const QJsonObject written = QJsonDocument::fromJson(ConfigStore::routingJson(loaded.config)).object();
    QCOMPARE(written.value(QStringLiteral("version")).toInt(), 2);
    const QJsonObject writtenDefaults
        = written.value(QStringLiteral("defaults")).toObject().value(QStringLiteral("timeouts")).toObject();
    QCOMPARE(int(writtenDefaults.size()), qPopulationCount(quint32(defaultsSet)));
    const ConfigLoadResult again = ConfigStore::parse(providers, ConfigStore::routingJson(loaded.config));
    QVERIFY2(again.ok, qPrintable(describe(again.problems)));
    QCOMPARE(again.config.policy, policy);
}

void TestConfigStore::invalidConfig_reportedAtPath_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("setPath");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("problemPath");
    QTest::addColumn<QString>("message");

    const QString providers = QStringLiteral("providers.json");
    const QString routing = QStringLiteral("routing.json");
    QTest::newRow("model with unknown provider suggests the closest")
        << providers << "models[0].provider" << QJsonValue("opnai") << "models[0].provider"
        << "unknown provider \"opnai\" (did you mean \"openai\"?)";
    QTest::newRow("duplicate model id") << providers << "models[1].id" << QJsonValue("gpt-4o-mini") << "models[1].id"
                                        << "duplicate model id \"gpt-4o-mini\" (first used at models[0].id)";
    QTest::newRow("duplicate provider id")
        << providers << "providers[2].id" << QJsonValue("openai") << "providers[2].id"
        << "duplicate provider id \"openai\"";
    QTest::newRow("negative provider budget")
        << providers << "providers[0].dailyBudgetUsd" << QJsonValue(-1) << "providers[0].dailyBudgetUsd"
        << "must not be negative (found -1)";
    QTest::newRow("negative model timeout")
        << providers << "models[0].timeouts.idleMs" << QJsonValue(-1) << "models[0].timeouts.idleMs"
        << "must not be negative (found -1)";
    QTest::newRow("unknown provider kind")
        << providers << "providers[0].kind" << QJsonValue("opnai") << "providers[0].kind"
        << "unknown value \"opnai\" (expected one of: openai, anthropic, azure, bedrock, gemini)";
    QTest::newRow("unknown capability") << providers << "models[2].supports"
                                        << QJsonValue(QJsonArray { "tools", "telepathy" }) << "models[2].supports"
                                        << "unknown capability \"telepathy\" (known: vision, tools, pdf, json_schema)";
    QTest::newRow("text where a number belongs")
        << providers << "models[0].contextWindow" << QJsonValue("big") << "models[0].contextWindow"
        << "expected a whole number";
    QTest::newRow("unknown model in a chain suggests the closest")
        << routing << "tiers[0].chain[0]" << QJsonValue("gpt-4o-mimi") << "tiers[0].chain[0]"
        << "unknown model \"gpt-4o-mimi\" (did you mean \"gpt-4o-mini\"?)";
    QTest::newRow("unknown model in a load-balanced step")
        << routing << "tiers[1].chain[0][1]" << QJsonValue("gpt-9") << "tiers[1].chain[0][1]"
        << "unknown model \"gpt-9\"";
    QTest::newRow("zero weight") << routing << "tiers[1].chain[0][0].weight" << QJsonValue(0) << "tiers[1].chain[0][0]"
                                 << "weight must be at least 1 (found 0)";
    QTest::newRow("empty chain") << routing << "tiers[0].chain" << QJsonValue(QJsonArray()) << "tiers[0].chain"
                                 << "the chain is empty";
    QTest::newRow("duplicate tier name") << routing << "tiers[1].name" << QJsonValue("cheap") << "tiers[1].name"
                                         << "duplicate tier name \"cheap\"";
    QTest::newRow("unknown model in a group")
        << routing << "groups[0].deployments[1]" << QJsonValue("nope") << "groups[0].deployments[1]"
        << "unknown model \"nope\"";
    QTest::newRow("unknown fallback group suggests the closest")
        << routing << "groups[0].fallbacks[0]" << QJsonValue("smal") << "groups[0].fallbacks[0]"
        << "unknown group or model \"smal\" (did you mean \"small\"?)";
    QTest::newRow("rule with unknown tier") << routing << "rules[0].tier" << QJsonValue("codng") << "rules[0].tier"
                                            << "unknown tier \"codng\" (did you mean \"coding\"?)";
    QTest::newRow("rule pinned to unknown model")
        << routing << "rules[1].pinnedModel" << QJsonValue("claude-opus") << "rules[1].pinnedModel"
        << "unknown model \"claude-opus\"";
    const QRegularExpression broken(QStringLiteral("JIRA-(\\d+"));
    QTest::newRow("bad regex names the error and offset")
        << routing << "rules[1].pattern" << QJsonValue("JIRA-(\\d+") << "rules[1].pattern"
        << QStringLiteral("invalid regular expression: %1 at offset %2")
               .arg(broken.errorString())
               .arg(broken.patternErrorOffset());
    QTest::newRow("token rule without a number")
        << routing << "rules[2].pattern" << QJsonValue("many") << "rules[2].pattern"
        << "expected a whole number, found \"many\"";
    QTest::newRow("unknown rule kind") << routing << "rules[0].kind" << QJsonValue("regexp") << "rules[0].kind"
                                       << "unknown value \"regexp\"";
    QTest::newRow("unknown strategy") << routing << "defaults.strategy" << QJsonValue("round-robin")
                                      << "defaults.strategy"
                                      << "unknown value \"round-robin\" (expected one of: simple-shuffle, least-busy, "
                                         "latency-based-routing)";
    QTest::newRow("unknown mid-stream policy")
        << routing << "tiers[1].settings.midStream" << QJsonValue("retry") << "tiers[1].settings.midStream"
        << "unknown value \"retry\"";
    QTest::newRow("negative tier timeout")
        << routing << "tiers[1].settings.timeouts.totalMs" << QJsonValue(-5) << "tiers[1].settings.timeouts.totalMs"
        << "must not be negative (found -5)";
    QTest::newRow("negative default cooldown")
        << routing << "defaults.cooldown.durationSec" << QJsonValue(-1) << "defaults.cooldown.durationSec"
        << "must not be negative";
    QTest::newRow("unknown default tier") << routing << "defaultTier" << QJsonValue("cheep") << "defaultTier"
                                          << "unknown tier \"cheep\" (did you mean \"cheap\"?)";
    QTest::newRow("chain step of the wrong type")
        << routing << "tiers[0].chain[1]" << QJsonValue(true) << "tiers[0].chain[1]"
        << "expected a model id";
}

void TestConfigStore::invalidConfig_reportedAtPath()
{
    QFETCH(QString, file);
    QFETCH(QString, setPath);
    QFETCH(QJsonValue, value);
    QFETCH(QString, problemPath);
    QFETCH(QString, message);

    QByteArray providers = ConfigStore::providersJson(TestConfigs::full());
    QByteArray routing = ConfigStore::routingJson(TestConfigs::full());
    QByteArray& edited = file == QLatin1String("providers.json") ? providers : routing;
    edited = QJsonDocument(setAt(QJsonDocument::fromJson(edited).object(), setPath, value)).toJson();

    QTemporaryDir home;
    ConfigStore store(home.path());
    writeAll(store.providersPath(), providers);
    writeAll(store.routingPath(), routing);
    const ConfigLoadResult loaded = store.load();
    QVERIFY(!loaded.ok);
    bool found = false;
    for (const auto& problem : loaded.problems) {
        found = found
            || (problem.file == file && problem.path == problemPath && problem.message.startsWith(message)
                && problem.isError());
    }
    QVERIFY2(found, qPrintable(describe(loaded.problems)));
}

void TestConfigStore::unknownKey_warnsWithSuggestionAndStillLoads_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("setPath");
    QTest::addColumn<QString>("message");

    QTest::newRow("misspelled provider field") << "providers.json"
                                               << "providers[0].keyenv"
                                               << "unknown key, ignored (did you mean \"keyEnv\"?)";
    QTest::newRow("misspelled tier setting") << "routing.json"
                                             << "tiers[1].settings.hedgeAfter"
                                             << "unknown key, ignored (did you mean \"hedgeAfterMs\"?)";
    QTest::newRow("key from elsewhere, nothing close") << "routing.json"
                                                       << "groups[0].litellm_params"
                                                       << "unknown key, ignored";
}

void TestConfigStore::unknownKey_warnsWithSuggestionAndStillLoads()
{
    QFETCH(QString, file);
    QFETCH(QString, setPath);
    QFETCH(QString, message);

    QByteArray providers = ConfigStore::providersJson(TestConfigs::full());
    QByteArray routing = ConfigStore::routingJson(TestConfigs::full());
    QByteArray& edited = file == QLatin1String("providers.json") ? providers : routing;
    edited = QJsonDocument(setAt(QJsonDocument::fromJson(edited).object(), setPath, QJsonValue(1))).toJson();

    const ConfigLoadResult loaded = ConfigStore::parse(providers, routing);
    QVERIFY(loaded.ok);
    QVERIFY(loaded.config == TestConfigs::full());
    QCOMPARE(loaded.problems.size(), 1);
    QCOMPARE(loaded.problems.first().file, file);
    QCOMPARE(loaded.problems.first().path, setPath);
    QCOMPARE(loaded.problems.first().message, message);
    QVERIFY(!loaded.problems.first().isError());
}

void TestConfigStore::wrongTypeAnywhere_reportedAtThatPath_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("path");
    const SwitchyardConfig full = TestConfigs::full();
    for (const auto& [file, bytes] : { std::pair { QStringLiteral("providers.json"), ConfigStore::providersJson(full) },
                                       std::pair { QStringLiteral("routing.json"), ConfigStore::routingJson(full) } }) {
        QStringList leaves;
        collectLeaves(QJsonDocument::fromJson(bytes).object(), QString(), &leaves);
        QVERIFY(leaves.size() > 20);
        for (const QString& leaf : leaves) {
            QTest::addRow("object instead of the value at %s %s", qPrintable(file), qPrintable(leaf)) << file << leaf;
        }
    }
}

void TestConfigStore::wrongTypeAnywhere_reportedAtThatPath()
{
    QFETCH(QString, file);
    QFETCH(QString, path);

    QByteArray providers = ConfigStore::providersJson(TestConfigs::full());
    QByteArray routing = ConfigStore::routingJson(TestConfigs::full());
    QByteArray& edited = file == QLatin1String("providers.json") ? providers : routing;
    const QJsonObject wrong { { QStringLiteral("x"), 1 } };
    edited = QJsonDocument(setAt(QJsonDocument::fromJson(edited).object(), path, wrong)).toJson();

    const ConfigLoadResult loaded = ConfigStore::parse(providers, routing);
    QVERIFY(!loaded.ok);
    bool found = false;
    for (const auto& problem : loaded.problems) {
        found = found || (problem.file == file && problem.path == path && problem.isError());
    }
    QVERIFY2(found, qPrintable(describe(loaded.problems)));
}

void TestConfigStore::saveInvalid_keepsOldFilesByteIdentical()
{
    QTemporaryDir home;
    ConfigStore store(home.path());
    QVERIFY(store.save(TestConfigs::full()).ok);
    const QByteArray providersBefore = readAll(store.providersPath());
    const QByteArray routingBefore = readAll(store.routingPath());

    SwitchyardConfig broken = TestConfigs::full();
    broken.policy.tiers.first().chain.first().deployments.first().modelId = QStringLiteral("gpt-4o-mimi");
    broken.providers.append(broken.providers.first()); // a second error, in the other file
    const ConfigSaveResult saved = store.save(broken);
    QVERIFY(!saved.ok);
    QCOMPARE(saved.problems.size(), 2);
    QCOMPARE(saved.problems.at(0).toString(),
             QStringLiteral("providers.json: providers[3].id: duplicate provider id \"openai\" (first used at "
                            "providers[0].id)"));
    QCOMPARE(saved.problems.at(1).toString(),
             QStringLiteral("routing.json: tiers[0].chain[0]: unknown model \"gpt-4o-mimi\" (did you mean "
                            "\"gpt-4o-mini\"?)"));
    QCOMPARE(readAll(store.providersPath()), providersBefore);
    QCOMPARE(readAll(store.routingPath()), routingBefore);
    QCOMPARE(readAll(store.providersLastGoodPath()), providersBefore);
    QCOMPARE(readAll(store.routingLastGoodPath()), routingBefore);
    QCOMPARE(QDir(home.path()).entryList(QDir::Files),
             QStringList({ "providers.json", "providers.last-good.json", "routing.json", "routing.last-good.json" }));
}

void TestConfigStore::loadCorruptFile_reportsErrorAndWritesNothing()
{
    QTemporaryDir home;
    ConfigStore store(home.path());
    QVERIFY(store.save(TestConfigs::full()).ok);
    QByteArray routing = readAll(store.routingPath());
    routing.truncate(routing.size() / 2);
    writeAll(store.routingPath(), routing);

    const ConfigLoadResult loaded = store.load();
    QVERIFY(!loaded.ok);
    QCOMPARE(loaded.problems.size(), 1);
    QCOMPARE(loaded.problems.first().file, QStringLiteral("routing.json"));
    QVERIFY(loaded.problems.first().line > 1);
    QCOMPARE(readAll(store.routingPath()), routing);
}

void TestConfigStore::reloadCorruptFile_keepsRunningConfig()
{
    QTemporaryDir home;
    ConfigStore store(home.path());
    QVERIFY(store.save(TestConfigs::full()).ok);
    SwitchyardConfig running = TestConfigs::full();

    // A hand edit that breaks a reference: refused, the running config stays.
    QJsonObject routing = QJsonDocument::fromJson(readAll(store.routingPath())).object();
    writeAll(store.routingPath(),
             QJsonDocument(setAt(routing, QStringLiteral("rules[0].tier"), QJsonValue("codng"))).toJson());
    QVERIFY(!store.reload(&running).ok);
    QVERIFY(running == TestConfigs::full());

    // The user fixes it differently: now it is taken.
    writeAll(store.routingPath(),
             QJsonDocument(setAt(routing, QStringLiteral("rules[0].tier"), QJsonValue("cheap"))).toJson());
    const ConfigLoadResult fixed = store.reload(&running);
    QVERIFY2(fixed.ok, qPrintable(describe(fixed.problems)));
    QCOMPARE(running.policy.rules.first().tier, QStringLiteral("cheap"));
}

void TestConfigStore::newerVersion_refused()
{
    QTemporaryDir home;
    ConfigStore store(home.path());
    QVERIFY(store.save(TestConfigs::full()).ok);
    QJsonObject routing = QJsonDocument::fromJson(readAll(store.routingPath())).object();
    routing.insert(QStringLiteral("version"), 3);
    routing.insert(QStringLiteral("shinyNewThing"), true);
    writeAll(store.routingPath(), QJsonDocument(routing).toJson());

    const ConfigLoadResult loaded = store.load();
    QVERIFY(!loaded.ok);
    QCOMPARE(loaded.problems.size(), 1);
    const ConfigProblem& problem = loaded.problems.first();
    QCOMPARE(problem.file, QStringLiteral("routing.json"));
    QCOMPARE(problem.path, QStringLiteral("version"));
    QVERIFY2(problem.message.startsWith(QStringLiteral("written by a newer Switchyard (format version 3; this version "
                                                       "reads up to 2)")),
             qPrintable(problem.message));
}

void TestConfigStore::wrongFormat_refused()
{
    QTemporaryDir home;
    ConfigStore store(home.path());
    // providers.json holding the routing document: caught by its format tag, not by a pile of errors.
    writeAll(store.providersPath(), ConfigStore::routingJson(TestConfigs::full()));
    const ConfigLoadResult loaded = store.load();
    QVERIFY(!loaded.ok);
    QCOMPARE(loaded.problems.size(), 1);
    QCOMPARE(loaded.problems.first().toString(),
             QStringLiteral("providers.json: format: expected format \"switchyard-providers\", found "
                            "\"switchyard-routing\""));
}

void TestConfigStore::malformedJson_reportsLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("missing comma between members")
        << QByteArray("{\n  \"format\": \"switchyard-providers\"\n  \"version\": 1\n}\n") << 3 << 3;
    QTest::newRow("trailing comma in a list")
        << QByteArray("{\n  \"format\": \"switchyard-providers\",\n  \"version\": 1,\n  \"providers\": [1, 2,]\n}\n")
        << 4 << 22;
    QTest::newRow("columns count characters, not UTF-8 bytes")
        << QByteArray("{\n  \"format\": \"switchyard-providers\",\n  \"x\": \"h\xc3\xa9llo\" \"y\": 1\n}\n") << 3 << 16;
}

void TestConfigStore::malformedJson_reportsLineAndColumn()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);

    QTemporaryDir home;
    ConfigStore store(home.path());
    writeAll(store.providersPath(), text);
    const ConfigLoadResult loaded = store.load();
    QVERIFY(!loaded.ok);
    QCOMPARE(loaded.problems.size(), 1);
    const ConfigProblem& problem = loaded.problems.first();
    QCOMPARE(problem.line, line);
    QCOMPARE(problem.column, column);
    QVERIFY2(problem.message.startsWith(QStringLiteral("malformed JSON at line %1, column %2: ").arg(line).arg(column)),
             qPrintable(problem.message));
}

namespace {

QByteArray withMember(const QByteArray& json, const QString& path, const QJsonValue& value)
{
    return QJsonDocument(setAt(QJsonDocument::fromJson(json).object(), path, value)).toJson();
}
} // namespace

void TestConfigStore::corruptFile_lastGoodStillLoads_data()
{
    QTest::addColumn<bool>("providersFile");
    QTest::addColumn<Corruption>("corrupt");

    const std::pair<const char*, Corruption> corruptions[] = {
        { "truncated mid-document", [](const QByteArray& json) { return json.left(json.size() / 2); } },
        { "emptied to 0 bytes", [](const QByteArray&) { return QByteArray(); } },
        { "only whitespace", [](const QByteArray&) { return QByteArrayLiteral(" \n\t\n"); } },
        { "binary garbage", [](const QByteArray&) { return QByteArray("\x00\x01\xff\xfe{", 5); } },
        { "an array instead of an object", [](const QByteArray&) { return QByteArrayLiteral("[]"); } },
        { "an unknown (newer) version",
          [](const QByteArray& json) { return withMember(json, QStringLiteral("version"), 99); } },
        { "no version",
          [](const QByteArray& json) {
              QJsonObject object = QJsonDocument::fromJson(json).object();
              object.remove(QStringLiteral("version"));
              return QJsonDocument(object).toJson();
          } },
        { "the other file's format",
          [](const QByteArray& json) { return withMember(json, QStringLiteral("format"), QStringLiteral("other")); } },
    };
    for (const bool providers : { true, false }) {
        const char* file = providers ? "providers.json" : "routing.json";
        for (const auto& [name, corruption] : corruptions) {
            QTest::addRow("%s %s", file, name) << providers << corruption;
        }
    }
    QTest::newRow("providers.json models of the wrong type")
        << true << Corruption([](const QByteArray& json) { return withMember(json, QStringLiteral("models"), 7); });
    QTest::newRow("providers.json a model with a number for its id")
        << true
        << Corruption([](const QByteArray& json) { return withMember(json, QStringLiteral("models[0].id"), 7); });
    QTest::newRow("routing.json tiers of the wrong type") << false << Corruption([](const QByteArray& json) {
        return withMember(json, QStringLiteral("tiers"), QStringLiteral("fast"));
    });
    QTest::newRow("routing.json a rule naming a tier that does not exist")
        << false << Corruption([](const QByteArray& json) {
               return withMember(json, QStringLiteral("rules[0].tier"), QStringLiteral("codng"));
           });
}

void TestConfigStore::corruptFile_lastGoodStillLoads()
{
    QFETCH(bool, providersFile);
    QFETCH(Corruption, corrupt);
    QTemporaryDir home;
    ConfigStore store(home.path());
    QVERIFY(store.save(TestConfigs::full()).ok);
    QVERIFY(store.load().ok);
    const QByteArray lastGoodProviders = readAll(store.providersLastGoodPath());
    const QByteArray lastGoodRouting = readAll(store.routingLastGoodPath());
    const QString path = providersFile ? store.providersPath() : store.routingPath();
    const QByteArray broken = corrupt(readAll(path));
    writeAll(path, broken);

    const ConfigLoadResult loaded = store.load();
    QVERIFY(!loaded.ok);
    QVERIFY(!loaded.problems.isEmpty());
    const ConfigLoadResult lastGood = store.loadLastGood();
    QVERIFY2(lastGood.ok, qPrintable(describe(lastGood.problems)));
    QVERIFY(lastGood.config == TestConfigs::full());
    // Nothing was rewritten: the broken file stays for the user to see, the copies stay good.
    QCOMPARE(readAll(path), broken);
    QCOMPARE(readAll(store.providersLastGoodPath()), lastGoodProviders);
    QCOMPARE(readAll(store.routingLastGoodPath()), lastGoodRouting);
}

void TestConfigStore::corruptFileWithoutLastGood_nothingUsable()
{
    QTemporaryDir home;
    ConfigStore store(home.path());
    writeAll(store.providersPath(), QByteArray());
    const ConfigLoadResult loaded = store.load();
    QVERIFY(!loaded.ok);
    QCOMPARE(loaded.problems.size(), 1);
    QVERIFY2(loaded.problems.first().toString().startsWith(QStringLiteral("providers.json: the file is empty")),
             qPrintable(loaded.problems.first().toString()));
    QVERIFY(!store.hasLastGood());
    QVERIFY(!store.loadLastGood().ok);
}

void TestConfigStore::cleanLoad_refreshesLastGood()
{
    QTemporaryDir home;
    ConfigStore store(home.path());
    QVERIFY(store.save(TestConfigs::full()).ok);
    // A valid hand edit: the next clean load makes it the last good one.
    const QByteArray edited
        = withMember(readAll(store.routingPath()), QStringLiteral("rules[0].tier"), QStringLiteral("cheap"));
    writeAll(store.routingPath(), edited);
    QVERIFY(store.load().ok);
    QCOMPARE(readAll(store.routingLastGoodPath()), edited);
    QCOMPARE(store.loadLastGood().config.policy.rules.first().tier, QStringLiteral("cheap"));
}

void TestConfigStore::removedFile_dropsItsLastGoodCopy()
{
    QTemporaryDir home;
    ConfigStore store(home.path());
    QVERIFY(store.save(TestConfigs::full()).ok);
    QVERIFY(QFile::remove(store.routingPath()));
    QVERIFY(QFile::remove(store.providersPath()));
    QVERIFY(store.load().ok); // the user started over: no files is a config too
    QVERIFY(!store.hasLastGood());
}

QTEST_GUILESS_MAIN(TestConfigStore)
#include "tst_ConfigStore.moc"
