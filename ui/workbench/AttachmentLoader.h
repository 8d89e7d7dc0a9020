#pragma once

#include "core/workbench/Attachment.h"

#include <QImage>

#include <functional>
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

    // What reading a PDF found: its pages, text layer and first page; or why it cannot be used.
    struct PdfRead
    {
        int pages = 0;
        QString text;
        QImage thumbnail;
        QString error; // not empty: refused, naming the file
        bool cancelled = false;
    };

    // A file that cannot be read, is over its cap or of a kind no provider takes is refused in
    // *error, naming the file. A PDF comes back unread (no pages, no text): readPdf reads it.
    static std::optional<Loaded> fromFile(const QString& path, int thumbnailSide, QString* error);
    // Reads a PDF's pages, text layer and first page; long for a large PDF, so the strip runs it
    // on a worker thread. `cancelled` is asked between pages: true stops the reading.
    static PdfRead readPdf(const QString& path, int thumbnailSide, const std::function<bool()>& cancelled = {});
    // An image pasted from the clipboard, sent as PNG.
    static std::optional<Loaded> fromImage(const QImage& image, const QString& fileName, int thumbnailSide,
                                           QString* error);
};
