#pragma once

#include "core/gateway/GatewayTypes.h"

#include <QAbstractTableModel>
#include <QList>

// The gateway's recent requests, newest first, for the live traffic table: a row appears when a
// request starts and is filled in when it ends. Only the last maxRows() are kept; rows come and
// go one at a time (insert at the top, remove at the bottom), never with a reset.
class GatewayTrafficModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        ModelColumn,
        RoutedColumn,
        StatusColumn,
        FailoversColumn,
        LatencyColumn,
        TokensColumn,
        CostColumn,
        ColumnCount
    };
    // The request's GatewayTraffic::id, for tests and lookups.
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit GatewayTrafficModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int maxRows() const { return m_maxRows; }
    void setMaxRows(int rows);
    const GatewayTraffic& traffic(int row) const { return m_rows.at(row); }

    // Rows of requests still in flight.
    int runningCount() const;

    void addStarted(const GatewayTraffic& traffic);
    void addFinished(const GatewayTraffic& traffic);
    void clear();

private:
    QString displayText(const GatewayTraffic& traffic, int column) const;
    QString statusText(const GatewayTraffic& traffic) const;
    void insertAtTop(const GatewayTraffic& traffic);
    void trim();

    QList<GatewayTraffic> m_rows;
    int m_maxRows = 500;
};
