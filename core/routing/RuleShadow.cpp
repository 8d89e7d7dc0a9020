#include "core/routing/RuleShadow.h"

#include "core/routing/RuleEngine.h"
#include "core/routing/RulePattern.h"

#include <QSet>

namespace {
// A rule that can match something: enabled, with a pattern that works and is not empty.
bool canMatch(const RoutingRule& rule)
{
    return rule.enabled && RulePattern::error(rule).isEmpty() && !RulePattern::isEmptyMatcher(rule);
}

qint64 number(const RoutingRule& rule)
{
    return rule.pattern.trimmed().toLongLong();
}

// The keyword phrases as the rule engine compares them: lower-cased words, one space apart.
QSet<QString> phrases(const RoutingRule& rule)
{
    QSet<QString> result;
    for (const QString& phrase : rule.pattern.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList words = RuleEngine::words(phrase);
        if (!words.isEmpty()) {
            result.insert(words.join(QLatin1Char(' ')));
        }
    }
    return result;
}

// Whether every prompt (with its tags) that `later` matches is matched by `earlier` too.
bool covers(const RoutingRule& earlier, const RoutingRule& later)
{
    if (earlier.kind != later.kind) {
        return false;
    }
    switch (later.kind) {
    case RuleKind::Keywords: {
        const QSet<QString> mine = phrases(later);
        return !mine.isEmpty() && phrases(earlier).contains(mine);
    }
    case RuleKind::Regex:
        return earlier.pattern == later.pattern && (!earlier.caseSensitive || later.caseSensitive);
    case RuleKind::MinChars:
    case RuleKind::MinTokens:
        return number(earlier) <= number(later);
    case RuleKind::MaxChars:
        return number(earlier) >= number(later);
    case RuleKind::Tag:
        return earlier.pattern.trimmed().compare(later.pattern.trimmed(), Qt::CaseInsensitive) == 0;
    case RuleKind::HasCodeBlock:
    case RuleKind::Default:
    case RuleKind::Learned: // both match every prompt while a router is trained
        return true;
    }
    return false;
}
} // namespace

bool RuleShadow::isCatchAll(const RoutingRule& rule)
{
    if (!canMatch(rule)) {
        return false;
    }
    switch (rule.kind) {
    case RuleKind::Default:
        return true;
    case RuleKind::MinChars:
    case RuleKind::MinTokens:
        return number(rule) <= 0;
    case RuleKind::Keywords:
    case RuleKind::Regex:
    case RuleKind::MaxChars:
    case RuleKind::HasCodeBlock:
    case RuleKind::Tag:
    case RuleKind::Learned: // skipped while no router is trained
        break;
    }
    return false;
}

std::optional<RuleShadow> RuleShadow::find(const RoutingPolicy& policy, int row)
{
    if (row < 0 || row >= policy.rules.size() || !policy.rules.at(row).enabled) {
        return std::nullopt;
    }
    const RoutingRule& rule = policy.rules.at(row);
    for (int earlier = 0; earlier < row; ++earlier) {
        const RoutingRule& before = policy.rules.at(earlier);
        if (isCatchAll(before)) {
            return RuleShadow { earlier, Reason::CatchAll };
        }
        if (canMatch(before) && covers(before, rule)) {
            return RuleShadow { earlier, Reason::Covered };
        }
    }
    return std::nullopt;
}

int RuleShadow::insertRow(const RoutingPolicy& policy, int row)
{
    const int size = int(policy.rules.size());
    int result = row < 0 || row > size ? size : row;
    for (int index = 0; index < result; ++index) {
        if (isCatchAll(policy.rules.at(index))) {
            result = index;
            break;
        }
    }
    return result;
}
