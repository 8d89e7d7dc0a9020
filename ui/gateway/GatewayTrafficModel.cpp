#include "ui/gateway/GatewayTrafficModel.h"

#include "core/common/Money.h"
#include "ui/common/StatusColors.h"

#include <algorithm>

#include <QBrush>
#include <QLocale>

GatewayTrafficModel::GatewayTrafficModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int GatewayTrafficModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GatewayTrafficModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString GatewayTrafficModel::statusText(const GatewayTraffic& traffic) const
{
    if (traffic.status == 0) {
        return tr("running");
    }
    if (traffic.status == 499) {
        return tr("client left");
    }
    if (traffic.status >= 200 && traffic.status < 300) {
        return tr("%1 ok").arg(traffic.status);
    }
    return tr("%1 error").arg(traffic.status);
}

QString GatewayTrafficModel::displayText(const GatewayTraffic& traffic, int column) const
{
    const bool running = traffic.status == 0;
    const QLocale locale;
    switch (Column(column)) {
    case TimeColumn:
        return traffic.startedAt.isValid()
            ? locale.toString(traffic.startedAt.toLocalTime().time(), QStringLiteral("HH:mm:ss"))
            : QString();
    case ModelColumn:
        return traffic.stream ? tr("%1 (stream)").arg(traffic.model) : traffic.model;
    case RoutedColumn:
        return traffic.finalModel.isEmpty() ? (running ? QString() : QStringLiteral("–")) : traffic.finalModel;
    case StatusColumn:
        return statusText(traffic);
    case FailoversColumn:
        return running ? QString() : locale.toString(traffic.failovers);
    case LatencyColumn:
        return running ? QString() : tr("%1 ms").arg(locale.toString(traffic.latencyMs));
    case TokensColumn:
        if (running || traffic.promptTokens + traffic.completionTokens == 0) {
            return running ? QString() : QStringLiteral("–");
        }
        return (traffic.tokensEstimated ? QStringLiteral("~") : QString())
            + tr("%1 in / %2 out")
                  .arg(locale.toString(traffic.promptTokens), locale.toString(traffic.completionTokens));
    case CostColumn:
        if (running) {
            return {};
        }
        return traffic.costUsd ? Money::format(*traffic.costUsd) : QStringLiteral("–");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant GatewayTrafficModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const GatewayTraffic& traffic = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(traffic, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !traffic.error.isEmpty()) {
            return traffic.error;
        }
        if (index.column() == RoutedColumn && !traffic.tier.isEmpty()) {
            return tr("Tier: %1").arg(traffic.tier);
        }
        if (index.column() == TimeColumn && traffic.startedAt.isValid()) {
            return tr("%1 from %2")
                .arg(QLocale().toString(traffic.startedAt.toLocalTime(), QLocale::LongFormat), traffic.client);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == FailoversColumn || index.column() == LatencyColumn || index.column() == TokensColumn
            || index.column() == CostColumn) {
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && traffic.status >= 300) {
            return QBrush(StatusColors::color(StatusTone::Bad));
        }
        if (index.column() == FailoversColumn && traffic.failovers > 0) {
            return QBrush(StatusColors::color(StatusTone::Warning));
        }
        return {};
    case IdRole:
        return traffic.id;
    default:
        return {};
    }
}

QVariant GatewayTrafficModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case ModelColumn:
        return tr("Requested");
    case RoutedColumn:
        return tr("Routed to");
    case StatusColumn:
        return tr("Status");
    case FailoversColumn:
        return tr("Failovers");
    case LatencyColumn:
        return tr("Latency");
    case TokensColumn:
        return tr("Tokens");
    case CostColumn:
        return tr("Cost");
    case ColumnCount:
        break;
    }
    return {};
}

void GatewayTrafficModel::setMaxRows(int rows)
{
    m_maxRows = qMax(1, rows);
    trim();
}

void GatewayTrafficModel::insertAtTop(const GatewayTraffic& traffic)
{
    beginInsertRows({}, 0, 0);
    m_rows.prepend(traffic);
    endInsertRows();
    trim();
}

void GatewayTrafficModel::trim()
{
    if (m_rows.size() <= m_maxRows) {
        return;
    }
    beginRemoveRows({}, m_maxRows, int(m_rows.size()) - 1);
    m_rows.resize(m_maxRows);
    endRemoveRows();
}

int GatewayTrafficModel::runningCount() const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const GatewayTraffic& row) { return row.status == 0; }));
}

void GatewayTrafficModel::addStarted(const GatewayTraffic& traffic)
{
    insertAtTop(traffic);
}

void GatewayTrafficModel::addFinished(const GatewayTraffic& traffic)
{
    // Requests mostly end soon after they start, near the top.
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == traffic.id) {
            m_rows[row] = traffic;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    insertAtTop(traffic); // started before the table was watching, or already trimmed away
}

void GatewayTrafficModel::clear()
{
    if (m_rows.isEmpty()) {
        return;
    }
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    endRemoveRows();
}
