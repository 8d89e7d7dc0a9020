#include "core/config/LiteLlmImporter.h"

#include <QCoreApplication>

#include <yaml-cpp/depthguard.h>

using namespace LiteLlmYaml;

namespace {
// lupdate files these strings under the class whose members call tr(); the lookup must match.
QString tr(const char* text)
{
    return QCoreApplication::translate("LiteLlmImporter", text);
}
} // namespace

LiteLlmImporter::LiteLlmImporter(const LiteLlmImportOptions& options)
    : m_yaml(options.fileName, options.environment, &m_result.problems)
    , m_keys([this](const QString& name) { return m_yaml.environment(name); })
    , m_deployments(m_yaml, m_keys, &m_result)
    , m_settings(m_yaml, &m_result.config)
{
    m_result.config.policy.defaults = options.baseDefaults;
}

LiteLlmImportResult LiteLlmImporter::run(const QByteArray& yaml)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsDefined() || root.IsNull()) {
            m_yaml.error(QString(), tr("the file is empty"));
        } else if (!root.IsMap()) {
            m_yaml.error(QString(), tr("expected a mapping with model_list, router_settings, ..."), root);
        } else {
            readRoot(root);
        }
    } catch (const YAML::Exception& exception) {
        // Parse errors, and anything unexpected while walking: reported, never a crash.
        ConfigProblem problem { m_yaml.fileName(), QString(), QString() };
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
            m_deployments.readModelList(node);
        } else if (m_yaml.expectMap(node, name)) {
            m_settings.readSettings(node, name);
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
                m_yaml.note(join(name, key(setting)), tr("proxy server setting, not used by Switchyard; ignored"),
                            setting->second);
            }
        } else if (name == QLatin1String("environment_variables")) {
            m_yaml.note(name, tr("not imported: set these variables in your environment (values are never copied)"),
                        it->second);
        } else {
            m_yaml.unmapped(name, it->second);
        }
    }
    m_settings.finish();
}
