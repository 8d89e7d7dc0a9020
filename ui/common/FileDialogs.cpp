#include "ui/common/FileDialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>

#include <optional>

namespace {
std::optional<QString> s_nextSaveFileName;
std::optional<QString> s_nextOpenFileName;
QString s_lastDirectory; // of the last file picked this session

QString remembered(const QString& path)
{
    if (!path.isEmpty()) {
        s_lastDirectory = QFileInfo(path).absolutePath();
    }
    return path;
}
} // namespace

namespace FileDialogs {

QString startDirectory()
{
    if (!s_lastDirectory.isEmpty() && QFileInfo(s_lastDirectory).isDir()) {
        return s_lastDirectory;
    }
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

QString suggestedPath(const QString& suggested)
{
    if (suggested.isEmpty() || suggested.contains(QLatin1Char('/')) || QDir::isAbsolutePath(suggested)) {
        return suggested.isEmpty() ? startDirectory() : suggested;
    }
    return QDir(startDirectory()).filePath(suggested);
}

QString saveFileName(QWidget* parent, const QString& caption, const QString& suggested, const QString& filters,
                     QString* selectedFilter)
{
    if (s_nextSaveFileName) {
        const QString path = *s_nextSaveFileName;
        s_nextSaveFileName.reset();
        return remembered(path);
    }
    return remembered(QFileDialog::getSaveFileName(parent, caption, suggestedPath(suggested), filters, selectedFilter));
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
        return remembered(path);
    }
    return remembered(
        QFileDialog::getOpenFileName(parent, caption, directory.isEmpty() ? startDirectory() : directory, filters));
}

void setNextOpenFileName(const QString& path)
{
    s_nextOpenFileName = path;
}

} // namespace FileDialogs
