#include "core/config/ConfigProblem.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <vector>

QString ConfigProblem::toString() const
{
    QString where = file;
    if (line > 0) {
        where += QStringLiteral(":%1:%2").arg(line).arg(column);
    }
    if (!path.isEmpty()) {
        where += (where.isEmpty() ? QString() : QStringLiteral(": ")) + path;
    }
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

bool ConfigProblems::hasErrors(const QList<ConfigProblem>& problems)
{
    return std::any_of(problems.cbegin(), problems.cend(), [](const ConfigProblem& p) { return p.isError(); });
}

namespace {
int editDistance(const QString& a, const QString& b)
{
    std::vector<int> previous(b.size() + 1);
    std::vector<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j) {
        previous[j] = int(j);
    }
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a.at(i - 1).toLower() == b.at(j - 1).toLower() ? 0 : 1);
            current[j] = std::min({ previous[j] + 1, current[j - 1] + 1, substitution });
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}
} // namespace

QString ConfigProblems::closestMatch(const QString& word, const QStringList& candidates)
{
    QString best;
    int bestDistance = std::max<int>(2, int(word.size()) / 3) + 1;
    for (const QString& candidate : candidates) {
        const int distance = editDistance(word, candidate);
        // Distance ignores case, so "keyenv" finds "keyEnv"; only the word itself is no suggestion.
        if (distance < bestDistance && candidate != word) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

QString ConfigProblems::didYouMean(const QString& word, const QStringList& candidates)
{
    const QString match = closestMatch(word, candidates);
    return match.isEmpty() ? QString()
                           : QCoreApplication::translate("ConfigProblem", " (did you mean \"%1\"?)").arg(match);
}
