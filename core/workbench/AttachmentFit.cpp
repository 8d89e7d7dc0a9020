#include "core/workbench/AttachmentFit.h"

#include "core/common/ModelCapability.h"

AttachmentFit AttachmentFit::of(const QList<Attachment>& attachments, const QString& modelId,
                                const ModelCapabilities& capabilities)
{
    AttachmentFit fit;
    QStringList images;
    QStringList unreadable;
    for (const Attachment& attachment : attachments) {
        bool asText = false;
        if (attachment.kind == AttachmentKind::Image && !capabilities.allows(ModelCapability::Vision)) {
            images.append(attachment.fileName);
        } else if (attachment.kind == AttachmentKind::Pdf && !capabilities.allows(ModelCapability::PdfInput)) {
            if (attachment.text.trimmed().isEmpty()) {
                unreadable.append(attachment.fileName);
            } else {
                asText = true;
                fit.notes.append(
                    tr("%1 went as its text (%n page(s)): %2 takes no PDF documents", nullptr, attachment.pages)
                        .arg(attachment.fileName, modelId));
            }
        }
        fit.asText.append(asText);
    }
    if (!images.isEmpty()) {
        fit.refusal = tr("%1 takes no images: remove %2 or pick a model with image input.")
                          .arg(modelId, images.join(QStringLiteral(", ")));
    } else if (!unreadable.isEmpty()) {
        fit.refusal = tr("%1 takes no PDF documents, and %2 has no text layer to send instead (a scan?).")
                          .arg(modelId, unreadable.join(QStringLiteral(", ")));
    }
    return fit;
}

AttachmentFit AttachmentFit::routed(const QList<Attachment>& attachments)
{
    AttachmentFit fit;
    fit.asText = QList<bool>(attachments.size(), false);
    return fit;
}
