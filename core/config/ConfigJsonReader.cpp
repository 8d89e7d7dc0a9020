#include "core/config/ConfigJsonReader.h"

#include "core/common/TextPosition.h"
#include "core/config/JsonFieldReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ConfigJsonReader", text);
}

QStringList ruleKindIds()
{
    QStringList ids;
    for (RuleKind kind :
         { RuleKind::Keywords, RuleKind::Regex, RuleKind::MinChars, RuleKind::MaxChars, RuleKind::MinTokens,
           RuleKind::HasCodeBlock, RuleKind::Tag, RuleKind::Default, RuleKind::Learned }) {
        ids.append(RuleKinds::id(kind));
    }
    return ids;
}

// The TimeoutField bits of the fields where `timeouts` differs from `base`.
quint8 differingTimeouts(const Timeouts& timeouts, const Timeouts& base)
{
    return (timeouts.connectMs != base.connectMs ? ConnectTimeoutField : 0)
        | (timeouts.firstTokenMs != base.firstTokenMs ? FirstTokenTimeoutField : 0)
        | (timeouts.idleMs != base.idleMs ? IdleTimeoutField : 0)
        | (timeouts.totalMs != base.totalMs ? TotalTimeoutField : 0);
}
} // namespace

std::optional<QJsonObject> ConfigJsonReader::parseDocument(const QByteArray& bytes, const char* expectedFormat,
                                                           const QString& file, QList<ConfigProblem>* problems)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        ConfigProblem problem { file, QString(), QString(), ConfigProblem::Severity::Error };
        const TextPosition place = TextPosition::ofJsonError(bytes, parseError);
        problem.line = place.line;
        problem.column = place.column;
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
    if (version.toInt() > ConfigJson::kVersion) {
        problems->append({ file, QStringLiteral("version"),
                           tr("written by a newer Switchyard (format version %1; this version reads up to %2). "
                              "Update Switchyard to use this file; it was left untouched.")
                               .arg(version.toInt())
                               .arg(ConfigJson::kVersion) });
        return std::nullopt;
    }
    return object;
}

