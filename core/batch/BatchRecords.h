#pragma once

#include "core/batch/BatchJob.h"
#include "core/batch/BatchWire.h"
#include "core/recording/FinishedCall.h"
#include "core/recording/RecordContext.h"

// What one result of a batch job becomes in the ledger, through the one recorder: a request of
// source "batch" for the job's model, its usage billed at the batch rates (usage.batch), its
// latency the time from submission to the results. A request that failed is a failed row with
// no tokens (the providers bill only what succeeded).
namespace BatchRecords {
RecordContext context(const BatchJob& job, const BatchResult& result);
FinishedCall call(const BatchJob& job, const BatchResult& result, const QDateTime& fetchedAt);
} // namespace BatchRecords
