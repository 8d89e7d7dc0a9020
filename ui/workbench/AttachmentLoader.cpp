#include "ui/workbench/AttachmentLoader.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>
#include <QPdfDocument>
#include <QPdfSelection>

namespace {
QImage scaledThumbnail(const QImage& image, int side)
{
    return image.isNull() ? image : image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

// The largest file any kind may be: nothing bigger is read into memory.
constexpr qint64 kMaxFileBytes
    = std::max({ Attachment::kMaxImageBytes, Attachment::kMaxPdfBytes, Attachment::kMaxTextBytes });
} // namespace

std::optional<AttachmentLoader::Loaded> AttachmentLoader::fromFile(const QString& path, int thumbnailSide,
                                                                   QString* error)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot be read (%2)").arg(name, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxFileBytes) {
        *error = tr("%1: the file is %2, over the largest attachment (%3)")
                     .arg(name, QLocale().formattedDataSize(file.size(), 1, QLocale::DataSizeTraditionalFormat),
                          QLocale().formattedDataSize(kMaxFileBytes, 1, QLocale::DataSizeTraditionalFormat));
        return std::nullopt;
    }
    std::optional<Attachment> attachment = Attachment::fromBytes(name, file.readAll(), error);
    if (!attachment) {
        return std::nullopt;
    }
    Loaded loaded { *attachment, {} };
    if (attachment->kind == AttachmentKind::Image) {
        QBuffer buffer(&loaded.attachment.data);
        QImageReader reader(&buffer);
        const QImage image = reader.read();
        if (image.isNull()) {
            *error = tr("%1: the image cannot be decoded (%2)").arg(name, reader.errorString());
            return std::nullopt;
        }
        loaded.thumbnail = scaledThumbnail(image, thumbnailSide);
    }
    return loaded;
}

AttachmentLoader::PdfRead AttachmentLoader::readPdf(const QString& path, int thumbnailSide,
                                                    const std::function<bool()>& cancelled)
{
    PdfRead read;
    const QString name = QFileInfo(path).fileName();
    QPdfDocument document;
    if (document.load(path) != QPdfDocument::Error::None || document.pageCount() <= 0) {
        read.error = tr("%1: the PDF cannot be opened (damaged or password-protected)").arg(name);
        return read;
    }
    read.pages = document.pageCount();
    QStringList pages;
    for (int page = 0; page < document.pageCount(); ++page) {
        if (cancelled && cancelled()) {
            read.cancelled = true;
            return read;
        }
        pages.append(document.getAllText(page).text());
    }
    read.text = pages.join(QStringLiteral("\n\n")).trimmed();
    const QSizeF size = document.pagePointSize(0);
    const qreal scale = thumbnailSide / qMax<qreal>(1, qMax(size.width(), size.height()));
    read.thumbnail = document.render(0, (size * scale).toSize());
    return read;
}

std::optional<AttachmentLoader::Loaded> AttachmentLoader::fromImage(const QImage& image, const QString& fileName,
                                                                    int thumbnailSide, QString* error)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG")) {
        *error = tr("%1: the pasted image cannot be stored as PNG").arg(fileName);
        return std::nullopt;
    }
    std::optional<Attachment> attachment = Attachment::fromBytes(fileName, png, error);
    if (!attachment) {
        return std::nullopt;
    }
    return Loaded { *attachment, scaledThumbnail(image, thumbnailSide) };
}
