#include "core/evaluation/Grade.h"

QString GradeOutcomes::id(GradeOutcome outcome)
{
    switch (outcome) {
    case GradeOutcome::Pass:
        return QStringLiteral("pass");
    case GradeOutcome::Fail:
        return QStringLiteral("fail");
    case GradeOutcome::Error:
        return QStringLiteral("error");
    }
    return {};
}

std::optional<GradeOutcome> GradeOutcomes::fromId(const QString& id)
{
    for (GradeOutcome outcome : { GradeOutcome::Pass, GradeOutcome::Fail, GradeOutcome::Error }) {
        if (GradeOutcomes::id(outcome) == id) {
            return outcome;
        }
    }
    return std::nullopt;
}
