#pragma once

#include "core/common/ProviderTypes.h"

#include <QList>
#include <QStringList>

// Answering a model's tool calls by hand: the request that carries on the conversation after them.
namespace ToolReply {
// `previous` (a column's request with tools, an OpenAI body) followed by the model's answer as
// the API wants it back, the assistant message with its text and `tool_calls`, then one `tool`
// message per call (`tool_call_id`, the result typed for it). Empty results are sent as "".
ChatRequest continued(const ChatRequest& previous, const QString& answerText, const QList<ToolCall>& calls,
                      const QStringList& results);
} // namespace ToolReply
