#pragma once

#include <QString>

class QWidget;

// File pickers behind a thin wrapper so tests can pre-answer them (KeePassXC's fileDialog()).
// They open where the user last picked a file in this session, else in the Documents folder,
// never in the process's working directory; a suggested name without a folder goes there.
namespace FileDialogs {
// Where the next picker opens.
QString startDirectory();
// `suggested` in startDirectory() unless it names a folder of its own.
QString suggestedPath(const QString& suggested);
QString saveFileName(QWidget* parent, const QString& caption, const QString& suggested, const QString& filters,
                     QString* selectedFilter = nullptr);
// The next saveFileName() returns this without showing a dialog (empty = cancelled).
void setNextSaveFileName(const QString& path);
QString openFileName(QWidget* parent, const QString& caption, const QString& directory, const QString& filters);
// The next openFileName() returns this without showing a dialog (empty = cancelled).
void setNextOpenFileName(const QString& path);
} // namespace FileDialogs
