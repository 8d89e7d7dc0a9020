#pragma once

#include <QList>
#include <QString>

// One thing wrong (or worth knowing) about a configuration file, located by a JSON/YAML path
// such as `tiers[2].chain[0]` so the editor can point at it.
struct ConfigProblem
{
    enum class Severity
    {
        Error, // the file is refused
        Warning, // loaded, but something was ignored or needs the user's attention
    };

    QString file; // "providers.json", "routing.json", "config.yaml"
    QString path; // "models[3].provider"; empty for the whole file
    QString message; // translated, never contains a secret
    Severity severity = Severity::Error;
    int line = 0; // 1-based when known (parse errors), else 0
    int column = 0; // 1-based when known

    bool isError() const { return severity == Severity::Error; }
    // "routing.json: tiers[2].chain[0]: unknown model "gpt-4o-mimi"" (line:column when known).
    QString toString() const;
};

namespace ConfigProblems {
bool hasErrors(const QList<ConfigProblem>& problems);
// Closest candidate by edit distance, or empty when nothing is close enough to be a typo.
QString closestMatch(const QString& word, const QStringList& candidates);
// " (did you mean "x"?)" or empty.
QString didYouMean(const QString& word, const QStringList& candidates);
} // namespace ConfigProblems
