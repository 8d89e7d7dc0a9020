#include "ConfigJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ConfigJson", text);
}

// Reads typed fields out of JSON objects, reporting wrong types with their path.
class Reader
{
public:
    explicit Reader(QList<ConfigProblem>* problems)
        : m_problems(problems)
    {
    }

    void error(const QString& path, const QString& message)
    {
        m_problems->append(ConfigProblem { QString(), path, message, ConfigProblem::Severity::Error });
    }

    static QString join(const QString& path, const QString& key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }
    static QString index(const QString& path, qsizetype i) { return path + QStringLiteral("[%1]").arg(i); }

    void string(const QJsonObject& object, const QString& key, const QString& path, QString* out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            return;
        }
        if (!value.isString()) {
            error(join(path, key), tr("expected a string"));
            return;
        }
        *out = value.toString();
    }

    void integer(const QJsonObject& object, const QString& key, const QString& path, int* out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            return;
        }
        const double number = value.toDouble();
        if (!value.isDouble() || number != std::floor(number) || std::abs(number) > 2e9) {
            error(join(path, key), tr("expected a whole number"));
            return;
        }
        *out = int(number);
    }

    void real(const QJsonObject& object, const QString& key, const QString& path, double* out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            return;
        }
        if (!value.isDouble()) {
            error(join(path, key), tr("expected a number"));
            return;
        }
        *out = value.toDouble();
    }

    void boolean(const QJsonObject& object, const QString& key, const QString& path, bool* out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            return;
        }
        if (!value.isBool()) {
            error(join(path, key), tr("expected true or false"));
            return;
        }
        *out = value.toBool();
    }

    QJsonArray array(const QJsonObject& object, const QString& key, const QString& path)
    {
        const QJsonValue value = object.value(key);
        if (!value.isUndefined() && !value.isNull() && !value.isArray()) {
            error(join(path, key), tr("expected a list"));
        }
        return value.toArray();
    }

    std::optional<QJsonObject> object(const QJsonValue& value, const QString& path)
    {
        if (value.isUndefined() || value.isNull()) {
            return std::nullopt;
        }
        if (!value.isObject()) {
            error(path, tr("expected an object"));
            return std::nullopt;
        }
        return value.toObject();
    }

    QStringList strings(const QJsonObject& object, const QString& key, const QString& path)
    {
        QStringList result;
        const QJsonArray items = array(object, key, path);
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString()) {
                error(index(join(path, key), i), tr("expected a string"));
                continue;
            }
            result.append(items.at(i).toString());
        }
        return result;
    }

    template <typename Enum, typename FromId>
    void enumeration(const QJsonObject& object, const QString& key, const QString& path, FromId fromId,
                     const QStringList& known, Enum* out)
    {
        QString text;
        if (!object.contains(key)) {
            return;
        }
        string(object, key, path, &text);
        if (const std::optional<Enum> value = fromId(text)) {
            *out = *value;
            return;
        }
        error(join(path, key),
              tr("unknown value \"%1\" (expected one of: %2)").arg(text, known.join(QStringLiteral(", "))));
    }

    void timeouts(const QJsonObject& object, const QString& path, Timeouts* out)
    {
        integer(object, QStringLiteral("connectMs"), path, &out->connectMs);
        integer(object, QStringLiteral("firstTokenMs"), path, &out->firstTokenMs);
        integer(object, QStringLiteral("idleMs"), path, &out->idleMs);
        integer(object, QStringLiteral("totalMs"), path, &out->totalMs);
    }

    void settings(const QJsonObject& object, const QString& path, TierSettings* out)
    {
        const QString timeoutsPath = join(path, QStringLiteral("timeouts"));
        if (auto nested = this->object(object.value(QStringLiteral("timeouts")), timeoutsPath)) {
            timeouts(*nested, timeoutsPath, &out->timeouts);
        }
        integer(object, QStringLiteral("rateLimitWaitCapMs"), path, &out->rateLimitWaitCapMs);
        integer(object, QStringLiteral("quotaCooldownSec"), path, &out->quotaCooldownSec);
        const QString cooldownPath = join(path, QStringLiteral("cooldown"));
        if (auto nested = this->object(object.value(QStringLiteral("cooldown")), cooldownPath)) {
            integer(*nested, QStringLiteral("failures"), cooldownPath, &out->cooldown.failures);
            integer(*nested, QStringLiteral("windowSec"), cooldownPath, &out->cooldown.windowSec);
            integer(*nested, QStringLiteral("durationSec"), cooldownPath, &out->cooldown.durationSec);
        }
        enumeration(
            object, QStringLiteral("strategy"), path, LoadBalanceStrategies::fromId,
            { QStringLiteral("simple-shuffle"), QStringLiteral("least-busy"), QStringLiteral("latency-based-routing") },
            &out->strategy);
        enumeration(object, QStringLiteral("midStream"), path, MidStreamPolicies::fromId,
                    { QStringLiteral("restart"), QStringLiteral("continue"), QStringLiteral("stop") }, &out->midStream);
        boolean(object, QStringLiteral("hedging"), path, &out->hedging);
        integer(object, QStringLiteral("hedgeAfterMs"), path, &out->hedgeAfterMs);
        boolean(object, QStringLiteral("cacheEnabled"), path, &out->cacheEnabled);
    }

    std::optional<Deployment> deployment(const QJsonValue& value, const QString& path)
    {
        if (value.isString()) {
            return Deployment { value.toString(), 1 };
        }
        if (!value.isObject()) {
            error(path, tr("expected a model id or {\"model\": id, \"weight\": n}"));
            return std::nullopt;
        }
        Deployment deployment;
        string(value.toObject(), QStringLiteral("model"), path, &deployment.modelId);
        integer(value.toObject(), QStringLiteral("weight"), path, &deployment.weight);
        return deployment;
    }

    QList<Deployment> deployments(const QJsonArray& items, const QString& path)
    {
        QList<Deployment> result;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (auto deployment = this->deployment(items.at(i), index(path, i))) {
                result.append(*deployment);
            }
        }
        return result;
    }

