#pragma once

#include "core/common/ProviderTypes.h"
#include "core/workbench/ToolSet.h"

// The workbench's tools on a column's request. The plain ChatRequest carries text messages only,
// so a request with tools travels as an OpenAI chat-completions body (`clientBody`), which the
// engine passes on to OpenAI-format providers and translates for Anthropic and Bedrock.
namespace ToolRequestBody {
// Adds `tools` to the request: into its clientBody when it has one (OpenAI format), else into a
// body built from its messages, temperature, max_tokens and stream. Nothing when `tools` is empty.
void attach(ChatRequest& request, const ToolSet& tools);
} // namespace ToolRequestBody
