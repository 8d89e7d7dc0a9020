#include "ui/routing/ModelCardDelegate.h"

#include "ui/common/StatusColors.h"
#include "ui/routing/ChainModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace {
constexpr int kMargin = 4;
constexpr int kPadding = 8;

QColor healthColor(int level)
{
    switch (level) {
    case 0:
        return StatusColors::color(StatusTone::Good);
    case 1:
        return StatusColors::color(StatusTone::Warning);
    default:
        return StatusColors::color(StatusTone::Bad);
    }
}
} // namespace

void ModelCardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect card = option.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
    const QPalette& palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const int level = index.data(ChainModel::HealthLevelRole).toInt();

    QPainterPath path;
    path.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    painter->fillPath(path, selected ? palette.color(QPalette::Highlight).lighter(185) : palette.color(QPalette::Base));
    painter->setPen(QPen(level == 2 ? healthColor(2) : palette.color(QPalette::Mid),
                         (option.state & QStyle::State_HasFocus) ? 2 : 1));
    painter->drawPath(path);

    const QRect inner = card.adjusted(kPadding, kPadding / 2, -kPadding, -kPadding / 2);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(option.font);

    // Health badge, top right.
    const QString health = index.data(ChainModel::HealthRole).toString();
    const int badgeWidth = metrics.horizontalAdvance(health) + 12;
    const QRect badge(inner.right() - badgeWidth + 1, inner.top() + 2, badgeWidth, metrics.height() + 2);
    QPainterPath badgePath;
    badgePath.addRoundedRect(QRectF(badge), badge.height() / 2.0, badge.height() / 2.0);
    painter->fillPath(badgePath, healthColor(level));
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, health);

    // Step number and model name.
    const int step = index.row() + 1;
    // The provider is on the line below, so "sandbox/gemini-2.5-flash" shows as "gemini-2.5-flash".
    QString name = index.data().toString().section(QLatin1Char('/'), -1);
    const int deployments = index.data(ChainModel::DeploymentsRole).toInt();
    if (deployments > 1) {
        name += tr(" (+%1)").arg(deployments - 1);
    }
    const QRect nameRect(inner.left(), inner.top() + 2, inner.width() - badgeWidth - 6, boldMetrics.height());
    painter->setFont(bold);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(
        nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        boldMetrics.elidedText(QStringLiteral("%1. %2").arg(step).arg(name), Qt::ElideMiddle, nameRect.width()));

    QString detail = QStringLiteral("%1 · %2").arg(index.data(ChainModel::ProviderRole).toString(),
                                                   index.data(ChainModel::PriceRole).toString());
    if (const QString rating = index.data(ChainModel::RatingRole).toString(); !rating.isEmpty()) {
        detail += QStringLiteral(" · ") + rating;
    }
    const QRect detailRect(inner.left(), nameRect.bottom() + 4, inner.width(), metrics.height());
    painter->setFont(option.font);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(detail, Qt::ElideRight, detailRect.width()));
    painter->restore();
}

QSize ModelCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int height = QFontMetrics(bold).height() + QFontMetrics(option.font).height() + 4 + 2 * kPadding + kMargin;
    return { 200, height };
}
