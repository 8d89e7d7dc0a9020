#include "core/batch/BatchRecords.h"

#include <QUuid>

#include <algorithm>

RecordContext BatchRecords::context(const BatchJob& job, const BatchResult& result)
{
    RecordContext context;
    context.source = RequestSource::Batch;
    context.prompt = job.promptOf(result.customId);
    context.startedAt = job.submittedAt;
    context.modelId = job.modelId;
    context.providerId = job.providerId;
    // The same row whichever process records it: its uuid follows from the job and the request.
    context.requestId = QUuid::createUuidV5(QUuid(QStringLiteral("{5f0c2d1e-6a43-4c1b-9a55-0b6f3d1e2c7a}")),
                                            job.id + QLatin1Char('/') + result.customId)
                            .toString(QUuid::WithoutBraces);
    return context;
}

FinishedCall BatchRecords::call(const BatchJob& job, const BatchResult& result, const QDateTime& fetchedAt)
{
    CallResult answer;
    answer.modelId = job.modelId;
    answer.providerId = job.providerId;
    answer.text = result.text;
    answer.finishReason = result.finishReason;
    answer.usage = result.ok ? result.usage : TokenUsage {};
    answer.usage.batch = true;
    answer.latencyMs = std::max<qint64>(0, job.submittedAt.msecsTo(fetchedAt));
    CallError error;
    if (!result.ok) {
        error.failureClass = FailureClass::BadRequest;
        error.message = result.error;
    }
    FinishedCall call = FinishedCall::direct(answer, error, job.submittedAt);
    call.operation = QStringLiteral("batch");
    return call;
}
