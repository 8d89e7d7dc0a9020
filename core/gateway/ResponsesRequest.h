#pragma once

#include "core/gateway/GatewayError.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// A client's POST /v1/responses body (the OpenAI Responses API) as the chat-completions body the
// router sends on, so every upstream the chat path reaches (OpenAI-format as it is, Anthropic
// translated) answers it. Pure: bytes in, chat bytes or a 400 naming the field out.
//
// Translated: input (a string, or items: messages with input_text / input_image / input_file /
// output_text / refusal parts, function_call, function_call_output), instructions (a system
// message first), tools (function tools; the hosted web search, web_search or
// web_search_preview, as web_search_options with its context size and approximate location),
// tool_choice, parallel_tool_calls, text.format (text, json_object, json_schema) and
// text.verbosity, reasoning.effort, max_output_tokens, temperature,
// top_p, stream, and metadata, user, store, service_tier, prompt_cache_key, safety_identifier
// as they are. reasoning.summary is accepted: reasoning text an upstream sends comes back as
// the summary. Our own reasoning items sent back (id "rs_sy...") carry nothing a chat upstream
// takes and are left out. previous_response_id continues a conversation the gateway kept
// (ResponsesStore); include takes message.output_text.logprobs and reasoning.encrypted_content
// (nothing to encrypt: reasoning items carry their text). Everything else - conversation,
// background, other include values, other built-in tools (file_search, code_interpreter, ...),
// a web search's domain filters, reasoning items from another service, fields not known here -
// is refused with a 400 naming it. Url citations of an answer come back as output_text
// annotations.
class ResponsesStore;

struct ResponsesRequest
{
    QByteArray chatBody; // the chat-completions request
    QJsonArray input; // the items this request adds to its conversation (a string input as a message)
    QString previousId; // previous_response_id
    bool store = true; // keep the answer for a later previous_response_id
    // What the answer repeats of the request (instructions, tools, text, reasoning, ...).
    QJsonObject echo;
    bool stream = false;
    std::optional<GatewayError> error;

    // `store`: the conversations previous_response_id can name (none: it is refused).
    static ResponsesRequest fromJson(const QByteArray& body, const ResponsesStore* store = nullptr);
};
