#include "LiteLlmImporter.h"

#include <QCoreApplication>

#include <cmath>

using namespace LiteLlmYaml;

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("LiteLlmConfig", text);
}

// Readable id for an OpenAI-compatible server given only by URL: "localhost-1234", "fireworks-ai".
QString idFromHost(const QUrl& url)
{
    QString host = url.host();
    if (host.startsWith(QLatin1String("api."))) {
        host = host.mid(4);
    }
    host.replace(QLatin1Char('.'), QLatin1Char('-'));
    if (url.port() > 0) {
        host += QStringLiteral("-%1").arg(url.port());
    }
    return host.isEmpty() ? QStringLiteral("custom") : host;
}

// LiteLLM prices are USD per token; ours per million tokens. Rounded to 1e-6 $/MTok so that a value
// written back per token reads in again as exactly the same double.
double perMillion(double perToken)
{
    return std::round(perToken * 1e6 * 1e6) / 1e6;
}
} // namespace

void LiteLlmImporter::readDeployment(const YAML::Node& entry, const QString& path)
{
    if (!entry.IsMap()) {
        error(path, tr("expected a mapping with model_name and litellm_params"), entry);
        return;
    }
    const YAML::Node nameNode = entry["model_name"];
    const YAML::Node params = entry["litellm_params"];
    if (!nameNode.IsDefined()) {
        error(join(path, QStringLiteral("model_name")), tr("missing: every deployment needs a model_name"), entry);
        return;
    }
    if (!params.IsDefined() || !params.IsMap()) {
        error(join(path, QStringLiteral("litellm_params")), tr("missing or not a mapping"), entry);
        return;
    }
    const auto groupName = string(nameNode, join(path, QStringLiteral("model_name")));
    const QString paramsPath = join(path, QStringLiteral("litellm_params"));
    const YAML::Node modelNode = params["model"];
    if (!groupName || !modelNode.IsDefined()) {
        if (!modelNode.IsDefined()) {
            error(join(paramsPath, QStringLiteral("model")), tr("missing: the provider/model to call"), params);
        }
        return;
    }
    const auto fullModel = string(modelNode, join(paramsPath, QStringLiteral("model")));
    if (!fullModel) {
        return;
    }

    const qsizetype slash = fullModel->indexOf(QLatin1Char('/'));
    const QString prefixName = slash > 0 ? fullModel->left(slash) : QString();
    const LiteLlmPrefix* prefix = LiteLlmProviders::byPrefix(prefixName);
    QString upstream = prefix ? fullModel->mid(slash + 1) : *fullModel;
    if (!prefix && LiteLlmProviders::isUnsupportedPrefix(prefixName)) {
        note(join(paramsPath, QStringLiteral("model")),
             tr("provider \"%1\" is not supported by Switchyard; this deployment was skipped").arg(prefixName),
             modelNode);
        return;
    }
    if (!prefix) {
        prefix = LiteLlmProviders::byPrefix(QStringLiteral("openai")); // LiteLLM's default without a prefix
    }

    ModelConfig model;
    model.upstreamModel = upstream;
    QUrl base(QLatin1String(prefix->defaultBase));
    std::optional<QString> keyEnv;
    int weight = 1;
    for (auto it = params.begin(); it != params.end(); ++it) {
        const QString name = key(it);
        const QString itemPath = join(paramsPath, name);
        const YAML::Node value = it->second; // a copy: it-> yields a temporary
        if (name == QLatin1String("model")) {
            continue;
        } else if (name == QLatin1String("api_base")) {
            if (auto text = string(value, itemPath)) {
                base = LiteLlmProviders::fromApiBase(*prefix, *text);
                if (!base.isValid() || base.scheme().isEmpty()) {
                    error(itemPath, tr("not a valid URL"), value);
                }
            }
        } else if (name == QLatin1String("api_key")) {
            const auto text = string(value, itemPath);
            if (text && text->startsWith(QLatin1String("os.environ/"))) {
                keyEnv = text->mid(int(qstrlen("os.environ/")));
            } else if (text) {
                // The key itself is neither stored nor repeated in the message.
                const QString variable = *prefix->defaultKeyEnv
                    ? QLatin1String(prefix->defaultKeyEnv)
                    : QStringLiteral("%1_API_KEY").arg(idFromHost(base).toUpper().replace(u'-', u'_'));
                keyEnv = variable;
                note(itemPath,
                     tr("a literal API key is not imported: move it to the environment variable %1 (or the "
                        "keychain) and write \"api_key: os.environ/%1\"")
                         .arg(variable),
                     value);
            }
        } else if (name == QLatin1String("timeout")) {
            if (auto ms = milliseconds(value, itemPath)) {
                model.timeouts.totalMs = *ms;
            }
        } else if (name == QLatin1String("stream_timeout")) {
            if (auto ms = milliseconds(value, itemPath)) {
                model.timeouts.firstTokenMs = *ms;
            }
        } else if (name == QLatin1String("weight")) {
            if (auto w = count(value, itemPath)) {
                weight = qMax(1, *w);
            }
        } else if (name == QLatin1String("rpm") || name == QLatin1String("tpm")) {
            note(itemPath,
                 tr("rate limit noted but not enforced: Switchyard reacts to the provider's 429 and cools the "
                    "deployment down instead"),
                 value);
        } else {
            unmapped(itemPath, value);
        }
    }
    if (base.isEmpty()) {
        error(join(paramsPath, QStringLiteral("api_base")),
              tr("required for \"%1\" models").arg(QLatin1String(prefix->prefix)), params);
        return;
    }
    if (!keyEnv) {
        const bool genericServer
            = prefix->prefix == QLatin1String("openai") && !LiteLlmProviders::isDefaultBase(*prefix, base);
        keyEnv = genericServer ? QString() : QLatin1String(prefix->defaultKeyEnv);
    }

    for (auto it = entry.begin(); it != entry.end(); ++it) {
        const QString name = key(it);
        if (name == QLatin1String("model_info")) {
            readModelInfo(it->second, join(path, name), &model);
        } else if (name != QLatin1String("model_name") && name != QLatin1String("litellm_params")) {
            unmapped(join(path, name), it->second);
        }
    }

    model.providerId = providerFor(*prefix, base, *keyEnv);
    ModelGroup* group = nullptr;
    for (auto& candidate : m_result.config.policy.groups) {
        if (candidate.name == *groupName) {
            group = &candidate;
        }
    }
    if (!group) {
        m_result.config.policy.groups.append(ModelGroup { *groupName, {}, {}, {} });
        group = &m_result.config.policy.groups.last();
    }
    model.id = *groupName;
    for (int n = int(group->deployments.size()) + 1; m_result.config.model(model.id); ++n) {
        model.id = QStringLiteral("%1#%2").arg(*groupName).arg(n);
    }
    group->deployments.append(Deployment { model.id, weight });
    m_result.config.models.append(model);
}

