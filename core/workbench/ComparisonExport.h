#pragma once

#include "core/workbench/ComparisonSnapshot.h"

#include <QByteArray>
#include <QString>

#include <optional>

// A comparison written out for sharing: Markdown (for notes and issues), JSON (for scripts),
// CSV (one row per column, for spreadsheets) and a standalone HTML page (no external assets).
namespace ComparisonExport {

enum class Format
{
    Markdown,
    Json,
    Csv,
    Html,
};

QByteArray render(const ComparisonSnapshot& snapshot, Format format);
QByteArray toMarkdown(const ComparisonSnapshot& snapshot);
QByteArray toJson(const ComparisonSnapshot& snapshot);
QByteArray toCsv(const ComparisonSnapshot& snapshot);
QByteArray toHtml(const ComparisonSnapshot& snapshot);

// Writes atomically (QSaveFile): an existing file is either replaced whole or left untouched.
bool save(const ComparisonSnapshot& snapshot, Format format, const QString& path, QString* errorMessage = nullptr);

// From a file name's suffix: .md/.markdown, .json, .csv, .html/.htm.
std::optional<Format> formatForPath(const QString& path);
QString suffix(Format format);

} // namespace ComparisonExport
