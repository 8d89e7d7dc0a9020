#pragma once

#include "core/workbench/Attachment.h"

#include <QList>
#include <QStringList>

class ModelCapabilities;

// How one column sends the prompt's attachments, decided before anything is sent from what its
// model takes (a model whose capabilities are unknown is tried): images as image parts, PDFs as
// documents or, for a model that takes none, as their text layer with a note; a file the model
// cannot take at all refuses the column, so it says why instead of failing with a 400.
struct AttachmentFit
{
    Q_DECLARE_TR_FUNCTIONS(AttachmentFit)

public:
    QString refusal; // not empty: the column sends nothing and shows this
    QStringList notes; // shown in the column: "report.pdf went as its text: ..."
    QList<bool> asText; // per attachment: a PDF sent as its text layer

    bool sendsAsText(qsizetype index) const { return asText.value(index, false); }

    // For a column on a chosen model.
    static AttachmentFit of(const QList<Attachment>& attachments, const QString& modelId,
                            const ModelCapabilities& capabilities);
    // For a routed column: every file as it is; the router passes over models that cannot take it.
    static AttachmentFit routed(const QList<Attachment>& attachments);
};
