#include "FileDialogs.h"

#include <QFileDialog>

#include <optional>

namespace {
std::optional<QString> s_nextSaveFileName;
}

namespace FileDialogs {

QString saveFileName(QWidget* parent, const QString& caption, const QString& suggested, const QString& filters,
                     QString* selectedFilter)
{
    if (s_nextSaveFileName) {
        const QString path = *s_nextSaveFileName;
        s_nextSaveFileName.reset();
        return path;
    }
    return QFileDialog::getSaveFileName(parent, caption, suggested, filters, selectedFilter);
}

void setNextSaveFileName(const QString& path)
{
    s_nextSaveFileName = path;
}

} // namespace FileDialogs
