#pragma once

#include "core/workbench/ComparisonSnapshot.h"

#include <QByteArray>

// The standalone HTML page of a comparison (ComparisonExport's HTML format): one file, inline
// CSS, no scripts or external assets, readable in light and dark mode.
namespace ComparisonHtml {
QByteArray page(const ComparisonSnapshot& snapshot);
// A tool call's arguments indented when they are JSON, as written otherwise (shared by the formats).
QString prettyArguments(const QString& arguments);
} // namespace ComparisonHtml