void ConfigJsonReader::readProviders(const QJsonObject& document, SwitchyardConfig* config,
                                     QList<ConfigProblem>* problems)
{
    JsonFieldReader reader(problems);
    reader.checkKeys(document, QString(), { "format", "version", "providers", "models" });
    const int version = document.value(QStringLiteral("version")).toInt();
    const QJsonArray providers = reader.array(document, QStringLiteral("providers"), QString());
    for (qsizetype i = 0; i < providers.size(); ++i) {
        const QString path = JsonFieldReader::index(QStringLiteral("providers"), i);
        const auto object = reader.object(providers.at(i), path);
        if (!object) {
            continue;
        }
        ProviderConfig provider;
        reader.checkKeys(*object, path,
                         { "id", "displayName", "kind", "baseUrl", "keyEnv", "extraHeaders", "maxConcurrent", "enabled",
                           "simulated", "dailyBudgetUsd", "monthlyBudgetUsd", "apiVersion", "auth", "awsRegion",
                           "awsProfile" });
        reader.string(*object, QStringLiteral("id"), path, &provider.id);
        reader.string(*object, QStringLiteral("displayName"), path, &provider.displayName);
        reader.enumeration(*object, QStringLiteral("kind"), path, ProviderKinds::fromId,
                           { QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("azure"),
                             QStringLiteral("bedrock"), QStringLiteral("gemini") },
                           &provider.kind);
        reader.string(*object, QStringLiteral("apiVersion"), path, &provider.apiVersion);
        reader.enumeration(*object, QStringLiteral("auth"), path, ProviderAuths::fromId,
                           { QStringLiteral("api-key"), QStringLiteral("entra-id") }, &provider.auth);
        QString baseUrl;
        reader.string(*object, QStringLiteral("baseUrl"), path, &baseUrl);
        provider.baseUrl = QUrl(baseUrl);
        if (!baseUrl.isEmpty() && (!provider.baseUrl.isValid() || provider.baseUrl.scheme().isEmpty())) {
            reader.error(JsonFieldReader::join(path, QStringLiteral("baseUrl")), tr("not a valid URL"));
        }
        reader.string(*object, QStringLiteral("keyEnv"), path, &provider.keyEnv);
        reader.string(*object, QStringLiteral("awsRegion"), path, &provider.awsRegion);
        reader.string(*object, QStringLiteral("awsProfile"), path, &provider.awsProfile);
        const QString headersPath = JsonFieldReader::join(path, QStringLiteral("extraHeaders"));
        if (auto headers = reader.object(object->value(QStringLiteral("extraHeaders")), headersPath)) {
            for (auto it = headers->constBegin(); it != headers->constEnd(); ++it) {
                QString value;
                reader.string(*headers, it.key(), headersPath, &value);
                provider.extraHeaders.insert(it.key(), value);
            }
        }
        reader.integer(*object, QStringLiteral("maxConcurrent"), path, &provider.maxConcurrent);
        reader.real(*object, QStringLiteral("dailyBudgetUsd"), path, &provider.dailyBudgetUsd);
        reader.real(*object, QStringLiteral("monthlyBudgetUsd"), path, &provider.monthlyBudgetUsd);
        reader.boolean(*object, QStringLiteral("enabled"), path, &provider.enabled);
        reader.boolean(*object, QStringLiteral("simulated"), path, &provider.simulated);
        config->providers.append(provider);
    }

    const QJsonArray models = reader.array(document, QStringLiteral("models"), QString());
    for (qsizetype i = 0; i < models.size(); ++i) {
        const QString path = JsonFieldReader::index(QStringLiteral("models"), i);
        const auto object = reader.object(models.at(i), path);
        if (!object) {
            continue;
        }
        ModelConfig model;
        reader.checkKeys(*object, path,
                         { "id", "provider", "upstreamModel", "baseModel", "contextWindow", "maxOutputTokens", "price",
                           "timeouts", "supports" });
        reader.string(*object, QStringLiteral("id"), path, &model.id);
        reader.string(*object, QStringLiteral("provider"), path, &model.providerId);
        reader.string(*object, QStringLiteral("upstreamModel"), path, &model.upstreamModel);
        reader.string(*object, QStringLiteral("baseModel"), path, &model.baseModel);
        reader.integer(*object, QStringLiteral("contextWindow"), path, &model.contextWindow);
        reader.integer(*object, QStringLiteral("maxOutputTokens"), path, &model.maxOutputTokens);
        if (object->contains(QStringLiteral("supports"))) {
            // The model's own list wins over the price data's (which may not know a new model).
            const QString supportsPath = JsonFieldReader::join(path, QStringLiteral("supports"));
            const QStringList ids = reader.strings(*object, QStringLiteral("supports"), path);
            QString problem;
            if (const auto capabilities = ModelCapabilities::fromIds(ids, &problem)) {
                model.capabilities = *capabilities;
            } else {
                reader.error(supportsPath, problem);
            }
        }
        const QString pricePath = JsonFieldReader::join(path, QStringLiteral("price"));
        if (auto price = reader.object(object->value(QStringLiteral("price")), pricePath)) {
            model.price.known = true;
            reader.checkKeys(*price, pricePath, { "inputPerMTok", "outputPerMTok", "cachedInputPerMTok" });
            reader.real(*price, QStringLiteral("inputPerMTok"), pricePath, &model.price.inputPerMTok);
            reader.real(*price, QStringLiteral("outputPerMTok"), pricePath, &model.price.outputPerMTok);
            reader.real(*price, QStringLiteral("cachedInputPerMTok"), pricePath, &model.price.cachedInputPerMTok);
        }
        const QString timeoutsPath = JsonFieldReader::join(path, QStringLiteral("timeouts"));
        if (auto timeouts = reader.object(object->value(QStringLiteral("timeouts")), timeoutsPath)) {
            // The fields named are the model's own; they win over its tier's (EffectiveTimeouts).
            model.timeoutsSet = reader.timeouts(*timeouts, timeoutsPath, &model.timeouts);
            // Early version 1 files wrote all four built-in values for every model: those set nothing.
            if (version < 2 && model.timeoutsSet == kAllTimeoutFields && model.timeouts == Timeouts {}) {
                model.timeoutsSet = 0;
            }
        }
        config->models.append(model);
    }
}

