#pragma once

#include <QString>

#include <optional>

// Where a provider batch job stands, the same for every batch API (their own status words are
// mapped in BatchWire). Kept in the ledger by id: a new state is a new word, not a schema change.
enum class BatchState
{
    Validating, // OpenAI checks the input file
    Queued, // Mistral: waiting to run (QUEUED)
    InProgress,
    Finalizing, // OpenAI writes the output file
    Cancelling,
    Ended, // every request has its result (OpenAI "completed", Anthropic "ended")
    Failed, // the input was refused as a whole (OpenAI's validation); nothing was billed
    Expired, // not finished within the completion window; finished requests are billed
    Cancelled,
};

namespace BatchStates {
QString id(BatchState state); // "validating", "queued", "in_progress", "finalizing", "cancelling", "ended", ...
std::optional<BatchState> fromId(const QString& id);
// Whether results may still change: polling makes sense.
bool isRunning(BatchState state);
// Whether the provider has results to fetch (ended, expired or cancelled with some done).
bool hasResults(BatchState state);
} // namespace BatchStates
