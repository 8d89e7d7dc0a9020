#include "core/pricing/BudgetTypes.h"

#include "core/common/Money.h"

#include <QCoreApplication>

#include <cmath>

namespace {
// Sub-cent rounding noise must not refuse a request that fits exactly.
constexpr double LimitEpsilonUsd = 1e-9;
} // namespace

QString BudgetActions::id(BudgetAction action)
{
    switch (action) {
    case BudgetAction::Refuse:
        return QStringLiteral("refuse");
    case BudgetAction::DowngradeTier:
        return QStringLiteral("downgrade");
    case BudgetAction::WarnOnly:
        break;
    }
    return QStringLiteral("warn");
}

std::optional<BudgetAction> BudgetActions::fromId(const QString& id)
{
    for (BudgetAction action : { BudgetAction::WarnOnly, BudgetAction::Refuse, BudgetAction::DowngradeTier }) {
        if (BudgetActions::id(action) == id) {
            return action;
        }
    }
    return std::nullopt;
}

QString BudgetActions::displayName(BudgetAction action)
{
    switch (action) {
    case BudgetAction::Refuse:
        return QCoreApplication::translate("BudgetActions", "Refuse the request");
    case BudgetAction::DowngradeTier:
        return QCoreApplication::translate("BudgetActions", "Use a cheaper tier");
    case BudgetAction::WarnOnly:
        break;
    }
    return QCoreApplication::translate("BudgetActions", "Warn only");
}

QString BudgetScope::id() const
{
    return (providerId.isEmpty() ? QStringLiteral("global") : providerId)
        + (period == BudgetPeriod::Day ? QStringLiteral("/day") : QStringLiteral("/month"));
}

QString BudgetScope::displayName() const
{
    if (providerId.isEmpty()) {
        return period == BudgetPeriod::Day ? QCoreApplication::translate("BudgetScope", "daily budget")
                                           : QCoreApplication::translate("BudgetScope", "monthly budget");
    }
    return (period == BudgetPeriod::Day ? QCoreApplication::translate("BudgetScope", "daily budget for %1")
                                        : QCoreApplication::translate("BudgetScope", "monthly budget for %1"))
        .arg(providerId);
}

bool ScopeUsage::wouldExceed() const
{
    return limitUsd > 0 && countedUsd() + reservedUsd + requestUsd > limitUsd + LimitEpsilonUsd;
}

QString BudgetCheck::exceededLimit() const
{
    for (const ScopeUsage& usage : scopes) {
        if (usage.wouldExceed()) {
            return QCoreApplication::translate("BudgetCheck", "%1, limit %2")
                .arg(usage.scope.displayName(), Money::format(usage.limitUsd));
        }
    }
    return {};
}
