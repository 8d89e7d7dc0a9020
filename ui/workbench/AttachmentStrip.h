#pragma once

#include "core/workbench/Attachment.h"

#include <QImage>
#include <QList>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QScrollArea;

// The files attached to the prompt, as a row of chips (thumbnail, name, kind and size, a remove
// button) above it, and the last file refused with why. Hidden while empty and nothing refused.
class AttachmentStrip : public QWidget
{
    Q_OBJECT

public:
    static constexpr int ThumbnailSide = 40;

    explicit AttachmentStrip(QWidget* parent = nullptr);

    QList<Attachment> attachments() const;
    // Reads files (picked, dropped); each one refused is named in the strip. True when all came.
    bool addFiles(const QStringList& paths);
    // An image pasted from the clipboard.
    bool addImage(const QImage& image);
    void clear();
    // The refusal shown for the last files that could not be attached (empty: none).
    QString problem() const;

signals:
    void changed();

private:
    struct Chip
    {
        Attachment attachment;
        QWidget* widget = nullptr;
    };
    void add(const Attachment& attachment, const QImage& thumbnail);
    void remove(QWidget* chip);
    void showProblems(const QStringList& problems);
    void updateVisibility();

    QList<Chip> m_chips;
    QScrollArea* m_scroll;
    QHBoxLayout* m_row;
    QLabel* m_problem;
    int m_pasted = 0;
};
