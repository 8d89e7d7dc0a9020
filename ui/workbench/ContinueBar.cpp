#include "ui/workbench/ContinueBar.h"

#include "ui/common/Icons.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

ContinueBar::ContinueBar(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("continueBar"));
    setFrameShape(QFrame::StyledPanel);
    auto* icon = new QLabel(this);
    icon->setPixmap(Icons::icon(QStringLiteral("continue")).pixmap(QSize(16, 16), devicePixelRatioF()));
    m_label = new QLabel(this);
    m_label->setTextFormat(Qt::RichText);
    m_follow = new QCheckBox(tr("Other columns follow"), this);
    m_follow->setToolTip(tr("Send the follow-up to every column, each with its own earlier answers"));
    m_end = new QPushButton(tr("New Comparison"), this);
    m_end->setToolTip(tr("End the conversation: the next prompt starts a fresh comparison"));
    connect(m_end, &QPushButton::clicked, this, &ContinueBar::endRequested);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 6, 4);
    layout->addWidget(icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_follow);
    layout->addSpacing(8);
    layout->addWidget(m_end);
    hide();
}

void ContinueBar::showFor(const QString& modelName)
{
    m_label->setText(tr("Continuing the conversation with <b>%1</b>: the next prompt is a follow-up.")
                         .arg(modelName.toHtmlEscaped()));
    show();
}

bool ContinueBar::othersFollow() const
{
    return m_follow->isChecked();
}

QString ContinueBar::text() const
{
    return m_label->text();
}
