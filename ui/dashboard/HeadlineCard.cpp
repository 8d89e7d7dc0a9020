#include "ui/dashboard/HeadlineCard.h"

#include <QLabel>
#include <QVBoxLayout>

HeadlineCard::HeadlineCard(const QString& objectName, const QString& caption, QWidget* parent)
    : QFrame(parent)
    , m_caption(new QLabel(caption, this))
    , m_value(new QLabel(QStringLiteral("—"), this))
    , m_detail(new QLabel(this))
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.7);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    m_value->setObjectName(objectName + QStringLiteral("Value"));
    m_detail->setObjectName(objectName + QStringLiteral("Detail"));
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    m_detail->setWordWrap(true);
    // Room for three lines whatever the text: a card that grows with its text would move every
    // chart below it, and re-laying out and repainting them all at once stalls the UI.
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_detail->setMinimumHeight(3 * m_detail->fontMetrics().lineSpacing());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addStretch(1);
}

void HeadlineCard::setValue(const QString& value, const QString& detail, const QString& toolTip)
{
    m_value->setText(value);
    m_detail->setText(detail);
    setToolTip(toolTip);
}

QString HeadlineCard::value() const
{
    return m_value->text();
}

QString HeadlineCard::detail() const
{
    return m_detail->text();
}
