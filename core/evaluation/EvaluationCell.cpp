#include "core/evaluation/EvaluationCell.h"

QString CellStates::id(CellState state)
{
    switch (state) {
    case CellState::Pending:
        return QStringLiteral("pending");
    case CellState::Done:
        return QStringLiteral("done");
    case CellState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<CellState> CellStates::fromId(const QString& id)
{
    for (CellState state : { CellState::Pending, CellState::Done, CellState::Failed }) {
        if (CellStates::id(state) == id) {
            return state;
        }
    }
    return std::nullopt;
}