QString LiteLlmImporter::providerFor(const LiteLlmPrefix& prefix, const QUrl& base, const QString& keyEnv)
{
    const ProviderKey providerKey { prefix.kind, base.toString(), keyEnv };
    const qsizetype existing = m_providerKeys.indexOf(providerKey);
    if (existing >= 0) {
        return m_result.config.providers.at(existing).id;
    }
    const bool generic = prefix.prefix == QLatin1String("openai") && !LiteLlmProviders::isDefaultBase(prefix, base);
    const QString idBase = generic ? idFromHost(base) : QLatin1String(prefix.idBase);
    ProviderConfig provider;
    provider.id = idBase;
    provider.displayName = generic ? base.host() : QLatin1String(prefix.displayName);
    for (int n = 2; m_result.config.provider(provider.id); ++n) {
        provider.id = QStringLiteral("%1-%2").arg(idBase).arg(n);
        provider.displayName
            = QStringLiteral("%1 %2").arg(generic ? base.host() : QLatin1String(prefix.displayName)).arg(n);
    }
    provider.kind = prefix.kind;
    provider.baseUrl = base;
    provider.keyEnv = keyEnv;
    m_result.config.providers.append(provider);
    m_providerKeys.append(providerKey);
    return provider.id;
}

void LiteLlmImporter::readModelInfo(const YAML::Node& info, const QString& path, ModelConfig* model)
{
    if (!expectMap(info, path)) {
        return;
    }
    for (auto it = info.begin(); it != info.end(); ++it) {
        const QString name = key(it);
        const QString itemPath = join(path, name);
        const YAML::Node value = it->second; // a copy: it-> yields a temporary
        if (name == QLatin1String("input_cost_per_token") || name == QLatin1String("output_cost_per_token")
            || name == QLatin1String("cache_read_input_token_cost")) {
            const auto cost = number(value, itemPath);
            if (!cost) {
                continue;
            }
            if (*cost < 0) {
                error(itemPath, tr("a price must not be negative"), value);
                continue;
            }
            // Only an input or output price makes the model priced; a cache price alone says nothing.
            model->price.known = model->price.known || name != QLatin1String("cache_read_input_token_cost");
            double* target = name == QLatin1String("input_cost_per_token") ? &model->price.inputPerMTok
                : name == QLatin1String("output_cost_per_token")           ? &model->price.outputPerMTok
                                                                           : &model->price.cachedInputPerMTok;
            *target = perMillion(*cost);
        } else if (name == QLatin1String("max_input_tokens")) {
            if (auto tokens = count(value, itemPath)) {
                model->contextWindow = *tokens;
            }
        } else if (name == QLatin1String("max_output_tokens")) {
            if (auto tokens = count(value, itemPath)) {
                model->maxOutputTokens = *tokens;
            }
        } else {
            unmapped(itemPath, value);
        }
    }
}
