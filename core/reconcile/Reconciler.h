#pragma once

#include "core/reconcile/InvoiceLine.h"
#include "core/reconcile/ReconcileTypes.h"

#include "core/ledger/LedgerQueryTypes.h"

class LedgerQueries;

// Puts a provider's export next to the ledger per UTC day x model (x key): what matched and how
// far it drifts, what the provider billed that the ledger never saw (spend outside Switchyard),
// and what the ledger recorded that the provider does not list. Model names meet through
// ModelNames::canonical; Switchyard model ids are first mapped to their upstream names.
class Reconciler final
{
public:
    // Reads the ledger's daily usage for the options' providers and days, then compare().
    static ReconcileReport reconcile(InvoiceProvider provider, const QList<InvoiceLine>& lines, LedgerQueries& ledger,
                                     const ReconcileOptions& options);
    // The comparison itself, on values: lines of one provider, the ledger's rows for it.
    static ReconcileReport compare(InvoiceProvider provider, const QList<InvoiceLine>& lines,
                                   const QList<DailyUsageRow>& ledgerRows, const ReconcileOptions& options);
    // The days an export covers, when the options do not say.
    static std::pair<QDate, QDate> period(const QList<InvoiceLine>& lines, const ReconcileOptions& options);
};
