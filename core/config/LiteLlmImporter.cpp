#include "core/config/LiteLlmImporter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/depthguard.h>

#include <cmath>

using namespace LiteLlmYaml;

namespace {
// lupdate files these strings under the class whose members call tr(); the lookup must match.
QString tr(const char* text)
{
    return QCoreApplication::translate("LiteLlmImporter", text);
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

LiteLlmImporter::LiteLlmImporter(const LiteLlmImportOptions& options)
    : m_options(options)
    , m_keys([this](const QString& name) { return environment(name); })
{
    m_result.config.policy.defaults = options.baseDefaults;
}

QString LiteLlmImporter::environment(const QString& name) const
{
    return m_options.environment ? m_options.environment(name) : qEnvironmentVariable(name.toUtf8().constData());
}

LiteLlmImportResult LiteLlmImporter::run(const QByteArray& yaml)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsDefined() || root.IsNull()) {
            error(QString(), tr("the file is empty"));
        } else if (!root.IsMap()) {
            error(QString(), tr("expected a mapping with model_list, router_settings, ..."), root);
        } else {
            readRoot(root);
        }
    } catch (const YAML::Exception& exception) {
        // Parse errors, and anything unexpected while walking: reported, never a crash.
        ConfigProblem problem { m_options.fileName, QString(), QString() };
        problem.line = exception.mark.is_null() ? 0 : exception.mark.line + 1;
        problem.column = exception.mark.is_null() ? 0 : exception.mark.column + 1;
        // yaml-cpp's depth guard says only "bad file".
        const QString reason = dynamic_cast<const YAML::DeepRecursion*>(&exception)
            ? tr("nested too deeply")
            : QString::fromStdString(exception.msg);
        problem.message
            = tr("malformed YAML at line %1, column %2: %3").arg(problem.line).arg(problem.column).arg(reason);
        m_result.problems.append(problem);
    }
    m_result.ok = !ConfigProblems::hasErrors(m_result.problems);
    m_result.keyVariables = m_keys.variables();
    return m_result;
}

void LiteLlmImporter::report(ConfigProblem::Severity severity, const QString& path, const QString& message,
                             const YAML::Node& node)
{
    ConfigProblem problem { m_options.fileName, path, message, severity };
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
    m_result.problems.append(problem);
}

void LiteLlmImporter::error(const QString& path, const QString& message, const YAML::Node& node)
{
    report(ConfigProblem::Severity::Error, path, message, node);
}

void LiteLlmImporter::note(const QString& path, const QString& message, const YAML::Node& node)
{
    report(ConfigProblem::Severity::Warning, path, message, node);
}

void LiteLlmImporter::unmapped(const QString& path, const YAML::Node& node)
{
    note(path, tr("not used by Switchyard; ignored"), node);
}

bool LiteLlmImporter::expectMap(const YAML::Node& node, const QString& path)
{
    if (node.IsMap()) {
        return true;
    }
    if (!node.IsNull()) {
        error(path, tr("expected a mapping"), node);
    }
    return false;
}

bool LiteLlmImporter::expectSequence(const YAML::Node& node, const QString& path)
{
    if (node.IsSequence()) {
        return true;
    }
    if (!node.IsNull()) {
        error(path, tr("expected a list"), node);
    }
    return false;
}

std::optional<QString> LiteLlmImporter::string(const YAML::Node& node, const QString& path)
{
    if (!node.IsScalar()) {
        error(path, tr("expected text"), node);
        return std::nullopt;
    }
    return text(node);
}

std::optional<QString> LiteLlmImporter::resolved(const YAML::Node& node, const QString& path)
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

std::optional<double> LiteLlmImporter::number(const YAML::Node& node, const QString& path)
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

std::optional<int> LiteLlmImporter::count(const YAML::Node& node, const QString& path)
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

std::optional<int> LiteLlmImporter::milliseconds(const YAML::Node& node, const QString& path)
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

std::optional<bool> LiteLlmImporter::boolean(const YAML::Node& node, const QString& path)
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

QStringList LiteLlmImporter::strings(const YAML::Node& node, const QString& path)
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

void LiteLlmImporter::readRoot(const YAML::Node& root)
{
    // Deployments first so fallbacks can be checked; litellm_settings before router_settings so the
    // router's values win where both set the same thing, as in LiteLLM.
    for (const char* section : { "model_list", "litellm_settings", "router_settings" }) {
        const YAML::Node node = root[section];
        if (!node.IsDefined()) {
            continue;
        }
        const QString name = QLatin1String(section);
        if (name == QLatin1String("model_list")) {
            readModelList(node);
        } else if (expectMap(node, name)) {
            readSettings(node, name);
        }
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString name = key(it);
        if (name == QLatin1String("model_list") || name == QLatin1String("litellm_settings")
            || name == QLatin1String("router_settings")) {
            continue;
        }
        if (name == QLatin1String("general_settings") && it->second.IsMap()) {
            for (auto setting = it->second.begin(); setting != it->second.end(); ++setting) {
                note(join(name, key(setting)), tr("proxy server setting, not used by Switchyard; ignored"),
                     setting->second);
            }
        } else if (name == QLatin1String("environment_variables")) {
            note(name, tr("not imported: set these variables in your environment (values are never copied)"),
                 it->second);
        } else {
            unmapped(name, it->second);
        }
    }
    applyDefaultFallbacks();
    if (m_aliases.IsDefined()) {
        readGroupAliases(m_aliases, m_aliasesPath);
    }
}

void LiteLlmImporter::readModelList(const YAML::Node& list)
{
    if (!expectSequence(list, QStringLiteral("model_list"))) {
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        m_inDeployment = true;
        m_deploymentSkipped = false;
        readDeployment(list[i], QStringLiteral("model_list[%1]").arg(i));
        m_inDeployment = false;
        m_result.skippedDeployments += m_deploymentSkipped ? 1 : 0;
    }
    addInferredWildcards();
    applyWeights();
}

LiteLlmImportResult LiteLlmConfig::importYaml(const QByteArray& yaml, const LiteLlmImportOptions& options)
{
    return LiteLlmImporter(options).run(yaml);
}

LiteLlmImportResult LiteLlmConfig::importFile(const QString& path, LiteLlmImportOptions options)
{
    options.fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        LiteLlmImportResult result;
        result.problems.append(
            { options.fileName, QString(),
              QCoreApplication::translate("LiteLlmConfig", "cannot read %1: %2").arg(path, file.errorString()) });
        return result;
    }
    return importYaml(file.readAll(), options);
}