void ConfigJsonReader::readRouting(const QJsonObject& document, RoutingPolicy* policy, QList<ConfigProblem>* problems)
{
    JsonFieldReader reader(problems);
    reader.checkKeys(document, QString(),
                     { "format", "version", "defaultTier", "defaults", "tiers", "rules", "groups" });
    reader.string(document, QStringLiteral("defaultTier"), QString(), &policy->defaultTier);
    // Version 1 wrote every timeout everywhere: a default equal to the built-in value, and a tier's
    // equal to the default, were taken as not set then, and still are for those files.
    const bool everyTimeoutWritten = document.value(QStringLiteral("version")).toInt() < 2;
    if (auto defaults = reader.object(document.value(QStringLiteral("defaults")), QStringLiteral("defaults"))) {
        reader.settings(*defaults, QStringLiteral("defaults"), &policy->defaults);
        if (everyTimeoutWritten) {
            policy->defaults.timeoutsSet = differingTimeouts(policy->defaults.timeouts, Timeouts {});
        }
    }

    const QJsonArray tiers = reader.array(document, QStringLiteral("tiers"), QString());
    for (qsizetype i = 0; i < tiers.size(); ++i) {
        const QString path = JsonFieldReader::index(QStringLiteral("tiers"), i);
        const auto object = reader.object(tiers.at(i), path);
        if (!object) {
            continue;
        }
        RoutingTier tier;
        reader.checkKeys(*object, path, { "name", "description", "chain", "settings" });
        reader.string(*object, QStringLiteral("name"), path, &tier.name);
        reader.string(*object, QStringLiteral("description"), path, &tier.description);
        const QString chainPath = JsonFieldReader::join(path, QStringLiteral("chain"));
        const QJsonArray chain = reader.array(*object, QStringLiteral("chain"), path);
        for (qsizetype s = 0; s < chain.size(); ++s) {
            const QString stepPath = JsonFieldReader::index(chainPath, s);
            ChainStep step;
            if (chain.at(s).isArray()) {
                step.deployments = reader.deployments(chain.at(s).toArray(), stepPath);
            } else if (auto deployment = reader.deployment(chain.at(s), stepPath)) {
                step.deployments.append(*deployment);
            }
            tier.chain.append(step);
        }
        const QString settingsPath = JsonFieldReader::join(path, QStringLiteral("settings"));
        if (auto settings = reader.object(object->value(QStringLiteral("settings")), settingsPath)) {
            // Settings a tier leaves out come from the policy's defaults.
            TierSettings tierSettings = policy->defaults;
            tierSettings.timeoutsSet = 0;
            reader.settings(*settings, settingsPath, &tierSettings);
            if (everyTimeoutWritten) {
                tierSettings.timeoutsSet = differingTimeouts(tierSettings.timeouts, policy->defaults.timeouts);
            }
            tier.settings = tierSettings;
        }
        policy->tiers.append(tier);
    }

    const QJsonArray rules = reader.array(document, QStringLiteral("rules"), QString());
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString path = JsonFieldReader::index(QStringLiteral("rules"), i);
        const auto object = reader.object(rules.at(i), path);
        if (!object) {
            continue;
        }
        RoutingRule rule;
        reader.checkKeys(*object, path,
                         { "name", "kind", "pattern", "tier", "pinnedModel", "caseSensitive", "enabled", "weakModel",
                           "strongModel", "threshold" });
        reader.string(*object, QStringLiteral("name"), path, &rule.name);
        reader.enumeration(*object, QStringLiteral("kind"), path, RuleKinds::fromId, ruleKindIds(), &rule.kind);
        reader.string(*object, QStringLiteral("pattern"), path, &rule.pattern);
        reader.string(*object, QStringLiteral("tier"), path, &rule.tier);
        reader.string(*object, QStringLiteral("pinnedModel"), path, &rule.pinnedModel);
        reader.boolean(*object, QStringLiteral("caseSensitive"), path, &rule.caseSensitive);
        reader.boolean(*object, QStringLiteral("enabled"), path, &rule.enabled);
        reader.string(*object, QStringLiteral("weakModel"), path, &rule.weakModel);
        reader.string(*object, QStringLiteral("strongModel"), path, &rule.strongModel);
        reader.real(*object, QStringLiteral("threshold"), path, &rule.threshold);
        policy->rules.append(rule);
    }

    const QJsonArray groups = reader.array(document, QStringLiteral("groups"), QString());
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QString path = JsonFieldReader::index(QStringLiteral("groups"), i);
        const auto object = reader.object(groups.at(i), path);
        if (!object) {
            continue;
        }
        ModelGroup group;
        reader.checkKeys(*object, path, { "name", "deployments", "fallbacks", "contextWindowFallbacks" });
        reader.string(*object, QStringLiteral("name"), path, &group.name);
        group.deployments = reader.deployments(reader.array(*object, QStringLiteral("deployments"), path),
                                               JsonFieldReader::join(path, QStringLiteral("deployments")));
        group.fallbacks = reader.strings(*object, QStringLiteral("fallbacks"), path);
        group.contextWindowFallbacks = reader.strings(*object, QStringLiteral("contextWindowFallbacks"), path);
        policy->groups.append(group);
    }
}
