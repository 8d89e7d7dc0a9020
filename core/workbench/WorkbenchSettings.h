#pragma once

#include "core/workbench/ColumnSpec.h"

#include <QList>
#include <QString>

// The workbench's remembered choices (the home's settings, group "workbench"): its columns, layout and
// prompt settings survive restarts. Plain load/save so tests can round-trip them.
struct WorkbenchSettings
{
    enum class Layout
    {
        SideBySide,
        Grid,
        Tabs,
    };

    QList<ColumnSpec> columns;
    Layout layout = Layout::SideBySide;
    bool syncScrolling = false;
    bool systemPromptVisible = false;
    QString systemPrompt;
    std::optional<double> temperature;
    int maxTokens = 0;
    ToolSet tools; // the prompt's tools, offered to every column

    static WorkbenchSettings load();
    void save() const;

    static QString layoutId(Layout layout);
    static Layout layoutFromId(const QString& id);

    bool operator==(const WorkbenchSettings&) const = default;
};
