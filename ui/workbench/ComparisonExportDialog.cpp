#include "ui/workbench/ComparisonExportDialog.h"

#include "core/workbench/ComparisonExport.h"
#include "ui/common/FileDialogs.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMessageBox>

QString ComparisonExportDialog::run(QWidget* parent, const ComparisonSnapshot& snapshot)
{
    auto tr = [](const char* text) { return QCoreApplication::translate("ComparisonExportDialog", text); };
    const QString markdown = tr("Markdown (*.md)");
    const QString json = tr("JSON (*.json)");
    const QString csv = tr("CSV spreadsheet (*.csv)");
    const QString html = tr("Web page (*.html)");
    QString filter = markdown;
    QString path
        = FileDialogs::saveFileName(parent, tr("Export Comparison"), tr("comparison.md"),
                                    QStringList { markdown, json, csv, html }.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty()) {
        return {};
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += filter == json ? QStringLiteral(".json")
            : filter == csv    ? QStringLiteral(".csv")
            : filter == html   ? QStringLiteral(".html")
                               : QStringLiteral(".md");
    }
    QString error;
    const auto format = ComparisonExport::formatForPath(path);
    if (!format) {
        error = tr("Choose a file ending in .md, .json, .csv or .html.");
    }
    if (!format || !ComparisonExport::save(snapshot, *format, path, &error)) {
        QMessageBox::warning(parent, tr("Export Comparison"), tr("Could not write %1: %2").arg(path, error));
        return {};
    }
    return path;
}
