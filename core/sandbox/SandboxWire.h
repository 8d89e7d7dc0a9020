#pragma once

#include "core/common/PromptSize.h"
#include "core/sandbox/SandboxAnswer.h"
#include "core/sandbox/SandboxText.h"
#include "core/sandbox/SandboxTypes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

// The two wire formats the sandbox speaks, as pure functions from values to bytes: request
// parsing, response bodies, stream events and error envelopes shaped like the real providers'
// (see tests/data/wire).
namespace SandboxWire {

enum class Wire
{
    OpenAi,
    Anthropic,
    Azure, // OpenAI's bodies with Azure's content filter annotations, error envelopes and URLs
    Bedrock, // Converse; see SandboxBedrock
    Gemini, // Google's generateContent; see SandboxGemini
};

// What a prompt is billed as: all its tokens, and how many of them were read from or written to
// the prompt cache (Anthropic's usage fields; input_tokens is what remains).
struct PromptUsage
{
    qint64 tokens = 0;
    qint64 cacheRead = 0;
    qint64 cacheWrite5m = 0;
    qint64 cacheWrite1h = 0;
};

struct Call
{
    QString model;
    bool stream = false;
    bool includeUsage = false; // OpenAI stream_options.include_usage
    int maxTokens = 0;
    QString promptText; // every message's text, system included, concatenated
    QString lastUserText;
    qint64 promptTokens = 0; // estimateTokens(promptText) + the images' tokens
    PromptSize size; // images, cache_control breakpoints
    bool sentMaxTokens = false; // "max_tokens" itself, not max_completion_tokens
    std::optional<double> temperature;
    std::optional<double> topP;
    int topLogprobs = -1; // "logprobs": true: the alternatives asked for per token (top_logprobs, 0-20); -1: none
    SandboxAnswer::Ask ask; // tools, images, JSON mode
    QString reasoningEffort; // OpenAI's reasoning_effort as sent ("" when not)
    int thinkingBudget = 0; // Anthropic's thinking.budget_tokens when thinking is enabled
};

// What a request asks for: an answer, or (Anthropic's messages/count_tokens) the count of its
// input tokens, which needs no max_tokens.
enum class Purpose
{
    Answer,
    CountTokens
};

// False with an error message when the body is not a valid request for the wire format.
bool parseRequest(Wire wire, const QByteArray& body, Call* call, QByteArray* errorMessage,
                  Purpose purpose = Purpose::Answer);
// Anthropic's answer to messages/count_tokens: {"input_tokens": N}.
QByteArray anthropicTokenCount(qint64 inputTokens);

// The provider's error envelope. code selects type and message (e.g. "insufficient_quota",
// "context_length_exceeded", "overloaded_error"); empty code means the usual one for the status.
// message overrides the default message when not empty.
QByteArray errorBody(Wire wire, int status, const QByteArray& code, const QByteArray& message = {});

// Azure OpenAI's additions to OpenAI's bodies: prompt_filter_results (top level) and
// content_filter_results (per choice), every category "safe" unless the answer was filtered.
QJsonObject azureFilterResults(bool answerFiltered);
QJsonArray azurePromptFilterResults();
// Azure's answer body: OpenAI's with its filter annotations; a filtered answer has no content and
// finish_reason content_filter (violence, high).
QByteArray azureCompletion(const QByteArray& id, const QString& model, qint64 created, const SandboxText::Reply& reply,
                           qint64 promptTokens, bool withUsage, bool filtered);
// The first event of Azure's stream: no id, model or choices, only the prompt's filter results.
QByteArray azurePromptFilterEvent();
// Azure's error envelopes: {"error":{"code":"429","message":...}} with a string code, the content
// filter's 400 (OpenAI's envelope with status and innererror), 401 and 404 as Azure words them.
QByteArray azureErrorBody(int status, const QByteArray& code, int retryAfterSec = -1);

// A text-only model's answer to image parts, as DeepSeek's API gives it (HTTP 400).
QByteArray textOnlyRefusal(const QByteArray& body);

// OpenAI's reasoning models (gpt-5 but gpt-5-chat, o1, o3, o4-*) refuse max_tokens and top_p, and
// a temperature other than 1, with a 400 naming the parameter (unsupported_parameter /
// unsupported_value). The error body, or an empty array when the call is fine.
QByteArray reasoningModelRefusal(const QString& model, const Call& call);
// gpt-5 (not gpt-5-chat) and the o-series: they take max_completion_tokens and reasoning_effort.
bool isOpenAiReasoningModel(const QString& model);
// The reasoning tokens an OpenAI reasoning model spends, unseen, at an effort (-1: not an effort).
int hiddenReasoningTokens(const QString& effort);

QByteArray sseData(const QJsonObject& object); // "data: {...}\n\n"
QByteArray sseEvent(const QByteArray& name, const QJsonObject& object); // "event: name\ndata: {...}\n\n"

// OpenAI chat completions.
// topLogprobs >= 0: the request asked for logprobs (with that many alternatives per token).
// cachedTokens: the part of the prompt read from OpenAI's automatic prompt cache.
// A search model's url_citation annotations of the reply (none without a web search).
QJsonArray openAiAnnotations(const SandboxText::Reply& reply);
QByteArray openAiCompletion(const QByteArray& id, const QString& model, qint64 created, const SandboxText::Reply& reply,
                            qint64 promptTokens, bool withUsage, int topLogprobs = -1, qint64 cachedTokens = 0);
// One streamed token as a complete `data:` event, written by hand: this runs once per token.
QByteArray openAiPieceEvent(const QByteArray& id, const QString& model, qint64 created, const QString& piece,
                            bool reasoning, int topLogprobs = -1, int tokenIndex = 0);
// One token's entry of logprobs.content as OpenAI writes it: token, logprob, UTF-8 bytes and
// `top` alternatives (the token itself first). Deterministic: the same token index, the same numbers.
QJsonObject logprobEntry(const QString& token, int tokenIndex, int top);
// Anthropic's content_block_delta event for one token, written by hand for the same reason.
QByteArray anthropicTextDeltaEvent(const QString& piece, int index = 0);
// A piece of tool call arguments: OpenAI's tool_calls delta (the first one with id and name) /
// Anthropic's input_json_delta.
QByteArray openAiToolPieceEvent(const QByteArray& id, const QString& model, qint64 created,
                                const SandboxText::Reply& reply, const QString& piece, bool first);
QByteArray anthropicToolPieceEvent(const QString& piece, int index = 0);
// content_block_start of the answer's (first) block: text, or tool_use with the call's id and name.
QJsonObject anthropicBlockStart(const SandboxText::Reply& reply);
// That start as an event (with its citation when that block is cited).
QByteArray anthropicAnswerStartEvents(const SandboxText::Reply& reply);
// The citation of the reply's search result (type web_search_result_location).
QJsonObject anthropicCitation(const SandboxText::Reply& reply);
// The index of the answer's first block: after the web searches' blocks when the server searched.
int anthropicAnswerIndex(const SandboxText::Reply& reply);
// A text block of Claude's answer: the reply's pieces [begin, end), with the search result's
// citation or without.
struct AnthropicTextBlock
{
    int begin = 0;
    int end = 0;
    bool cited = false;
};
// The text blocks of the answer as Claude writes them after a web search: the text before what
// it cites, the cited text, the rest (each block with exactly its own citations); one uncited
// block without a search. Empty for a tool call.
QList<AnthropicTextBlock> anthropicTextBlocks(const SandboxText::Reply& reply);
// The text block `block` opening: content_block_start, and for a cited block its "citations": []
// and the citations_delta, both before its text as Claude streams them.
QByteArray anthropicTextBlockStartEvents(const SandboxText::Reply& reply, int block);
// The index of the answer's last block (the one the stream's last content_block_stop closes).
int anthropicLastAnswerIndex(const SandboxText::Reply& reply);
// Claude's thinking as it streams: block 0 opens, thinking_delta pieces, then its signature and stop.
QByteArray anthropicThinkingStart();
QByteArray anthropicThinkingDeltaEvent(const QString& piece);
QByteArray anthropicThinkingEnd(const SandboxText::Reply& reply);
QString anthropicSignature(const SandboxText::Reply& reply);
// The blocks of the reply's web searches as the API documents them: server_tool_use (its input
// the query) and web_search_tool_result (results with encrypted content).
QJsonArray anthropicSearchBlocks(const SandboxText::Reply& reply);
// The same as stream events: each block's start, the query as input_json_delta, and its stop.
QByteArray anthropicSearchEvents(const SandboxText::Reply& reply);
QJsonObject openAiChunk(const QByteArray& id, const QString& model, qint64 created, const QJsonObject& delta,
                        const QJsonValue& finishReason = QJsonValue::Null);
QJsonObject openAiUsageChunk(const QByteArray& id, const QString& model, qint64 created, qint64 promptTokens,
                             const SandboxText::Reply& reply, qint64 cachedTokens = 0);
QJsonObject openAiUsage(qint64 promptTokens, const SandboxText::Reply& reply, qint64 cachedTokens = 0);
QByteArray openAiModelList(const QList<SandboxModel>& models);

// Anthropic Messages.
QByteArray anthropicMessage(const QByteArray& id, const QString& model, const SandboxText::Reply& reply,
                            const PromptUsage& prompt, bool withUsage);
QJsonObject anthropicMessageStart(const QByteArray& id, const QString& model, const PromptUsage& prompt,
                                  bool withUsage);
QJsonObject anthropicMessageDelta(const SandboxText::Reply& reply, bool withUsage);
QByteArray anthropicModelList(const QList<SandboxModel>& models);

} // namespace SandboxWire
