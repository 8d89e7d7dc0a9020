#include "ui/workbench/PromptTextEdit.h"

#include <QImage>
#include <QMimeData>
#include <QUrl>

namespace {
QStringList localFiles(const QMimeData* source)
{
    QStringList paths;
    for (const QUrl& url : source->urls()) {
        if (url.isLocalFile()) {
            paths.append(url.toLocalFile());
        }
    }
    return paths;
}
} // namespace

bool PromptTextEdit::canInsertFromMimeData(const QMimeData* source) const
{
    return !localFiles(source).isEmpty() || source->hasImage() || QPlainTextEdit::canInsertFromMimeData(source);
}

void PromptTextEdit::insertFromMimeData(const QMimeData* source)
{
    if (const QStringList paths = localFiles(source); !paths.isEmpty()) {
        emit filesDropped(paths);
    } else if (source->hasImage()) {
        emit imagePasted(qvariant_cast<QImage>(source->imageData()));
    } else {
        QPlainTextEdit::insertFromMimeData(source);
    }
}
