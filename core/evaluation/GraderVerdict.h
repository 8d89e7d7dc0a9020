#pragma once

#include "core/evaluation/Grade.h"
#include "core/evaluation/GraderSpec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

// One grader's verdict on a cell's answer. A cell graded by several graders keeps each one's, so
// that the matrix, the exports and `--json` show which grader failed it and why; the cell's own
// grade is their combination (Grader::combine: any fail fails it, else any error, else a pass).
struct GraderVerdict
{
    Q_DECLARE_TR_FUNCTIONS(GraderVerdict)

public:
    QString grader; // GraderSpec::describe() of the grader: "regex ^\d+$", "llm-judge gpt-5 (>= 7)"
    Grade grade;

    bool operator==(const GraderVerdict&) const = default;

    static GraderVerdict of(const GraderSpec& spec, const Grade& grade) { return { spec.describe(), grade }; }

    // The cell's grade: Grader::combine of the verdicts; with more than one, a reason names each
    // grader that did not pass ("regex ^\d+$: no match; contains 4: ...").
    static Grade combine(const QList<GraderVerdict>& verdicts);

    // {"grader", "outcome", "score"?, "reason"?} each, as the ledger and the exports keep them.
    static QJsonArray toJson(const QList<GraderVerdict>& verdicts);
    // nullopt when an element is not a verdict this version reads.
    static std::optional<QList<GraderVerdict>> fromJson(const QJsonArray& array);

    // "regex ^\d+$: pass", "contains 4: fail (the answer does not contain ...)" for a tooltip, a
    // CSV cell or an HTML title.
    QString describe() const;
    static QString describe(const QList<GraderVerdict>& verdicts, const QString& separator);
};
