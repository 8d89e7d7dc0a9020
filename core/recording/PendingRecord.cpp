#include "core/recording/PendingRecord.h"

#include "core/recording/CallRecorder.h"

PendingRecord::PendingRecord(std::weak_ptr<CallRecorder*> recorder, RecordContext context)
    : m_recorder(std::move(recorder))
    , m_context(std::move(context))
    , m_open(true)
{
}

PendingRecord::PendingRecord(PendingRecord&& other) noexcept
    : m_recorder(std::move(other.m_recorder))
    , m_context(std::move(other.m_context))
    , m_open(std::exchange(other.m_open, false))
{
}

PendingRecord& PendingRecord::operator=(PendingRecord&& other) noexcept
{
    if (this != &other) {
        if (m_open) {
            finish(FinishedCall::cancelled());
        }
        m_recorder = std::move(other.m_recorder);
        m_context = std::move(other.m_context);
        m_open = std::exchange(other.m_open, false);
    }
    return *this;
}

PendingRecord::~PendingRecord()
{
    if (m_open) {
        finish(FinishedCall::cancelled());
    }
}

RequestRecord PendingRecord::finish(const FinishedCall& call)
{
    Q_ASSERT_X(m_open, "PendingRecord::finish", "a call is recorded once");
    if (!m_open) {
        return {};
    }
    m_open = false;
    const auto recorder = m_recorder.lock();
    return recorder ? (*recorder)->commit(m_context, call) : RequestRecord {};
}
