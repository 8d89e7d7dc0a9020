#pragma once

#include "core/evaluation/GraderKind.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

// One grader as a prompt set or the command line names it: its kind and what it compares with.
// Where a value is left empty the prompt's `expected` is used (equals, contains, numeric).
struct GraderSpec
{
    Q_DECLARE_TR_FUNCTIONS(GraderSpec)

public:
    static constexpr int kDefaultJudgeThreshold = 7;
    static constexpr double kDefaultTolerance = 1e-6;

    GraderKind kind = GraderKind::Equals;
    QString value; // equals/contains text, regex pattern, numeric target; empty: the prompt's expected
    double tolerance = kDefaultTolerance; // numeric: the largest accepted absolute difference
    QJsonValue schema { QJsonValue::Undefined }; // json-schema-valid
    QString toolName; // tool-call
    QJsonValue toolArguments {
        QJsonValue::Undefined
    }; // tool-call: an object each of whose members the call must carry; undefined: any
    QString rubric; // llm-judge; empty: the prompt's expected answer, else a general rubric
    QString judgeModel; // llm-judge, llm-pairwise
    QString baselineModel; // llm-pairwise: the model compared with; empty: the evaluation's first
    int threshold = kDefaultJudgeThreshold; // llm-judge: a score at or above it passes

    bool operator==(const GraderSpec&) const = default;

    // The form kept with an evaluation in the ledger: {"kind": "regex", "value": "..."}.
    QJsonObject toJson() const;
    // `place` names the grader in errors ("FILE:3: grader").
    static std::optional<GraderSpec> fromJson(const QJsonObject& object, QString* error);
    // `--grader KIND[:ARG]`: equals[:TEXT], contains[:TEXT], regex:PATTERN, json-valid,
    // json-schema-valid:JSON, numeric[:TOLERANCE], tool-call:NAME, llm-judge:MODEL[:THRESHOLD],
    // llm-pairwise:JUDGE[:BASELINE].
    static std::optional<GraderSpec> parse(const QString& text, QString* error);
    // "regex ^\d+$", "llm-judge gpt-5 (>= 7)" for tables and reports.
    QString describe() const;
};
