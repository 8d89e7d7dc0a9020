#pragma once

#include <QString>

#include <optional>

// What a grader concluded about one answer.
enum class GradeOutcome
{
    Pass,
    Fail,
    Error, // the grader could not judge (a bad pattern, the judge unreachable or unreadable): not a pass
};

namespace GradeOutcomes {
QString id(GradeOutcome outcome); // "pass", "fail", "error"
std::optional<GradeOutcome> fromId(const QString& id);
} // namespace GradeOutcomes

struct Grade
{
    GradeOutcome outcome = GradeOutcome::Error;
    std::optional<double> score; // the judge's 1-10; nullopt for the other graders
    QString reason; // why it failed or could not judge; empty on a pass

    bool passed() const { return outcome == GradeOutcome::Pass; }
    bool operator==(const Grade&) const = default;

    static Grade pass(std::optional<double> score = std::nullopt) { return { GradeOutcome::Pass, score, {} }; }
    static Grade fail(const QString& reason, std::optional<double> score = std::nullopt)
    {
        return { GradeOutcome::Fail, score, reason };
    }
    static Grade error(const QString& reason) { return { GradeOutcome::Error, std::nullopt, reason }; }
};
