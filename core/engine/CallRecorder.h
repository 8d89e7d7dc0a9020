#pragma once

#include "common/ProviderTypes.h"
#include "ledger/LedgerRecords.h"
#include "routing/RoutedTypes.h"

#include <QDateTime>

class PriceTable;

// Turns what a call produced into the ledger's RequestRecord, fixing its cost from the price
// version in force now, so later price edits never rewrite history.
class CallRecorder
{
public:
    struct Context
    {
        QString source; // "workbench", "route", "gateway", "cli"
        QString prompt;
        QString compareGroup;
        QDateTime startedAt;
    };

    explicit CallRecorder(const PriceTable& prices);

    RequestRecord fromRouted(const RoutedResult& result, const Context& context, const ModelPrice& price) const;
    RequestRecord fromRoutedError(const RoutedError& error, const Context& context) const;
    RequestRecord fromDirect(const CallResult& result, const CallError& error, const Context& context,
                             const ModelPrice& price) const;
    // A call the user or a client stopped before it ended.
    RequestRecord cancelled(const Context& context, const QString& modelId, const QString& providerId) const;

private:
    void fillCost(RequestRecord& record, const ModelPrice& price) const;
    static QList<AttemptRecord> attempts(const QList<AttemptInfo>& attempts);
    static QList<FailoverRecord> failovers(const QList<AttemptInfo>& attempts);

    const PriceTable& m_prices;
};
