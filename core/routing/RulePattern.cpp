#include "core/routing/RulePattern.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace RulePattern {

QString error(const RoutingRule& rule)
{
    switch (rule.kind) {
    case RuleKind::Regex: {
        const QRegularExpression regex(rule.pattern);
        if (!regex.isValid()) {
            return QCoreApplication::translate("RulePattern", "invalid regular expression: %1 at offset %2")
                .arg(regex.errorString())
                .arg(regex.patternErrorOffset());
        }
        return {};
    }
    case RuleKind::MinChars:
    case RuleKind::MaxChars:
    case RuleKind::MinTokens: {
        bool ok = false;
        const int number = rule.pattern.trimmed().toInt(&ok);
        if (!ok || number < 0) {
            return QCoreApplication::translate("RulePattern", "expected a whole number, found \"%1\"")
                .arg(rule.pattern);
        }
        return {};
    }
    case RuleKind::Learned:
        if (rule.weakModel.isEmpty() || rule.strongModel.isEmpty()) {
            return QCoreApplication::translate("RulePattern", "a learned rule needs a weak and a strong model");
        }
        if (!(rule.threshold >= 0 && rule.threshold <= 1)) {
            return QCoreApplication::translate("RulePattern", "the threshold must be between 0 and 1, found %1")
                .arg(rule.threshold);
        }
        return {};
    case RuleKind::Keywords:
    case RuleKind::Tag:
    case RuleKind::HasCodeBlock:
    case RuleKind::Default:
        return {};
    }
    return {};
}

bool isEmptyMatcher(const RoutingRule& rule)
{
    return (rule.kind == RuleKind::Keywords || rule.kind == RuleKind::Tag) && rule.pattern.trimmed().isEmpty();
}

} // namespace RulePattern
