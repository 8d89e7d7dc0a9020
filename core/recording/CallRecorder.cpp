#include "core/recording/CallRecorder.h"

#include "core/common/Clock.h"
#include "core/common/RequestId.h"
#include "core/pricing/CostCalculator.h"
#include "core/pricing/PriceTable.h"
#include "core/recording/CallJournal.h"

namespace {
QDateTime utcFromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QList<AttemptRecord> attemptRows(const QList<AttemptInfo>& attempts)
{
    QList<AttemptRecord> rows;
    rows.reserve(attempts.size());
    for (const AttemptInfo& attempt : attempts) {
        AttemptRecord row;
        row.modelId = attempt.modelId;
        row.providerId = attempt.providerId;
        row.startedAt = utcFromMs(attempt.startedMs);
        row.endedAt = utcFromMs(attempt.endedMs > 0 ? attempt.endedMs : attempt.startedMs);
        row.outcome = attempt.outcome;
        if (attempt.error.isError() && attempt.outcome != AttemptOutcome::Ok) {
            row.failureClass = FailureClasses::id(attempt.error.failureClass);
            row.httpStatus = attempt.error.httpStatus;
            row.message = attempt.error.message;
        }
        row.trace = { attempt.spanId, attempt.server };
        rows.append(row);
    }
    return rows;
}

// A failover is a failed attempt followed by an attempt on another model.
QList<FailoverRecord> failoverRows(const QList<AttemptInfo>& attempts)
{
    QList<FailoverRecord> rows;
    for (qsizetype i = 0; i + 1 < attempts.size(); ++i) {
        const AttemptInfo& from = attempts.at(i);
        const AttemptInfo& to = attempts.at(i + 1);
        if (!from.error.isError() || from.outcome == AttemptOutcome::HedgeLost || from.modelId == to.modelId) {
            continue;
        }
        rows.append({ utcFromMs(from.endedMs), from.modelId, to.modelId, FailureClasses::id(from.error.failureClass),
                      from.error.message });
    }
    return rows;
}
} // namespace

CallRecorder::CallRecorder(const PriceTable& prices, PriceLookup price, Sink sink)
    : m_prices(prices)
    , m_price(std::move(price))
    , m_sink(std::move(sink))
    , m_self(std::make_shared<CallRecorder*>(this))
{
}

CallRecorder::~CallRecorder() = default;

PendingRecord CallRecorder::start(RecordContext context) const
{
    if (!context.startedAt.isValid()) {
        context.startedAt = Clock::instance().currentDateTimeUtc();
    }
    context.startedAt = context.startedAt.toUTC();
    if (!context.compareGroup.isEmpty()) {
        // A run's columns start one after another, often within one millisecond, and finish in any
        // order; a reopened run lists them by start. Each column starts after the one before it
        // (by a millisecond at most), so the reopened run has the live run's column order.
        if (context.compareGroup == m_lastGroup && context.startedAt <= m_lastGroupStart) {
            context.startedAt = m_lastGroupStart.addMSecs(1);
        }
        m_lastGroup = context.compareGroup;
        m_lastGroupStart = context.startedAt;
    }
    if (context.requestId.isEmpty()) {
        context.requestId = RequestIds::create();
    }
    if (m_journal) {
        m_journal->started(context); // before the request goes out
    }
    return PendingRecord(m_self, std::move(context));
}

RequestRecord CallRecorder::row(const RecordContext& context, const FinishedCall& call) const
{
    RequestRecord record;
    record.id = context.requestId;
    record.startedAt = context.startedAt;
    record.source = context.source;
    record.prompt = context.prompt;
    record.compareGroup = context.compareGroup;
    record.clientKey = context.clientKey;
    record.tier = call.tier;
    record.rule = call.rule;
    if (call.learned) {
        record.learned = LearnedRouteRecord { call.learned->pStrong, call.learned->strong };
    }
    record.finalModel = call.modelId;
    record.finalProvider = call.providerId;
    if (record.finalModel.isEmpty() && !call.attempts.isEmpty()) {
        record.finalModel = call.attempts.constLast().modelId;
        record.finalProvider = call.attempts.constLast().providerId;
    }
    if (record.finalModel.isEmpty()) {
        record.finalModel = context.modelId;
        record.finalProvider = context.providerId;
    }
    record.status = call.status;
    record.ttftMs = call.ttftMs;
    record.latencyMs = call.latencyMs.value_or(context.startedAt.msecsTo(Clock::instance().currentDateTimeUtc()));
    record.usage = call.usage;
    record.cachedAnswer = call.status == RequestStatus::Cached;
    record.priceVersion = m_prices.version();
    // An answer is billed; so is an unfinished one that produced output (its usage estimated from
    // what came back). A request that got nothing back is not billed by the providers we know.
    const bool billed
        = call.status == RequestStatus::Ok || (call.status != RequestStatus::Cached && call.usage != TokenUsage {});
    if (billed) {
        const ModelPrice price = context.price && record.finalModel == context.modelId
            ? *context.price
            : (m_price ? m_price(record.finalModel) : ModelPrice {});
        record.costUsd = CostCalculator::cost(price, call.usage);
        record.costEstimated = call.usage.estimated;
    } else if (record.cachedAnswer || !call.attempts.isEmpty() || call.status == RequestStatus::Failed) {
        // A cached answer made no billed request; one that got nothing back (refused by a provider
        // or before it went out, timed out before output) was not billed: all cost $0, a known
        // amount. Only a call torn down before anything was known stays unknown (NULL), so
        // "unpriced" in the dashboard means a billed call whose model has no price, not a refusal.
        record.costUsd = 0.0;
    }
    if (call.error.isError()) {
        record.failureClass = FailureClasses::id(call.error.failureClass);
    }
    record.errorMessage = call.errorMessage;
    record.attempts = attemptRows(call.attempts);
    record.failovers = failoverRows(call.attempts);
    record.settings = context.settings;
    record.system = context.system;
    record.tools = context.tools;
    record.toolChoice = context.toolChoice;
    record.trace = { call.span, call.maxTokens, call.finishReason, call.operation };
    if (context.keepAnswer) {
        record.answer = call.answer;
        record.reasoning = call.reasoning;
        record.toolCalls = call.toolCalls;
        record.exchange = context.exchange;
    }
    return record;
}

RequestRecord CallRecorder::commit(const RecordContext& context, const FinishedCall& call) const
{
    RequestRecord record = row(context, call);
    if (m_journal) {
        m_journal->finished(record); // on disk before it waits in the ledger's queue
    }
    if (m_sink) {
        m_sink(record, call.budgetSettled);
    }
    return record;
}
