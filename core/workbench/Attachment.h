#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

enum class AttachmentKind
{
    Image, // PNG, JPEG, GIF or WebP: sent as an image part
    Pdf, // sent as a document where the model takes PDFs, else as its text layer
    Text, // a text or code file: sent as text
};

// A file attached to the workbench prompt: every column sends it with the prompt. The bytes are
// what is sent; a PDF's text layer is read once (by the view, which has Qt PDF) for the models that
// take no documents.
struct Attachment
{
    Q_DECLARE_TR_FUNCTIONS(Attachment)

public:
    AttachmentKind kind = AttachmentKind::Text;
    QString fileName; // as shown and sent: "chart.png"
    QString mimeType; // "image/png", "application/pdf", "text/plain"
    QByteArray data; // the file's bytes
    QString text; // a text file's contents; a PDF's text layer (empty: it has none)
    int pages = 0; // a PDF's pages
    // A file known only by its reference (a turn read back from history): its bytes are not kept,
    // so these stand for them.
    qint64 referencedBytes = 0;
    QString referencedSha256;

    // The largest file of each kind, the strictest of the providers' limits so that every column
    // can send it (Anthropic: 5 MB per image, 32 MB per PDF); text goes into the prompt itself.
    static constexpr qint64 kMaxImageBytes = 5 * 1024 * 1024;
    static constexpr qint64 kMaxPdfBytes = 32 * 1024 * 1024;
    static constexpr qint64 kMaxTextBytes = 1024 * 1024;
    static constexpr int kMaxAttachments = 20;

    // What the bytes are, by their content (not the name): an image the providers take, a PDF or
    // UTF-8 text. Anything else, an empty or oversized file is refused in *error, naming the file
    // and the cap.
    static std::optional<Attachment> fromBytes(const QString& fileName, const QByteArray& data, QString* error);

    // A file as a history entry or an export references it (reference()): no bytes.
    static Attachment fromReference(const QJsonObject& reference);
    bool isReference() const { return data.isEmpty() && !referencedSha256.isEmpty(); }
    qint64 size() const { return isReference() ? referencedBytes : data.size(); }
    QString sha256() const;

    // "data:image/png;base64,..."
    QString dataUrl() const;
    // The file as text in the prompt ("File main.cpp:" and a fenced block; a PDF's text with a
    // note that Switchyard extracted it).
    QString asPromptText() const;
    // "image, 120 KB", "PDF, 12 pages, 2.1 MB"
    QString describe() const;
    // Name, kind, size and SHA-256 (exports reference attachments; their bytes stay out).
    QJsonObject reference() const;

    static QString kindId(AttachmentKind kind); // "image", "pdf", "text"

    bool operator==(const Attachment&) const = default;
};
