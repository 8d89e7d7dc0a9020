#include "CallRecorder.h"

#include "pricing/CostCalculator.h"
#include "pricing/PriceTable.h"

namespace {
RequestRecord base(const CallRecorder::Context& context)
{
    RequestRecord record;
    record.startedAt = context.startedAt.isValid() ? context.startedAt.toUTC() : QDateTime::currentDateTimeUtc();
    record.source = context.source;
    record.prompt = context.prompt;
    record.compareGroup = context.compareGroup;
    return record;
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}
} // namespace

CallRecorder::CallRecorder(const PriceTable& prices)
    : m_prices(prices)
{
}

void CallRecorder::fillCost(RequestRecord& record, const ModelPrice& price) const
{
    record.costUsd = CostCalculator::cost(price, record.usage);
    record.costEstimated = record.usage.estimated;
    record.priceVersion = m_prices.version();
}

QList<AttemptRecord> CallRecorder::attempts(const QList<AttemptInfo>& attempts)
{
    QList<AttemptRecord> records;
    for (const AttemptInfo& attempt : attempts) {
        AttemptRecord record;
        record.modelId = attempt.modelId;
        record.providerId = attempt.providerId;
        record.startedAt = fromMs(attempt.startedMs);
        record.endedAt = fromMs(attempt.endedMs);
        const bool ok = attempt.outcome == QLatin1String("ok");
        const bool special
            = attempt.outcome == QLatin1String("hedge_lost") || attempt.outcome == QLatin1String("cancelled");
        record.outcome = ok || special ? attempt.outcome : QStringLiteral("failed");
        if (attempt.error.isError() && !ok) {
            record.failureClass = FailureClasses::id(attempt.error.failureClass);
            record.httpStatus = attempt.error.httpStatus;
            record.message = attempt.error.message;
        }
        records.append(record);
    }
    return records;
}

QList<FailoverRecord> CallRecorder::failovers(const QList<AttemptInfo>& attempts)
{
    // A failover is a failed attempt followed by an attempt on another model.
    QList<FailoverRecord> records;
    for (qsizetype i = 0; i + 1 < attempts.size(); ++i) {
        const AttemptInfo& from = attempts.at(i);
        const AttemptInfo& to = attempts.at(i + 1);
        if (!from.error.isError() || from.outcome == QLatin1String("hedge_lost") || from.modelId == to.modelId) {
            continue;
        }
        FailoverRecord record;
        record.at = fromMs(from.endedMs);
        record.fromModel = from.modelId;
        record.toModel = to.modelId;
        record.failureClass = FailureClasses::id(from.error.failureClass);
        record.message = from.error.message;
        records.append(record);
    }
    return records;
}

RequestRecord CallRecorder::fromRouted(const RoutedResult& result, const Context& context,
                                       const ModelPrice& price) const
{
    RequestRecord record = base(context);
    record.tier = result.tier;
    record.rule = result.ruleName;
    record.finalModel = result.modelId;
    record.finalProvider = result.providerId;
    record.status = result.cached ? QStringLiteral("cached") : QStringLiteral("ok");
    record.cachedAnswer = result.cached;
    record.ttftMs = result.ttftMs;
    record.latencyMs = result.latencyMs;
    record.usage = result.usage;
    record.attempts = attempts(result.attempts);
    record.failovers = failovers(result.attempts);
    if (result.cached) {
        record.costUsd = 0.0; // a cached answer made no billed request
        record.priceVersion = m_prices.version();
    } else {
        fillCost(record, price);
    }
    return record;
}

RequestRecord CallRecorder::fromRoutedError(const RoutedError& error, const Context& context) const
{
    RequestRecord record = base(context);
    record.tier = error.tier;
    record.rule = error.ruleName;
    if (!error.attempts.isEmpty()) {
        record.finalModel = error.attempts.constLast().modelId;
        record.finalProvider = error.attempts.constLast().providerId;
    }
    record.status = error.incomplete ? QStringLiteral("incomplete") : QStringLiteral("failed");
    record.failureClass = FailureClasses::id(error.lastError.failureClass);
    record.errorMessage = error.message;
    record.attempts = attempts(error.attempts);
    record.failovers = failovers(error.attempts);
    if (!error.attempts.isEmpty()) {
        record.latencyMs = error.attempts.constLast().endedMs - error.attempts.constFirst().startedMs;
    }
    record.costUsd = std::nullopt; // failed upstream requests are not billed by the providers we know
    record.priceVersion = m_prices.version();
    return record;
}

RequestRecord CallRecorder::fromDirect(const CallResult& result, const CallError& error, const Context& context,
                                       const ModelPrice& price) const
{
    RequestRecord record = base(context);
    record.finalModel = result.modelId;
    record.finalProvider = result.providerId;
    record.ttftMs = result.ttftMs;
    record.latencyMs = result.latencyMs;
    record.usage = result.usage;
    AttemptRecord attempt;
    attempt.modelId = result.modelId;
    attempt.providerId = result.providerId;
    attempt.startedAt = record.startedAt;
    attempt.endedAt = record.startedAt.addMSecs(result.latencyMs);
    if (error.isError()) {
        const bool cancelled = error.failureClass == FailureClass::Cancelled;
        record.status = cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
        record.failureClass = FailureClasses::id(error.failureClass);
        record.errorMessage = error.message;
        attempt.outcome = cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
        attempt.failureClass = record.failureClass;
        attempt.httpStatus = error.httpStatus;
        attempt.message = error.message;
        record.priceVersion = m_prices.version();
    } else {
        record.status = QStringLiteral("ok");
        attempt.outcome = QStringLiteral("ok");
        fillCost(record, price);
    }
    record.attempts = { attempt };
    return record;
}

RequestRecord CallRecorder::cancelled(const Context& context, const QString& modelId, const QString& providerId) const
{
    RequestRecord record = base(context);
    record.finalModel = modelId;
    record.finalProvider = providerId;
    record.status = QStringLiteral("cancelled");
    record.failureClass = FailureClasses::id(FailureClass::Cancelled);
    record.latencyMs = record.startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    record.priceVersion = m_prices.version();
    return record;
}
