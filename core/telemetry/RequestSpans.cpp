#include "core/telemetry/RequestSpans.h"

#include "core/common/FailureClass.h"
#include "core/common/RequestSource.h"
#include "core/common/RequestStatus.h"

namespace {
constexpr qint64 kNanosPerMs = 1000000;

QString operationOf(const RequestRecord& record)
{
    return record.trace.operation.isEmpty() ? QStringLiteral("chat") : record.trace.operation;
}

qint64 unixNano(const QDateTime& at)
{
    return at.toMSecsSinceEpoch() * kNanosPerMs;
}

void addServer(QList<OtlpSpan::Attribute>& attributes, const QString& server)
{
    const qsizetype colon = server.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return;
    }
    attributes.append({ QStringLiteral("server.address"), server.left(colon) });
    attributes.append({ QStringLiteral("server.port"), server.mid(colon + 1).toLongLong() });
}

void addUsage(QList<OtlpSpan::Attribute>& attributes, const RequestRecord& record)
{
    attributes.append({ QStringLiteral("gen_ai.response.model"), record.finalModel });
    attributes.append({ QStringLiteral("gen_ai.usage.input_tokens"), record.usage.promptTokens });
    attributes.append({ QStringLiteral("gen_ai.usage.output_tokens"), record.usage.completionTokens });
    if (!record.trace.finishReason.isEmpty()) {
        attributes.append(
            { QStringLiteral("gen_ai.response.finish_reasons"), QStringList { record.trace.finishReason } });
    }
}

// The attributes every span of the request shares: the operation and the request's parameters.
QList<OtlpSpan::Attribute> common(const QString& operation, const QString& model, const QString& provider,
                                  int maxTokens)
{
    QList<OtlpSpan::Attribute> attributes {
        { QStringLiteral("gen_ai.operation.name"), operation },
        { QStringLiteral("gen_ai.request.model"), model },
    };
    if (!provider.isEmpty()) {
        attributes.append({ QStringLiteral("gen_ai.provider.name"), provider });
        attributes.append({ QStringLiteral("gen_ai.system"), provider }); // the name before semconv 1.37
    }
    if (maxTokens > 0) {
        attributes.append({ QStringLiteral("gen_ai.request.max_tokens"), qint64(maxTokens) });
    }
    return attributes;
}

OtlpSpan attemptSpan(const RequestRecord& record, const TraceContext& request, int index, bool answered)
{
    const AttemptRecord& attempt = record.attempts.at(index);
    OtlpSpan span;
    span.traceId = request.traceId;
    span.spanId = attempt.trace.spanId.size() == TraceContext::kSpanIdBytes ? attempt.trace.spanId
                                                                            : TraceContext::randomSpanId();
    span.parentSpanId = request.spanId;
    span.name = operationOf(record) + QLatin1Char(' ') + attempt.modelId;
    span.kind = OtlpSpan::Kind::Client;
    span.startUnixNano = unixNano(attempt.startedAt);
    span.endUnixNano = qMax(span.startUnixNano, unixNano(attempt.endedAt));
    span.attributes = common(operationOf(record), attempt.modelId, attempt.providerId, record.trace.maxTokens);
    addServer(span.attributes, attempt.trace.server);
    span.attributes.append({ QStringLiteral("switchyard.attempt.index"), qint64(index) });
    span.attributes.append({ QStringLiteral("switchyard.attempt.outcome"), AttemptOutcomes::id(attempt.outcome) });
    if (answered) {
        addUsage(span.attributes, record);
    }
    if (!attempt.failureClass.isEmpty()) {
        span.attributes.append({ QStringLiteral("error.type"), attempt.failureClass });
        if (attempt.httpStatus > 0) {
            span.attributes.append({ QStringLiteral("http.response.status_code"), qint64(attempt.httpStatus) });
        }
        span.status = OtlpSpan::Status::Error;
        span.statusMessage = attempt.message;
    }
    return span;
}
} // namespace

QList<OtlpSpan> RequestSpans::fromRecord(const RequestRecord& record)
{
    TraceContext trace = record.trace.span;
    if (!trace.isValid()) {
        trace = TraceContext::root();
    }
    if (!trace.sampled()) {
        return {};
    }
    // The attempt that answered: the last one that ended well.
    int answered = -1;
    for (qsizetype i = record.attempts.size() - 1; i >= 0 && answered < 0; --i) {
        if (record.attempts.at(i).outcome == AttemptOutcome::Ok && record.status != RequestStatus::Cached) {
            answered = int(i);
        }
    }

    OtlpSpan request;
    request.traceId = trace.traceId;
    request.spanId = trace.spanId;
    request.parentSpanId = trace.parentSpanId;
    const QString requested = record.attempts.isEmpty() ? record.finalModel : record.attempts.constFirst().modelId;
    request.name = operationOf(record) + QLatin1Char(' ') + requested;
    request.kind = record.source == RequestSource::Gateway ? OtlpSpan::Kind::Server : OtlpSpan::Kind::Internal;
    request.startUnixNano = unixNano(record.startedAt);
    request.endUnixNano = request.startUnixNano + qMax<qint64>(0, record.latencyMs) * kNanosPerMs;
    request.attributes = common(operationOf(record), requested, {}, record.trace.maxTokens);
    if (record.status == RequestStatus::Ok || record.status == RequestStatus::Cached) {
        request.attributes.append({ QStringLiteral("gen_ai.provider.name"), record.finalProvider });
        addUsage(request.attributes, record);
    }
    request.attributes.append({ QStringLiteral("switchyard.request.id"), record.id });
    request.attributes.append({ QStringLiteral("switchyard.source"), RequestSources::id(record.source) });
    request.attributes.append({ QStringLiteral("switchyard.status"), RequestStatuses::id(record.status) });
    if (!record.tier.isEmpty()) {
        request.attributes.append({ QStringLiteral("switchyard.tier"), record.tier });
    }
    if (!record.rule.isEmpty()) {
        request.attributes.append({ QStringLiteral("switchyard.rule"), record.rule });
    }
    request.attributes.append({ QStringLiteral("switchyard.failovers"), qint64(record.failovers.size()) });
    if (record.costUsd) {
        request.attributes.append({ QStringLiteral("switchyard.cost_usd"), *record.costUsd });
    }
    if (!record.clientKey.isEmpty()) {
        request.attributes.append(
            { QStringLiteral("switchyard.client_key"), record.clientKey }); // its id, never the key
    }
    if (!record.failureClass.isEmpty()) {
        request.attributes.append({ QStringLiteral("error.type"), record.failureClass });
    }
    if (record.status == RequestStatus::Failed || record.status == RequestStatus::Incomplete) {
        request.status = OtlpSpan::Status::Error;
        request.statusMessage = record.errorMessage;
    }

    QList<OtlpSpan> spans { request };
    for (int i = 0; i < record.attempts.size(); ++i) {
        spans.append(attemptSpan(record, trace, i, i == answered));
    }
    return spans;
}
