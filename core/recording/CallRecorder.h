#pragma once

#include "core/ledger/LedgerRecords.h"
#include "core/recording/FinishedCall.h"
#include "core/recording/PendingRecord.h"
#include "core/recording/RecordContext.h"

#include <functional>
#include <memory>

class CallJournal;
class PriceTable;

// The one way a request reaches the ledger, for every source: the gateway, the CLI, the
// workbench and routed calls take a PendingRecord when the call starts and finish it with a
// FinishedCall; row() builds the RequestRecord with its attempt and failover rows, the cost from
// CostCalculator at the price version in force now (so later price edits never rewrite history),
// and hands it to the sink.
class CallRecorder final
{
public:
    // The model's rates (unknown: ModelPrice::known false, recorded as unpriced).
    using PriceLookup = std::function<ModelPrice(const QString& modelId)>;
    // Where rows go (normally the ledger); `budgetSettled`: the router's holds already billed it.
    using Sink = std::function<void(const RequestRecord& record, bool budgetSettled)>;

    CallRecorder(const PriceTable& prices, PriceLookup price, Sink sink);
    ~CallRecorder();
    CallRecorder(const CallRecorder&) = delete;
    CallRecorder& operator=(const CallRecorder&) = delete;

    // Where each call's start and row are written ahead of the ledger (null: nowhere).
    void setJournal(CallJournal* journal) { m_journal = journal; }

    // The call starts now; the ticket must outlive it (or records it as cancelled).
    PendingRecord start(RecordContext context) const;

    // The row for a call, without recording it (pure but for the clock when the call has no
    // latency of its own).
    RequestRecord row(const RecordContext& context, const FinishedCall& call) const;

private:
    friend class PendingRecord;
    RequestRecord commit(const RecordContext& context, const FinishedCall& call) const;

    const PriceTable& m_prices;
    PriceLookup m_price;
    Sink m_sink;
    CallJournal* m_journal = nullptr;
    std::shared_ptr<CallRecorder*> m_self; // tickets hold it weakly
    // The last call of a comparison run that started, and when: the run's columns start in order.
    mutable QString m_lastGroup;
    mutable QDateTime m_lastGroupStart;
};
