#include "core/evaluation/GraderVerdict.h"

#include "core/evaluation/Grader.h"

#include <QJsonObject>
#include <QStringList>

Grade GraderVerdict::combine(const QList<GraderVerdict>& verdicts)
{
    QList<Grade> grades;
    for (const GraderVerdict& verdict : verdicts) {
        grades.append(verdict.grade);
    }
    Grade grade = Grader::combine(grades);
    if (verdicts.size() > 1 && !grade.passed()) {
        // Several graders: the reason says which of them it is, each failing one in the set's order.
        QStringList reasons;
        for (const GraderVerdict& verdict : verdicts) {
            if (verdict.grade.outcome == grade.outcome) {
                reasons.append(tr("%1: %2").arg(verdict.grader, verdict.grade.reason));
            }
        }
        grade.reason = reasons.join(QStringLiteral("; "));
    }
    return grade;
}

QJsonArray GraderVerdict::toJson(const QList<GraderVerdict>& verdicts)
{
    QJsonArray array;
    for (const GraderVerdict& verdict : verdicts) {
        QJsonObject object { { QStringLiteral("grader"), verdict.grader },
                             { QStringLiteral("outcome"), GradeOutcomes::id(verdict.grade.outcome) } };
        if (verdict.grade.score) {
            object.insert(QStringLiteral("score"), *verdict.grade.score);
        }
        if (!verdict.grade.reason.isEmpty()) {
            object.insert(QStringLiteral("reason"), verdict.grade.reason);
        }
        array.append(object);
    }
    return array;
}

std::optional<QList<GraderVerdict>> GraderVerdict::fromJson(const QJsonArray& array)
{
    QList<GraderVerdict> verdicts;
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        const auto outcome = GradeOutcomes::fromId(object.value(QLatin1String("outcome")).toString());
        const QJsonValue grader = object.value(QLatin1String("grader"));
        if (!outcome || !grader.isString()) {
            return std::nullopt;
        }
        GraderVerdict verdict;
        verdict.grader = grader.toString();
        verdict.grade.outcome = *outcome;
        if (object.value(QLatin1String("score")).isDouble()) {
            verdict.grade.score = object.value(QLatin1String("score")).toDouble();
        }
        verdict.grade.reason = object.value(QLatin1String("reason")).toString();
        verdicts.append(verdict);
    }
    return verdicts;
}

QString GraderVerdict::describe() const
{
    const QString outcome = grade.passed()    ? tr("pass")
        : grade.outcome == GradeOutcome::Fail ? tr("fail")
                                              : tr("error");
    QString text = tr("%1: %2").arg(grader, outcome);
    if (grade.score) {
        text += tr(" (score %1)").arg(*grade.score);
    }
    if (!grade.reason.isEmpty()) {
        text += tr(" (%1)").arg(grade.reason);
    }
    return text;
}

QString GraderVerdict::describe(const QList<GraderVerdict>& verdicts, const QString& separator)
{
    QStringList lines;
    for (const GraderVerdict& verdict : verdicts) {
        lines.append(verdict.describe());
    }
    return lines.join(separator);
}
