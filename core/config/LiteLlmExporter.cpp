#include "core/config/LiteLlmExporter.h"

#include "core/config/LiteLlmConfig.h"
#include "core/config/LiteLlmProviders.h"

#include <QCoreApplication>
#include <QLocale>

#include <yaml-cpp/yaml.h>

namespace {
// lupdate files these strings under the class whose members call tr(); the lookup must match.
QString tr(const char* text)
{
    return QCoreApplication::translate("LiteLlmExporter", text);
}

std::string str(const QString& text)
{
    return text.toStdString();
}

// LiteLLM wants USD per token. Shifting the decimal exponent of the shortest per-million text keeps
// it readable ("5e-8", not "5.0000000000000004e-08") and reads back as the same price.
std::string perToken(double perMillion)
{
    const QString text = QString::number(perMillion, 'e', QLocale::FloatingPointShortest);
    const qsizetype e = text.indexOf(u'e');
    return (text.left(e) + QStringLiteral("e%1").arg(text.mid(e + 1).toInt() - 6)).toStdString();
}

std::string seconds(int milliseconds)
{
    return QString::number(milliseconds / 1000.0, 'g', 12).toStdString();
}
} // namespace

LiteLlmExporter::LiteLlmExporter(const SwitchyardConfig& config)
    : m_config(config)
{
}

LiteLlmExportResult LiteLlmExporter::run()
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "model_list" << YAML::Value << YAML::BeginSeq;
    for (const auto& model : m_config.models) {
        for (const auto& [groupName, weight] : groupsOf(model)) {
            writeModel(out, model, groupName, weight);
        }
    }
    out << YAML::EndSeq;
    writeRouterSettings(out);
    if (m_config.policy.defaults.cacheEnabled) {
        out << YAML::Key << "litellm_settings" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "cache" << YAML::Value << true;
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
    noteUnexported();
    m_result.yaml = QByteArray(out.c_str()) + '\n';
    return m_result;
}

void LiteLlmExporter::note(const QString& path, const QString& message)
{
    m_result.notes.append({ QLatin1String(LiteLlmConfig::kFileName), path, message, ConfigProblem::Severity::Warning });
}

QList<std::pair<QString, int>> LiteLlmExporter::groupsOf(const ModelConfig& model) const
{
    QList<std::pair<QString, int>> result;
    bool referenced = false;
    for (const auto& group : m_config.policy.groups) {
        if (!aliasTarget(group).isEmpty()) {
            continue; // written as router_settings.model_group_alias
        }
        for (const auto& deployment : group.deployments) {
            if (deployment.modelId == model.id) {
                result.append({ group.name, deployment.weight });
                break;
            }
        }
        referenced
            = referenced || group.fallbacks.contains(model.id) || group.contextWindowFallbacks.contains(model.id);
    }
    if ((result.isEmpty() || referenced) && !m_config.policy.group(model.id)) {
        result.append({ model.id, 1 });
    }
    return result;
}

QString LiteLlmExporter::aliasTarget(const ModelGroup& group) const
{
    for (const auto& earlier : m_config.policy.groups) {
        if (&earlier == &group) {
            return {};
        }
        if (!group.deployments.isEmpty() && earlier.deployments == group.deployments
            && earlier.fallbacks == group.fallbacks && earlier.contextWindowFallbacks == group.contextWindowFallbacks) {
            return earlier.name;
        }
    }
    return {};
}

