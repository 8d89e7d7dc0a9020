#include "core/ledger/SharedBudgetFallback.h"

#include "core/common/Money.h"

#include <QCoreApplication>

namespace {
constexpr double kEpsilonUsd = 1e-9;
}

void SharedBudgetFallback::recordStanding(const QHash<QString, double>& remainingUsd)
{
    for (auto it = remainingUsd.cbegin(); it != remainingUsd.cend(); ++it) {
        m_remaining.insert(it.key(), qMax(0.0, it.value()));
    }
}

double SharedBudgetFallback::allowance(const QString& key, double limitUsd) const
{
    const auto known = m_remaining.constFind(key);
    return kShare * (known != m_remaining.cend() ? *known : limitUsd);
}

SharedBudgetFallback::Decision SharedBudgetFallback::reserve(quint64 localId, const QList<SharedBudget::Scope>& scopes,
                                                             double amountUsd)
{
    for (const SharedBudget::Scope& scope : scopes) {
        const double allowed = allowance(scope.key, scope.limitUsd);
        const double spent = used(scope.key);
        if (spent + amountUsd > allowed + kEpsilonUsd) {
            return { false,
                     QCoreApplication::translate("SharedBudgetFallback",
                                                 "the team's budget database cannot be reached: this instance may "
                                                 "spend %1 (%2% of what %3 had left) until it answers again, and %4 "
                                                 "of it is used")
                         .arg(Money::format(allowed))
                         .arg(int(kShare * 100))
                         .arg(scope.key, Money::format(spent)) };
        }
    }
    Hold hold;
    hold.amountUsd = amountUsd;
    for (const SharedBudget::Scope& scope : scopes) {
        m_held[scope.key] += amountUsd;
        hold.keys << scope.key;
    }
    m_holds.insert(localId, hold);
    return {};
}

bool SharedBudgetFallback::settle(quint64 localId, double actualUsd)
{
    const auto it = m_holds.constFind(localId);
    if (it == m_holds.cend()) {
        return false;
    }
    for (const QString& key : it->keys) {
        m_held[key] = qMax(0.0, m_held.value(key) - it->amountUsd);
        m_settled[key] += actualUsd;
    }
    m_holds.erase(it);
    return true;
}

QHash<QString, double> SharedBudgetFallback::takeOutageSpend()
{
    QHash<QString, double> spent;
    for (auto it = m_settled.cbegin(); it != m_settled.cend(); ++it) {
        if (it.value() > kEpsilonUsd) {
            spent.insert(it.key(), it.value());
        }
    }
    m_settled.clear();
    return spent;
}
