#pragma once

#include "core/workbench/Leaderboard.h"

#include <QAbstractTableModel>

// The leaderboard's rows as a table: rank, model, settings, votes won/lost/tied, rating with its
// 95 % interval, cost per win. Sorting is the leaderboard's own (best rating first).
class LeaderboardModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaderboardModel)

public:
    enum Column
    {
        RankColumn,
        ModelColumn,
        SettingsColumn,
        WinsColumn,
        LossesColumn,
        TiesColumn,
        RatingColumn,
        IntervalColumn,
        CostPerWinColumn,
        ColumnCount,
    };

    explicit LeaderboardModel(QObject* parent = nullptr);

    void setRows(const QList<Leaderboard::Row>& rows);
    const QList<Leaderboard::Row>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Leaderboard::Row> m_rows;
};
