#include "ui/workbench/LeaderboardModel.h"

#include "core/common/Money.h"

#include <QLocale>

LeaderboardModel::LeaderboardModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void LeaderboardModel::setRows(const QList<Leaderboard::Row>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int LeaderboardModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LeaderboardModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeaderboardModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const Leaderboard::Row& row = m_rows.at(index.row());
    const QLocale locale;
    if (role == Qt::TextAlignmentRole) {
        return index.column() == ModelColumn || index.column() == SettingsColumn
            ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case RatingColumn:
        case IntervalColumn:
            return tr("Bradley-Terry rating from %n vote(s); 95 % confidence interval %1 to %2", nullptr, row.votes())
                .arg(locale.toString(row.ratingLow, 'f', 0), locale.toString(row.ratingHigh, 'f', 0));
        case CostPerWinColumn:
            return row.unpriced > 0 ? tr("%n answer(s) had no price and are not in the cost", nullptr, row.unpriced)
                                    : tr("What this model's answers in the voted runs cost, divided by its wins");
        case SettingsColumn:
            return row.settings.isEmpty() ? tr("The provider's defaults") : row.settings;
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case RankColumn:
        return index.row() + 1;
    case ModelColumn:
        return row.model;
    case SettingsColumn:
        return row.settings.isEmpty() ? QStringLiteral("\u2014") : row.settings;
    case WinsColumn:
        return row.wins;
    case LossesColumn:
        return row.losses;
    case TiesColumn:
        return row.ties;
    case RatingColumn:
        return locale.toString(row.rating, 'f', 0);
    case IntervalColumn:
        return QStringLiteral("%1 \u2013 %2")
            .arg(locale.toString(row.ratingLow, 'f', 0), locale.toString(row.ratingHigh, 'f', 0));
    case CostPerWinColumn:
        return row.costPerWinUsd ? Money::format(*row.costPerWinUsd) : QStringLiteral("\u2014");
    default:
        return {};
    }
}

QVariant LeaderboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case RankColumn:
        return tr("#");
    case ModelColumn:
        return tr("Model");
    case SettingsColumn:
        return tr("Settings");
    case WinsColumn:
        return tr("Wins");
    case LossesColumn:
        return tr("Losses");
    case TiesColumn:
        return tr("Ties");
    case RatingColumn:
        return tr("Rating");
    case IntervalColumn:
        return tr("95 % interval");
    case CostPerWinColumn:
        return tr("Cost per win");
    default:
        return {};
    }
}
