#pragma once

#include "core/workbench/Attachment.h"

#include <QImage>

#include <optional>

// Reads files for the prompt: their kind by content (core/workbench/Attachment), a PDF's pages and
// text layer and a picture of it (Qt PDF), so the strip can show a thumbnail of each.
class AttachmentLoader
{
    Q_DECLARE_TR_FUNCTIONS(AttachmentLoader)

public:
    struct Loaded
    {
        Attachment attachment;
        QImage thumbnail; // the image, a PDF's first page; null for text
    };

    // A file that cannot be read, is over its cap or of a kind no provider takes is refused in
    // *error, naming the file.
    static std::optional<Loaded> fromFile(const QString& path, int thumbnailSide, QString* error);
    // An image pasted from the clipboard, sent as PNG.
    static std::optional<Loaded> fromImage(const QImage& image, const QString& fileName, int thumbnailSide,
                                           QString* error);
};
