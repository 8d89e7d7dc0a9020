#include "ui/dashboard/ReconcileModel.h"

#include "ui/common/StatusColors.h"

#include "core/common/Money.h"

#include <QLocale>

namespace {
QString money(const std::optional<double>& value)
{
    return value ? Money::format(*value) : QStringLiteral("-");
}

QString count(const std::optional<qint64>& value)
{
    return value ? QLocale().toString(*value) : QStringLiteral("-");
}

StatusTone toneOf(const ReconcileRow& row)
{
    switch (row.status) {
    case ReconcileStatus::Matched:
        return row.flagged ? StatusTone::Warning : StatusTone::Good;
    case ReconcileStatus::MissingInLedger:
        return StatusTone::Bad;
    case ReconcileStatus::MissingAtProvider:
        return StatusTone::Warning;
    }
    return StatusTone::Neutral;
}
} // namespace

void ReconcileModel::setReport(const ReconcileReport& report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

int ReconcileModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_report.rows.size());
}

int ReconcileModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReconcileModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_report.rows.size()) {
        return {};
    }
    const ReconcileRow& row = m_report.rows.at(index.row());
    const Column column = Column(index.column());
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Day:
            return QLocale().toString(row.day, QLocale::ShortFormat);
        case Model:
            return row.model.isEmpty() ? tr("(all models)") : row.model;
        case Key:
            return row.key.isEmpty() ? tr("(none)") : row.key;
        case Status:
            return ReconcileStatuses::displayName(row.status);
        case ProviderCost:
            return money(row.provider.costUsd);
        case LedgerCost:
            return money(row.ledger.costUsd);
        case ProviderTokens:
            return count(row.provider.tokens);
        case LedgerTokens:
            return count(row.ledger.tokens);
        case Drift:
            if (!row.driftPercent) {
                return QStringLiteral("-");
            }
            return tr("%1 %").arg(QLocale().toString(*row.driftPercent, 'f', 1));
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ForegroundRole && (column == Status || column == Drift)) {
        return StatusColors::color(toneOf(row));
    }
    if (role == Qt::BackgroundRole && row.flagged && column == Drift) {
        return StatusColors::problemBackground();
    }
    if (role == Qt::TextAlignmentRole && column >= ProviderCost) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && column == Drift && row.basis == DriftBasis::Tokens) {
        return tr("The export has no cost; tokens are compared");
    }
    return {};
}

QVariant ReconcileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (Column(section)) {
    case Day:
        return tr("Day (UTC)");
    case Model:
        return tr("Model");
    case Key:
        return tr("Key");
    case Status:
        return tr("Status");
    case ProviderCost:
        return tr("Provider cost");
    case LedgerCost:
        return tr("Ledger cost");
    case ProviderTokens:
        return tr("Provider tokens");
    case LedgerTokens:
        return tr("Ledger tokens");
    case Drift:
        return tr("Drift");
    case ColumnCount:
        break;
    }
    return {};
}