void LiteLlmExporter::writeModel(YAML::Emitter& out, const ModelConfig& model, const QString& groupName, int weight)
{
    const ProviderConfig* provider = m_config.provider(model.providerId);
    if (!provider) {
        note(model.id, tr("model \"%1\" has no provider; not exported").arg(model.id));
        return;
    }
    const LiteLlmPrefix& prefix = LiteLlmProviders::forProvider(*provider);
    out << YAML::BeginMap;
    out << YAML::Key << "model_name" << YAML::Value << str(groupName);
    out << YAML::Key << "litellm_params" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "model" << YAML::Value << str(QLatin1String(prefix.prefix) + u'/' + model.upstreamModel);
    if (provider->kind == ProviderKind::BedrockConverse) {
        // LiteLLM's own names; the credentials stay with the AWS chain, as they do here.
        if (!provider->baseUrl.isEmpty()) {
            out << YAML::Key << "aws_bedrock_runtime_endpoint" << YAML::Value << str(provider->baseUrl.toString());
        }
        if (!provider->awsRegion.isEmpty()) {
            out << YAML::Key << "aws_region_name" << YAML::Value << str(provider->awsRegion);
        }
        if (!provider->awsProfile.isEmpty()) {
            out << YAML::Key << "aws_profile_name" << YAML::Value << str(provider->awsProfile);
        }
    } else if (!LiteLlmProviders::isDefaultBase(prefix, provider->baseUrl)) {
        out << YAML::Key << "api_base" << YAML::Value << str(LiteLlmProviders::toApiBase(prefix, provider->baseUrl));
    }
    if (!provider->keyEnv.isEmpty()) {
        // An Entra ID token is LiteLLM's azure_ad_token; either way only the variable is written.
        out << YAML::Key << (provider->auth == ProviderAuth::EntraIdToken ? "azure_ad_token" : "api_key") << YAML::Value
            << str(QStringLiteral("os.environ/") + provider->keyEnv);
    }
    if (provider->kind == ProviderKind::AzureOpenAi && !provider->apiVersion.isEmpty()) {
        out << YAML::Key << "api_version" << YAML::Value << str(provider->apiVersion);
    }
    // What the model sets itself, also when it equals the default (it must not become the tier's).
    if (model.timeoutsSet & TotalTimeoutField) {
        out << YAML::Key << "timeout" << YAML::Value << seconds(model.timeouts.totalMs);
    }
    if (model.timeoutsSet & FirstTokenTimeoutField) {
        out << YAML::Key << "stream_timeout" << YAML::Value << seconds(model.timeouts.firstTokenMs);
    }
    if (weight != 1) {
        out << YAML::Key << "weight" << YAML::Value << weight;
    }
    out << YAML::EndMap;
    if (model.price.known || model.contextWindow > 0 || model.maxOutputTokens > 0 || !model.baseModel.isEmpty()) {
        out << YAML::Key << "model_info" << YAML::Value << YAML::BeginMap;
        if (!model.baseModel.isEmpty()) {
            out << YAML::Key << "base_model" << YAML::Value << str(model.baseModel);
        }
        if (model.price.known) {
            out << YAML::Key << "input_cost_per_token" << YAML::Value << perToken(model.price.inputPerMTok);
            out << YAML::Key << "output_cost_per_token" << YAML::Value << perToken(model.price.outputPerMTok);
            if (model.price.cachedInputPerMTok > 0) {
                out << YAML::Key << "cache_read_input_token_cost" << YAML::Value
                    << perToken(model.price.cachedInputPerMTok);
            }
        }
        if (model.contextWindow > 0) {
            out << YAML::Key << "max_input_tokens" << YAML::Value << model.contextWindow;
        }
        if (model.maxOutputTokens > 0) {
            out << YAML::Key << "max_output_tokens" << YAML::Value << model.maxOutputTokens;
        }
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
    if (model.timeoutsSet & (ConnectTimeoutField | IdleTimeoutField)) {
        note(model.id, tr("connect and idle timeouts of \"%1\" have no LiteLLM equivalent").arg(model.id));
    }
}

void LiteLlmExporter::writeFallbacks(YAML::Emitter& out, const char* key, bool contextWindow)
{
    bool any = false;
    for (const auto& group : m_config.policy.groups) {
        any = any || !(contextWindow ? group.contextWindowFallbacks : group.fallbacks).isEmpty();
    }
    if (!any) {
        return;
    }
    out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const auto& group : m_config.policy.groups) {
        const QStringList& targets = contextWindow ? group.contextWindowFallbacks : group.fallbacks;
        if (targets.isEmpty() || !aliasTarget(group).isEmpty()) {
            continue;
        }
        out << YAML::BeginMap << YAML::Key << str(group.name) << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const QString& target : targets) {
            out << str(target);
        }
        out << YAML::EndSeq << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void LiteLlmExporter::writeRouterSettings(YAML::Emitter& out)
{
    const TierSettings& defaults = m_config.policy.defaults;
    out << YAML::Key << "router_settings" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "routing_strategy" << YAML::Value << str(LoadBalanceStrategies::id(defaults.strategy));
    if (defaults.timeoutsSet & TotalTimeoutField) {
        out << YAML::Key << "timeout" << YAML::Value << seconds(defaults.timeouts.totalMs);
    }
    out << YAML::Key << "allowed_fails" << YAML::Value << qMax(0, defaults.cooldown.failures - 1);
    out << YAML::Key << "cooldown_time" << YAML::Value << defaults.cooldown.durationSec;
    writeFallbacks(out, "fallbacks", false);
    writeFallbacks(out, "context_window_fallbacks", true);
    bool anyAlias = false;
    for (const auto& group : m_config.policy.groups) {
        const QString target = aliasTarget(group);
        if (target.isEmpty()) {
            continue;
        }
        if (!anyAlias) {
            out << YAML::Key << "model_group_alias" << YAML::Value << YAML::BeginMap;
            anyAlias = true;
        }
        out << YAML::Key << str(group.name) << YAML::Value << str(target);
    }
    if (anyAlias) {
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

void LiteLlmExporter::noteUnexported()
{
    if (!m_config.policy.tiers.isEmpty() || !m_config.policy.rules.isEmpty()) {
        note(QStringLiteral("tiers"), tr("tiers and rules are not exported: LiteLLM has no prompt-based routing"));
    }
    const TierSettings plain;
    const TierSettings& defaults = m_config.policy.defaults;
    if (defaults.hedging || defaults.midStream != plain.midStream || defaults.quotaCooldownSec != plain.quotaCooldownSec
        || defaults.rateLimitWaitCapMs != plain.rateLimitWaitCapMs
        || defaults.cooldown.windowSec != plain.cooldown.windowSec) {
        note(QStringLiteral("defaults"),
             tr("hedging, mid-stream policy, quota cooldown, rate-limit wait and cooldown window have no LiteLLM "
                "equivalent"));
    }
    for (const auto& provider : m_config.providers) {
        if (!provider.extraHeaders.isEmpty() || provider.maxConcurrent > 0 || !provider.enabled) {
            note(provider.id,
                 tr("extra headers, concurrency limit and the enabled switch of provider \"%1\" are "
                    "not exported")
                     .arg(provider.id));
        }
    }
}
