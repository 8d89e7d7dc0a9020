#pragma once

#include "core/workbench/Attachment.h"
#include "ui/workbench/AttachmentLoader.h"

#include <QImage>
#include <QList>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QScrollArea;
template <typename T>
class QFutureWatcher;

// The files attached to the prompt, as a row of chips (thumbnail, name, kind and size, a remove
// button) above it, and the last file refused with why. Hidden while empty and nothing refused.
// A PDF's pages and text are read on a worker thread: its chip says "reading…" meanwhile, the
// strip stays responsive, and removing the chip stops the reading.
class AttachmentStrip : public QWidget
{
    Q_OBJECT

public:
    static constexpr int ThumbnailSide = 40;

    explicit AttachmentStrip(QWidget* parent = nullptr);

    // Every file attached, PDFs still being read among them (isReading()).
    QList<Attachment> attachments() const;
    // A PDF is still being read; its name in *fileName.
    bool isReading(QString* fileName = nullptr) const;
    // Reads files (picked, dropped); each one refused is named in the strip. True when all came.
    bool addFiles(const QStringList& paths);
    // An image pasted from the clipboard.
    bool addImage(const QImage& image);
    void clear();
    // The refusal shown for the last files that could not be attached (empty: none).
    QString problem() const;

signals:
    void changed();
    // Every PDF being read has been read (or removed, or refused).
    void readingFinished();

private:
    struct Chip
    {
        Attachment attachment;
        QWidget* widget = nullptr;
        QLabel* picture = nullptr;
        QLabel* what = nullptr;
        QFutureWatcher<AttachmentLoader::PdfRead>* reading = nullptr; // a PDF being read
    };
    Chip& add(const Attachment& attachment, const QImage& thumbnail);
    void readPdf(Chip& chip, const QString& path);
    void pdfRead(QWidget* chip);
    void remove(QWidget* chip);
    void showProblems(const QStringList& problems);
    void updateVisibility();

    QList<Chip> m_chips;
    QScrollArea* m_scroll;
    QHBoxLayout* m_row;
    QLabel* m_problem;
    int m_pasted = 0;
};
