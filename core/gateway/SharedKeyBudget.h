#pragma once

#include "core/ledger/SharedBudgetClient.h"
#include "core/ledger/SharedBudgetFallback.h"

#include <QDateTime>
#include <QHash>
#include <QString>

struct ClientKey;

// Client keys' budgets held in the team's ledger database as well as in the gateway, so that a key
// used through several gateways on one PostgreSQL ledger cannot pass its limit through them
// together: each attempt's worst case is held in the key's day and month periods
// ("key/ID/day@2026-03-02") by SharedBudgetClient, and settled to what the request cost. While
// the database cannot be asked, the gateway goes on within SharedBudgetFallback's share of what
// the key had left, as the team's own budgets do.
class SharedKeyBudget final
{
public:
    explicit SharedKeyBudget(const QString& ledgerUrl);

    struct Period
    {
        QDateTime from; // UTC bounds of the key's local day or month
        QDateTime until;
    };
    struct Outcome
    {
        bool ok = true;
        QString refusal; // why not, for the client
    };
    // Holds amountUsd against the key's limits in its current day and month; `holdId` is the
    // gateway's own hold of the same attempt.
    Outcome hold(quint64 holdId, const ClientKey& key, double amountUsd, const Period& day, const Period& month);
    // The hold becomes what the attempt cost (0: it billed nothing).
    void settle(quint64 holdId, double actualUsd);

private:
    SharedBudgetClient m_client;
    SharedBudgetFallback m_fallback;
    QHash<quint64, qint64> m_holds; // the gateway's hold id -> the database's
    QString m_error; // the last reason the database could not be asked, logged once
};
