#include "core/config/LiteLlmBedrockParams.h"

#include <QCoreApplication>

using namespace LiteLlmYaml;

namespace {
// lupdate files these strings under the class whose members call tr(); the lookup must match.
QString tr(const char* text)
{
    return QCoreApplication::translate("LiteLlmBedrockParams", text);
}

// The variable each AWS credential parameter must name: the one the AWS credential chain reads.
QString standardVariable(const QString& parameter)
{
    if (parameter == QLatin1String("aws_access_key_id")) {
        return QStringLiteral("AWS_ACCESS_KEY_ID");
    }
    if (parameter == QLatin1String("aws_secret_access_key")) {
        return QStringLiteral("AWS_SECRET_ACCESS_KEY");
    }
    if (parameter == QLatin1String("aws_session_token")) {
        return QStringLiteral("AWS_SESSION_TOKEN");
    }
    return {};
}
} // namespace

std::optional<QUrl> LiteLlmBedrockParams::base(const YAML::Node& params, const QString& paramsPath)
{
    for (const char* name : { "aws_bedrock_runtime_endpoint", "api_base" }) {
        const YAML::Node node = params[name];
        if (!isPresent(node)) {
            continue;
        }
        const QString path = join(paramsPath, QLatin1String(name));
        const auto value = m_yaml.resolved(node, path);
        if (!value) {
            return std::nullopt;
        }
        const QUrl base(value->trimmed());
        if (!base.isValid() || base.host().isEmpty()
            || (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https"))) {
            m_yaml.error(path, tr("not a valid http(s) URL"), node);
            return std::nullopt;
        }
        return base;
    }
    return QUrl(); // the region's own endpoint, bedrock-runtime.<region>.amazonaws.com
}

std::optional<LiteLlmBedrockParams::Aws> LiteLlmBedrockParams::aws(const YAML::Node& params, const QString& paramsPath)
{
    Aws aws;
    bool ok = true;
    for (auto it = params.begin(); it != params.end(); ++it) {
        const QString name = key(it);
        if (!name.startsWith(QLatin1String("aws_")) || name == QLatin1String("aws_bedrock_runtime_endpoint")) {
            continue;
        }
        const YAML::Node value = it->second;
        const QString path = join(paramsPath, name);
        const auto written = m_yaml.string(value, path);
        if (!written) {
            ok = false;
            continue;
        }
        const bool fromEnvironment = written->startsWith(QLatin1String("os.environ/"));
        const QString variable = fromEnvironment ? written->mid(int(qstrlen("os.environ/"))) : QString();
        if (name == QLatin1String("aws_region_name")) {
            // The standard variables are read at each call, as the AWS SDK reads them; a literal or
            // another variable's value is kept.
            if (variable == QLatin1String("AWS_REGION") || variable == QLatin1String("AWS_DEFAULT_REGION")) {
                continue;
            }
            const auto region = m_yaml.resolved(value, path);
            ok = ok && region.has_value();
            aws.region = region.value_or(QString()).trimmed();
        } else if (name == QLatin1String("aws_profile_name")) {
            const auto profile = m_yaml.resolved(value, path);
            ok = ok && profile.has_value();
            aws.profile = profile.value_or(QString()).trimmed();
        } else if (const QString expected = standardVariable(name); !expected.isEmpty()) {
            if (!fromEnvironment) {
                // The key itself is neither stored nor repeated in any message.
                m_yaml.error(
                    path,
                    tr("a literal AWS key is not imported; put it in a profile of ~/.aws/credentials and name the "
                       "profile with aws_profile_name, or set %1")
                        .arg(expected),
                    value);
                ok = false;
            } else if (variable != expected) {
                m_yaml.error(
                    path,
                    tr("Switchyard reads AWS credentials from %1 or from a profile, not from %2; set %1 or use "
                       "aws_profile_name")
                        .arg(expected, variable),
                    value);
                ok = false;
            }
        } else {
            m_yaml.error(
                path,
                tr("\"%1\" is not supported for Bedrock: Switchyard signs with the keys of the environment or of "
                   "an ~/.aws/credentials profile (aws_profile_name)")
                    .arg(name),
                value);
            ok = false;
        }
    }
    if (!ok) {
        return std::nullopt;
    }
    return aws;
}

std::optional<QString> LiteLlmBedrockParams::keyVariable(const YAML::Node& params, const QString& paramsPath)
{
    const YAML::Node node = params["api_key"];
    if (!isPresent(node)) {
        return QString(); // SigV4 with the AWS credentials
    }
    const QString path = join(paramsPath, QStringLiteral("api_key"));
    const auto value = m_yaml.string(node, path);
    if (!value) {
        return std::nullopt;
    }
    if (!value->startsWith(QLatin1String("os.environ/")) || value->size() == int(qstrlen("os.environ/"))) {
        m_yaml.error(path, tr("a literal Bedrock API key is not imported; write api_key: os.environ/NAME and set NAME"),
                     node);
        return std::nullopt;
    }
    return value->mid(int(qstrlen("os.environ/"))); // a Bedrock API key, sent as a bearer token
}
