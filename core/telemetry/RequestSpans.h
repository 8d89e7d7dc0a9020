#pragma once

#include "core/ledger/LedgerRecords.h"
#include "core/telemetry/OtlpSpan.h"

#include <QList>

// The spans of one finished request, built from its ledger row: one span for the request (SERVER
// for the gateway, INTERNAL for the CLI and the workbench) and a CLIENT child per upstream
// attempt, so a failover shows as sibling attempts, the failed one with its failure class as
// error.type. Attributes follow the OpenTelemetry GenAI semantic conventions
// (gen_ai.operation.name, gen_ai.provider.name, gen_ai.request.model, gen_ai.usage.*, ...) plus
// switchyard.* ones for routing; no prompt or answer text ever.
//
// The ids are the ones the call was traced with (RequestRecord::trace, AttemptRecord::trace, so
// they match the `traceparent` sent upstream), or new random ones when it was not traced (a
// workbench column). A request whose trace the caller did not sample yields no spans.
namespace RequestSpans {
QList<OtlpSpan> fromRecord(const RequestRecord& record);
} // namespace RequestSpans
