#pragma once

#include <QPlainTextEdit>

// The prompt's text field: files dropped or pasted on it, and pasted images, become attachments
// instead of text (file paths or nothing).
class PromptTextEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    using QPlainTextEdit::QPlainTextEdit;

signals:
    void filesDropped(const QStringList& paths);
    void imagePasted(const QImage& image);

protected:
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;
};
