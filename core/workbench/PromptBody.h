#pragma once

#include "core/common/ProviderTypes.h"
#include "core/workbench/ReasoningEffort.h"

#include <QByteArray>
#include <QList>

struct Attachment;
struct AttachmentFit;
class ToolSet;

// The OpenAI chat-completions body a workbench column sends when its prompt carries more than text
// (attachments, tools, a reasoning effort). The engine passes it through to OpenAI-format providers and
// translates it for Anthropic and Bedrock, as it does a gateway client's body.
namespace PromptBody {
// The request's messages with the attachments as parts of its last user message (images as
// image_url data URLs, PDFs as file parts or their text, text files as text), its temperature and
// max tokens, the tools offered, and the effort as reasoning_effort.
QByteArray build(const ChatRequest& request, const QList<Attachment>& attachments, const AttachmentFit& fit,
                 const ToolSet& tools, ReasoningEffort effort);
} // namespace PromptBody
