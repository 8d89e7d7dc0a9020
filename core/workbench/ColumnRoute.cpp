#include "core/workbench/ColumnRoute.h"

#include "core/routing/DefaultPolicy.h"

#include <QCoreApplication>

QString ColumnRoute::decisionText() const
{
    if (!decided) {
        return QCoreApplication::translate("ColumnRoute", "The router picks the model");
    }
    const QString rule = ruleName.isEmpty() ? QCoreApplication::translate("ColumnRoute", "forced")
                                            : DefaultPolicy::displayName(ruleName);
    return QCoreApplication::translate("ColumnRoute", "Tier %1 \u00b7 rule \u201c%2\u201d").arg(tier, rule);
}

QString ColumnRoute::failoverText(const Failover& failover)
{
    QString reason = FailureClasses::displayName(failover.error.failureClass);
    if (failover.error.httpStatus > 0) {
        reason = QCoreApplication::translate("ColumnRoute", "%1, HTTP %2").arg(reason).arg(failover.error.httpStatus);
    }
    return QCoreApplication::translate("ColumnRoute", "Failed over from %1 (%2) to %3")
        .arg(failover.fromModel, reason, failover.toModel);
}

QString ColumnRoute::note() const
{
    if (!decided) {
        return {};
    }
    QStringList parts { QCoreApplication::translate("ColumnRoute", "routed: tier %1, rule %2")
                            .arg(tier,
                                 ruleName.isEmpty() ? QCoreApplication::translate("ColumnRoute", "forced")
                                                    : DefaultPolicy::displayName(ruleName)) };
    for (const Failover& failover : failovers) {
        parts.append(failoverText(failover));
    }
    return parts.join(QStringLiteral("; "));
}
