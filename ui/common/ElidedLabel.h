#pragma once

#include <QLabel>

// A one-line label that elides its text with "…" instead of clipping it or widening its column;
// the full text is in the tooltip.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    void setFullText(const QString& text);
    QString fullText() const { return m_fullText; }
    // The tooltip; while the text is elided the full text comes first.
    void setDetails(const QString& details);

    QSize minimumSizeHint() const override;
    // The full text's size: a layout with room shows all of it again after it was elided.
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateElided();

    QString m_fullText;
    QString m_details;
};
