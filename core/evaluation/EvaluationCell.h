#pragma once

#include "core/evaluation/Grade.h"

#include <QString>

#include <optional>

// Where one cell (a prompt x a model) of an evaluation stands.
enum class CellState
{
    Pending, // not asked yet (or asked by a run that ended before its answer)
    Done, // answered and graded: never asked again
    Failed, // the call failed (an outage, a timeout): asked again when the evaluation resumes
};

namespace CellStates {
QString id(CellState state); // "pending", "done", "failed"
std::optional<CellState> fromId(const QString& id);
} // namespace CellStates

struct EvaluationCell
{
    int promptIndex = 0;
    QString promptId;
    QString model;
    CellState state = CellState::Pending;
    Grade grade;
    QString answer;
    QString requestId; // the ledger request (uuid) of the model's call
    QString judgeRequestId; // the judge's call, when an llm-judge graded it
    std::optional<double> costUsd; // the model's call as the ledger recorded it; nullopt: unpriced
    std::optional<double> judgeCostUsd; // the judge's call, when there was one
    qint64 latencyMs = 0;
    QString error; // why the call failed (state Failed)

    bool operator==(const EvaluationCell&) const = default;
};