private:
    QList<ConfigProblem>* m_problems;
};

QStringList ruleKindIds()
{
    QStringList ids;
    for (RuleKind kind : { RuleKind::Keywords, RuleKind::Regex, RuleKind::MinChars, RuleKind::MaxChars,
                           RuleKind::MinTokens, RuleKind::HasCodeBlock, RuleKind::Tag, RuleKind::Default }) {
        ids.append(RuleKinds::id(kind));
    }
    return ids;
}
} // namespace

std::optional<QJsonObject> ConfigJson::parseDocument(const QByteArray& bytes, const char* expectedFormat,
                                                     const QString& file, QList<ConfigProblem>* problems)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        ConfigProblem problem { file, QString(), QString(), ConfigProblem::Severity::Error };
        // Qt's offset is just past the character it choked on; point at that character.
        ConfigProblems::lineColumnAt(bytes, parseError.offset - 1, &problem.line, &problem.column);
        problem.message = tr("malformed JSON at line %1, column %2: %3")
                              .arg(problem.line)
                              .arg(problem.column)
                              .arg(parseError.errorString());
        problems->append(problem);
        return std::nullopt;
    }
    if (!document.isObject()) {
        problems->append({ file, QString(), tr("expected a JSON object at the top level") });
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    const QString format = object.value(QStringLiteral("format")).toString();
    if (format != QLatin1String(expectedFormat)) {
        problems->append({ file, QStringLiteral("format"),
                           tr("expected format \"%1\", found \"%2\"").arg(QLatin1String(expectedFormat), format) });
        return std::nullopt;
    }
    const QJsonValue version = object.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()) || version.toDouble() < 1) {
        problems->append({ file, QStringLiteral("version"), tr("missing or invalid format version") });
        return std::nullopt;
    }
    if (version.toInt() > kVersion) {
        problems->append({ file, QStringLiteral("version"),
                           tr("written by a newer Switchyard (format version %1; this version reads up to %2). "
                              "Update Switchyard to use this file; it was left untouched.")
                               .arg(version.toInt())
                               .arg(kVersion) });
        return std::nullopt;
    }
    return object;
}

