#pragma once

#include "core/common/ProviderTypes.h"

#include <QJsonObject>

// The JSON printed by `ask --json` and `route --json`.
namespace ResultJson {
QJsonObject usage(const TokenUsage& usage);
QJsonObject error(const CallError& error);
// model, provider, text, reasoning, finish_reason, ttft_ms, latency_ms, usage, cost_usd (null when unpriced)
QJsonObject result(const CallResult& result, const ModelPrice& price);
// One human-readable line for stderr: model, time to first token, latency, tokens, cost.
QString summaryLine(const CallResult& result, const ModelPrice& price);
} // namespace ResultJson
