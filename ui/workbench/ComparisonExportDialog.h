#pragma once

#include <QString>

class QWidget;

// File > Export Comparison's file dialog: Markdown, JSON, CSV or a web page; a name without a
// suffix gets the one of the chosen filter.
class ComparisonExportDialog
{
public:
    // The file to write, or empty when the user cancelled.
    static QString chooseFile(QWidget* parent);
};
