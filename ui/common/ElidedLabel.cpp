#include "ui/common/ElidedLabel.h"

#include <QResizeEvent>

ElidedLabel::ElidedLabel(QWidget* parent)
    : QLabel(parent)
{
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setTextFormat(Qt::PlainText);
}

void ElidedLabel::setFullText(const QString& text)
{
    m_fullText = text;
    updateElided();
}

void ElidedLabel::setDetails(const QString& details)
{
    m_details = details;
    updateElided();
}

QSize ElidedLabel::minimumSizeHint() const
{
    return { fontMetrics().horizontalAdvance(QStringLiteral("Wwww…")), QLabel::minimumSizeHint().height() };
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins margins = contentsMargins();
    return { fontMetrics().horizontalAdvance(m_fullText) + margins.left() + margins.right() + 2 * margin() + 1,
             QLabel::sizeHint().height() };
}

void ElidedLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    updateElided();
}

void ElidedLabel::updateElided()
{
    const QString elided = fontMetrics().elidedText(m_fullText, Qt::ElideRight, qMax(0, width()));
    setText(elided);
    if (elided == m_fullText) {
        setToolTip(m_details);
    } else {
        setToolTip(m_details.isEmpty() ? m_fullText : m_fullText + QLatin1Char('\n') + m_details);
    }
}
