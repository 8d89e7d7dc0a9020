#pragma once

#include "core/common/ProviderTypes.h"
#include "core/evaluation/Grade.h"
#include "core/evaluation/GraderVerdict.h"

#include <QList>

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
    Grade grade; // the combination of the verdicts
    // Each grader's verdict when several graded the cell (in the set's order); empty for one grader,
    // whose verdict is the grade itself.
    QList<GraderVerdict> verdicts;
    QString answer;
    // The tool calls the answer made: kept with the cell, so a resume with prompt storage off (the
    // ledger keeps no answers then) grades an answer of only tool calls without asking again.
    QList<ToolCall> toolCalls;
    QString requestId; // the ledger request (uuid) of the model's call
    QString judgeRequestId; // the judge's call, when an llm-judge graded it
    std::optional<double> costUsd; // the model's call as the ledger recorded it; nullopt: unpriced
    std::optional<double> judgeCostUsd; // the judge's call, when there was one
    qint64 latencyMs = 0;
    QString error; // why the call failed (state Failed)

    bool operator==(const EvaluationCell&) const = default;
};
