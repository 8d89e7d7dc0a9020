#pragma once

#include "core/common/ProviderTypes.h"

#include <QString>

#include <optional>

// The batch APIs Switchyard speaks. A provider's chat dialect does not decide it alone: Mistral's
// chat API is OpenAI's, its batch API is its own.
enum class BatchApi
{
    OpenAi, // POST files + batches, output and error files (OpenAI and OpenAI-compatible providers)
    Anthropic, // Message Batches
    Mistral, // POST files + batch/jobs {input_files, model, endpoint}, statuses in capitals
    Azure, // OpenAI's Batch API on a resource: openai/files and openai/batches with an api-version, or the v1 API
    Gemini, // Google's native Gemini API: models/{model}:batchGenerateContent with the requests inline, batches/{id}
};

namespace BatchApis {
QString id(BatchApi api); // "openai", "anthropic", "mistral", "azure", "gemini"
std::optional<BatchApi> fromId(const QString& id);
// The batch API a provider offers; nullopt when Switchyard cannot use one (Bedrock's S3 batch
// inference). An OpenAI-compatible provider speaks Mistral's when its base URL is Mistral's host
// (api.mistral.ai, whatever the provider's id) or its id is the Mistral preset's ("mistral") or
// the sandbox's ("sandbox-mistral"), so a proxy or the sandbox in front of Mistral needs no
// setting of its own.
std::optional<BatchApi> of(const ProviderConfig& provider);
// Whether the api's results are Anthropic's (message_batch results) rather than OpenAI-shaped lines.
bool isAnthropic(BatchApi api);
} // namespace BatchApis
