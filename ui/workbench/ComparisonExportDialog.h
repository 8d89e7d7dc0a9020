#pragma once

#include <QString>

class QWidget;
struct ComparisonSnapshot;

// File > Export Comparison: asks where (Markdown, JSON, CSV or a web page; the type follows the
// chosen filter when the name has no suffix), writes the run there, and says what went wrong.
class ComparisonExportDialog
{
public:
    // The file written, or empty when the user cancelled or the write failed (then told so).
    static QString run(QWidget* parent, const ComparisonSnapshot& snapshot);
};
