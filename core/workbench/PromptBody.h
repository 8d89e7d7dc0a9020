#pragma once

#include "core/common/ProviderTypes.h"
#include "core/workbench/ReasoningEffort.h"

#include <QByteArray>
#include <QList>

#include <optional>

struct Attachment;
struct AttachmentFit;
struct ConversationTurn;
class ToolSet;

// The OpenAI chat-completions body a workbench column sends when its prompt carries more than text
// (attachments, tools, a reasoning effort, calls answered by hand). The engine passes it through
// to OpenAI-format providers and translates it for Anthropic and Bedrock, as it does a gateway
// client's body.
namespace PromptBody {
// What the body is made of: the system prompt, the earlier turns (each with the fit its files are
// sent by), this turn's question with its files (none: the request goes on from the last turn's
// tool results), and the settings.
struct Parts
{
    QString system;
    const QList<ConversationTurn>* earlier = nullptr;
    const QList<AttachmentFit>* earlierFits = nullptr;
    QString question;
    const QList<Attachment>* attachments = nullptr;
    const AttachmentFit* fit = nullptr;
    std::optional<double> temperature;
    int maxTokens = 0;
    bool stream = true;
    const ToolSet* tools = nullptr;
    ReasoningEffort effort = ReasoningEffort::Default;
};

// The messages with each turn's files as parts of its user message (images as image_url data
// URLs, PDFs as file parts or their text, text files as text), an answered turn's assistant
// message with its `tool_calls` followed by one `tool` message per call, then temperature, max
// tokens, the tools offered and the effort as reasoning_effort.
QByteArray build(const Parts& parts);
} // namespace PromptBody
