#include "core/workbench/WorkbenchSettings.h"

#include "core/common/HomeSettings.h"

#include <QJsonDocument>
#include <QSettings>

namespace {
// Bump when the stored shape changes; load() migrates older versions step by step.
constexpr int SettingsVersion = 1;
} // namespace

WorkbenchSettings WorkbenchSettings::load()
{
    const std::unique_ptr<QSettings> stored = HomeSettings::open();
    QSettings& settings = *stored;
    settings.beginGroup(QStringLiteral("workbench"));
    WorkbenchSettings result;
    const QByteArray columns = settings.value(QStringLiteral("columns")).toByteArray();
    result.columns = ColumnSpec::listFromJson(QJsonDocument::fromJson(columns).array());
    result.layout = layoutFromId(settings.value(QStringLiteral("layout")).toString());
    result.syncScrolling = settings.value(QStringLiteral("syncScrolling"), false).toBool();
    result.systemPromptVisible = settings.value(QStringLiteral("systemPromptVisible"), false).toBool();
    result.systemPrompt = settings.value(QStringLiteral("systemPrompt")).toString();
    if (settings.contains(QStringLiteral("temperature"))) {
        result.temperature = settings.value(QStringLiteral("temperature")).toDouble();
    }
    result.maxTokens = settings.value(QStringLiteral("maxTokens"), 0).toInt();
    result.tools
        = ToolSet::fromJson(QJsonDocument::fromJson(settings.value(QStringLiteral("tools")).toByteArray()).array());
    return result;
}

void WorkbenchSettings::save() const
{
    const std::unique_ptr<QSettings> stored = HomeSettings::open();
    QSettings& settings = *stored;
    settings.beginGroup(QStringLiteral("workbench"));
    settings.setValue(QStringLiteral("version"), SettingsVersion);
    settings.setValue(QStringLiteral("columns"),
                      QJsonDocument(ColumnSpec::listToJson(columns)).toJson(QJsonDocument::Compact));
    settings.setValue(QStringLiteral("layout"), layoutId(layout));
    settings.setValue(QStringLiteral("syncScrolling"), syncScrolling);
    settings.setValue(QStringLiteral("systemPromptVisible"), systemPromptVisible);
    settings.setValue(QStringLiteral("systemPrompt"), systemPrompt);
    if (temperature) {
        settings.setValue(QStringLiteral("temperature"), *temperature);
    } else {
        settings.remove(QStringLiteral("temperature"));
    }
    settings.setValue(QStringLiteral("maxTokens"), maxTokens);
    settings.setValue(QStringLiteral("tools"), QJsonDocument(tools.toJson()).toJson(QJsonDocument::Compact));
}

QString WorkbenchSettings::layoutId(Layout layout)
{
    switch (layout) {
    case Layout::Grid:
        return QStringLiteral("grid");
    case Layout::Tabs:
        return QStringLiteral("tabs");
    case Layout::SideBySide:
        break;
    }
    return QStringLiteral("side-by-side");
}

WorkbenchSettings::Layout WorkbenchSettings::layoutFromId(const QString& id)
{
    if (id == QLatin1String("grid")) {
        return Layout::Grid;
    }
    if (id == QLatin1String("tabs")) {
        return Layout::Tabs;
    }
    return Layout::SideBySide;
}
