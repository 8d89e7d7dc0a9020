#include "ui/common/FileDialogs.h"

#include <QFileDialog>

#include <optional>

namespace {
std::optional<QString> s_nextSaveFileName;
std::optional<QString> s_nextOpenFileName;
} // namespace

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

QString openFileName(QWidget* parent, const QString& caption, const QString& directory, const QString& filters)
{
    if (s_nextOpenFileName) {
        const QString path = *s_nextOpenFileName;
        s_nextOpenFileName.reset();
        return path;
    }
    return QFileDialog::getOpenFileName(parent, caption, directory, filters);
}

void setNextOpenFileName(const QString& path)
{
    s_nextOpenFileName = path;
}

} // namespace FileDialogs