void ConfigJson::readProviders(const QJsonObject& document, SwitchyardConfig* config, QList<ConfigProblem>* problems)
{
    Reader reader(problems);
    const QJsonArray providers = reader.array(document, QStringLiteral("providers"), QString());
    for (qsizetype i = 0; i < providers.size(); ++i) {
        const QString path = Reader::index(QStringLiteral("providers"), i);
        const auto object = reader.object(providers.at(i), path);
        if (!object) {
            continue;
        }
        ProviderConfig provider;
        reader.string(*object, QStringLiteral("id"), path, &provider.id);
        reader.string(*object, QStringLiteral("displayName"), path, &provider.displayName);
        reader.enumeration(*object, QStringLiteral("kind"), path, ProviderKinds::fromId,
                           { QStringLiteral("openai"), QStringLiteral("anthropic") }, &provider.kind);
        QString baseUrl;
        reader.string(*object, QStringLiteral("baseUrl"), path, &baseUrl);
        provider.baseUrl = QUrl(baseUrl);
        if (!baseUrl.isEmpty() && (!provider.baseUrl.isValid() || provider.baseUrl.scheme().isEmpty())) {
            reader.error(Reader::join(path, QStringLiteral("baseUrl")), tr("not a valid URL"));
        }
        reader.string(*object, QStringLiteral("keyEnv"), path, &provider.keyEnv);
        const QString headersPath = Reader::join(path, QStringLiteral("extraHeaders"));
        if (auto headers = reader.object(object->value(QStringLiteral("extraHeaders")), headersPath)) {
            for (auto it = headers->constBegin(); it != headers->constEnd(); ++it) {
                QString value;
                reader.string(*headers, it.key(), headersPath, &value);
                provider.extraHeaders.insert(it.key(), value);
            }
        }
        reader.integer(*object, QStringLiteral("maxConcurrent"), path, &provider.maxConcurrent);
        reader.boolean(*object, QStringLiteral("enabled"), path, &provider.enabled);
        reader.boolean(*object, QStringLiteral("simulated"), path, &provider.simulated);
        config->providers.append(provider);
    }

    const QJsonArray models = reader.array(document, QStringLiteral("models"), QString());
    for (qsizetype i = 0; i < models.size(); ++i) {
        const QString path = Reader::index(QStringLiteral("models"), i);
        const auto object = reader.object(models.at(i), path);
        if (!object) {
            continue;
        }
        ModelConfig model;
        reader.string(*object, QStringLiteral("id"), path, &model.id);
        reader.string(*object, QStringLiteral("provider"), path, &model.providerId);
        reader.string(*object, QStringLiteral("upstreamModel"), path, &model.upstreamModel);
        reader.integer(*object, QStringLiteral("contextWindow"), path, &model.contextWindow);
        reader.integer(*object, QStringLiteral("maxOutputTokens"), path, &model.maxOutputTokens);
        const QString pricePath = Reader::join(path, QStringLiteral("price"));
        if (auto price = reader.object(object->value(QStringLiteral("price")), pricePath)) {
            model.price.known = true;
            reader.real(*price, QStringLiteral("inputPerMTok"), pricePath, &model.price.inputPerMTok);
            reader.real(*price, QStringLiteral("outputPerMTok"), pricePath, &model.price.outputPerMTok);
            reader.real(*price, QStringLiteral("cachedInputPerMTok"), pricePath, &model.price.cachedInputPerMTok);
        }
        const QString timeoutsPath = Reader::join(path, QStringLiteral("timeouts"));
        if (auto timeouts = reader.object(object->value(QStringLiteral("timeouts")), timeoutsPath)) {
            reader.timeouts(*timeouts, timeoutsPath, &model.timeouts);
        }
        config->models.append(model);
    }
}

