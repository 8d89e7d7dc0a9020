#include "core/gateway/SharedKeyBudget.h"

#include "core/gateway/ClientKey.h"

#include <QCoreApplication>
#include <QDebug>

SharedKeyBudget::SharedKeyBudget(const QString& ledgerUrl)
    : m_client(ledgerUrl)
{
}

SharedKeyBudget::Outcome SharedKeyBudget::hold(quint64 holdId, const ClientKey& key, double amountUsd,
                                               const Period& day, const Period& month)
{
    QList<SharedBudget::Scope> scopes;
    const QString prefix = QStringLiteral("key/") + key.id;
    if (key.dailyBudgetUsd) {
        scopes.append({ prefix + QStringLiteral("/day@") + day.from.toLocalTime().date().toString(Qt::ISODate),
                        QString(), *key.dailyBudgetUsd, day.from, day.until, key.id });
    }
    if (key.monthlyBudgetUsd) {
        scopes.append({ prefix + QStringLiteral("/month@") + month.from.toLocalTime().date().toString(u"yyyy-MM"),
                        QString(), *key.monthlyBudgetUsd, month.from, month.until, key.id });
    }
    if (scopes.isEmpty() || amountUsd <= 0) {
        return {};
    }
    const SharedBudget::Hold shared = m_client.reserve(scopes, amountUsd);
    if (shared.ok) {
        m_holds.insert(holdId, shared.id);
        m_fallback.recordStanding(shared.remainingUsd);
        m_client.addSpent(m_fallback.takeOutageSpend());
        m_error.clear();
        return {};
    }
    if (shared.error.isEmpty()) {
        return { false,
                 QCoreApplication::translate("SharedKeyBudget",
                                             "The client key \"%1\" cannot take this request: across every "
                                             "gateway on the team's ledger, %2.")
                     .arg(key.name, shared.refusal) };
    }
    if (m_error != shared.error) {
        m_error = shared.error;
        qWarning().noquote() << QCoreApplication::translate("SharedKeyBudget",
                                                            "Client key budgets cannot be checked with the other "
                                                            "gateways (%1); until they can, each key may spend "
                                                            "%2% of what it had left here.")
                                    .arg(shared.error)
                                    .arg(int(SharedBudgetFallback::kShare * 100));
    }
    const SharedBudgetFallback::Decision local = m_fallback.reserve(holdId, scopes, amountUsd);
    if (local.ok) {
        return {};
    }
    return { false,
             QCoreApplication::translate("SharedKeyBudget", "The client key \"%1\" cannot take this request: %2.")
                 .arg(key.name, local.refusal) };
}

void SharedKeyBudget::settle(quint64 holdId, double actualUsd)
{
    if (m_fallback.settle(holdId, actualUsd)) {
        return; // held while the database was away: handed over when it answers again
    }
    const auto found = m_holds.constFind(holdId);
    if (found == m_holds.cend()) {
        return;
    }
    m_client.settle(*found, actualUsd);
    m_holds.erase(found);
    for (const QString& error : m_client.takeErrors()) {
        qWarning().noquote() << QCoreApplication::translate("SharedKeyBudget",
                                                            "A client key's shared budget could not be updated (%1).")
                                    .arg(error);
    }
}
