#include "ui/workbench/ComparisonExportDialog.h"

#include "ui/common/FileDialogs.h"

#include <QCoreApplication>
#include <QFileInfo>

QString ComparisonExportDialog::chooseFile(QWidget* parent)
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
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty()) {
        path += filter == json ? QStringLiteral(".json")
            : filter == csv    ? QStringLiteral(".csv")
            : filter == html   ? QStringLiteral(".html")
                               : QStringLiteral(".md");
    }
    return path;
}
