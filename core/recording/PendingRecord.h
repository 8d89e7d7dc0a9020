#pragma once

#include "core/ledger/LedgerRecords.h"
#include "core/recording/FinishedCall.h"
#include "core/recording/RecordContext.h"

#include <memory>

class CallRecorder;

// The promise that a call reaches the ledger exactly once. Taken from CallRecorder::start() when
// the call starts; finish() spends it. Move-only, so there is never a second copy that could
// record again.
//
// Destroyed while still open, it records the call as cancelled rather than asserting: a call
// torn down before its end (the app quitting with columns streaming, a client gone, a gateway
// switched off) did send its request and may be billed for it, so its row must exist, and these
// are ordinary paths, not programming errors. Spending it twice is one, and asserts in debug.
class PendingRecord final
{
public:
    PendingRecord() = default; // holds no call: records nothing
    PendingRecord(PendingRecord&& other) noexcept;
    PendingRecord& operator=(PendingRecord&& other) noexcept;
    PendingRecord(const PendingRecord&) = delete;
    PendingRecord& operator=(const PendingRecord&) = delete;
    ~PendingRecord();

    bool isOpen() const { return m_open; }
    const RecordContext& context() const { return m_context; }

    // Records the call and spends the ticket; returns the row as it was handed to the ledger.
    RequestRecord finish(const FinishedCall& call);

private:
    friend class CallRecorder;
    PendingRecord(std::weak_ptr<CallRecorder*> recorder, RecordContext context);

    std::weak_ptr<CallRecorder*> m_recorder; // expires with the recorder: then nothing is recorded
    RecordContext m_context;
    bool m_open = false;
};
