#include "ui/workbench/EvaluationMatrixModel.h"

#include "core/common/Money.h"
#include "core/evaluation/PairwiseResults.h"
#include "ui/common/StatusColors.h"

#include <QFont>

namespace {
QString percent(double share)
{
    return QLocale().toString(share * 100, 'f', 1) + QStringLiteral(" %");
}
} // namespace

EvaluationMatrixModel::EvaluationMatrixModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void EvaluationMatrixModel::setEvaluation(const EvaluationInfo& info, const QList<EvaluationCell>& cells)
{
    beginResetModel();
    m_info = info;
    m_cells = cells;
    m_summaries = EvaluationSummary::of(cells, info.models);
    endResetModel();
}

int EvaluationMatrixModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || m_info.models.isEmpty() ? 0 : totalsRow() + TotalsRowCount;
}

int EvaluationMatrixModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_info.models.size());
}

const EvaluationCell* EvaluationMatrixModel::cellAt(int prompt, int model) const
{
    const QString& name = m_info.models.at(model);
    for (const EvaluationCell& cell : m_cells) {
        if (cell.promptIndex == prompt && cell.model == name) {
            return &cell;
        }
    }
    return nullptr;
}

QString EvaluationMatrixModel::cellText(const EvaluationCell* cell) const
{
    if (!cell || cell->state == CellState::Pending) {
        return tr("not asked");
    }
    if (cell->state == CellState::Failed) {
        return tr("call failed");
    }
    QString verdict = cell->grade.passed()          ? tr("pass")
        : cell->grade.outcome == GradeOutcome::Fail ? tr("fail")
                                                    : tr("error");
    const QString baseline = PairwiseResults::baseline(m_info);
    if (const auto versus = PairwiseResults::verdict(baseline, *cell)) {
        verdict = tr("%1 vs %2").arg(PairwiseVerdicts::label(*versus), baseline);
    } else if (!baseline.isEmpty() && cell->model == baseline) {
        verdict = tr("baseline");
    } else if (cell->grade.score) {
        verdict = tr("%1 (score %2)").arg(verdict).arg(*cell->grade.score);
    }
    if (cell->verdicts.size() > 1 && !cell->grade.passed()) {
        // Which of several graders did not pass is in the tooltip; the cell says how many did.
        int passed = 0;
        for (const GraderVerdict& each : cell->verdicts) {
            passed += each.grade.passed() ? 1 : 0;
        }
        verdict = tr("%1, %2 of %3 graders").arg(verdict).arg(passed).arg(cell->verdicts.size());
    }
    const QString cost = cell->costUsd ? Money::format(*cell->costUsd) : tr("unpriced");
    return tr("%1 · %2 · %3 ms").arg(verdict, cost).arg(cell->latencyMs);
}

QString EvaluationMatrixModel::totalsText(int row, const ModelSummary& s) const
{
    switch (row) {
    case PassRateRow:
        return tr("%1 (%2 – %3)").arg(percent(s.passRate), percent(s.wilsonLow), percent(s.wilsonHigh));
    case CostRow:
        return s.unpricedCalls > 0 ? tr("unpriced") : Money::format(s.costUsd);
    case CostPerPassRow:
        return s.costPerPass ? Money::format(*s.costPerPass) : tr("n/a");
    case LatencyRow:
        return tr("%1 ms / %2 ms").arg(s.p50LatencyMs).arg(s.p95LatencyMs);
    default:
        return {};
    }
}

QVariant EvaluationMatrixModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const int row = index.row();
    const int column = index.column();
    if (row >= totalsRow()) {
        if (role == Qt::DisplayRole) {
            return totalsText(row - totalsRow(), m_summaries.at(column));
        }
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    }
    const EvaluationCell* cell = cellAt(row, column);
    switch (role) {
    case Qt::DisplayRole:
        return cellText(cell);
    case Qt::ToolTipRole:
        if (!cell) {
            return {};
        }
        if (cell->state == CellState::Failed) {
            return cell->error;
        }
        // Several graders: each one's verdict and reason on a line of its own.
        return cell->verdicts.isEmpty() ? cell->grade.reason
                                        : GraderVerdict::describe(cell->verdicts, QStringLiteral("\n"));
    case Qt::ForegroundRole:
        if (!cell || cell->state != CellState::Done) {
            return StatusColors::color(cell && cell->state == CellState::Failed ? StatusTone::Bad
                                                                                : StatusTone::Neutral);
        }
        return StatusColors::color(cell->grade.passed()                            ? StatusTone::Good
                                       : cell->grade.outcome == GradeOutcome::Fail ? StatusTone::Bad
                                                                                   : StatusTone::Warning);
    default:
        return {};
    }
}

QVariant EvaluationMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) {
        return {};
    }
    if (orientation == Qt::Horizontal) {
        return m_info.models.value(section);
    }
    if (section < totalsRow()) {
        return m_info.prompts.items().at(section).id;
    }
    switch (section - totalsRow()) {
    case PassRateRow:
        return tr("Pass rate (95 % interval)");
    case CostRow:
        return tr("Cost");
    case CostPerPassRow:
        return tr("Cost per pass");
    case LatencyRow:
        return tr("Latency p50 / p95");
    default:
        return {};
    }
}
