#pragma once

#include "LedgerTestUtil.h"

#include "core/ledger/SharedBudget.h"

// The day the shared-budget tests spend on, and the global daily scope of a limit on it.
inline const QDateTime kDay = LedgerTestUtil::utc(2026, 3, 2);

inline SharedBudget::Scope daily(double limit)
{
    return { QStringLiteral("global/day@2026-03-02"), QString(), limit, kDay, kDay.addDays(1) };
}
