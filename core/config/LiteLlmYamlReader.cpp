#include "core/config/LiteLlmYamlReader.h"

#include <QCoreApplication>

#include <cmath>

using namespace LiteLlmYaml;

namespace {
// lupdate files these strings under the class whose members call tr(); the lookup must match.
QString tr(const char* text)
{
    return QCoreApplication::translate("LiteLlmYamlReader", text);
}
} // namespace

QString LiteLlmYaml::text(const YAML::Node& node)
{
    return QString::fromStdString(node.Scalar());
}

QString LiteLlmYaml::key(const YAML::const_iterator& entry)
{
    return entry->first.IsScalar() ? QString::fromStdString(entry->first.Scalar()) : QStringLiteral("?");
}

QString LiteLlmYaml::join(const QString& path, const QString& key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

bool LiteLlmYaml::isPresent(const YAML::Node& node)
{
    return node.IsDefined() && !node.IsNull() && !(node.IsScalar() && node.Scalar().empty());
}

LiteLlmYamlReader::LiteLlmYamlReader(QString fileName, Environment environment, QList<ConfigProblem>* problems)
    : m_fileName(std::move(fileName))
    , m_environment(std::move(environment))
    , m_problems(problems)
{
}

QString LiteLlmYamlReader::environment(const QString& name) const
{
    return m_environment ? m_environment(name) : qEnvironmentVariable(name.toUtf8().constData());
}

void LiteLlmYamlReader::beginDeployment()
{
    m_inDeployment = true;
    m_deploymentSkipped = false;
}

bool LiteLlmYamlReader::endDeployment()
{
    m_inDeployment = false;
    return m_deploymentSkipped;
}

void LiteLlmYamlReader::report(ConfigProblem::Severity severity, const QString& path, const QString& message,
                               const YAML::Node& node)
{
    ConfigProblem problem { m_fileName, path, message, severity };
    if (m_inDeployment && severity == ConfigProblem::Severity::Error) {
        // One bad value costs its deployment, not the file; said once, at the first problem.
        problem.severity = ConfigProblem::Severity::Warning;
        if (!m_deploymentSkipped) {
            problem.message = tr("%1; this deployment was skipped").arg(message);
            m_deploymentSkipped = true;
        }
    }
    if (node.IsDefined() && !node.Mark().is_null()) {
        problem.line = node.Mark().line + 1;
        problem.column = node.Mark().column + 1;
    }
    m_problems->append(problem);
}

void LiteLlmYamlReader::error(const QString& path, const QString& message, const YAML::Node& node)
{
    report(ConfigProblem::Severity::Error, path, message, node);
}

void LiteLlmYamlReader::note(const QString& path, const QString& message, const YAML::Node& node)
{
    report(ConfigProblem::Severity::Warning, path, message, node);
}

void LiteLlmYamlReader::unmapped(const QString& path, const YAML::Node& node)
{
    note(path, tr("not used by Switchyard; ignored"), node);
}

bool LiteLlmYamlReader::expectMap(const YAML::Node& node, const QString& path)
{
    if (node.IsMap()) {
        return true;
    }
    if (!node.IsNull()) {
        error(path, tr("expected a mapping"), node);
    }
    return false;
}

bool LiteLlmYamlReader::expectSequence(const YAML::Node& node, const QString& path)
{
    if (node.IsSequence()) {
        return true;
    }
    if (!node.IsNull()) {
        error(path, tr("expected a list"), node);
    }
    return false;
}

std::optional<QString> LiteLlmYamlReader::string(const YAML::Node& node, const QString& path)
{
    if (!node.IsScalar()) {
        error(path, tr("expected text"), node);
        return std::nullopt;
    }
    return text(node);
}

std::optional<QString> LiteLlmYamlReader::resolved(const YAML::Node& node, const QString& path)
{
    const auto value = string(node, path);
    if (!value || !value->startsWith(QLatin1String("os.environ/"))) {
        return value;
    }
    const QString name = value->mid(int(qstrlen("os.environ/")));
    const QString fromEnvironment = environment(name);
    if (name.isEmpty() || fromEnvironment.isEmpty()) {
        error(path,
              tr("%1 is not set: LiteLLM reads this value from the environment; set it and import again")
                  .arg(name.isEmpty() ? *value : name),
              node);
        return std::nullopt;
    }
    note(path, tr("taken from %1 while importing; Switchyard keeps the value, not the variable").arg(name), node);
    return fromEnvironment;
}

std::optional<double> LiteLlmYamlReader::number(const YAML::Node& node, const QString& path)
{
    try {
        if (node.IsScalar() && text(node).startsWith(QLatin1String("os.environ/"))) {
            bool ok = false;
            const auto value = resolved(node, path);
            const double parsed = value ? value->trimmed().toDouble(&ok) : 0;
            if (!value) {
                return std::nullopt;
            }
            if (ok && std::isfinite(parsed)) {
                return parsed;
            }
        } else if (node.IsScalar()) {
            const double value = node.as<double>();
            if (std::isfinite(value)) {
                return value;
            }
        }
    } catch (const YAML::Exception&) {
    }
    error(path, tr("expected a number"), node);
    return std::nullopt;
}

std::optional<int> LiteLlmYamlReader::count(const YAML::Node& node, const QString& path)
{
    const auto value = number(node, path);
    if (!value) {
        return std::nullopt;
    }
    if (*value < 0 || *value != std::floor(*value) || *value > 2e9) {
        error(path, tr("expected a whole number that is not negative"), node);
        return std::nullopt;
    }
    return int(*value);
}

std::optional<int> LiteLlmYamlReader::milliseconds(const YAML::Node& node, const QString& path)
{
    const auto value = number(node, path);
    if (!value) {
        return std::nullopt;
    }
    if (*value < 0 || *value > 2e6) {
        error(path, tr("expected a number of seconds that is not negative"), node);
        return std::nullopt;
    }
    return int(std::lround(*value * 1000));
}

std::optional<bool> LiteLlmYamlReader::boolean(const YAML::Node& node, const QString& path)
{
    try {
        if (node.IsScalar()) {
            return node.as<bool>();
        }
    } catch (const YAML::Exception&) {
    }
    error(path, tr("expected true or false"), node);
    return std::nullopt;
}

QStringList LiteLlmYamlReader::strings(const YAML::Node& node, const QString& path)
{
    QStringList result;
    if (node.IsScalar()) {
        result.append(text(node)); // LiteLLM accepts a single name too
    } else if (expectSequence(node, path)) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            if (auto value = string(node[i], QStringLiteral("%1[%2]").arg(path).arg(i))) {
                result.append(*value);
            }
        }
    }
    return result;
}
