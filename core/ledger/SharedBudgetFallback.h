#pragma once

#include "core/ledger/SharedBudget.h"

#include <QHash>
#include <QString>
#include <QStringList>

// What one process may spend while the team's budget database cannot be asked. Every gateway and
// app on the ledger goes on serving, so each may only use a conservative share of what a scope had
// left when the database last answered (kShare of it; of the whole limit when it never answered):
// several instances cut off together stay within the limit. What was spent meanwhile is handed to
// the database once it answers again (takeOutageSpend), so the team's total stays whole.
class SharedBudgetFallback final
{
public:
    static constexpr double kShare = 0.1;

    struct Decision
    {
        bool ok = true;
        QString refusal; // why not, for the user and the log
    };

    // The database answered: `remainingUsd` is what each scope has left after that hold.
    void recordStanding(const QHash<QString, double>& remainingUsd);
    // The database cannot be asked: `localId` (the process's own reservation) holds amountUsd in
    // every scope, within each scope's outage allowance.
    Decision reserve(quint64 localId, const QList<SharedBudget::Scope>& scopes, double amountUsd);
    // The call ended: its hold becomes what it cost. False for an id reserve() did not take.
    bool settle(quint64 localId, double actualUsd);
    // What calls settled here cost in each scope, not yet added to the database's count; emptied.
    // Calls still running keep their holds here until they settle.
    QHash<QString, double> takeOutageSpend();
    // Held or settled here and not handed over yet, in one scope.
    double used(const QString& key) const { return m_held.value(key) + m_settled.value(key); }
    // The allowance of a scope with this limit: kShare of what was left, else of the limit.
    double allowance(const QString& key, double limitUsd) const;

private:
    struct Hold
    {
        QStringList keys;
        double amountUsd = 0;
    };
    QHash<QString, double> m_remaining; // scope key -> left at the last answer
    QHash<QString, double> m_held; // scope key -> open holds taken here
    QHash<QString, double> m_settled; // scope key -> what settled holds cost, not handed over yet
    QHash<quint64, Hold> m_holds;
};
