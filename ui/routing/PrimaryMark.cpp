#include "ui/routing/PrimaryMark.h"

#include "core/routing/PolicyEdits.h"
#include "ui/common/StatusColors.h"
#include "ui/dashboard/PrimaryAdvice.h"
#include "ui/routing/RoutingDocument.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

PrimaryMark::PrimaryMark(RoutingDocument* document, const QString& tier, QWidget* parent)
    : QFrame(parent)
    , m_document(document)
    , m_tier(tier)
    , m_text(new QLabel(this))
    , m_promote(new QPushButton(this))
{
    setObjectName(QStringLiteral("primaryMark"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(QStringLiteral("primaryMarkText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    QPalette palette = m_text->palette();
    palette.setColor(QPalette::WindowText, StatusColors::color(StatusTone::Warning));
    m_text->setPalette(palette);
    m_promote->setObjectName(QStringLiteral("promoteFallback"));
    connect(m_promote, &QPushButton::clicked, this, &PrimaryMark::promote);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addWidget(m_text);
    layout->addWidget(m_promote, 0, Qt::AlignLeft);

    connect(document, &RoutingDocument::primaryReviewChanged, this, &PrimaryMark::refresh);
    refresh();
}

QString PrimaryMark::text() const
{
    return m_text->text();
}

void PrimaryMark::refresh()
{
    const std::optional<PrimaryReview::Row> row = m_document->primaryReview(m_tier);
    if (!row || !row->reconsider) {
        m_fallback.clear();
        hide();
        return;
    }
    m_text->setText(QStringLiteral("⚠ ") + tr("Last %n day(s):", nullptr, m_document->primaryReviewDays())
                    + QLatin1Char(' ') + PrimaryAdvice::evidence(*row) + QLatin1Char(' ')
                    + PrimaryAdvice::suggestion(*row));
    const PrimaryReview::Health* best = row->bestFallback();
    m_fallback = best ? best->model : QString();
    m_promote->setText(tr("Promote %1").arg(m_fallback));
    m_promote->setToolTip(tr("Move %1 to the top of the %2 chain (undoable)").arg(m_fallback, m_tier));
    m_promote->setVisible(best != nullptr);
    show();
}

bool PrimaryMark::promote()
{
    const RoutingTier* tier = m_document->policy().tier(m_tier);
    if (!tier || m_fallback.isEmpty()) {
        return false;
    }
    for (int row = 1; row < tier->chain.size(); ++row) {
        if (tier->chain.at(row).primaryModelId() == m_fallback) {
            m_document->apply(PolicyEdits::moveStep(m_document->policy(), m_tier, row, m_tier, 0),
                              tr("Promote %1 in %2").arg(m_fallback, m_tier));
            return true;
        }
    }
    return false;
}
