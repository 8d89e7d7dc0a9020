#include "core/workbench/Attachment.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QStringDecoder>

#include <string_view>

using namespace std::literals;

namespace {
struct Magic
{
    std::string_view bytes; // with a length: some hold NULs
    qsizetype at;
    const char* mime; // nullptr: an image format no provider takes
    const char* name;
};

// Leading bytes of the image formats; the first four are what OpenAI, Anthropic, Gemini and
// Bedrock all take.
constexpr Magic kImageMagic[] = {
    { "\x89PNG\r\n\x1a\n"sv, 0, "image/png", "PNG" },
    { "\xff\xd8\xff"sv, 0, "image/jpeg", "JPEG" },
    { "GIF87a"sv, 0, "image/gif", "GIF" },
    { "GIF89a"sv, 0, "image/gif", "GIF" },
    { "WEBP"sv, 8, "image/webp", "WebP" }, // after "RIFF" and the size
    { "BM"sv, 0, nullptr, "BMP" },
    { "II*\0"sv, 0, nullptr, "TIFF" },
    { "MM\0*"sv, 0, nullptr, "TIFF" },
    { "ftypheic"sv, 4, nullptr, "HEIC" },
    { "ftypavif"sv, 4, nullptr, "AVIF" },
    { "\0\0\1\0"sv, 0, nullptr, "ICO" },
};

bool matches(const QByteArray& data, const Magic& magic)
{
    const QByteArrayView wanted(magic.bytes.data(), qsizetype(magic.bytes.size()));
    if (magic.at == 8 && !data.startsWith("RIFF")) {
        return false;
    }
    return data.size() >= magic.at + wanted.size() && QByteArrayView(data).sliced(magic.at, wanted.size()) == wanted;
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}
} // namespace

std::optional<Attachment> Attachment::fromBytes(const QString& fileName, const QByteArray& data, QString* error)
{
    const auto refuse = [&](const QString& why) {
        if (error) {
            *error = tr("%1: %2").arg(fileName, why);
        }
        return std::nullopt;
    };
    if (data.isEmpty()) {
        return refuse(tr("the file is empty"));
    }
    Attachment attachment;
    attachment.fileName = fileName;
    attachment.data = data;
    for (const Magic& magic : kImageMagic) {
        if (!matches(data, magic)) {
            continue;
        }
        if (!magic.mime) {
            return refuse(tr("%1 images are not taken by the providers; send PNG, JPEG, GIF or WebP")
                              .arg(QLatin1String(magic.name)));
        }
        if (data.size() > kMaxImageBytes) {
            return refuse(tr("the image is %1, over the cap of %2 per image")
                              .arg(sizeText(data.size()), sizeText(kMaxImageBytes)));
        }
        attachment.kind = AttachmentKind::Image;
        attachment.mimeType = QLatin1String(magic.mime);
        return attachment;
    }
    if (data.startsWith("%PDF-")) {
        if (data.size() > kMaxPdfBytes) {
            return refuse(tr("the PDF is %1, over the cap of %2 per document")
                              .arg(sizeText(data.size()), sizeText(kMaxPdfBytes)));
        }
        attachment.kind = AttachmentKind::Pdf;
        attachment.mimeType = QStringLiteral("application/pdf");
        return attachment;
    }
    if (data.size() > kMaxTextBytes) {
        return refuse(tr("the file is %1, over the cap of %2 for text files")
                          .arg(sizeText(data.size()), sizeText(kMaxTextBytes)));
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(data);
    if (decoder.hasError() || data.contains('\0')) {
        return refuse(tr("not an image (PNG, JPEG, GIF, WebP), a PDF or a UTF-8 text file"));
    }
    attachment.kind = AttachmentKind::Text;
    attachment.mimeType = QStringLiteral("text/plain");
    attachment.text = text;
    return attachment;
}

Attachment Attachment::fromReference(const QJsonObject& reference)
{
    Attachment attachment;
    attachment.fileName = reference.value(QLatin1String("name")).toString();
    const QString kind = reference.value(QLatin1String("kind")).toString();
    attachment.kind = kind == kindId(AttachmentKind::Image) ? AttachmentKind::Image
        : kind == kindId(AttachmentKind::Pdf)               ? AttachmentKind::Pdf
                                                            : AttachmentKind::Text;
    attachment.mimeType = reference.value(QLatin1String("mimeType")).toString();
    attachment.pages = reference.value(QLatin1String("pages")).toInt();
    attachment.referencedBytes = reference.value(QLatin1String("bytes")).toInteger();
    attachment.referencedSha256 = reference.value(QLatin1String("sha256")).toString();
    return attachment;
}

QString Attachment::sha256() const
{
    if (isReference()) {
        return referencedSha256;
    }
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString Attachment::dataUrl() const
{
    return QStringLiteral("data:%1;base64,%2").arg(mimeType, QString::fromLatin1(data.toBase64()));
}

QString Attachment::asPromptText() const
{
    if (isReference()) {
        // Model-facing: the bytes of a file from a reopened run are not kept.
        return QStringLiteral("[File %1 was attached here; Switchyard kept only its name and checksum.]").arg(fileName);
    }
    if (kind == AttachmentKind::Pdf) {
        // Model-facing text, not UI: the same words whatever the user's language.
        return QStringLiteral("File %1 (the text of a %2-page PDF, extracted by Switchyard; images and layout are "
                              "not included):\n\n%3")
            .arg(fileName)
            .arg(pages)
            .arg(text);
    }
    // A fence longer than any backtick run in the file, so the file cannot close it.
    QString fence = QStringLiteral("```");
    while (text.contains(fence)) {
        fence += QLatin1Char('`');
    }
    const QString body = text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n');
    return QStringLiteral("File %1:\n%2\n%3%2").arg(fileName, fence, body);
}

QString Attachment::describe() const
{
    switch (kind) {
    case AttachmentKind::Image:
        return tr("image, %1").arg(sizeText(size()));
    case AttachmentKind::Pdf:
        return tr("PDF, %n page(s), %1", nullptr, pages).arg(sizeText(size()));
    case AttachmentKind::Text:
        break;
    }
    return tr("text, %1").arg(sizeText(size()));
}

QJsonObject Attachment::reference() const
{
    QJsonObject object { { QStringLiteral("name"), fileName },
                         { QStringLiteral("kind"), kindId(kind) },
                         { QStringLiteral("mimeType"), mimeType },
                         { QStringLiteral("bytes"), size() },
                         { QStringLiteral("sha256"), sha256() } };
    if (kind == AttachmentKind::Pdf) {
        object.insert(QStringLiteral("pages"), pages);
    }
    return object;
}

QString Attachment::kindId(AttachmentKind kind)
{
    switch (kind) {
    case AttachmentKind::Image:
        return QStringLiteral("image");
    case AttachmentKind::Pdf:
        return QStringLiteral("pdf");
    case AttachmentKind::Text:
        break;
    }
    return QStringLiteral("text");
}
