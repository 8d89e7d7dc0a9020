#include "core/config/LiteLlmDeploymentReader.h"

#include "core/common/AzureEndpoint.h"
#include "core/common/ModelNamePattern.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

using namespace LiteLlmYaml;

namespace {
// lupdate files these strings under the class whose members call tr(); the lookup must match.
QString tr(const char* text)
{
    return QCoreApplication::translate("LiteLlmDeploymentReader", text);
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

// Documentation examples ship with "https://<your-endpoint>" or "https://your-resource.example"; such a
// base cannot be called and is named instead of failing at the first request.
bool looksLikePlaceholder(const QString& text)
{
    return text.contains(u'<') || text.contains(u'>') || text.contains(QLatin1String("..."))
        || text.contains(QLatin1String("your-"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("your_"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("YOUR"), Qt::CaseSensitive);
}
} // namespace

void LiteLlmDeploymentReader::readModelList(const YAML::Node& list)
{
    if (!m_yaml.expectSequence(list, QStringLiteral("model_list"))) {
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        m_yaml.beginDeployment();
        readDeployment(list[i], QStringLiteral("model_list[%1]").arg(i));
        m_result->skippedDeployments += m_yaml.endDeployment() ? 1 : 0;
    }
    addInferredWildcards();
    applyWeights();
}

void LiteLlmDeploymentReader::readDeployment(const YAML::Node& entry, const QString& path)
{
    if (!entry.IsMap()) {
        m_yaml.error(path, tr("expected a mapping with model_name and litellm_params"), entry);
        return;
    }
    const YAML::Node nameNode = entry["model_name"];
    const YAML::Node params = entry["litellm_params"];
    if (!nameNode.IsDefined()) {
        m_yaml.error(join(path, QStringLiteral("model_name")), tr("missing: every deployment needs a model_name"),
                     entry);
        return;
    }
    if (!params.IsDefined() || !params.IsMap()) {
        m_yaml.error(join(path, QStringLiteral("litellm_params")), tr("missing or not a mapping"), entry);
        return;
    }
    const auto groupName = m_yaml.string(nameNode, join(path, QStringLiteral("model_name")));
    const QString paramsPath = join(path, QStringLiteral("litellm_params"));
    const YAML::Node modelNode = params["model"];
    if (!groupName || !modelNode.IsDefined()) {
        if (!modelNode.IsDefined()) {
            m_yaml.error(join(paramsPath, QStringLiteral("model")), tr("missing: the provider/model to call"), params);
        }
        return;
    }
    const auto fullModel = m_yaml.resolved(modelNode, join(paramsPath, QStringLiteral("model")));
    if (!fullModel) {
        return;
    }
    const YAML::Node baseNode = params["api_base"];
    const LiteLlmModelRoute route = LiteLlmProviders::route(
        *fullModel,
        baseNode.IsDefined() && baseNode.IsScalar() && !text(baseNode).startsWith(QLatin1String("os.environ/"))
            ? text(baseNode)
            : QString());
    if (route.providerChosenForWildcard && *groupName == QLatin1String("*") && route.upstreamModel == groupName
        && params.size() == 1) {
        // LiteLLM's "every provider, each with its own key": no api_base, no api_key, nothing else.
        m_inferAll.emplace(modelNode);
        m_inferAllPath = join(paramsPath, QStringLiteral("model"));
        return;
    }
    if (skipUnroutable(route, join(paramsPath, QStringLiteral("model")), modelNode)
        || !acceptWildcard(*groupName, route, join(paramsPath, QStringLiteral("model")), modelNode)) {
        return;
    }
    const bool bedrock = route.prefix->kind == ProviderKind::BedrockConverse;
    const std::optional<QUrl> base
        = bedrock ? m_bedrock.base(params, paramsPath) : baseFor(*route.prefix, params, paramsPath);
    if (!base) {
        return;
    }
    const LiteLlmPrefix& prefix = LiteLlmProviders::forBase(*route.prefix, *base);

    ModelConfig model;
    model.upstreamModel = route.upstreamModel;
    PriceParts price;
    double weight = 1;
    for (auto it = params.begin(); it != params.end(); ++it) {
        const QString name = key(it);
        const QString itemPath = join(paramsPath, name);
        const YAML::Node value = it->second; // a copy: it-> yields a temporary
        const bool azure = prefix.kind == ProviderKind::AzureOpenAi;
        if (name == QLatin1String("model") || name == QLatin1String("api_base") || name == QLatin1String("api_key")
            || (bedrock && name.startsWith(QLatin1String("aws_")))) {
            continue;
        } else if (azure
                   && (name == QLatin1String("api_version") || name == QLatin1String("azure_ad_token")
                       || name == QLatin1String("tenant_id") || name == QLatin1String("client_id")
                       || name == QLatin1String("client_secret"))) {
            continue; // read with the key, below
        } else if (name == QLatin1String("timeout")) {
            if (auto ms = m_yaml.milliseconds(value, itemPath)) {
                model.timeouts.totalMs = *ms;
                model.timeoutsSet |= TotalTimeoutField;
            }
        } else if (name == QLatin1String("stream_timeout")) {
            if (auto ms = m_yaml.milliseconds(value, itemPath)) {
                model.timeouts.firstTokenMs = *ms;
                model.timeoutsSet |= FirstTokenTimeoutField;
            }
        } else if (name == QLatin1String("weight")) {
            const auto w = m_yaml.number(value, itemPath);
            if (w && *w > 0 && *w <= 1e6) {
                weight = *w;
            } else if (w) {
                m_yaml.error(itemPath, tr("a weight must be above 0 and at most 1,000,000"), value);
            }
        } else if (name == QLatin1String("input_cost_per_token") || name == QLatin1String("output_cost_per_token")
                   || name == QLatin1String("cache_read_input_token_cost")) {
            readPrice(name, value, itemPath, &price);
        } else if (name == QLatin1String("rpm") || name == QLatin1String("tpm")) {
            m_yaml.note(itemPath,
                        tr("rate limit noted but not enforced: Switchyard reacts to the provider's 429 and cools the "
                           "deployment down instead"),
                        value);
        } else {
            m_yaml.unmapped(itemPath, value);
        }
    }
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        const QString name = key(it);
        if (name == QLatin1String("model_info")) {
            readModelInfo(it->second, join(path, name), &model, &price);
        } else if (name != QLatin1String("model_name") && name != QLatin1String("litellm_params")) {
            m_yaml.unmapped(join(path, name), it->second);
        }
    }
    Access access;
    if (prefix.kind == ProviderKind::AzureOpenAi) {
        const std::optional<QString> version = azureApiVersion(*base, params, paramsPath);
        if (!version) {
            return;
        }
        access.apiVersion = *version;
    }
    // Last, so that a skipped deployment asks for no key variable.
    const std::optional<LiteLlmBedrockParams::Aws> aws
        = bedrock ? m_bedrock.aws(params, paramsPath) : LiteLlmBedrockParams::Aws();
    const std::optional<QString> keyEnv
        = bedrock ? m_bedrock.keyVariable(params, paramsPath) : keyFor(prefix, *base, params, paramsPath, &access);
    if (m_yaml.deploymentSkipped() || !keyEnv || !aws) {
        return;
    }
    applyPrice(price, &model);

    model.providerId = providerFor(prefix, *base, *keyEnv, access, *aws);
    addToGroup(*groupName, std::move(model), weight);
}

void LiteLlmDeploymentReader::addToGroup(const QString& groupName, ModelConfig model, double weight)
{
    ModelGroup* group = nullptr;
    for (auto& candidate : m_result->config.policy.groups) {
        if (candidate.name == groupName) {
            group = &candidate;
        }
    }
    if (!group) {
        m_result->config.policy.groups.append(ModelGroup { groupName, {}, {}, {} });
        group = &m_result->config.policy.groups.last();
    }
    model.id = groupName;
    for (int n = int(group->deployments.size()) + 1; m_result->config.model(model.id); ++n) {
        model.id = QStringLiteral("%1#%2").arg(groupName).arg(n);
    }
    group->deployments.append(Deployment { model.id, 1 });
    m_weights[group->name].append(weight);
    m_result->config.models.append(std::move(model));
}

void LiteLlmDeploymentReader::addInferredWildcards()
{
    if (!m_inferAll) {
        return;
    }
    QStringList added;
    QStringList unset;
    for (const LiteLlmInferredWildcard& wildcard : LiteLlmProviders::inferredWildcards()) {
        const LiteLlmPrefix& prefix = *wildcard.prefix;
        const QString keyEnv = QLatin1String(prefix.defaultKeyEnv);
        if (m_result->config.policy.group(wildcard.pattern)) {
            continue; // the file's own deployment for this pattern wins
        }
        // OpenAI and Anthropic always; the others when their key is there to be used.
        const bool always
            = prefix.kind == ProviderKind::AnthropicMessages || QLatin1String(prefix.prefix) == QLatin1String("openai");
        if (!always && m_yaml.environment(keyEnv).isEmpty()) {
            unset.append(wildcard.pattern);
            continue;
        }
        ModelConfig model;
        model.upstreamModel = wildcard.upstream;
        model.providerId = providerFor(prefix, QUrl(QLatin1String(prefix.defaultBase)), keyEnv, Access());
        addToGroup(wildcard.pattern, std::move(model), 1);
        added.append(wildcard.pattern);
    }
    m_yaml.note(
        m_inferAllPath,
        unset.isEmpty()
            ? tr("LiteLLM picks each requested name's provider by that name: imported as %1, each sent with its "
                 "provider's own key variable")
                  .arg(added.join(QStringLiteral(", ")))
            : tr("LiteLLM picks each requested name's provider by that name: imported as %1, each sent with its "
                 "provider's own key variable; not imported as their key variables are not set: %2 (set one and "
                 "import again)")
                  .arg(added.join(QStringLiteral(", ")), unset.join(QStringLiteral(", "))),
        *m_inferAll);
}

// Names what LiteLLM would route somewhere Switchyard cannot follow, and skips it.
bool LiteLlmDeploymentReader::skipUnroutable(const LiteLlmModelRoute& route, const QString& path,
                                             const YAML::Node& node)
{
    switch (route.owner) {
    case LiteLlmModelOwner::Prefixed:
    case LiteLlmModelOwner::Inferred:
        return false;
    case LiteLlmModelOwner::Unsupported:
        if (route.prefixName == QLatin1String("bedrock")) {
            m_yaml.error(path,
                         tr("provider \"%1\" is not supported by Switchyard yet (Amazon Bedrock is planned)")
                             .arg(route.prefixName),
                         node);
        } else if (route.upstreamModel.contains(u'/') || route.prefixName.isEmpty()) {
            m_yaml.error(path, tr("provider \"%1\" is not supported by Switchyard").arg(route.prefixName), node);
        } else {
            m_yaml.error(
                path,
                tr("LiteLLM sends \"%1\" without a prefix to provider \"%2\", which Switchyard does not support")
                    .arg(route.upstreamModel, route.prefixName),
                node);
        }
        return true;
    case LiteLlmModelOwner::Unknown:
        break;
    }
    if (!route.prefixName.isEmpty()) {
        m_yaml.error(
            path,
            tr("LiteLLM has no provider \"%1\"%2; for an OpenAI-compatible server write openai/%3 with its api_base")
                .arg(route.prefixName, ConfigProblems::didYouMean(route.prefixName, LiteLlmProviders::knownPrefixes()),
                     text(node)),
            node);
    } else {
        m_yaml.error(
            path,
            tr("LiteLLM cannot tell which provider serves \"%1\"; write it with a provider prefix, e.g. openai/%1")
                .arg(route.upstreamModel),
            node);
    }
    return true;
}

// LiteLLM's wildcard routing: a model_name pattern takes the names clients ask for, and the stars of
// litellm_params.model are filled with what the pattern's stars matched.
bool LiteLlmDeploymentReader::acceptWildcard(const QString& groupName, const LiteLlmModelRoute& route,
                                             const QString& path, const YAML::Node& node)
{
    const int groupStars = ModelNamePattern::starCount(groupName);
    const int modelStars = ModelNamePattern::starCount(route.upstreamModel);
    if (modelStars > 0 && groupStars == 0) {
        m_yaml.error(
            path,
            tr("\"%1\" passes the requested model name through, but model_name \"%2\" is no pattern that takes "
               "names; write model_name: \"*\" or a pattern such as \"%1\"")
                .arg(text(node), groupName),
            node);
        return false;
    }
    if (modelStars > groupStars) {
        m_yaml.error(path,
                     tr("\"%1\" has more * than model_name \"%2\": LiteLLM would send a * it cannot fill")
                         .arg(text(node), groupName),
                     node);
        return false;
    }
    if (route.providerChosenForWildcard) {
        m_yaml.note(path,
                    tr("LiteLLM picks each requested name's provider by that name; Switchyard sends every name \"%1\" "
                       "takes to one OpenAI-compatible provider (api_base, else api.openai.com); add deployments such "
                       "as anthropic/* for other providers")
                        .arg(groupName),
                    node);
    }
    return true;
}

std::optional<QUrl> LiteLlmDeploymentReader::baseFor(const LiteLlmPrefix& prefix, const YAML::Node& params,
                                                     const QString& paramsPath)
{
    const YAML::Node node = params["api_base"];
    const QString path = join(paramsPath, QStringLiteral("api_base"));
    QString text;
    if (isPresent(node)) {
        const auto value = m_yaml.resolved(node, path);
        if (!value) {
            return std::nullopt;
        }
        text = *value;
    } else if (*prefix.defaultBase) {
        return QUrl(QLatin1String(prefix.defaultBase));
    } else if (*prefix.baseEnv && !m_yaml.environment(QLatin1String(prefix.baseEnv)).isEmpty()) {
        text = m_yaml.environment(QLatin1String(prefix.baseEnv));
        m_yaml.note(path,
                    tr("not given: taken from %1 while importing, as LiteLLM does").arg(QLatin1String(prefix.baseEnv)),
                    params);
    } else {
        m_yaml.error(path, tr("required for \"%1\" models").arg(QLatin1String(prefix.prefix)), params);
        return std::nullopt;
    }
    if (looksLikePlaceholder(text)) {
        m_yaml.error(path, tr("\"%1\" looks like a placeholder from an example, not a server").arg(text), node);
        return std::nullopt;
    }
    const QUrl base = LiteLlmProviders::fromApiBase(prefix, text);
    if (!base.isValid() || base.host().isEmpty()
        || (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https"))) {
        m_yaml.error(path, tr("not a valid http(s) URL"), node);
        return std::nullopt;
    }
    return base;
}

// A key is bound to the host it was configured for: the provider's own variable only on its own
// base URL, a literal key only through a variable named after its host.
std::optional<QString> LiteLlmDeploymentReader::keyFor(const LiteLlmPrefix& prefix, const QUrl& base,
                                                       const YAML::Node& params, const QString& paramsPath,
                                                       Access* access)
{
    const YAML::Node apiKey = params["api_key"];
    const bool azure = prefix.kind == ProviderKind::AzureOpenAi;
    const YAML::Node token = azure ? params["azure_ad_token"] : YAML::Node();
    // A Microsoft Entra ID token goes as a bearer; where it comes from is read as a key is. (Bound by
    // reference: a YAML node assigned or reset would write into, or throw on, the file's tree.)
    const bool useToken = azure && isPresent(token) && !isPresent(apiKey);
    const YAML::Node& node = useToken ? token : apiKey;
    const QString path = join(paramsPath, useToken ? QStringLiteral("azure_ad_token") : QStringLiteral("api_key"));
    const QString host = LiteLlmKeyVariables::hostText(base);
    if (azure && !useToken && !isPresent(apiKey)
        && (isPresent(params["tenant_id"]) || isPresent(params["client_id"]) || isPresent(params["client_secret"]))) {
        // LiteLLM's Entra ID client credentials: tokens fetched (and renewed) while calling.
        access->auth = ProviderAuth::EntraIdToken;
        readEntraCredentials(params, paramsPath);
        return QStringLiteral("AZURE_AD_TOKEN");
    }
    if (useToken) {
        access->auth = ProviderAuth::EntraIdToken;
    } else if (azure && isPresent(token)) {
        m_yaml.note(join(paramsPath, QStringLiteral("azure_ad_token")),
                    tr("both api_key and azure_ad_token are given: the api-key header is sent, as LiteLLM does"),
                    token);
    }
    if (!isPresent(node)) {
        if (LiteLlmProviders::isDefaultBase(prefix, base)) {
            return QLatin1String(prefix.defaultKeyEnv);
        }
        if (azure) {
            // Azure has no default host: its key variable belongs to whichever resource the file names.
            m_yaml.note(
                path,
                tr("no api_key: %1 is sent to %2, as LiteLLM does").arg(QLatin1String(prefix.defaultKeyEnv), host),
                params);
            return QLatin1String(prefix.defaultKeyEnv);
        }
        if (*prefix.defaultKeyEnv && !m_yaml.deploymentSkipped()) {
            m_yaml.note(
                isPresent(params["api_base"]) ? join(paramsPath, QStringLiteral("api_base")) : path,
                tr("no api_key: LiteLLM would send %1 to %2; Switchyard sends no key there, as that key belongs to "
                   "%3. Add \"api_key: os.environ/NAME\" if %2 needs one")
                    .arg(QLatin1String(prefix.defaultKeyEnv), host, QUrl(QLatin1String(prefix.defaultBase)).host()),
                params);
        }
        return QString();
    }
    const auto value = m_yaml.string(node, path);
    if (!value) {
        return std::nullopt;
    }
    if (value->startsWith(QLatin1String("os.environ/"))) {
        const QString variable = value->mid(int(qstrlen("os.environ/")));
        if (variable.isEmpty()) {
            m_yaml.error(path, tr("os.environ/ needs a variable name"), node);
            return std::nullopt;
        }
        const LiteLlmPrefix* owner = LiteLlmProviders::byKeyEnv(variable);
        const QString ownerHost = owner ? QUrl(QLatin1String(owner->defaultBase)).host() : QString();
        const bool ownAzureKey = owner && azure && owner->kind == ProviderKind::AzureOpenAi;
        if (owner && !ownAzureKey && ownerHost != base.host()) {
            m_yaml.note(path,
                        tr("%1 is %2's key variable, but this deployment sends it to %3; make sure that is meant")
                            .arg(variable, QLatin1String(owner->displayName), host),
                        node);
        }
        return variable;
    }
    if (m_yaml.deploymentSkipped()) {
        return QString();
    }
    // The key itself is neither stored nor repeated in any message.
    const LiteLlmKeyVariable variable
        = m_keys.variableFor(base, *value, node.Mark().is_null() ? 0 : node.Mark().line + 1);
    m_yaml.note(path,
                variable.isSet
                    ? tr("a literal API key is not imported: %1 already holds this key, which is sent only to %2")
                          .arg(variable.name, host)
                    : tr("a literal API key is not imported: set %1 to the key written here; it is sent only to %2")
                          .arg(variable.name, host),
                node);
    return variable.name;
}

// Switchyard reads the client credentials where Azure's SDKs do (EnvironmentCredential): values
// that name those variables are taken as they are; others are named with the variable to set, and a
// literal secret is never repeated.
void LiteLlmDeploymentReader::readEntraCredentials(const YAML::Node& params, const QString& paramsPath)
{
    static const char* const kFields[][2] = { { "tenant_id", "AZURE_TENANT_ID" },
                                              { "client_id", "AZURE_CLIENT_ID" },
                                              { "client_secret", "AZURE_CLIENT_SECRET" } };
    for (const auto& [field, variable] : kFields) {
        const YAML::Node node = params[field];
        const QString path = join(paramsPath, QLatin1String(field));
        const QString standard = QStringLiteral("os.environ/") + QLatin1String(variable);
        if (!isPresent(node)) {
            m_yaml.note(path,
                        tr("not given: the Entra ID token is requested with %1 from the environment")
                            .arg(QLatin1String(variable)),
                        params);
        } else if (text(node) != standard) {
            m_yaml.note(path,
                        QLatin1String(field) == QLatin1String("client_secret")
                                || !text(node).startsWith(QLatin1String("os.environ/"))
                            ? tr("Switchyard reads this from %1 while calling, as Azure's SDKs do: set %1 to the value "
                                 "written here")
                                  .arg(QLatin1String(variable))
                            : tr("Switchyard reads this from %1 while calling, as Azure's SDKs do: set %1 as %2 is set")
                                  .arg(QLatin1String(variable), text(node).mid(int(qstrlen("os.environ/")))),
                        node);
        }
    }
}

std::optional<QString> LiteLlmDeploymentReader::azureApiVersion(const QUrl& base, const YAML::Node& params,
                                                                const QString& paramsPath)
{
    const YAML::Node node = params["api_version"];
    const QString path = join(paramsPath, QStringLiteral("api_version"));
    if (isPresent(node)) {
        const auto value = m_yaml.resolved(node, path);
        if (value
            && !QRegularExpression(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2}(-preview)?|preview|latest|v1)$"))
                    .match(*value)
                    .hasMatch()) {
            m_yaml.error(path, tr("\"%1\" is not an Azure OpenAI api-version (like 2024-10-21)").arg(*value), node);
            return std::nullopt;
        }
        return value;
    }
    if (AzureEndpoint::isV1Base(base)) {
        return QString(); // the v1 API takes none
    }
    const QString fromEnvironment = m_yaml.environment(QStringLiteral("AZURE_API_VERSION"));
    if (!fromEnvironment.isEmpty()) {
        m_yaml.note(
            path,
            tr("not given: taken from %1 while importing, as LiteLLM does").arg(QLatin1String("AZURE_API_VERSION")),
            params);
        return fromEnvironment;
    }
    m_yaml.note(path, tr("not given: Switchyard sends api-version=%1").arg(AzureEndpoint::defaultApiVersion()), params);
    return QString();
}

QString LiteLlmDeploymentReader::providerFor(const LiteLlmPrefix& prefix, const QUrl& base, const QString& keyEnv,
                                             const Access& access, const LiteLlmBedrockParams::Aws& aws)
{
    const ProviderKey providerKey { prefix.kind,       base.toString(), keyEnv,
                                    access.apiVersion, access.auth,     aws.region + u'|' + aws.profile };
    const qsizetype existing = m_providerKeys.indexOf(providerKey);
    if (existing >= 0) {
        return m_result->config.providers.at(existing).id;
    }
    const bool generic = prefix.kind != ProviderKind::BedrockConverse
        && (!*prefix.defaultBase || !LiteLlmProviders::isDefaultBase(prefix, base));
    const bool named = !generic
        || (QLatin1String(prefix.prefix) != QLatin1String("openai")
            && QLatin1String(prefix.prefix) != QLatin1String("custom_openai"));
    const QString idBase = named ? QLatin1String(prefix.idBase) : idFromHost(base);
    const QString displayName = named ? QLatin1String(prefix.displayName) : base.host();
    ProviderConfig provider;
    provider.id = idBase;
    provider.displayName = displayName;
    for (int n = 2; m_result->config.provider(provider.id); ++n) {
        provider.id = QStringLiteral("%1-%2").arg(idBase).arg(n);
        provider.displayName = QStringLiteral("%1 %2").arg(displayName).arg(n);
    }
    provider.kind = prefix.kind;
    provider.baseUrl = base;
    provider.keyEnv = keyEnv;
    provider.apiVersion = access.apiVersion;
    provider.auth = access.auth;
    provider.awsRegion = aws.region;
    provider.awsProfile = aws.profile;
    m_result->config.providers.append(provider);
    m_providerKeys.append(providerKey);
    return provider.id;
}

void LiteLlmDeploymentReader::readPrice(const QString& name, const YAML::Node& value, const QString& path,
                                        PriceParts* price)
{
    const auto cost = m_yaml.number(value, path);
    if (!cost) {
        return;
    }
    if (*cost < 0) {
        m_yaml.error(path, tr("a price must not be negative"), value);
        return;
    }
    std::optional<double>& target = name == QLatin1String("input_cost_per_token") ? price->input
        : name == QLatin1String("output_cost_per_token")                          ? price->output
                                                                                  : price->cachedInput;
    target = perMillion(*cost);
    if (price->path.isEmpty()) {
        price->node = value;
        price->path = path;
    }
}

// A price needs both sides: with only one of them the model stays unpriced (looked up in the price
// table), never free on the other side.
void LiteLlmDeploymentReader::applyPrice(const PriceParts& price, ModelConfig* model)
{
    if (price.input && price.output) {
        model->price = ModelPrice { *price.input, *price.output, price.cachedInput.value_or(0), true };
    } else if (price.input || price.output) {
        m_yaml.note(price.path,
                    price.input
                        ? tr("only the input price is given: the model stays unpriced (the price table's price "
                             "applies if it knows the model), never free for output")
                        : tr("only the output price is given: the model stays unpriced (the price table's price "
                             "applies if it knows the model), never free for input"),
                    price.node);
    }
}

void LiteLlmDeploymentReader::readModelInfo(const YAML::Node& info, const QString& path, ModelConfig* model,
                                            PriceParts* price)
{
    if (!m_yaml.expectMap(info, path)) {
        return;
    }
    for (auto it = info.begin(); it != info.end(); ++it) {
        const QString name = key(it);
        const QString itemPath = join(path, name);
        const YAML::Node value = it->second; // a copy: it-> yields a temporary
        if (name == QLatin1String("input_cost_per_token") || name == QLatin1String("output_cost_per_token")
            || name == QLatin1String("cache_read_input_token_cost")) {
            readPrice(name, value, itemPath, price);
        } else if (name == QLatin1String("max_input_tokens")) {
            if (auto tokens = m_yaml.count(value, itemPath)) {
                model->contextWindow = *tokens;
            }
        } else if (name == QLatin1String("max_output_tokens")) {
            if (auto tokens = m_yaml.count(value, itemPath)) {
                model->maxOutputTokens = *tokens;
            }
        } else if (name == QLatin1String("base_model")) {
            // What LiteLLM prices an Azure deployment by when its name says nothing of the model.
            if (auto base = m_yaml.string(value, itemPath)) {
                model->baseModel = base->trimmed();
            }
        } else {
            m_yaml.unmapped(itemPath, value);
        }
    }
}

// LiteLLM's weights are relative and may be fractional (0.3 / 0.7); ours are whole numbers, so each
// group is scaled by the smallest power of ten that keeps its ratios.
void LiteLlmDeploymentReader::applyWeights()
{
    for (auto& group : m_result->config.policy.groups) {
        const QList<double> weights = m_weights.value(group.name);
        double scale = 1;
        for (; scale < 1000; scale *= 10) {
            const bool whole = std::all_of(weights.cbegin(), weights.cend(), [scale](double w) {
                return std::abs(w * scale - std::round(w * scale)) < 1e-6;
            });
            if (whole) {
                break;
            }
        }
        for (qsizetype i = 0; i < group.deployments.size() && i < weights.size(); ++i) {
            group.deployments[i].weight = qMax(1, int(std::lround(weights.at(i) * scale)));
        }
    }
}