void ConfigJson::readRouting(const QJsonObject& document, RoutingPolicy* policy, QList<ConfigProblem>* problems)
{
    Reader reader(problems);
    reader.string(document, QStringLiteral("defaultTier"), QString(), &policy->defaultTier);
    if (auto defaults = reader.object(document.value(QStringLiteral("defaults")), QStringLiteral("defaults"))) {
        reader.settings(*defaults, QStringLiteral("defaults"), &policy->defaults);
    }

    const QJsonArray tiers = reader.array(document, QStringLiteral("tiers"), QString());
    for (qsizetype i = 0; i < tiers.size(); ++i) {
        const QString path = Reader::index(QStringLiteral("tiers"), i);
        const auto object = reader.object(tiers.at(i), path);
        if (!object) {
            continue;
        }
        RoutingTier tier;
        reader.string(*object, QStringLiteral("name"), path, &tier.name);
        reader.string(*object, QStringLiteral("description"), path, &tier.description);
        const QString chainPath = Reader::join(path, QStringLiteral("chain"));
        const QJsonArray chain = reader.array(*object, QStringLiteral("chain"), path);
        for (qsizetype s = 0; s < chain.size(); ++s) {
            const QString stepPath = Reader::index(chainPath, s);
            ChainStep step;
            if (chain.at(s).isArray()) {
                step.deployments = reader.deployments(chain.at(s).toArray(), stepPath);
            } else if (auto deployment = reader.deployment(chain.at(s), stepPath)) {
                step.deployments.append(*deployment);
            }
            tier.chain.append(step);
        }
        const QString settingsPath = Reader::join(path, QStringLiteral("settings"));
        if (auto settings = reader.object(object->value(QStringLiteral("settings")), settingsPath)) {
            // Settings a tier leaves out come from the policy's defaults.
            TierSettings tierSettings = policy->defaults;
            reader.settings(*settings, settingsPath, &tierSettings);
            tier.settings = tierSettings;
        }
        policy->tiers.append(tier);
    }

    const QJsonArray rules = reader.array(document, QStringLiteral("rules"), QString());
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString path = Reader::index(QStringLiteral("rules"), i);
        const auto object = reader.object(rules.at(i), path);
        if (!object) {
            continue;
        }
        RoutingRule rule;
        reader.string(*object, QStringLiteral("name"), path, &rule.name);
        reader.enumeration(*object, QStringLiteral("kind"), path, RuleKinds::fromId, ruleKindIds(), &rule.kind);
        reader.string(*object, QStringLiteral("pattern"), path, &rule.pattern);
        reader.string(*object, QStringLiteral("tier"), path, &rule.tier);
        reader.string(*object, QStringLiteral("pinnedModel"), path, &rule.pinnedModel);
        reader.boolean(*object, QStringLiteral("caseSensitive"), path, &rule.caseSensitive);
        reader.boolean(*object, QStringLiteral("enabled"), path, &rule.enabled);
        policy->rules.append(rule);
    }

    const QJsonArray groups = reader.array(document, QStringLiteral("groups"), QString());
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QString path = Reader::index(QStringLiteral("groups"), i);
        const auto object = reader.object(groups.at(i), path);
        if (!object) {
            continue;
        }
        ModelGroup group;
        reader.string(*object, QStringLiteral("name"), path, &group.name);
        group.deployments = reader.deployments(reader.array(*object, QStringLiteral("deployments"), path),
                                               Reader::join(path, QStringLiteral("deployments")));
        group.fallbacks = reader.strings(*object, QStringLiteral("fallbacks"), path);
        group.contextWindowFallbacks = reader.strings(*object, QStringLiteral("contextWindowFallbacks"), path);
        policy->groups.append(group);
    }
}
